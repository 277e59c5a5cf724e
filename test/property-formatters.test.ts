/**
 * Property-based tests (fast-check) for every formatter: random findings (messages with control characters, `%`,
 * line breaks, quotes, `<>&`, any Unicode; paths with spaces, commas, colons; random ranges) never make a formatter
 * throw, and each output stays well-formed for its consumer. Deterministic: fixed seeds, bounded runs.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectRules } from '../rules/index.js';
import { formatters, type FormatContext } from '../src/formatters/index.js';
import type { Finding } from '../src/types.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261121);
const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });

const CWD = '/work/project dir';
const RULE_IDS = [...projectRules.map((r) => r.meta.id).slice(0, 6), 'internal-error', 'suppression-directive'];

const NASTY = fc.constantFrom(
  '%', '%25', '%0A', '\n', '\r', '\r\n', '\u2028', '\u0085', '\t', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\uFFFE', '\uFFFF',
  '"', "'", '<', '>', '&', '&amp;', ']]>', '<!--', '::', '::error file=x::pwned', ',', ':', '\\', '${{ secrets.X }}', '🚀', 'é', '\uD800', '\uDC00',
);
const TEXT = fc.array(fc.oneof({ weight: 2, arbitrary: NASTY }, { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), { maxLength: 8 })
  .map((parts) => parts.join(''));

/** A segment of a file name: whatever a file system allows (no `/`, no NUL), spaces, commas, colons and line breaks included. */
const SEGMENT = fc
  .array(fc.oneof(fc.constantFrom(' ', ',', ':', '%', '#', '?', '"', '<', '&', 'é', '🚀', '\n', '\r', '::warning::x', '..'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('').replace(/[/\u0000]/g, '_'))
  .filter((s) => s !== '.' && s !== '..');

const FILE = fc.oneof(
  fc.array(SEGMENT, { minLength: 1, maxLength: 3 }).map((segments) => path.join(CWD, ...segments)),
  fc.array(SEGMENT, { minLength: 1, maxLength: 2 }).map((segments) => path.join('/elsewhere', ...segments)),
  fc.constant(path.join(CWD, 'agentcore', 'agentcore.json')),
);

const POSITION = fc.record({ line: fc.integer({ min: 1, max: 100_000 }), column: fc.integer({ min: 1, max: 10_000 }) });

const FINDING: fc.Arbitrary<Finding> = fc.record(
  {
    ruleId: fc.constantFrom(...RULE_IDS),
    severity: fc.constantFrom('error', 'warning', 'info'),
    file: FILE,
    range: fc.tuple(POSITION, POSITION).map(([a, b]) =>
      a.line < b.line || (a.line === b.line && a.column <= b.column) ? { start: a, end: b } : { start: b, end: a },
    ),
    message: TEXT,
    docsUrl: fc.constant('https://example.com/rules/x'),
    fingerprintText: TEXT,
  },
  { requiredKeys: ['ruleId', 'severity', 'file', 'range', 'message', 'docsUrl'] },
);

const FINDINGS = fc.array(FINDING, { maxLength: 40 });
const CONTEXT = fc.boolean().map((color): FormatContext => ({ cwd: CWD, color, rules: projectRules.map((r) => r.meta), version: '0.1.0' }));

// ---------------------------------------------------------------------------------------------- checks

/** XML 1.0 Char production, minus what cannot be written as UTF-8 (lone surrogates become U+FFFD on write). */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** A small strict well-formedness check: a declaration, then balanced tags with quoted attributes and escaped text. */
function checkXml(xml: string): void {
  expect(NOT_XML_CHAR.test(xml), 'no character XML 1.0 forbids').toBe(false);
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="utf-8"\?>\n/, '');
  expect(rest.length).toBeLessThan(xml.length);
  const stack: string[] = [];
  const ATTR = String.raw`\s+[A-Za-z_][\w.-]*="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*"`;
  const TAG = new RegExp(String.raw`^<(/?)([A-Za-z_][\w.-]*)((?:${ATTR})*)\s*(/?)>`);
  const TEXT_RUN = /^[^<&]*(?:&(?:amp|lt|gt|quot|apos);[^<&]*)*/;
  let roots = 0;
  while (rest.length > 0) {
    const text = TEXT_RUN.exec(rest)![0];
    if (stack.length === 0) expect(text.trim(), 'no text outside the root element').toBe('');
    rest = rest.slice(text.length);
    if (rest.length === 0) break;
    const tag = TAG.exec(rest);
    expect(tag, `a well-formed tag at ${JSON.stringify(rest.slice(0, 80))}`).not.toBeNull();
    const [whole, closing, name, , selfClosing] = tag!;
    if (closing) expect(stack.pop(), `</${name}> closes what is open`).toBe(name);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name);
    }
    rest = rest.slice(whole.length);
  }
  expect(stack, 'every element closed').toEqual([]);
  expect(roots).toBe(1);
}

