/**
 * The opt-in facts cache (--cache, src/source/facts-cache.ts): same findings as without it, edits and extractor
 * changes never served stale, broken or hostile cache folders tolerated, nothing written without --cache, no
 * secret readable in the cache, and no parser loaded when every file comes from the cache.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import { extractorFingerprint, FactsCache, moduleClosure } from '../src/source/facts-cache.js';
import type { SourceFacts } from '../src/source/facts.js';
import { snapshotFindings } from './helpers/findings.js';
import { ROOT, runCli, useTempTrees } from './helpers/cli.js';

const tree = useTempTrees();

/** Assembled at run time, so this file holds no secret-shaped literal. */
const SECRET = ['gh', 'p_'].join('') + 'Zq8Xw2Vn5Rt7Yp3Lk9Hj4Gf6Ds1Am0Qc2Eb8Nu';
const CACHE = path.join('node_modules', '.cache', 'agentcore-lint');

const CONFIG = JSON.stringify({
  name: 'Cached',
  version: 1,
  runtimes: [{ name: 'Agent', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/Agent/', runtimeVersion: 'PYTHON_3_13', protocol: 'HTTP' }],
}, null, 2);

const MAIN_PY = [
  'import os',
  'import requests',
  '',
  '# a comment that only the source holds: purple-walrus-7731',
  'def handler(event):',
  '    token = os.environ.get("PARTNER_TOKEN")',
  '    return requests.get("https://partner.example.com/v1/status", headers={"Authorization": token}).json()',
  '',
].join('\n');

const TOOL_TS = [
  "import axios from 'axios';",
  '',
  'export async function lookup(id: string) {',
  "  const label = 'amber-heron-4402';",
  '  return axios.get(`https://inventory.example.com/items/${id}`, { params: { label } });',
  '}',
  '',
].join('\n');

function project(extra: Record<string, string> = {}): string {
  return tree({
    'agentcore/agentcore.json': CONFIG,
    'agentcore/aws-targets.json': '[]',
    'app/Agent/main.py': MAIN_PY,
    'app/Agent/tools.ts': TOOL_TS,
    ...extra,
  });
}

interface Stats {
  hits: number;
  parsed: number;
  written: number;
}

/** The `--debug` line the CLI prints with --cache. */
function stats(stderr: string): Stats {
  const m = /cache: (\d+) file\(s\) from the cache, (\d+) parsed, \d+ Cedar answer\(s\) from the cache, (\d+) entr/.exec(stderr);
  if (!m) throw new Error(`no cache line in: ${stderr}`);
  return { hits: Number(m[1]), parsed: Number(m[2]), written: Number(m[3]) };
}

function cached(cwd: string, ...args: string[]) {
  return runCli(['--format', 'json', '--cache', '--debug', ...args], { cwd });
}

function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
}

function allBytes(dir: string): Buffer {
  return Buffer.concat(listing(dir).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile()).map((f) => fs.readFileSync(f)));
}

