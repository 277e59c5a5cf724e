/** Small helpers that put JSON values, types and choices into plain words for messages. */
import { formatPath, type JsonPath } from '../json/document.js';

const MAX_SHOWN_TEXT = 60;
const MAX_LISTED_CHOICES = 25;

/** A value as the user wrote it, shortened: `"Zip"`, `42`, `an object`. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const text = value.length > MAX_SHOWN_TEXT ? `${value.slice(0, MAX_SHOWN_TEXT - 1)}…` : value;
    return JSON.stringify(text);
  }
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** What kind of JSON value this is, with an article: `a string`, `an array`. */
export function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return withArticle(typeof value);
}

/** A JSON Schema type name with an article: `object` → `an object`; `null` stays `null`. */
export function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `"A"`, `"A" or "B"`, `one of "A", "B", "C"`; long lists are cut with a count. */
export function choiceList(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_LISTED_CHOICES).map((v) => JSON.stringify(v));
  if (values.length > MAX_LISTED_CHOICES) shown.push(`… (${values.length} in all)`);
  if (shown.length === 1) return shown[0];
  if (shown.length === 2) return `${shown[0]} or ${shown[1]}`;
  return `one of ${shown.join(', ')}`;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export function andList(names: readonly string[]): string {
  const quoted = names.map((n) => JSON.stringify(n));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** A place in the file to start a sentence with: `runtimes[0].build`, or `The top level` for the root. */
export function subjectOf(path: JsonPath): string {
  return path.length === 0 ? 'The top level' : formatPath(path);
}

/** `at the top level` / `in runtimes[0]`, for "unknown key … <where>". */
export function inPlace(path: JsonPath): string {
  return path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
