import * as path from 'node:path';

/** Whether `candidate` is `folder` or lies inside it (absolute paths, no symlink resolution). */
export function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** `file` relative to `from`, with `/` separators on every platform (the form of globs, gitignore and reports). */
export function posixRelative(from: string, file: string): string {
  return path.relative(from, file).split(path.sep).join('/');
}

/** `file` relative to `folder` with `/` separators, or undefined when it is outside `folder` or is `folder` itself. */
export function relativeInside(folder: string, file: string): string | undefined {
  const relative = posixRelative(folder, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : undefined;
}