describe('--cache on the CLI', () => {
  it('gives the same findings as a run without it, cold and warm, and serves every file from the cache when warm', () => {
    const dir = project({ 'app/Agent/keys.py': `API_KEY = "${SECRET}"\n` });
    const plain = runCli(['--format', 'json'], { cwd: dir });
    const cold = cached(dir);
    const warm = cached(dir);
    expect(plain.stdout).toContain('no-inline-secrets');
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);
    expect([cold.status, warm.status]).toEqual([plain.status, plain.status]);
    expect(stats(cold.stderr)).toEqual({ hits: 0, parsed: 3, written: 3 });
    expect(stats(warm.stderr)).toEqual({ hits: 3, parsed: 0, written: 0 });
    expect(warm.stderr).not.toContain('note:');
  });

  it('re-parses an edited file: a finding appears, then disappears', () => {
    const dir = project();
    const secretOf = (run: { stdout: string }) => run.stdout.includes('no-inline-secrets');
    expect(secretOf(cached(dir))).toBe(false);
    fs.appendFileSync(path.join(dir, 'app/Agent/main.py'), `\nAPI_KEY = "${SECRET}"\n`);
    const edited = cached(dir);
    expect(secretOf(edited)).toBe(true);
    expect(stats(edited.stderr)).toEqual({ hits: 1, parsed: 1, written: 1 });
    fs.writeFileSync(path.join(dir, 'app/Agent/main.py'), MAIN_PY);
    const restored = cached(dir);
    expect(secretOf(restored)).toBe(false);
    // The original text's entry was dropped with the edit, so it is parsed and stored again.
    expect(stats(restored.stderr)).toEqual({ hits: 1, parsed: 1, written: 1 });
  });

  it('never loads the TypeScript compiler or tree-sitter when every file comes from the cache', () => {
    const dir = project();
    const modules = (log: string): string[] => {
      const result = spawnSync(process.execPath, ['--import', path.join(ROOT, 'test', 'helpers', 'module-log.mjs'), path.join(ROOT, 'bin', 'agentcore-lint.js'), '--format', 'json', '--cache', '.'], {
        cwd: dir, env: { ...process.env, AGENTCORE_LINT_MODULE_LOG: log }, encoding: 'utf8',
      });
      expect(result.status, result.stderr).not.toBe(2);
      return fs.readFileSync(log, 'utf8').split('\n');
    };
    const parsers = (loaded: string[]) => loaded.filter((m) => /[/\\]typescript[/\\]lib[/\\]typescript\.js$|web-tree-sitter|[/\\]adapter[^/\\]*\.js$/.test(m));
    const logs = tree();
    const cold = modules(path.join(logs, 'cold.log'));
    const warm = modules(path.join(logs, 'warm.log'));
    // The cold run shows the log sees parsers load; the warm run loads none of them.
    expect(parsers(cold).some((m) => m.includes('typescript'))).toBe(true);
    expect(parsers(cold).some((m) => m.includes('web-tree-sitter'))).toBe(true);
    expect(parsers(warm)).toEqual([]);
  });

  it('writes only inside the cache folder, and nothing at all without --cache', () => {
    const dir = project();
    const before = listing(dir);
    runCli(['--format', 'json'], { cwd: dir });
    expect(listing(dir)).toEqual(before);

    cached(dir);
    const added = listing(dir).filter((f) => !before.includes(f));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((f) => f === 'node_modules' || f === 'node_modules/.cache' || f.startsWith(`${CACHE.split(path.sep).join('/')}`))).toBe(true);
    expect(added).toContain('node_modules/.cache/agentcore-lint/.gitignore');

    const elsewhere = project();
    const untouched = listing(elsewhere);
    const location = path.join(tree(), 'cache');
    expect(cached(elsewhere, '--cache-location', location).status).not.toBe(2);
    expect(listing(elsewhere)).toEqual(untouched);
    expect(listing(location)).toContain('manifest.json');
  });

  it('stores no string literal, comment or secret of the code in readable form', () => {
    const dir = project({ 'app/Agent/keys.py': `API_KEY = "${SECRET}"\n# ${SECRET}\n` });
    cached(dir);
    const bytes = allBytes(path.join(dir, CACHE));
    expect(bytes.length).toBeGreaterThan(1000);
    for (const needle of [SECRET, SECRET.slice(4, 20), 'purple-walrus-7731', 'amber-heron-4402', 'partner.example.com', 'PARTNER_TOKEN']) {
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
      expect(bytes.includes(Buffer.from(needle, 'utf16le')), needle).toBe(false);
    }
    const entries = fs.readdirSync(path.join(dir, CACHE, 'facts'));
    expect(entries).toHaveLength(3);
    for (const name of entries) expect(name).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tolerates corrupt, truncated and foreign entries and a garbage manifest: one note, same findings, repaired', () => {
    const dir = project({ 'app/Agent/keys.py': `API_KEY = "${SECRET}"\n` });
    const plain = runCli(['--format', 'json'], { cwd: dir });
    cached(dir);
    const facts = path.join(dir, CACHE, 'facts');
    const [first, second, third] = fs.readdirSync(facts).sort();
    fs.writeFileSync(path.join(facts, first), fs.readFileSync(path.join(facts, first)).subarray(0, 40)); // truncated
    const flipped = fs.readFileSync(path.join(facts, second));
    flipped[flipped.length - 1] ^= 0xff; // one bit of ciphertext: the GCM tag fails
    fs.writeFileSync(path.join(facts, second), flipped);
    fs.copyFileSync(path.join(facts, third), path.join(facts, first.replace(/^./, first[0] === '0' ? '1' : '0'))); // wrong name
    fs.writeFileSync(path.join(dir, CACHE, 'manifest.json'), '{"version":1,"fingerprint":');

    const damaged = cached(dir);
    expect(damaged.status).toBe(plain.status);
    expect(damaged.stdout).toBe(plain.stdout);
    const notes = damaged.stderr.split('\n').filter((l) => l.includes('note:'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^agentcore-lint: note: Cache: .*manifest\.json was unreadable.*2 unreadable cache entries were ignored and rebuilt\.$/);
    expect(stats(damaged.stderr)).toEqual({ hits: 1, parsed: 2, written: 2 });

    const repaired = cached(dir);
    expect(repaired.stdout).toBe(plain.stdout);
    expect(repaired.stderr).not.toContain('note:');
    expect(stats(repaired.stderr)).toEqual({ hits: 3, parsed: 0, written: 0 });
    expect(fs.readdirSync(facts)).toHaveLength(3); // the misnamed copy was collected
  });

  it('an unusable location is a note, never a failure', () => {
    const dir = project();
    const plain = runCli(['--format', 'json'], { cwd: dir });
    const file = path.join(tree({ 'cache-file': 'x' }), 'cache-file');
    const locations: Array<[string, RegExp]> = [
      [file, /is a file, not a folder/],
      [path.join(file, 'below'), /cannot be used \(ENOTDIR\)/],
      // The project root holds other files: never written into, so `--cache-location .` cannot litter a project.
      ['.', /holds other files \(agentcore, app\), so it was not used/],
    ];
    if (process.platform === 'linux') locations.push(['/proc/agentcore-lint-cache-test', /could not be written/]);
    for (const [location, message] of locations) {
      const run = cached(dir, '--cache-location', location);
      expect(run.status, location).toBe(plain.status);
      expect(run.stdout, location).toBe(plain.stdout);
      const notes = run.stderr.split('\n').filter((l) => l.includes('note:'));
      expect(notes, location).toHaveLength(1);
      expect(notes[0], location).toMatch(message);
    }
    expect(listing(dir).filter((f) => !f.startsWith('node_modules'))).toEqual(listing(project()).filter((f) => !f.startsWith('node_modules')));
  });

  it('refuses a cache folder that git tracks (a committed cache could hide findings)', () => {
    const dir = project();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    cached(dir);
    git('add', '-f', CACHE);
    const run = cached(dir);
    expect(run.stderr).toMatch(/note: Cache: .* holds files git tracks, so it was not used/);
    expect(stats(run.stderr)).toEqual({ hits: 0, parsed: 2, written: 0 });
  });

  it('--cache-location needs --cache', () => {
    const run = runCli(['--cache-location', 'somewhere'], { cwd: project() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--cache-location needs --cache');
  });

  it('a new build of the extractor starts a new cache', () => {
    // A copy of the CLI whose code then changes, as after an upgrade or a rebuild.
    const copy = tree();
    for (const part of ['bin', 'dist', 'vendor', 'schemas', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const dir = project();
    const location = path.join(tree(), 'cache');
    const run = () => {
      const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'agentcore-lint.js'), '--format', 'json', '--cache', '--debug', '--cache-location', location], { cwd: dir, encoding: 'utf8' });
      return { ...result, stats: stats(result.stderr) };
    };
    expect(run().stats).toEqual({ hits: 0, parsed: 2, written: 2 });
    expect(run().stats).toEqual({ hits: 2, parsed: 0, written: 0 });
    for (const built of ['dist/cli/cli.js', 'dist/src/source/python/extract.js', 'dist/src/source/typescript/extract.js']) {
      if (fs.existsSync(path.join(copy, built))) fs.appendFileSync(path.join(copy, built), '\n// changed\n');
    }
    expect(run().stats).toEqual({ hits: 0, parsed: 2, written: 2 });
    expect(fs.readdirSync(path.join(location, 'facts'))).toHaveLength(2); // the old build's entries were collected
  });
});

