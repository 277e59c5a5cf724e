import * as v8 from 'node:v8';

const set = new Set<string>();
const beforeChange: Array<() => void> = [];

/**
 * Sets a V8 flag for the rest of the process (`--liftoff-only`, `--heap-growing-percent=…`) and records it: V8
 * accepts a code cache only under the flags it was made with, so util/compile-cache.ts keys its caches by
 * `v8FlagsSignature()`, and writes the caches it owes before the flags change (`onBeforeFlagChange`).
 */
export function setV8Flag(flag: string): void {
  if (set.has(flag)) return;
  for (const listener of beforeChange) listener();
  v8.setFlagsFromString(flag);
  set.add(flag);
}

/** The flags this process set, in a stable order. */
export function v8FlagsSignature(): string {
  return [...set].sort().join(' ');
}

/** Runs `listener` each time, just before `setV8Flag` changes the flags. */
export function onBeforeFlagChange(listener: () => void): void {
  beforeChange.push(listener);
}
