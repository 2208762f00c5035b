// Read wirewatch events with kafkajs, validate each against the published
// JSON Schema with ajv, and print who did what to whom, where.
//
//   npm install kafkajs ajv ajv-formats
//   node consume-events.js --bootstrap 127.0.0.1:9092 --group my-app
//
// One JSON line per valid event on stdout; an invalid one is reported on
// stderr and skipped. Offsets are committed after each event is handled:
// at-least-once, so key your writes by event `id`.
'use strict';
const fs = require('fs');
const path = require('path');
const { Kafka, logLevel } = require('kafkajs');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const bootstrap = option('bootstrap', '127.0.0.1:9092');
const topic = option('topic', 'wirewatch.events');
const groupId = option('group');
const max = Number(option('max', '0'));
const schemaFile = option('schema', path.join(__dirname, '..', '..', 'schemas', 'json', 'event-message.schema.json'));
if (!groupId) throw new Error('--group is required: your own consumer group (never "wirewatch")');

// Strict validation is safe: the schemas allow fields added later.
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

const SUPPORTED_SCHEMA_VERSION = 1;
const names = (refs) => (refs || []).map((r) => `${r.name} (${r.type})`);

async function main() {
  const kafka = new Kafka({ clientId: `${groupId}-events`, brokers: bootstrap.split(','), logLevel: logLevel.WARN });
  // Short group timeouts: a new member gets its partitions in seconds.
  const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 1000, rebalanceTimeout: 60000 });
  let seen = 0;
  const stop = async () => { await consumer.disconnect(); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: true,
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value.toString('utf8'));
      if ((event.schema_version || 1) > SUPPORTED_SCHEMA_VERSION) {
        console.error(`skipping ${message.key}: schema_version ${event.schema_version}`);
      } else if (!validate(event)) {
        console.error(`invalid event ${message.key}: ${ajv.errorsText(validate.errors)}`);
      } else {
        console.log(JSON.stringify({
          id: event.id,
          category: event.category,
          subtype: event.subtype,
          date: event.date || event.published_at,
          actors: names(event.actor_refs),
          targets: names(event.target_refs),
          places: names(event.place_refs),
          url: event.url,
        }));
        seen += 1;
      }
      if (max && seen >= max) setImmediate(stop);
    },
  });
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
