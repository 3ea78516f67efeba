// Rewrites the README's variables table from the registry (npm run readme).
import { readFileSync, writeFileSync } from 'node:fs';
import { VARIABLES_END, VARIABLES_START, variablesTable } from '../src/core/variables-table.ts';

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const start = readme.indexOf(VARIABLES_START);
const end = readme.indexOf(VARIABLES_END);
if (start < 0 || end < start) throw new Error('README.md has no variables markers');
writeFileSync(file, readme.slice(0, start) + variablesTable() + readme.slice(end + VARIABLES_END.length));
console.log('README.md: variables table written from the registry');