describe('the GitHub Action', () => {
  it('cache-location: the SARIF pass fills the cache, the annotation pass reads it, findings unchanged', () => {
    const location = path.join(tree(), 'action-cache');
    const sarif = path.join(tree(), 'out.sarif');
    const env = { ...process.env, NO_COLOR: '1', INPUT_PATHS: 'fixtures/demo-project', 'INPUT_SARIF-FILE': sarif, 'INPUT_WORKING-DIRECTORY': ROOT };
    const plain = spawnSync(process.execPath, [path.join(ROOT, 'action', 'run.mjs')], { cwd: ROOT, env, encoding: 'utf8' });
    const withCache = spawnSync(process.execPath, [path.join(ROOT, 'action', 'run.mjs')], { cwd: ROOT, env: { ...env, 'INPUT_CACHE-LOCATION': location }, encoding: 'utf8' });
    expect(withCache.status).toBe(plain.status);
    expect(withCache.stdout).toBe(plain.stdout);
    expect(fs.readdirSync(path.join(location, 'facts')).length).toBeGreaterThan(3);
  });
});

describe('eviction', () => {
  it('a whole-project run forgets deleted files; a named-file run keeps the others', async () => {
    const dir = project({ 'app/Agent/extra.py': 'X = 1\n', 'app/Agent/more.py': 'Y = 2\n' });
    const location = path.join(tree(), 'cache');
    const manifest = () => Object.keys((JSON.parse(fs.readFileSync(path.join(location, 'manifest.json'), 'utf8')) as { files: Record<string, string> }).files).map((f) => path.basename(f)).sort();
    const entries = () => fs.readdirSync(path.join(location, 'facts')).length;
    await lint({ paths: [dir], cache: { location } });
    expect(manifest()).toEqual(['extra.py', 'main.py', 'more.py', 'tools.ts']);

    fs.writeFileSync(path.join(dir, 'app/Agent/extra.py'), 'X = 3\n');
    const named = await lint({ paths: [path.join(dir, 'app/Agent/extra.py')], cache: { location } });
    expect(named.cache).toMatchObject({ hits: 0, misses: 1, written: 1 });
    expect(manifest()).toEqual(['extra.py', 'main.py', 'more.py', 'tools.ts']);
    expect(entries()).toBe(4); // the old text of extra.py is no longer used by any file

    fs.rmSync(path.join(dir, 'app/Agent/more.py'));
    const whole = await lint({ paths: [dir], cache: { location } });
    expect(whole.cache).toMatchObject({ hits: 3, misses: 0, written: 0 });
    expect(manifest()).toEqual(['extra.py', 'main.py', 'tools.ts']);
    expect(entries()).toBe(3);
  });

  it('linting one project does not evict another sharing the cache', async () => {
    const a = project();
    const b = project({ 'app/Agent/b.py': 'B = 1\n' });
    const location = path.join(tree(), 'cache');
    await lint({ paths: [a], cache: { location } });
    await lint({ paths: [b], cache: { location } });
    const again = await lint({ paths: [a, b], cache: { location } });
    expect(again.cache).toMatchObject({ hits: 5, misses: 0 });
  });

  it("a whole-project run forgets the Cedar answers of policies that are gone; a named-file run keeps them", async () => {
    const dir = tree();
    fs.cpSync(path.join(ROOT, 'fixtures', 'base', 'gwdemo'), dir, { recursive: true });
    const configFile = path.join(dir, 'agentcore', 'agentcore.json');
    const location = path.join(tree(), 'cache');
    const answers = () => Object.values((JSON.parse(fs.readFileSync(path.join(location, 'manifest.json'), 'utf8')) as { answers: Record<string, string[]> }).answers).flat();
    const entries = () => fs.readdirSync(path.join(location, 'facts')).length;

    const cold = await lint({ paths: [dir], cache: { location } });
    const kept = answers();
    expect(kept.length).toBeGreaterThan(0);
    expect(cold.cache?.cedarAnswers).toBe(0);
    const warm = await lint({ paths: [dir], cache: { location } });
    expect(warm.cache).toMatchObject({ cedarAnswers: kept.length, written: 0 });
    expect(warm.findings).toEqual(cold.findings);

    // A staged Python file asks Cedar nothing: the project's answers stay.
    await lint({ paths: [path.join(dir, 'app', 'GwDemo', 'main.py')], cache: { location } });
    expect(answers()).toEqual(kept);

    // Damaged entries are asked again, with a note, and the findings do not change.
    for (const name of fs.readdirSync(path.join(location, 'facts'))) fs.writeFileSync(path.join(location, 'facts', name), 'not an entry');
    const repaired = await lint({ paths: [dir], cache: { location } });
    expect(repaired.findings).toEqual(cold.findings);
    expect(repaired.cache?.cedarAnswers).toBe(0);
    expect(repaired.notes.filter((n) => n.startsWith('Cache:'))).toEqual([expect.stringMatching(/unreadable cache entries were ignored and rebuilt/)]);
    expect((await lint({ paths: [dir], cache: { location } })).cache?.cedarAnswers).toBe(kept.length);

    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    delete config.policyEngines;
    for (const gateway of config.agentCoreGateways ?? []) delete gateway.policyEngineConfiguration;
    fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
    const before = entries();
    await lint({ paths: [dir], cache: { location } });
    expect(answers()).toEqual([]);
    expect(entries()).toBe(before - kept.length);
  });

  it('caches files outside any project too', async () => {
    const dir = tree({ 'loose/agent.py': MAIN_PY, 'loose/tool.ts': TOOL_TS });
    const location = path.join(tree(), 'cache');
    const first = await lint({ paths: [path.join(dir, 'loose')], cache: { location } });
    const second = await lint({ paths: [path.join(dir, 'loose')], cache: { location } });
    expect(first.cache).toMatchObject({ hits: 0, misses: 2, written: 2 });
    expect(second.cache).toMatchObject({ hits: 2, misses: 0, written: 0 });
    expect(second.findings).toEqual(first.findings);
    expect(first.findings.length).toBeGreaterThan(0);
  });
});

