// Validates an AsyncAPI document with the reference parser (@asyncapi/parser).
// Usage: node validate-asyncapi.js PATH. Prints {errors, warnings, channels,
// operations, messages} as JSON; exits 1 when the document has errors.
'use strict';
const fs = require('fs');
const { Parser, DiagnosticSeverity } = require('@asyncapi/parser');

async function main(path) {
  const parser = new Parser();
  const { document, diagnostics } = await parser.parse(fs.readFileSync(path, 'utf8'), { source: path });
  const describe = (d) => `${(d.path || []).join('/')}: ${d.message}`;
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map(describe);
  const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).map(describe);
  const summary = { errors, warnings, channels: [], operations: [], messages: [] };
  if (document) {
    summary.version = document.version();
    summary.channels = document.channels().all().map((c) => c.address());
    summary.operations = document.operations().all().map((o) => `${o.action()} ${o.id()}`);
    summary.messages = document.allMessages().all().map((m) => m.id());
  }
  process.stdout.write(JSON.stringify(summary));
  process.exitCode = errors.length ? 1 : 0;
}

main(process.argv[2]).catch((err) => { console.error(err); process.exitCode = 2; });
