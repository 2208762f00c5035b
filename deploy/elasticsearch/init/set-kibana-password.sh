#!/usr/bin/env bash
# Give the built-in kibana_system user the password Kibana logs in with, and
# (when SNAPSHOT_DIR is set) hand the snapshot volume to the elasticsearch user.
# Runs once per `docker compose up` (service es-init); safe to re-run.
set -euo pipefail

: "${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD in .env}"
: "${KIBANA_SYSTEM_PASSWORD:?set KIBANA_SYSTEM_PASSWORD in .env}"
ES_URL="${ES_URL:-http://elasticsearch:9200}"
WAIT_S="${WAIT_S:-180}"

# A fresh named volume belongs to root; Elasticsearch runs as uid 1000, gid 0
# and must write there to take snapshots (path.repo in elasticsearch.yml).
if [ -n "${SNAPSHOT_DIR:-}" ]; then
  if [ ! -d "$SNAPSHOT_DIR" ]; then
    echo "es-init: SNAPSHOT_DIR=${SNAPSHOT_DIR} is not a folder; mount the es-snapshots volume there" >&2
    exit 1
  fi
  if ! chown 1000:0 "$SNAPSHOT_DIR" 2>/dev/null || ! chmod 0775 "$SNAPSHOT_DIR"; then
    echo "es-init: cannot hand ${SNAPSHOT_DIR} to uid 1000; es-init must run as root (user: \"0:0\")" >&2
    exit 1
  fi
fi

deadline=$(( $(date +%s) + WAIT_S ))
while true; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "elastic:${ELASTIC_PASSWORD}" \
    "${ES_URL}/_security/_authenticate" || true)
  case "$code" in
    200) break ;;
    401)
      echo "es-init: Elasticsearch refused user 'elastic'. ELASTIC_PASSWORD in .env must be the" \
           "one the data volume was created with (see deploy/README.md, 'Passwords')." >&2
      exit 1 ;;
  esac
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "es-init: no answer from ${ES_URL} within ${WAIT_S}s (last HTTP code: ${code})" >&2
    exit 1
  fi
  sleep 2
done

# The password goes in a JSON string: refuse characters that would need escaping.
case "$KIBANA_SYSTEM_PASSWORD" in
  *\"* | *\\*) echo "es-init: KIBANA_SYSTEM_PASSWORD must not contain \" or \\" >&2; exit 1 ;;
esac

code=$(curl -s -o /tmp/es-init.out -w '%{http_code}' -u "elastic:${ELASTIC_PASSWORD}" \
  -H 'Content-Type: application/json' -X POST \
  "${ES_URL}/_security/user/kibana_system/_password" \
  -d "{\"password\":\"${KIBANA_SYSTEM_PASSWORD}\"}")
if [ "$code" != "200" ]; then
  echo "es-init: setting the kibana_system password failed (HTTP ${code}): $(cat /tmp/es-init.out)" >&2
  exit 1
fi
echo "es-init: kibana_system password set"
