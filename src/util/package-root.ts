import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding our package.json, whether running from dist/src/, the dist/cli/ bundle or (in tests) the
 * TypeScript sources.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'schemas'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('agentcore-lint: cannot find its package root');
    dir = parent;
  }
  return dir;
}
