import * as path from 'node:path';

/** Whether `candidate` is `folder` or lies inside it (absolute paths, no symlink resolution). */
export function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
