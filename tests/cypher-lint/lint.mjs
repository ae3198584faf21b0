// Lint Cypher files with Neo4j's own parser (@neo4j-cypher/language-support), offline.
// Usage: node lint.mjs FILE...   Literal slots {{name}} are filled with 3; undeclared-parameter
// diagnostics are ignored (parameters come at run time). Exit 1 on any error or warning.
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';
import { readFileSync } from 'node:fs';

let problems = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8').replace(/\{\{[A-Za-z_][A-Za-z0-9_]*\}\}/g, '3');
  const { diagnostics } = lintCypherQuery(text, {});
  for (const d of diagnostics.filter(isNotParamError)) {
    const kind = d.severity === 1 ? 'error' : 'warning';
    console.log(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${kind}: `
      + d.message.split('\n')[0]);
    problems++;
  }
}
console.log(`${process.argv.length - 2} files checked, ${problems} problems`);
process.exit(problems ? 1 : 0);
