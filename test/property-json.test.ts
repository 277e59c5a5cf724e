/**
 * Property-based tests (fast-check) for the JSON position mapper: random JSON values serialised with random
 * whitespace, then truncated, with a character flipped, with trailing commas, comments and BOMs inserted.
 * Deterministic: fixed seeds, bounded runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locatePath, parseJsonDocument, resolvePath, type JsonPath } from '../src/json/document.js';
import { LineIndex } from '../src/json/string-positions.js';
import { expectRangeInside } from './helpers/locations.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261121);
const RUNS = 300;
const params = (numRuns = RUNS) => ({ seed: SEED, numRuns, endOnFailure: false });

// ---------------------------------------------------------------------------------------------- generators

const KEYS = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '0', '1', '', 'name') },
);

const SCALAR = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

type J = null | boolean | number | string | J[] | { entries: Array<[string, J]> };

/** Objects as entry lists, so duplicate keys (and `__proto__`) survive until serialisation. */
const { value: JSON_VALUE } = fc.letrec<{ value: J }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    SCALAR as fc.Arbitrary<J>,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.record({ entries: fc.array(fc.tuple(KEYS, tie('value')), { maxLength: 4 }) }),
  ),
}));

const WHITESPACE = fc.array(fc.constantFrom('', '', ' ', '  ', '\n', '\r\n', '\t', '\r', '\n    '), { minLength: 1, maxLength: 8 });

/** Serialises with whitespace taken in turn from `ws` between every token. */
function serialise(value: J, ws: string[]): string {
  let k = 0;
  const w = () => ws[k++ % ws.length];
  const go = (v: J): string => {
    if (Array.isArray(v)) return `[${w()}${v.map((e) => `${go(e)}${w()}`).join(`,${w()}`)}]`;
    if (v !== null && typeof v === 'object') {
      return `{${w()}${v.entries.map(([key, e]) => `${JSON.stringify(key)}${w()}:${w()}${go(e)}${w()}`).join(`,${w()}`)}}`;
    }
    return JSON.stringify(v);
  };
  return `${w()}${go(value)}${w()}`;
}

const VALID_TEXT = fc.tuple(JSON_VALUE, WHITESPACE).map(([v, ws]) => serialise(v, ws));

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'trailing-comma'; nth: number }
  | { kind: 'delete'; at: number; length: number };

const INSERTS = fc.oneof(
  fc.constantFrom('\uFEFF', '// comment\n', '/* block */', '/*', '//', ',', ',,', '"', '\\', '{', '}', '[', ']', ':', '\r', '\n', '\u2028', '🚀', 'é', 'NaN', '-Infinity', '1e999', '\u0000'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);

const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: INSERTS }),
  fc.record({ kind: fc.constant('trailing-comma' as const), nth: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
);

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : (m as { at?: number }).at! % (text.length + 1);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'flip':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'trailing-comma': {
      const closers = [...text.matchAll(/[}\]]/g)].map((x) => x.index);
      if (closers.length === 0) return text;
      const i = closers[m.nth % closers.length];
      return text.slice(0, i) + ',' + text.slice(i);
    }
  }
}

const MUTATED_TEXT = fc.oneof(
  fc.tuple(VALID_TEXT, fc.array(MUTATION, { minLength: 1, maxLength: 4 })).map(([t, ms]) => ms.reduce(mutate, t)),
  fc.tuple(VALID_TEXT, fc.boolean()).map(([t, bom]) => (bom ? '\uFEFF' : '') + t),
);

// ---------------------------------------------------------------------------------------------- checks

/** Lines as editors count them (LF, CRLF, lone CR), without their terminators. */

/** Deep equality that sees own `__proto__` keys, key order, prototypes and -0. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object') return false;
    if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameJson((a as never)[k], (b as never)[k]));
  }
  return Object.is(a, b);
}

/** Every path that exists in a JSON.parse value, the root included. */
function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((e, i) => out.push(...pathsOf(e, [...prefix, i])));
  else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) out.push(...pathsOf((value as Record<string, unknown>)[k], [...prefix, k]));
  }
  return out;
}

function lookup(value: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((v, s) => (v as Record<string | number, unknown>)[s], value);
}

// ---------------------------------------------------------------------------------------------- properties

