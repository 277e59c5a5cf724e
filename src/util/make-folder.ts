import * as fs from 'node:fs';
import * as path from 'node:path';

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
    const relative = options.modeFrom === undefined ? undefined : path.relative(options.modeFrom, dir);
    const inside = relative !== undefined && (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)));
    try {
      fs.mkdirSync(dir, inside && options.mode !== undefined ? { mode: options.mode } : {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
