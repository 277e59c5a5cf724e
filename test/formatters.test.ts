import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRules } from '../rules/index.js';
import { escapeData, escapeProperty, formatGithub, GITHUB_ANNOTATION_LIMIT } from '../src/formatters/github.js';
import { formatters, type FormatContext } from '../src/formatters/index.js';
import { formatSarif, SARIF_RESULT_LIMIT } from '../src/formatters/sarif.js';
import type { Finding } from '../src/types.js';
import { makeTree, ROOT, runCli } from './helpers/cli.js';

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = path.resolve(ROOT, '..', 'shared', 'schemas', 'sarif-schema-2.1.0.json');
const CWD = '/repo';
const context: FormatContext = { cwd: CWD, color: false, rules: projectRules.map((r) => r.meta), version: '0.0.0-test' };

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'schema',
    severity: 'error',
    file: '/repo/agentcore/agentcore.json',
    range: { start: { line: 3, column: 5 }, end: { line: 3, column: 12 } },
    message: 'runtimes[0].build must be "CodeZip" or "Container", got "Zip".',
    docsUrl: 'https://example.invalid/schema.md',
    ...overrides,
  };
}

const trees: string[] = [];
afterAll(() => trees.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('sarif', () => {
  let compiled: ((log: unknown) => boolean) & { errors?: unknown[] | null } | undefined;
  const sarifValidator = () => {
    if (!compiled) {
      const Ajv04 = require('ajv-draft-04');
      const addFormats = require('ajv-formats');
      const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      compiled = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
    }
    return compiled!;
  };

  it.skipIf(!fs.existsSync(SARIF_SCHEMA))('validates against the official SARIF 2.1.0 schema (demo project, every rule family)', () => {
    const validate = sarifValidator();
    const run = runCli(['--format', 'sarif', 'fixtures/demo-project']);
    const log = JSON.parse(run.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(5);
    // A schema that accepts anything would make this test worthless.
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('uses relative URIs against %SRCROOT%, rule metadata and levels', () => {
    const log = JSON.parse(formatSarif([finding(), finding({ ruleId: 'gateway-inbound-auth-none', severity: 'warning' }), finding({ severity: 'info', ruleId: 'debug-and-log-only-modes' })], context));
    const run = log.runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'agentcore/agentcore.json', uriBaseId: '%SRCROOT%' });
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note']);
    const rule = run.tool.driver.rules[run.results[0].ruleIndex];
    expect(rule.id).toBe('schema');
    expect(rule.helpUri).toMatch(/docs\/rules\/schema\.md$/);
    expect(rule.defaultConfiguration.level).toBe('error');
  });

  it('has fingerprints that do not change when lines move, and differ between distinct findings', () => {
    const before = JSON.parse(formatSarif([finding(), finding({ message: 'other' })], context)).runs[0].results;
    const moved = finding({ range: { start: { line: 40, column: 5 }, end: { line: 40, column: 12 } } });
    const after = JSON.parse(formatSarif([moved, finding({ message: 'other' })], context)).runs[0].results;
    expect(after[0].partialFingerprints).toEqual(before[0].partialFingerprints);
    expect(before[0].partialFingerprints).not.toEqual(before[1].partialFingerprints);
    // Line numbers inside a message ("read on line 15") do not count either.
    const mentions = (line: number) =>
      JSON.parse(formatSarif([finding({ message: `X is read on line ${line} (${line}:3)` })], context)).runs[0].results[0].partialFingerprints;
    expect(mentions(15)).toEqual(mentions(42));
    const twice = JSON.parse(formatSarif([finding(), finding()], context)).runs[0].results;
    expect(twice[0].partialFingerprints).not.toEqual(twice[1].partialFingerprints);
  });
  it('keeps at most 25,000 results, the most severe first, and says in the run and on stderr how many were left out', () => {
    // 24,995 warnings, then 10 errors, then 5 notes: the 10 errors and the first 24,990 warnings are kept.
    const findings = [
      ...Array.from({ length: 24_995 }, (_, i) => finding({ ruleId: 'direct-http-call', severity: 'warning', message: `call ${i}` })),
      ...Array.from({ length: 10 }, (_, i) => finding({ message: `error ${i}` })),
      ...Array.from({ length: 5 }, (_, i) => finding({ ruleId: 'debug-and-log-only-modes', severity: 'info', message: `note ${i}` })),
    ];
    const notes: string[] = [];
    const run = JSON.parse(formatSarif(findings, { ...context, notify: (m) => notes.push(m) })).runs[0];
    expect(run.results).toHaveLength(SARIF_RESULT_LIMIT);
    expect(run.results.filter((r: { level: string }) => r.level === 'error')).toHaveLength(10);
    expect(run.results.filter((r: { level: string }) => r.level === 'note')).toHaveLength(0);
    // In their original order: the kept warnings, then the errors.
    expect(run.results[24_989].message.text).toBe('call 24989');
    expect(run.results[24_990].message.text).toBe('error 0');
    const text = '10 of 25010 findings were left out of the SARIF report: GitHub code scanning rejects a run with more than 25,000 results. The most severe were kept; --format json lists every finding.';
    expect(run.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text } }] }]);
    expect(notes).toEqual([text]);
    // Leaving findings out changes nothing about the others.
    const alone = JSON.parse(formatSarif(findings.slice(0, 3), context)).runs[0].results;
    expect(run.results.slice(0, 3)).toEqual(alone);
    expect(JSON.parse(formatSarif(findings.slice(0, 3), context)).runs[0].invocations).toBeUndefined();
    if (fs.existsSync(SARIF_SCHEMA)) expect(sarifValidator()({ ...JSON.parse(formatSarif([], context)), runs: [{ ...run, results: run.results.slice(0, 5) }] })).toBe(true);
  });
});