describe('property: parseJsonDocument on valid JSON', () => {
  it('gives JSON.parse\'s value, no problems, and locates every path at its key and value', () => {
    fc.assert(
      fc.property(VALID_TEXT, (text) => {
        const expected = JSON.parse(text) as unknown;
        const doc = parseJsonDocument('/p.json', text);
        expect(doc.problems.filter((p) => p.kind !== 'duplicate-key')).toEqual([]);
        expect(sameJson(doc.value, expected), `value of ${JSON.stringify(text)}`).toBe(true);
        const lines = new LineIndex(text);
        for (const path of pathsOf(expected)) {
          const value = locatePath(doc, path, 'value');
          expectRangeInside(text, value, `value of ${JSON.stringify(path)}`);
          const source = text.slice(lines.offset(value.start), lines.offset(value.end));
          expect(sameJson(JSON.parse(source), lookup(expected, path)), `value of ${JSON.stringify(path)}: ${source}`).toBe(true);
          if (path.length > 0 && typeof path[path.length - 1] === 'string') {
            const key = locatePath(doc, path, 'key');
            expectRangeInside(text, key, `key of ${JSON.stringify(path)}`);
            const keySource = text.slice(lines.offset(key.start), lines.offset(key.end));
            expect(JSON.parse(keySource), `key of ${JSON.stringify(path)}`).toBe(path[path.length - 1]);
          }
        }
      }),
      params(),
    );
  });
});

describe('property: parseJsonDocument on mutated JSON', () => {
  it('never throws, and every problem and located path lies inside the text', () => {
    fc.assert(
      fc.property(MUTATED_TEXT, fc.array(fc.oneof(fc.nat(5), KEYS), { maxLength: 4 }), (text, randomPath) => {
        const doc = parseJsonDocument('/p.json', text);
        expect(doc.text).toBe(text);
        for (const problem of doc.problems) expectRangeInside(text, problem.range, `${problem.kind} problem`);
        if (doc.ast) {
          const paths = [...pathsOf(doc.value).slice(0, 50), randomPath];
          for (const path of paths) {
            resolvePath(doc, path);
            expectRangeInside(text, locatePath(doc, path, 'value'), `value of ${JSON.stringify(path)}`);
            expectRangeInside(text, locatePath(doc, path, 'key'), `key of ${JSON.stringify(path)}`);
          }
        }
        let parsed: { ok: true; value: unknown } | { ok: false };
        try {
          parsed = { ok: true, value: JSON.parse(text) };
        } catch {
          parsed = { ok: false };
        }
        // JSON.parse accepts it exactly when no problem (but duplicate keys) is reported, and then the values agree.
        expect(doc.problems.every((p) => p.kind === 'duplicate-key'), `problems for ${JSON.stringify(text)}: ${JSON.stringify(doc.problems)}`).toBe(parsed.ok);
        if (parsed.ok) expect(sameJson(doc.value, parsed.value)).toBe(true);
      }),
      params(600),
    );
  });
});

describe('regressions found by the properties above', () => {
  it('an empty file: the syntax problem does not reach past the end of the text', () => {
    const doc = parseJsonDocument('/p.json', '');
    expect(doc.problems.map((p) => p.range)).toEqual([{ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }]);
  });

  it('a raw control character inside a string is a problem, as JSON.parse rejects it', () => {
    expect(() => JSON.parse('"\u0000"')).toThrow();
    const doc = parseJsonDocument('/p.json', '{"a": "x\u0000"}');
    expect(doc.problems).toMatchObject([{ kind: 'syntax', range: { start: { line: 1, column: 9 } } }]);
    expect(doc.problems[0].message).toContain('U+0000');
    expect(doc.value).toEqual({ a: 'x\u0000' }); // still read, so the rest of the file is linted
    expect(parseJsonDocument('/p.json', '["a\tb"]').problems[0].message).toContain('U+0009');
  });

  it('a string holding a raw line break: what follows it is located on the right line', () => {
    const text = '\t[\t{\t""\t:\t"// comment\n"\t}\t]\t';
    const doc = parseJsonDocument('/p.json', text);
    expect(locatePath(doc, [0, ''])).toEqual({ start: { line: 1, column: 11 }, end: { line: 2, column: 2 } });
    expect(locatePath(doc, [0])).toEqual({ start: { line: 1, column: 4 }, end: { line: 2, column: 4 } });
  });

  it('a string left open to the end of input after a line break is located at the end, not inside the line', () => {
    const text = '\r\n"\uFEFF#\u0000\r\n';
    const doc = parseJsonDocument('/p.json', text);
    expect(doc.problems.map((p) => p.range)).toEqual([{ start: { line: 3, column: 1 }, end: { line: 3, column: 1 } }]);
  });
});
