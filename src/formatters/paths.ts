import * as path from 'node:path';

/** A path relative to `cwd` with `/` separators, or undefined when the file is outside `cwd`. */
export function relativePosix(cwd: string, file: string): string | undefined {
  const rel = path.relative(cwd, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** What to show a person: relative when inside `cwd`, else absolute. */
export function displayPath(cwd: string, file: string): string {
  return relativePosix(cwd, file) ?? file;
}