describe('github', () => {
  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const out = formatGithub([finding({ file: '/repo/dir,x/a:b.json', message: 'line1\nline2 50%' })], context);
    expect(out.split('\n')[0]).toBe(
      '::error file=dir%2Cx/a%3Ab.json,line=3,col=5,endLine=3,endColumn=12,title=schema::line1%0Aline2 50%25',
    );
  });

  it('annotates at most 10 per kind, errors first, prints every finding plainly and says how many were not annotated', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding({ message: `error ${i}` })),
      ...Array.from({ length: 3 }, (_, i) => finding({ severity: 'warning', message: `warning ${i}` })),
    ];
    const lines = formatGithub(findings, context).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(GITHUB_ANNOTATION_LIMIT);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(3);
    expect(lines.filter((l) => l.startsWith('agentcore/agentcore.json:3:5: ')).length).toBe(15);
    expect(lines.at(-1)).toContain('2 of 15 findings were not annotated');
  });

  it('prints no overflow line when everything fits', () => {
    expect(formatGithub([finding()], context)).not.toContain('not annotated');
  });
});

describe('junit', () => {
  it('escapes XML and counts one failure per finding', () => {
    const out = formatters.junit([finding({ message: 'a < b & "c"\u0001' })], context);
    expect(out).toContain('<testsuites name="agentcore-lint" tests="1" failures="1">');
    expect(out).toContain('message="a &lt; b &amp; &quot;c&quot;\uFFFD"');
    expect(formatters.junit([], context)).toContain('failures="0"');
  });
});

describe('--output-file and secrets in every format', () => {
  it('writes the report to the file and nothing to stdout', () => {
    const dir = makeTree({});
    trees.push(dir);
    const target = path.join(dir, 'reports', 'out.sarif');
    const run = runCli(['--format', 'sarif', '--output-file', target, 'fixtures/demo-project']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(target, 'utf8')).version).toBe('2.1.0');
  });

  it('an output folder that cannot be created is a usage error, not a hang', () => {
    // Under /proc, mkdir answers ENOENT for a parent that exists; Node's recursive mkdir retries that forever.
    const run = runCli(['--output-file', '/proc/agentcore-lint-no-such-folder/report.txt', 'fixtures/demo-project'], { timeoutMs: 15_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot write \/proc\/agentcore-lint-no-such-folder\/report\.txt: ENOENT/);
  }, 20_000);

  it.each(Object.keys(formatters))('%s never prints the demo project\'s secrets in full', (format) => {
    const run = runCli(['--format', format, 'fixtures/demo-project']);
    expect(run.stdout.length).toBeGreaterThan(100);
    const secrets = fs
      .readFileSync(path.join(ROOT, 'fixtures/demo-project/agentcore/agentcore.json'), 'utf8')
      .match(/wk_live_[A-Za-z0-9]+/g)!;
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(run.stdout).not.toContain(secret.slice(4));
  });
});
