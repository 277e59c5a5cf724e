/**
 * Maps positions inside a JSON string's decoded value back to the file: a Cedar statement stored in
 * agentcore.json is checked as decoded text, but its errors must point at the right character of the file,
 * escapes (`\"`, `\n`, `\u00e9`, surrogate pairs) included.
 */
import type { StringNode } from '@humanwhocodes/momoa';
import type { Position } from '../types.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column (UTF-16 units) of a 0-based offset. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  /** The 0-based offset of a 1-based line and column (clamped to the lines that exist). */
  offset(position: Position): number {
    const line = Math.min(Math.max(position.line, 1), this.starts.length);
    return this.starts[line - 1] + Math.max(position.column, 1) - 1;
  }
}

/**
 * For each UTF-16 index of the decoded string (and one past its end), the offset in the file where that
 * character's source text starts.
 */
export function decodedToSourceOffsets(fileText: string, node: StringNode): number[] {
  const begin = node.loc.start.offset + 1; // after the opening quote
  const end = node.loc.end.offset - 1; // the closing quote
  const offsets: number[] = [];
  let i = begin;
  while (i < end) {
    if (fileText.charCodeAt(i) !== 92 /* backslash */) {
      offsets.push(i);
      i++;
      continue;
    }
    // Every escape but \uXXXX decodes to one UTF-16 unit; \uXXXX also to one (surrogates come as two escapes).
    offsets.push(i);
    i += fileText[i + 1] === 'u' ? 6 : 2;
  }
  offsets.push(end);
  return offsets;
}

/** UTF-8 byte offset (as Cedar reports) → UTF-16 index into the same string. */
export function byteToUtf16Index(text: string, byteOffset: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= byteOffset) return i;
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++; // the low surrogate belongs to the same code point
    } else bytes += 3; // a lone surrogate is encoded as U+FFFD, 3 bytes
  }
  return text.length;
}
