/**
 * Property-based tests (fast-check) for the Cedar offset mapping: cedar-wasm reports UTF-8 byte offsets, which
 * must become UTF-16 indices of the policy text, and a policy stored in a JSON string must map every decoded
 * index back into that string's source text, whatever escapes and non-ASCII characters it holds.
 * Deterministic: fixed seeds, bounded runs.
 */
import fc from 'fast-check';
import type { StringNode } from '@humanwhocodes/momoa';
import { describe, expect, it } from 'vitest';
import { parseJsonDocument, resolvePath } from '../src/json/document.js';
import { byteToUtf16Index, decodedToSourceOffsets } from '../src/json/string-positions.js';
import { cedarSyntaxErrors } from '../src/policy/cedar.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261121);
const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });

const POLICIES = [
  'permit(principal, action == AgentCore::Action::"flights___search", resource);',
  'permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::"refunds___process_refund", resource is AgentCore::Gateway)\n' +
    'when { principal.hasTag("group") && principal.getTag("group") == "support" && context.input.amount < 100 };',
  '@id("é🚀")\nforbid(principal, action, resource) // a comment with 𝒳\nunless { context.input.reason like "*fraud*" };',
];

const UNICODE = fc.constantFrom('é', 'ß', '€', '中', '🚀', '𝒳', '\u0301', '\u200B', '\uFEFF', '\u2028', '\t', '\n', '\r\n', '"', '\\', ';', '(', ')', '{', '}', '==', '&&', '//');

type Edit = { at: number; length: number; text: string; kind: 'insert' | 'replace' | 'delete' };
const EDIT: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'replace', 'delete'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 6 }),
  text: fc.oneof(UNICODE, fc.string({ unit: 'grapheme', maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 })),
});

function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.length);
  return text.slice(0, at) + e.text + text.slice(at + e.length);
}

const POLICY_TEXT = fc
  .tuple(fc.constantFrom(...POLICIES), fc.array(EDIT, { maxLength: 5 }))
  .map(([base, edits]) => edits.reduce(applyEdit, base));

