import { relativeInside } from '../util/paths.js';

/** What to show a person: relative when inside `cwd`, else absolute. */
export function displayPath(cwd: string, file: string): string {
  return relativeInside(cwd, file) ?? file;
}
