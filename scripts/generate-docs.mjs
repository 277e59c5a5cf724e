// Writes docs/rules/ from the built rule metadata (run `npm run docs`, which builds first).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRules } from '../dist/rules/index.js';
import { renderAllDocs } from '../dist/src/docs/render.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docs = renderAllDocs(projectRules, root);
const dir = path.join(root, 'docs', 'rules');
fs.mkdirSync(dir, { recursive: true });
// Remove pages of rules that no longer exist.
for (const name of fs.readdirSync(dir)) {
  if (!docs.has(path.join('docs', 'rules', name))) fs.rmSync(path.join(dir, name));
}
for (const [relative, text] of docs) fs.writeFileSync(path.join(root, relative), text);
console.log(`wrote ${docs.size} files to docs/rules/`);