/** Any code points, plus lone high and low surrogates (a JSON string can hold them: `"\ud800"`). */
const WITH_LONE_SURROGATES = fc
  .array(fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF')), { maxLength: 30 })
  .map((parts) => parts.join(''));

function splitsSurrogatePair(text: string, i: number): boolean {
  const high = text.charCodeAt(i - 1);
  const low = text.charCodeAt(i);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** JSON string source for `value`, each character written raw or escaped at random (`choices` cycles). */
function encodeJsonString(value: string, choices: number[]): string {
  let out = '"';
  let k = 0;
  for (const ch of value) {
    for (let j = 0; j < ch.length; j++) {
      const unit = ch[j];
      const code = unit.charCodeAt(0);
      const choice = choices[k++ % choices.length];
      const mustEscape = unit === '"' || unit === '\\' || code < 0x20;
      if (choice === 0 && !mustEscape) out += unit;
      else if (choice === 1 && JSON.stringify(unit).length === 4) out += JSON.stringify(unit).slice(1, -1); // \n, \", \\ ...
      else if (choice === 2 && unit === '/') out += '\\/';
      else {
        const hex = code.toString(16).padStart(4, '0');
        out += `\\u${choice === 1 ? hex.toUpperCase() : hex}`;
      }
    }
  }
  return `${out}"`;
}

describe('property: Cedar byte offsets → UTF-16 indices', () => {
  it('byteToUtf16Index inverts UTF-8 byte length at every code point boundary, lone surrogates included', () => {
    fc.assert(
      fc.property(WITH_LONE_SURROGATES, fc.nat(), (text, extra) => {
        for (let i = 0; i <= text.length; i++) {
          if (splitsSurrogatePair(text, i)) continue;
          const bytes = Buffer.byteLength(text.slice(0, i), 'utf8');
          expect(byteToUtf16Index(text, bytes), `index ${i} of ${JSON.stringify(text)}`).toBe(i);
        }
        const any = byteToUtf16Index(text, extra % (Buffer.byteLength(text) + 3));
        expect(any).toBeGreaterThanOrEqual(0);
        expect(any).toBeLessThanOrEqual(text.length);
        expect(splitsSurrogatePair(text, any)).toBe(false);
      }),
      params(400),
    );
  });

  it('cedarSyntaxErrors: every error lies within the text, never inside a surrogate pair', () => {
    fc.assert(
      fc.property(POLICY_TEXT, (text) => {
        for (const error of cedarSyntaxErrors(text)) {
          const what = `${JSON.stringify(error)} in ${JSON.stringify(text)}`;
          expect(error.start, what).toBeGreaterThanOrEqual(0);
          expect(error.start, what).toBeLessThanOrEqual(error.end);
          expect(error.end, what).toBeLessThanOrEqual(text.length);
          expect(splitsSurrogatePair(text, error.start), what).toBe(false);
          expect(splitsSurrogatePair(text, error.end), what).toBe(false);
          expect(typeof error.detail).toBe('string');
        }
      }),
      params(200),
    );
  });
});

describe('property: a policy in a JSON string maps back to its source', () => {
  it('decodedToSourceOffsets maps every decoded index (and cedar error) into the string\'s source range', () => {
    fc.assert(
      fc.property(
        POLICY_TEXT,
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 7 }),
        fc.constantFrom('', '\uFEFF', '\n  ', '{"x": "é🚀\\n"}\r\n'),
        (policy, choices, prefix) => {
          const encoded = encodeJsonString(policy, choices);
          const text = prefix.startsWith('{') ? `[${prefix.trim()}, {"statement": ${encoded}}]` : `${prefix}{"statement": ${encoded}}`;
          const doc = parseJsonDocument('/agentcore.json', text);
          const path = prefix.startsWith('{') ? [1, 'statement'] : ['statement'];
          const node = resolvePath(doc, path)!.value as StringNode;
          expect(node.type).toBe('String');
          expect(node.value).toBe(policy);
          const offsets = decodedToSourceOffsets(doc.text, node);
          const [open, close] = [node.loc.start.offset, node.loc.end.offset - 1];
          expect(offsets).toHaveLength(policy.length + 1);
          expect(offsets[0]).toBe(open + 1);
          expect(offsets[policy.length]).toBe(close);
          for (let i = 0; i < policy.length; i++) {
            expect(offsets[i]).toBeLessThan(offsets[i + 1]);
            const source = text.slice(offsets[i], offsets[i + 1]);
            expect(JSON.parse(`"${source}"`), `decoded index ${i} from ${JSON.stringify(source)}`).toBe(policy[i]);
          }
          for (const error of cedarSyntaxErrors(policy)) {
            for (const i of [error.start, error.end]) {
              expect(offsets[i]).toBeGreaterThan(open);
              expect(offsets[i]).toBeLessThanOrEqual(close);
            }
          }
        },
      ),
      params(200),
    );
  });
});

describe('regressions found by the properties above', () => {
  it('a lone surrogate counts as U+FFFD (3 bytes), not as half of a 4-byte pair', () => {
    expect(byteToUtf16Index('\uD800a', 3)).toBe(1);
    expect(byteToUtf16Index('\uD800a', 4)).toBe(2);
    expect(byteToUtf16Index('x\uDC00🚀y', 8)).toBe(4);
  });

  it('cedarSyntaxErrors does not throw on a lone surrogate (cedar-wasm does), and keeps its indices', () => {
    const text = 'épermit(principal, actio\ud800é\udc00n == AgentCore::Action::"flights___search", resource);';
    const errors = cedarSyntaxErrors(text);
    expect(errors).toHaveLength(1);
    // After a lone surrogate, a located error still points at the right characters.
    const after = 'permit(principal, action, resource) when { context.input.x == "\ud800🚀" } @;';
    const [error] = cedarSyntaxErrors(after);
    expect(after.slice(error.start, error.end + 1)).toContain('@');
    expect(cedarSyntaxErrors('permit(principal, action, resource) when { context.input.x == "\ud800" };')).toEqual([]);
  });
});
