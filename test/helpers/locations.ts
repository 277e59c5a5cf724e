import { expect } from 'vitest';
import { LineIndex } from '../../src/json/string-positions.js';
import type { Position, SourceRange } from '../../src/types.js';

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/** A 1-based position that exists in `text` (a column may be one past the end of its line). */
export function expectPositionInside(text: string, p: Position, what: string): void {
  const lengths = lineLengths(text);
  const where = `${what} ${p.line}:${p.column} in ${JSON.stringify(text)}`;
  expect(Number.isInteger(p.line) && Number.isInteger(p.column), where).toBe(true);
  expect(p.line, where).toBeGreaterThanOrEqual(1);
  expect(p.line, where).toBeLessThanOrEqual(lengths.length);
  expect(p.column, where).toBeGreaterThanOrEqual(1);
  expect(p.column, where).toBeLessThanOrEqual(lengths[p.line - 1] + 1);
}

/** A range inside `text` whose start is not after its end. */
export function expectRangeInside(text: string, r: SourceRange, what: string): void {
  expectPositionInside(text, r.start, `${what} start`);
  expectPositionInside(text, r.end, `${what} end`);
  const lines = new LineIndex(text);
  expect(lines.offset(r.start), `${what} start ≤ end`).toBeLessThanOrEqual(lines.offset(r.end));
}