describe('FactsCache', () => {
  const facts = (language: SourceFacts['language']): SourceFacts => ({
    language, comments: [], strings: [{ span: { start: 0, end: 5 }, value: 'abc', interpolated: false, context: { kind: 'other' } }],
    calls: [], envReads: [], directives: [], parseProblems: [],
  });

  it('entries of another extractor fingerprint are never served, and are collected', () => {
    const location = path.join(tree(), 'cache');
    const file = path.join(location, '..', 'a.py');
    const first = new FactsCache(location, () => 'one');
    expect(first.get(file, 'x = 1')).toBeUndefined();
    first.put(file, 'x = 1', facts('python'));
    expect(first.save()).toEqual([]);
    expect(new FactsCache(location, () => 'one').get(file, 'x = 1')).toEqual(facts('python'));
    const second = new FactsCache(location, () => 'two');
    expect(second.get(file, 'x = 1')).toBeUndefined();
    second.put(file, 'x = 1', facts('python'));
    second.save();
    expect(fs.readdirSync(path.join(location, 'facts'))).toHaveLength(1);
    expect(new FactsCache(location, () => 'one').get(file, 'x = 1')).toBeUndefined();
  });

  it('the same text under another extension is another entry (.ts and .tsx parse differently)', () => {
    const location = path.join(tree(), 'cache');
    const dir = path.dirname(location);
    const cache = new FactsCache(location, () => 'fp');
    cache.get(path.join(dir, 'a.ts'), 'const a = 1;');
    cache.put(path.join(dir, 'a.ts'), 'const a = 1;', facts('typescript'));
    cache.save();
    const again = new FactsCache(location, () => 'fp');
    expect(again.get(path.join(dir, 'b.ts'), 'const a = 1;')).toEqual(facts('typescript')); // same content, any path
    expect(again.get(path.join(dir, 'a.tsx'), 'const a = 1;')).toBeUndefined();
  });

  it('the fingerprint follows the extractor modules and what they import', () => {
    const dir = tree({
      'adapters.js': "import { x } from './python/extract.js';\nexport const load = () => import('./typescript/adapter.js');\n",
      'python/extract.js': "import { y } from '../util/helper.js';\nexport const x = 1;\n",
      'typescript/adapter.js': 'export const z = 1;\n',
      'util/helper.js': 'export const y = 1;\n',
      'unrelated.js': 'export const u = 1;\n',
    });
    const closure = moduleClosure(path.join(dir, 'adapters.js')).map((f) => path.relative(dir, f).split(path.sep).join('/'));
    expect(closure).toEqual(['adapters.js', 'python/extract.js', 'typescript/adapter.js', 'util/helper.js']);
    const before = extractorFingerprint(moduleClosure(path.join(dir, 'adapters.js')));
    fs.writeFileSync(path.join(dir, 'unrelated.js'), 'export const u = 2;\n');
    expect(extractorFingerprint(moduleClosure(path.join(dir, 'adapters.js')))).toBe(before);
    fs.writeFileSync(path.join(dir, 'util/helper.js'), 'export const y = 2;\n');
    expect(extractorFingerprint(moduleClosure(path.join(dir, 'adapters.js')))).not.toBe(before);
  });
});

