/** Hostile and broken input: a clear finding or message, never a crash, a leak or a side effect. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectRules } from '../rules/index.js';
import { parseJsonDocument } from '../src/json/document.js';
import { readTextFile } from '../src/project.js';
import { lint } from '../src/lint.js';
import { defineRule } from '../src/rule.js';
import { MINIMAL_CONFIG, ROOT, runCli, useTempTrees } from './helpers/cli.js';

const tree = useTempTrees();

const AGENT_CONFIG = JSON.stringify({
  name: 'Hostile',
  version: 1,
  runtimes: [{ name: 'Agent', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/Agent/', runtimeVersion: 'PYTHON_3_13', protocol: 'HTTP' }],
}, null, 2);

/** A token the secret rules report (a sequential one like ghp_abcdef… counts as a placeholder and is not). */
const TOKEN_LINE = 'TOKEN = "ghp_Zr8Kq2Lm5Vx9Tb3Nw7Yc1Hd4Fg6Js0PaQ1xy"\n';

function json(run: { stdout: string }) {
  return JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number; message: string }> }>;
}

describe('hostile agentcore.json', () => {
  it('100,000 levels of nesting: a located finding, no stack overflow', () => {
    const dir = tree({ 'agentcore/agentcore.json': '['.repeat(100_000) + ']'.repeat(100_000), 'agentcore/aws-targets.json': '[]' });
    const run = runCli(['--format', 'json'], { cwd: dir });
    expect(run.stderr).not.toMatch(/RangeError|at .*\.js:\d+/);
    expect(run.status).toBe(1);
    expect(json(run)[0].messages.filter((m) => m.ruleId === 'json-syntax').map((m) => [m.line, m.column, m.message])).toEqual([
      [1, 257, 'JSON nested deeper than 256 levels; this is not an AgentCore configuration.'],
    ]);
  });

  it('JSON nesting: 5,000 levels in a tool schema file are "too deep", not a stack overflow; brackets in strings and comments do not count', () => {
    const deep = '{"type":"object","properties":{"x":'.repeat(5000) + '{"type":"string"}' + '}}'.repeat(5000);
    expect(parseJsonDocument('tools.json', `[{"name":"t","description":"d","inputSchema":${deep}}]`).problems.map((p) => p.message)).toEqual([
      'JSON nested deeper than 256 levels; this is not an AgentCore configuration.',
    ]);
    const brackets = '['.repeat(1000);
    const shallow = parseJsonDocument('a.json', `{"a": "${brackets}\\"${brackets}", "b": 1 /* ${brackets} */ // ${brackets}\n}`);
    expect(shallow.problems.map((p) => p.message)).toEqual([
      'Invalid JSON: comments are not allowed in JSON (the AgentCore CLI uses JSON.parse); remove the comment.',
    ]);
    expect(shallow.value).toEqual({ a: `${brackets}"${brackets}`, b: 1 });
  });

  it('__proto__ and constructor keys do not pollute prototypes', async () => {
    const dir = tree({
      'agentcore/agentcore.json': '{"name":"Proto","version":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
      'agentcore/aws-targets.json': '[]',
    });
    const result = await lint({ paths: [dir] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // As `agentcore validate` (checked with CLI 0.30.0): zod passes over `__proto__`, and rejects `constructor`.
    const schemaMessages = result.findings.filter((f) => f.ruleId === 'schema').map((f) => f.message);
    expect(schemaMessages).toEqual(['Unknown key "constructor" at the top level; the CLI rejects it. Remove it.']);
  });

  it('an empty agentcore.json is a located syntax finding', () => {
    const dir = tree({ 'agentcore/agentcore.json': '', 'agentcore/aws-targets.json': '[]' });
    const run = runCli(['--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(json(run)[0].messages[0].ruleId).toBe('json-syntax');
  });
});

describe('many policies', () => {
  it('2,000 policies (some broken) lint without a crash, each problem located in its own statement', async () => {
    const policies = Array.from({ length: 2000 }, (_, i) => ({
      name: `P${i}`,
      statement: i % 500 === 0
        ? `permit(principal, action == AgentCore::Action::"tools___lookup", resource) when { context.input.q == };`
        : `permit(principal is AgentCore::IamEntity, action == AgentCore::Action::"tools___lookup", resource) when { context.input.q == "v${i}" };`,
    }));
    const dir = tree({
      'agentcore/agentcore.json': JSON.stringify({
        name: 'ManyPolicies',
        version: 1,
        agentCoreGateways: [{
          name: 'gw', authorizerType: 'AWS_IAM', policyEngineConfiguration: { policyEngineName: 'E', mode: 'ENFORCE' },
          targets: [{ name: 'tools', targetType: 'lambda', toolDefinitions: [{ name: 'lookup', description: 'Look up', inputSchema: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }],
            compute: { host: 'Lambda', implementation: { language: 'Python', path: 'tools/', handler: 'h.handler' }, pythonVersion: 'PYTHON_3_12' } }],
        }],
        policyEngines: [{ name: 'E', policies }],
      }, null, 1),
      'agentcore/aws-targets.json': '[]',
      'tools/h.py': 'def handler(event, context):\n    return {}\n',
    });
    const result = await lint({ paths: [dir] });
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    const syntax = result.findings.filter((f) => f.ruleId === 'policy-syntax');
    expect(syntax).toHaveLength(4);
    const text = fs.readFileSync(path.join(dir, 'agentcore', 'agentcore.json'), 'utf8').split('\n');
    for (const f of syntax) expect(text[f.range.start.line - 1]).toContain('"statement"');
  });
});

describe('hostile source files', () => {
  it('binary and invalid UTF-8 files with source extensions are skipped with a note, the rest is still linted', () => {
    const dir = tree({
      'agentcore/agentcore.json': AGENT_CONFIG,
      'agentcore/aws-targets.json': '[]',
      'app/Agent/main.py': 'import requests\nrequests.get("https://api.example.com/x")\n',
      'app/Agent/blob.py': Buffer.from([0x00, 0x01, 0x02, 0xff]),
      'app/Agent/latin1.py': Buffer.from('x = "caf\xe9"\n', 'latin1'),
    });
    const run = runCli(['--format', 'json'], { cwd: dir });
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(run.stderr).toContain('blob.py');
    expect(run.stderr).toContain('latin1.py');
    expect(json(run).flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('direct-http-call');
  });

  it('a file is text exactly when it has no NUL byte and a fatal UTF-8 TextDecoder accepts it, with the same text (byte order mark kept)', () => {
    const dir = tree({});
    const file = path.join(dir, 'any.py');
    const bytes = fc.oneof(
      fc.uint8Array({ min: 1, maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 8 }).map((s) => new TextEncoder().encode(s)),
      // Sequences near the edges of UTF-8: overlong forms, surrogates, past U+10FFFF, truncated tails.
      fc.array(fc.constantFrom(0xc0, 0xc1, 0xc2, 0xe0, 0xed, 0xef, 0xbb, 0xbf, 0xf0, 0xf4, 0xf5, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0x41), { maxLength: 8 }).map((a) => Uint8Array.from(a)),
    );
    fc.assert(fc.property(bytes, (content) => {
      fs.writeFileSync(file, content);
      let expected: string | undefined;
      try {
        if (content.includes(0)) throw new Error('binary');
        expected = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
      } catch {
        expected = undefined;
      }
      const read = readTextFile(file, 1 << 20);
      expect(read.ok ? read.text : undefined).toBe(expected);
    }), { seed: 20261122, numRuns: 1000 });
  });

  it('a run with many unreadable files names the first three in its note, not all of them', async () => {
    const binary = Buffer.from([0x00, 0x01, 0x02, 0xff]);
    const dir = tree({
      'agentcore/agentcore.json': AGENT_CONFIG,
      'agentcore/aws-targets.json': '[]',
      ...Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((n) => [`app/Agent/${n}.py`, binary])),
    });
    const result = await lint({ paths: [dir], cwd: dir });
    expect(result.notes.filter((n) => n.startsWith('Skipped'))).toEqual([
      'Skipped 5 unreadable file(s): app/Agent/a.py (it is a binary file, not text); app/Agent/b.py (it is a binary file, not text); ' +
        'app/Agent/c.py (it is a binary file, not text); and 2 more.',
    ]);
  });

  it('a megabyte-long single line and a syntax error still lint, within the file size limit', () => {
    const long = `x = "${'a'.repeat(1_000_000)}"\n`;
    const dir = tree({
      'agentcore/agentcore.json': AGENT_CONFIG,
      'agentcore/aws-targets.json': '[]',
      'app/Agent/main.py': long + 'def broken(:\n    pass\nimport requests\nrequests.get("https://api.example.com/x")\n',
    });
    const run = runCli(['--format', 'json'], { cwd: dir });
    expect(run.status).not.toBe(3);
    expect(json(run).flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('direct-http-call');
  });

  it('a codeLocation that escapes the project is reported and never read', async () => {
    const outside = tree({ 'secret.py': 'API_KEY = "sk-proj-Zx9Qw8Lm7Tz6Rb5Kc4Vn3Hd2Jf1Gs0Pa"\n' });
    const dir = tree({
      'agentcore/agentcore.json': AGENT_CONFIG.replace('app/Agent/', path.relative(path.join(os.tmpdir(), 'x'), outside) + '/'),
      'agentcore/aws-targets.json': '[]',
    });
    const result = await lint({ paths: [dir] });
    expect(result.findings.some((f) => f.file.startsWith(outside))).toBe(false);
    expect(result.findings.some((f) => f.ruleId === 'referenced-files-exist')).toBe(true);
  });

  it('a directory where a file is expected, and schema or policy paths escaping the project: reported, never read', async () => {
    const outside = tree({ 'leak.cedar': 'permit(principal, action, resource);\n', 'leak.json': '[]' });
    const escape = path.relative(path.join(os.tmpdir(), 'p'), outside);
    const dir = tree({
      'agentcore/agentcore.json': JSON.stringify({
        name: 'Refs',
        version: 1,
        agentCoreGateways: [{
          name: 'gw', authorizerType: 'AWS_IAM',
          targets: [
            { name: 'a', targetType: 'lambdaFunctionArn', lambdaFunctionArn: { lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:a', toolSchemaFile: 'schemas' } },
            { name: 'b', targetType: 'openApiSchema', schemaSource: { inline: { path: `${escape}/leak.json` } }, outboundAuth: { type: 'API_KEY', credentialName: 'k' } },
          ],
        }],
        credentials: [{ authorizerType: 'ApiKeyCredentialProvider', name: 'k' }],
        policyEngines: [{ name: 'E', policies: [{ name: 'P', statement: 'permit(principal, action, resource) when { true };', sourceFile: `${escape}/leak.cedar` }] }],
      }, null, 2),
      'agentcore/aws-targets.json': '[]',
      'schemas/readme.txt': 'a folder, not a tool schema file',
    });
    const result = await lint({ paths: [dir] });
    const refs = result.findings.filter((f) => f.ruleId === 'referenced-files-exist').map((f) => f.message);
    expect(refs.some((m) => /directory|folder/i.test(m))).toBe(true);
    expect(refs.filter((m) => /outside the project/i.test(m)).length).toBeGreaterThanOrEqual(2);
    expect(result.findings.some((f) => f.file.startsWith(outside))).toBe(false);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  });

  it('symlink loops and symlinks leading outside the project are not followed', async () => {
    const outside = tree({ 'leak.py': TOKEN_LINE });
    const dir = tree({ 'agentcore/agentcore.json': AGENT_CONFIG, 'agentcore/aws-targets.json': '[]', 'app/Agent/main.py': TOKEN_LINE });
    fs.symlinkSync(outside, path.join(dir, 'app', 'Agent', 'linked'));
    fs.symlinkSync(path.join(dir, 'app'), path.join(dir, 'app', 'Agent', 'loop'));
    const result = await lint({ paths: [dir] });
    expect(result.findings.filter((f) => f.ruleId === 'no-inline-secrets').map((f) => path.relative(dir, f.file))).toEqual(['app/Agent/main.py']);
  });

  it('outside any project too, a symlinked folder is not followed (a loop would list each file 40 times)', async () => {
    const dir = tree({ 'tool.py': TOKEN_LINE });
    fs.symlinkSync(dir, path.join(dir, 'loop'));
    const result = await lint({ paths: [dir], cwd: dir });
    expect(result.findings.filter((f) => f.ruleId === 'no-inline-secrets').map((f) => path.relative(dir, f.file))).toEqual(['tool.py']);
  });
});

  it('aws-targets.json linked out of the project, or a folder: reported as not read (not as missing), never read', async () => {
    const outside = tree({ 'targets.json': '[{"name":"leak","account":"123456789012","region":"us-east-1"}]' });
    const linked = tree({ 'agentcore/agentcore.json': MINIMAL_CONFIG });
    fs.symlinkSync(path.join(outside, 'targets.json'), path.join(linked, 'agentcore', 'aws-targets.json'));
    const folder = tree({ 'agentcore/agentcore.json': MINIMAL_CONFIG, 'agentcore/aws-targets.json/readme.txt': 'a folder' });
    const messages = async (dir: string): Promise<string[]> =>
      (await lint({ paths: [dir] })).findings.filter((f) => f.ruleId === 'unreadable-file' || f.ruleId === 'aws-targets').map((f) => `${f.ruleId}: ${f.message}`);
    expect(await messages(linked)).toEqual([
      'unreadable-file: agentcore/aws-targets.json was not read: it points outside the project, and agentcore-lint reads nothing outside the project. Make it a file inside the project.',
    ]);
    expect(await messages(folder)).toEqual([
      'unreadable-file: agentcore/aws-targets.json cannot be linted: it is a directory, not a file. It must be UTF-8 JSON text: restore it from version control or re-create it with the AgentCore CLI.',
    ]);
  });

describe('prototype-named keys and values everywhere', () => {
  it('no rule crashes when any key or string value of a full project is "constructor" or "__proto__"', async () => {
    const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures', 'base', 'gwdemo', 'agentcore', 'agentcore.json'), 'utf8'));
    const places: Array<{ path: Array<string | number>; key?: string }> = [];
    const walk = (node: unknown, at: Array<string | number>): void => {
      if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...at, i]));
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          places.push({ path: at, key: k });
          walk(v, [...at, k]);
        }
      } else if (typeof node === 'string') places.push({ path: at });
    };
    walk(base, []);
    const dir = tree({ 'agentcore/aws-targets.json': '[]' });
    const crashes: string[] = [];
    // A deterministic sample (every 7th place) keeps this quick; bench-free, it only looks for crashes.
    for (const [i, place] of places.entries()) {
      if (i % 7 !== 0) continue;
      for (const word of ['constructor', '__proto__']) {
        const copy = structuredClone(base);
        const parent = place.path.slice(0, place.key === undefined ? -1 : undefined).reduce((o: any, s) => o[s], copy);
        if (place.key !== undefined) {
          const value = parent[place.key];
          delete parent[place.key];
          Object.defineProperty(parent, word, { value, enumerable: true, writable: true, configurable: true });
        } else {
          parent[place.path[place.path.length - 1]] = word;
        }
        fs.writeFileSync(path.join(dir, 'agentcore', 'agentcore.json'), JSON.stringify(copy));
        const result = await lint({ paths: [dir] });
        for (const f of result.findings.filter((x) => x.ruleId === 'internal-error')) crashes.push(`${place.path.join('.')}.${place.key ?? ''}=${word}: ${f.message}`);
      }
    }
    expect(crashes).toEqual([]);
  });
});

describe('fault isolation', () => {
  it('a crashing rule becomes one internal-error finding naming it; every other rule still runs', async () => {
    const crashing = defineRule({
      meta: { ...projectRules[0].meta, id: 'always-crashes', code: 'AC999' },
      check() {
        throw new Error('boom');
      },
    });
    const dir = tree({ 'agentcore/agentcore.json': '{"name":"Crash","version":1,"bogus":1}', 'agentcore/aws-targets.json': '[]' });
    const result = await lint({ paths: [dir], rules: [crashing, ...projectRules] });
    const internal = result.findings.filter((f) => f.ruleId === 'internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0].message).toContain('always-crashes');
    expect(internal[0].message).not.toMatch(/\n\s+at /); // no stack without --debug
    expect(result.findings.some((f) => f.ruleId === 'schema')).toBe(true);
  });
});

describe('no side effects', () => {
  it('never opens a network connection (linting the demo project with the network trapped)', () => {
    const trapFile = path.join(tree(), 'attempts.log');
    const result = spawnSync(process.execPath, ['--require', path.join(ROOT, 'test', 'helpers', 'no-network.cjs'), path.join(ROOT, 'bin', 'agentcore-lint.js'), '--format', 'json', 'fixtures/demo-project'], {
      cwd: ROOT,
      env: { ...process.env, AGENTCORE_LINT_NETWORK_TRAP: trapFile },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(fs.existsSync(trapFile) ? fs.readFileSync(trapFile, 'utf8') : '').toBe('');
  });

  it('writes nothing into the linted project', () => {
    const dir = tree({ 'agentcore/agentcore.json': MINIMAL_CONFIG, 'agentcore/aws-targets.json': '[]' });
    const before = fs.readdirSync(dir, { recursive: true }).sort();
    runCli(['--format', 'json'], { cwd: dir });
    expect(fs.readdirSync(dir, { recursive: true }).sort()).toEqual(before);
  });

  it('with --cache, writes only into the cache folder', () => {
    const dir = tree({ 'agentcore/agentcore.json': AGENT_CONFIG, 'agentcore/aws-targets.json': '[]', 'app/Agent/main.py': 'import os\n' });
    const before = fs.readdirSync(dir, { recursive: true }).sort();
    const location = path.join(tree(), 'cache');
    runCli(['--format', 'json', '--cache', '--cache-location', location], { cwd: dir });
    expect(fs.readdirSync(dir, { recursive: true }).sort()).toEqual(before);
    expect(fs.readdirSync(location)).toContain('manifest.json');
    runCli(['--format', 'json', '--cache'], { cwd: dir });
    const cache = path.join('node_modules', '.cache', 'agentcore-lint');
    const added = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => !before.includes(f));
    expect(added.filter((f) => !cache.startsWith(f) && !f.startsWith(cache + path.sep))).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives byte-identical output for the same input', () => {
    const first = runCli(['--format', 'json', 'fixtures/demo-project']);
    const second = runCli(['--format', 'json', 'fixtures/demo-project']);
    expect(first.stdout.length).toBeGreaterThan(1000);
    expect(second.stdout).toBe(first.stdout);
  });
});