// ---------------------------------------------------------------------------------------------- properties

describe('property: formatters on random findings', () => {
  it('no formatter throws; stylish, json and sarif say something for every finding', () => {
    fc.assert(
      fc.property(FINDINGS, CONTEXT, (findings, context) => {
        for (const [name, format] of Object.entries(formatters)) {
          const out = format(findings, context);
          expect(typeof out, name).toBe('string');
        }
        const json = JSON.parse(formatters.json(findings, context)) as Array<{ filePath: string; messages: Array<{ message: string; line: number }> }>;
        expect(json.flatMap((r) => r.messages)).toHaveLength(findings.length);
        expect(json.flatMap((r) => r.messages.map((m) => m.message)).sort()).toEqual(findings.map((f) => f.message).sort());
      }),
      params(150),
    );
  });

  it('sarif: valid JSON, one result per finding, regions with positive lines and non-empty single-line columns', () => {
    fc.assert(
      fc.property(FINDINGS, CONTEXT, (findings, context) => {
        const log = JSON.parse(formatters.sarif(findings, context)) as {
          version: string;
          runs: Array<{ results: Array<{ ruleId: string; ruleIndex: number; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }> }>; tool: { driver: { rules: Array<{ id: string }> } } }>;
        };
        expect(log.version).toBe('2.1.0');
        const [run] = log.runs;
        expect(run.results).toHaveLength(findings.length);
        run.results.forEach((r, i) => {
          expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
          expect(r.message.text).toBe(findings[i].message);
          const { uri } = r.locations[0].physicalLocation.artifactLocation;
          expect(/[\s"<>\\^`{|}]/.test(uri), `a URI without raw spaces or quotes: ${uri}`).toBe(false);
          const region = r.locations[0].physicalLocation.region;
          expect(region.startLine).toBeGreaterThanOrEqual(1);
          expect(region.startColumn).toBeGreaterThanOrEqual(1);
          if (region.endLine === region.startLine) expect(region.endColumn).toBeGreaterThan(region.startColumn);
        });
      }),
      params(150),
    );
  });

  it('junit: well-formed XML (no forbidden characters, balanced tags, escaped attributes and text)', () => {
    fc.assert(
      fc.property(FINDINGS, CONTEXT, (findings, context) => {
        checkXml(formatters.junit(findings, context));
      }),
      params(150),
    );
  });

  it('github: one workflow command per annotation, nothing else can start a command, no raw CR', () => {
    fc.assert(
      fc.property(FINDINGS, CONTEXT, (findings, context) => {
        const out = formatters.github(findings, context);
        // The runner splits on CR, LF and CRLF: a raw CR anywhere would start a new line that could be a command.
        expect(out.includes('\r'), 'no raw CR in the output').toBe(false);
        if (findings.length === 0) return void expect(out).toBe('');
        expect(out.endsWith('\n')).toBe(true);
        const lines = out.slice(0, -1).split('\n');
        const commands = lines.filter((l) => l.trimStart().startsWith('::'));
        const annotated = Math.min(10, findings.filter((f) => f.severity === 'error').length) +
          Math.min(10, findings.filter((f) => f.severity === 'warning').length) +
          Math.min(10, findings.filter((f) => f.severity === 'info').length);
        expect(commands, 'only our annotations are workflow commands').toHaveLength(annotated);
        for (const command of commands) {
          expect(command).toMatch(/^::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]*::/);
          expect(/[\r\n]/.test(command)).toBe(false);
        }
      }),
      params(150),
    );
  });
});

describe('regressions found by the properties above', () => {
  const context: FormatContext = { cwd: CWD, color: false, rules: projectRules.map((r) => r.meta), version: '0.1.0' };
  const finding = (file: string, message: string): Finding => ({
    ruleId: 'json-syntax', severity: 'error', file, message, docsUrl: 'u',
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  });

  it('github: a CR in a file name or message cannot break the plain line (the runner splits lines at CR)', () => {
    const out = formatters.github([finding('/elsewhere/\r ', 'a\rb'), finding(path.join(CWD, 'x\r::warning::pwned'), 'm')], context);
    expect(out).not.toContain('\r');
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(2);
  });

  it('github: a file named like a workflow command does not start a plain line', () => {
    const out = formatters.github([finding(path.join(CWD, '::warning file=x::pwned'), 'm')], context);
    const lines = out.split('\n').filter((l) => l.trimStart().startsWith('::'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=%3A%3Awarning file=x%3A%3Apwned,/);
    expect(out).toContain('\n./::warning file=x::pwned:1:1: error json-syntax: m\n');
  });
});