describe('parity', () => {
  const FIXTURES = path.join(ROOT, 'fixtures', 'rules');
  const policyCases = fs.readdirSync(FIXTURES).filter((rule) => rule.startsWith('policy-')).flatMap((rule) =>
    fs.readdirSync(path.join(FIXTURES, rule)).filter((c) => /^(valid|invalid)-/.test(c)).map((c) => path.join(FIXTURES, rule, c)),
  ).sort();

  it(`every policy rule fixture (${policyCases.length}) gives the same findings with cedar-wasm's answers from a warm cache`, async () => {
    expect(policyCases.length).toBeGreaterThan(20);
    const location = tree();
    let answered = 0;
    for (const root of policyCases) {
      const plain = await lint({ paths: [root] });
      await lint({ paths: [root], cache: { location } });
      const warm = await lint({ paths: [root], cache: { location } });
      // Nothing left to write: every answer the warm run needed came from the cache.
      expect(warm.cache?.written, root).toBe(0);
      answered += warm.cache?.cedarAnswers ?? 0;
      expect(snapshotFindings(root, warm.findings), root).toEqual(snapshotFindings(root, plain.findings));
      expect(warm.notes, root).toEqual(plain.notes);
    }
    expect(answered).toBeGreaterThan(policyCases.length);
  });

  const hasSource = (dir: string) => listing(dir).some((f) => /\.(py|ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(f) && !f.includes('node_modules'));
  const cases = fs.readdirSync(FIXTURES).flatMap((rule) =>
    fs.readdirSync(path.join(FIXTURES, rule)).filter((c) => /^(valid|invalid)-/.test(c)).map((c) => path.join(FIXTURES, rule, c)),
  ).filter(hasSource).sort();

  it(`every rule fixture with source code (${cases.length}) and the demo give the same findings from a warm cache`, async () => {
    expect(cases.length).toBeGreaterThan(20);
    const location = tree();
    for (const root of [...cases, path.join(ROOT, 'fixtures', 'demo-project')]) {
      const plain = await lint({ paths: [root] });
      await lint({ paths: [root], cache: { location } });
      const warm = await lint({ paths: [root], cache: { location } });
      expect(warm.cache?.misses, root).toBe(0);
      expect(snapshotFindings(root, warm.findings), root).toEqual(snapshotFindings(root, plain.findings));
      expect(warm.notes, root).toEqual(plain.notes);
    }
  });
});
