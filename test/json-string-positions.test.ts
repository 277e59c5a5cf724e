import { describe, expect, it } from 'vitest';
import type { StringNode } from '@humanwhocodes/momoa';
import { parseJsonDocument, resolvePath } from '../src/json/document.js';
import { byteToUtf16Index, decodedToSourceOffsets, LineIndex } from '../src/json/string-positions.js';

function stringNode(text: string): StringNode {
  const doc = parseJsonDocument('/x.json', text);
  const node = resolvePath(doc, ['s'])!.value;
  if (node.type !== 'String') throw new Error('not a string');
  return node;
}

describe('decodedToSourceOffsets', () => {
  it('maps every decoded character to where its source text starts, escapes included', () => {
    const text = '{"s": "a\\"b\\nc\\u00e9\\ud83d\\ude80d"}';
    const node = stringNode(text);
    const decoded = node.value; // a"b<LF>cé🚀d
    const offsets = decodedToSourceOffsets(text, node);
    expect(offsets).toHaveLength(decoded.length + 1);
    const sourceAt = (i: number) => text.slice(offsets[i], offsets[i + 1]);
    expect(decoded.split('').map((_, i) => sourceAt(i))).toEqual(['a', '\\"', 'b', '\\n', 'c', '\\u00e9', '\\ud83d', '\\ude80', 'd']);
    expect(text[offsets[decoded.length]]).toBe('"'); // one past the end is the closing quote
  });

  it('keeps raw non-ASCII characters one to one', () => {
    const text = '{"s": "café 🚀!"}';
    const node = stringNode(text);
    const offsets = decodedToSourceOffsets(text, node);
    expect(text[offsets[node.value.indexOf('!')]]).toBe('!');
  });
});

describe('byteToUtf16Index', () => {
  it('converts Cedar UTF-8 byte offsets to string indices', () => {
    const text = 'é🚀x';
    expect(byteToUtf16Index(text, 0)).toBe(0);
    expect(byteToUtf16Index(text, 2)).toBe(1); // after é (2 bytes)
    expect(byteToUtf16Index(text, 6)).toBe(3); // after 🚀 (4 bytes, 2 UTF-16 units)
    expect(byteToUtf16Index(text, 99)).toBe(text.length);
  });
});

describe('LineIndex', () => {
  it('gives 1-based lines and columns for LF, CRLF and CR line ends', () => {
    const lines = new LineIndex('ab\ncd\r\nef\rgh');
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(4)).toEqual({ line: 2, column: 2 });
    expect(lines.position(7)).toEqual({ line: 3, column: 1 });
    expect(lines.position(10)).toEqual({ line: 4, column: 1 });
  });
});
