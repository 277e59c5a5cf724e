import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from './paths.js';

/**
 * Creates `folder` and its missing parents, like `mkdir -p`. Not `fs.mkdirSync(folder, { recursive: true })`:
 * Node's retries forever where mkdir answers ENOENT for a parent that exists (under /proc, for instance), and a
 * report or cache path must fail with an error, not hang. `mode` applies to the folders created inside
 * `modeFrom` (the cache folder and below, kept private).
 */
export function makeFolder(folder: string, options: { mode?: number; modeFrom?: string } = {}): void {
  const missing: string[] = [];
  for (let dir = path.resolve(folder); !fs.existsSync(dir) && path.dirname(dir) !== dir; dir = path.dirname(dir)) missing.push(dir);
  for (const dir of missing.reverse()) {
    const inside = options.modeFrom !== undefined && isInside(options.modeFrom, dir);
    try {
      fs.mkdirSync(dir, inside && options.mode !== undefined ? { mode: options.mode } : {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
