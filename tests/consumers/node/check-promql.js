// Parses PromQL expressions with Prometheus' own grammar (@prometheus-io/lezer-promql).
// Input: a JSON array of expressions on stdin. Output: a JSON array, one
// {expr, errors, identifiers} per expression; `errors` lists the text around
// each syntax error, `identifiers` the metric and function names it names.
'use strict';
const { parser } = require('@prometheus-io/lezer-promql');

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map((expr) => {
    const errors = [];
    const identifiers = [];
    parser.parse(expr).iterate({
      enter: (node) => {
        if (node.type.isError) errors.push(expr.slice(Math.max(0, node.from - 10), node.to + 10));
        if (node.name === 'Identifier') identifiers.push(expr.slice(node.from, node.to));
      },
    });
    return { expr, errors, identifiers };
  });
  process.stdout.write(JSON.stringify(results));
});
