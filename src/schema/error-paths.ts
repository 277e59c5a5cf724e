/** Helpers for ajv's JSON Pointer `instancePath`s and `schemaPath`s. */
import type { JsonPath } from '../json/document.js';

/** `/a~1b/0` → ['a/b', '0'] (JSON Pointer unescaping). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Turns an instancePath into a JsonPath, using the data to tell array indexes (numbers) from object keys that
 * happen to look like numbers.
 */
export function pointerToPath(pointer: string, root: unknown): JsonPath {
  const path: Array<string | number> = [];
  let current: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

/** Whether `pointer` is `base` or lies below it (segment-wise: `/a/1` is not below `/a/10`... nor `/a/1x`). */
export function isAtOrBelow(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(base + '/');
}

/** Number of segments in a pointer. */
export function pointerDepth(pointer: string): number {
  return pointerSegments(pointer).length;
}
