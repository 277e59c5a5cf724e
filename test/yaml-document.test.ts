import { describe, expect, it } from 'vitest';
import { parseYamlDocument } from '../src/json/yaml-document.js';

const TEXT = `openapi: 3.0.3
paths:
  /pets:
    get:
      parameters:
        - name: id
          style: label
      responses:
        200:
          description: ok
`;

const at = (range: { start: { line: number; column: number }; end: { line: number; column: number } }): string =>
  `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;

describe('parseYamlDocument', () => {
  const doc = parseYamlDocument(TEXT);

  it('gives the plain value', () => {
    expect(doc.problems).toEqual([]);
    expect(doc.value).toMatchObject({ openapi: '3.0.3', paths: { '/pets': { get: { parameters: [{ name: 'id' }] } } } });
  });

  it('locates keys, scalar values, sequence items and number-like keys', () => {
    expect(at(doc.locate(['openapi'], 'value'))).toBe('1:10-1:15');
    expect(at(doc.locate(['openapi'], 'key'))).toBe('1:1-1:8');
    expect(at(doc.locate(['paths', '/pets', 'get', 'parameters', 0, 'style'], 'value'))).toBe('7:18-7:23');
    // A block value is shown by its first character.
    expect(at(doc.locate(['paths', '/pets', 'get'], 'value'))).toBe('5:7-5:8');
    // The YAML key `200` is a number; the path from the parsed value has the string "200".
    expect(at(doc.locate(['paths', '/pets', 'get', 'responses', '200'], 'key'))).toBe('9:9-9:12');
  });

  it('falls back to the nearest existing key when the path goes further than the document', () => {
    expect(at(doc.locate(['paths', '/pets', 'post', 'operationId']))).toBe('3:3-3:8');
    expect(at(doc.locate(['servers']))).toBe('1:1-1:2'); // the document's first character
  });

  it('reports syntax errors located, and refuses an alias bomb instead of expanding it', () => {
    const broken = parseYamlDocument('a:\n  b: 1\n   c: 2\n');
    expect(broken.value).toBeUndefined();
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems[0].range.start.line).toBeGreaterThanOrEqual(2);
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const bomb = parseYamlDocument(`${levels.join('\n')}\n`);
    expect(bomb.value).toBeUndefined();
    expect(bomb.problems.map((p) => p.message)).toEqual([expect.stringMatching(/alias/i)]);
  });
});
