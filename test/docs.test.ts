import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRules } from '../rules/index.js';
import { renderAllDocs } from '../src/docs/render.js';

const root = path.resolve(__dirname, '..');

describe('generated rule docs', () => {
  const docs = renderAllDocs(projectRules, root);
  it.each([...docs.keys()])('%s is up to date (run `npm run docs` to regenerate)', (relative) => {
    const file = path.join(root, relative);
    expect(fs.existsSync(file), `${relative} is missing`).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(docs.get(relative));
  });

  it('has no page for a rule that does not exist', () => {
    const pages = fs.readdirSync(path.join(root, 'docs', 'rules')).map((n) => path.join('docs', 'rules', n));
    expect(pages.filter((p) => !docs.has(p))).toEqual([]);
  });
});
