#!/usr/bin/env node
/**
 * End-to-end benchmark of the built CLI (`npm run build` first) against issue #6's targets.
 *
 *   node bench/run.mjs            full set; rewrites bench/RESULTS.md            (npm run bench)
 *   node bench/run.mjs --quick    subset, compared by ratio with RESULTS.md       (npm run bench:quick)
 *
 * Options: --runs N (measured runs per command; full: 15 staged / 5 projects / 3 for 4k; quick: 3 staged / 2),
 *          --threshold X (quick: fail when a ratio is more than X times the committed one; default 2),
 *          --sizes 500,1000,2000,4000, --no-secretlint, --out FILE.
 *
 * Every command runs as a child process under /usr/bin/time (user+sys CPU, peak RSS); wall time is measured here.
 * Each group of commands (ours, `node -e 0`, the raw floor; then secretlint and ESLint) is warmed up once, then measured
 * round-robin, so load from other jobs on a shared machine hits them alike: compare the ratios, not the seconds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchTempDir, generateProject } from './generate.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
let CLI = path.join(ROOT, 'bin', 'agentcore-lint.js');
const RAW_FLOOR = path.join(BENCH, 'raw-floor.mjs');
const RESULTS = path.join(BENCH, 'RESULTS.md');
const TIME = '/usr/bin/time';
const HAS_TIME = fs.existsSync(TIME);
const require = createRequire(path.join(ROOT, 'package.json'));

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    threshold: { type: 'string', default: '2' },
    sizes: { type: 'string' },
    'no-secretlint': { type: 'boolean', default: false },
    'secretlint-max': { type: 'string', default: '2000' },
    out: { type: 'string' },
  },
});
const QUICK = opts.quick;
const THRESHOLD = Number(opts.threshold);
const runsFor = (fallback) => (opts.runs ? Number(opts.runs) : fallback);
const SIZES = (opts.sizes ?? '500,1000,2000,4000').split(',').map(Number);

// ---------------------------------------------------------------------------------------------------------------
// Measuring

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

let timeFileCounter = 0;
/** Runs one command once: wall ms, user+sys CPU ms, peak RSS MB, exit code. */
function runOnce(cmd, { capture = false } = {}) {
  const timeFile = path.join(os.tmpdir(), `agentcore-lint-bench-time-${process.pid}-${timeFileCounter++}`);
  const [file, args] = HAS_TIME ? [TIME, ['-f', '%U %S %M', '-o', timeFile, cmd.argv[0], ...cmd.argv.slice(1)]] : [cmd.argv[0], cmd.argv.slice(1)];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    cwd: cmd.cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1024 * 1024 * 1024, timeout: cmd.timeoutMs ?? 15 * 60 * 1000,
    encoding: 'utf8',
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  let cpu = NaN;
  let rss = NaN;
  if (HAS_TIME) {
    try {
      const last = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      cpu = (last[0] + last[1]) * 1000;
      rss = last[2] / 1024;
    } catch { /* killed */ }
    fs.rmSync(timeFile, { force: true });
  }
  return { wall, cpu, rss, code: result.status, stdout: result.stdout, stderr: result.stderr ?? '', error: result.error };
}

/** One command's warm-up run (retried once on failure), its output inspected, and how many measured runs it gets. */
function warmUp(cmd, runs, { slowMs, slowRuns }) {
  let warm = runOnce(cmd, { capture: Boolean(cmd.inspect) });
  if (warm.error || !(cmd.okCodes ?? [0]).includes(warm.code)) warm = runOnce(cmd, { capture: Boolean(cmd.inspect) }); // one retry
  const ok = !warm.error && (cmd.okCodes ?? [0]).includes(warm.code);
  // The comparison tools can be very slow on big projects: fewer runs, or the warm-up run alone past 2 minutes.
  const capped = cmd.capRuns && warm.wall > slowMs ? (warm.wall > 120_000 ? 0 : Math.min(runs, slowRuns)) : runs;
  const entry = { cmd, samples: [], warm, ok, runs: capped, note: undefined };
  if (!ok) {
    const err = warm.stderr.trim().split('\n').filter((l) => l.trim() && !/^\s+at /.test(l));
    entry.note = `failed (exit ${warm.code}${warm.error ? `, ${warm.error.message}` : ''}): ${err.slice(0, 3).join(' | ').slice(0, 300)}`;
    log(`  ${cmd.label}: ${entry.note}`);
  } else if (cmd.inspect) {
    try {
      entry.detail = cmd.inspect(warm.stdout);
    } catch (error) {
      entry.detail = `output not understood: ${error.message}`;
    }
  }
  return entry;
}

/**
 * Warms up each command once (checking its exit code), then measures them round-robin. The comparison tools (marked
 * capRuns: secretlint, ESLint) are warmed up and measured after the others, so that no run of ours follows a minute of
 * secretlint at full CPU. A capRuns command whose warm-up takes longer than `slowMs` gets at most `slowRuns` measured
 * runs (none past 2 minutes: the warm-up run is then the only sample).
 */
function measureGroup(title, cmds, runs, { slowMs = 30_000, slowRuns = 1 } = {}) {
  log(`\n== ${title}`);
  const results = new Map();
  for (const phase of [cmds.filter((c) => !c.capRuns), cmds.filter((c) => c.capRuns)]) {
    const entries = phase.map((cmd) => warmUp(cmd, runs, { slowMs, slowRuns }));
    for (const entry of entries) results.set(entry.cmd.label, entry);
    const maxRuns = Math.max(0, ...entries.map((e) => e.runs));
    for (let i = 0; i < maxRuns; i++) {
      for (const entry of entries) {
        if (!entry.ok || i >= entry.runs) continue;
        const s = runOnce(entry.cmd);
        if (!(entry.cmd.okCodes ?? [0]).includes(s.code)) {
          entry.note = `exit ${s.code} in a measured run`;
          continue;
        }
        entry.samples.push(s);
      }
    }
  }
  const out = {};
  for (const [label, e] of results) {
    const samples = e.samples.length > 0 ? e.samples : e.ok ? [e.warm] : [];
    out[label] = {
      label, argv: e.cmd.display ?? displayArgv(e.cmd), cwd: e.cmd.cwd, ok: e.ok, note: e.note, detail: e.detail,
      runs: e.samples.length > 0 ? String(samples.length) : e.ok ? '1 (warm-up only)' : '0', wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)),
      rss: Math.max(...samples.map((s) => s.rss), e.warm.rss || 0), walls: samples.map((s) => Math.round(s.wall)),
    };
    const r = out[label];
    if (r.ok) log(`  ${label.padEnd(28)} wall ${fmtMs(r.wall).padStart(9)}  cpu ${fmtMs(r.cpu).padStart(9)}  rss ${r.rss.toFixed(0).padStart(4)} MB  (${r.runs} runs: ${r.walls.join(', ')})`);
  }
  return out;
}

function displayArgv(cmd) {
  return cmd.argv
    .map((a) => (a === process.execPath ? 'node' : a.startsWith(SNAPSHOT + path.sep) ? `<repo>/${path.relative(SNAPSHOT, a)}` : a.startsWith(ROOT + path.sep) ? `<repo>/${path.relative(ROOT, a)}` : a))
    .map((a) => (/[\s*"']/.test(a) ? `'${a}'` : a))
    .join(' ');
}

const fmtMs = (ms) => (Number.isNaN(ms) ? 'n/a' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtX = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
function log(text) {
  process.stdout.write(text + '\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Commands

const node = process.execPath;
const nodeBaseline = (cwd) => ({ label: 'node -e 0', argv: [node, '-e', '0'], cwd });
const lintCmd = (label, cwd, target, extra = []) => ({
  label, cwd, argv: [node, CLI, '--format', 'json', ...extra, target], okCodes: [0, 1],
  inspect: (stdout) => {
    const files = JSON.parse(stdout);
    const byRule = {};
    for (const f of files) for (const m of f.messages) byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
    return { findings: Object.values(byRule).reduce((a, b) => a + b, 0), byRule };
  },
});
const rawFloorCmd = (cwd) => ({
  label: 'raw floor', cwd, argv: [node, RAW_FLOOR, '.'], inspect: (stdout) => JSON.parse(stdout),
});

const SECRETLINT_BIN = (() => {
  try {
    return path.join(path.dirname(require.resolve('secretlint/package.json')), 'bin', 'secretlint.js');
  } catch {
    return undefined;
  }
})();
const SECRETLINT_RC = path.join(benchTempDir('config'), 'secretlintrc.json');
const SECRETLINT_OUT = path.join(benchTempDir('config'), 'secretlint-output.txt');
// --output: with stdout on a pipe, secretlint exits before a large report is flushed. Compact keeps the file small.
const secretlintCmd = (cwd) => ({
  label: 'secretlint', cwd, okCodes: [0, 1], capRuns: true, timeoutMs: 20 * 60 * 1000,
  argv: [node, SECRETLINT_BIN, '--secretlintrc', SECRETLINT_RC, '--format', 'compact', '--output', SECRETLINT_OUT, '**/*'],
  display: `node <repo>/node_modules/secretlint/bin/secretlint.js --secretlintrc secretlintrc.json --format compact --output secretlint-output.txt '**/*'`,
  inspect: () => {
    const text = fs.readFileSync(SECRETLINT_OUT, 'utf8');
    const byRule = {};
    for (const m of text.matchAll(/: line \d+, col \d+, \w+ - .*\((?:[^()>]*> )?([^()]+)\)$/gm)) byRule[m[1]] = (byRule[m[1]] ?? 0) + 1;
    return { findings: Object.values(byRule).reduce((a, b) => a + b, 0), byRule };
  },
});

/** ESLint with eslint-plugin-agentcore, only when both are installed and the plugin has rules. */
async function eslintSetup() {
  let eslintBin;
  let pluginUrl;
  try {
    const pkgFile = require.resolve('eslint/package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    eslintBin = path.join(path.dirname(pkgFile), typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.eslint);
  } catch {
    return { note: 'ESLint skipped: `eslint` is not installed in this repository.' };
  }
  let plugin;
  try {
    pluginUrl = pathToFileURL(require.resolve('eslint-plugin-agentcore')).href;
    plugin = (await import(pluginUrl)).default;
  } catch (error) {
    return { note: `ESLint skipped: eslint-plugin-agentcore cannot be loaded (${error.message.split('\n')[0]}).` };
  }
  const rules = Object.keys(plugin?.rules ?? {});
  if (rules.length === 0) return { note: 'ESLint skipped: eslint-plugin-agentcore has no rules yet.' };
  let parserUrl;
  try {
    parserUrl = pathToFileURL(require.resolve('@typescript-eslint/parser')).href;
  } catch {
    return { note: 'ESLint skipped: @typescript-eslint/parser is not installed.' };
  }
  const config = path.join(benchTempDir('config'), 'eslint.config.mjs');
  fs.mkdirSync(path.dirname(config), { recursive: true });
  fs.writeFileSync(
    config,
    `import parser from ${JSON.stringify(parserUrl)};\nimport plugin from ${JSON.stringify(pluginUrl)};\n` +
      `export default [{ files: ['**/*.ts'], languageOptions: { parser }, plugins: { agentcore: plugin },\n` +
      `  rules: Object.fromEntries(Object.keys(plugin.rules).map((id) => ['agentcore/' + id, 'error'])) }];\n`,
  );
  const version = JSON.parse(fs.readFileSync(require.resolve('eslint/package.json'), 'utf8')).version;
  return {
    version, rules,
    cmd: (cwd) => ({
      label: 'eslint + agentcore plugin', cwd, okCodes: [0, 1], capRuns: true, timeoutMs: 20 * 60 * 1000,
      argv: [node, eslintBin, '--config', config, '--format', 'json', '**/*.ts'],
      display: `node <repo>/node_modules/eslint/bin/eslint.js --config eslint.config.mjs --format json '**/*.ts'  (all ${rules.length} plugin rules, @typescript-eslint/parser)`,
      inspect: (stdout) => {
        const files = JSON.parse(stdout);
        return { files: files.length, findings: files.reduce((n, f) => n + f.messages.length, 0) };
      },
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

/** The temp folder name of the whole-project scenario of a size (shared by the scenarios that lint it). */
const projectName = (files) => `project-${files}`;

function project(name, files, extra = {}) {
  const dir = benchTempDir(name);
  const started = Date.now();
  const manifest = generateProject({ dir, files, seed: 1, git: true, ...extra });
  log(`generated ${name}: ${manifest.files} files, ${(manifest.bytes / 1024 / 1024).toFixed(2)} MB in ${Date.now() - started} ms (${dir})`);
  return manifest;
}

function stagedScenarios(runs) {
  const m = project('staged-50', 50);
  const cmds = [
    nodeBaseline(m.dir),
    lintCmd('staged .py', m.dir, m.sample.py),
    lintCmd('staged .ts', m.dir, m.sample.ts),
    lintCmd('staged agentcore.json', m.dir, m.sample.config),
    lintCmd('staged .cedar', m.dir, m.sample.cedar),
  ];
  // No target: the pre-commit hook with `args: [--cache]`, agentcore.json staged again with its policies unchanged.
  if (!QUICK) cmds.push(cachedLintCmd(m.dir, 'staged-50', 'staged agentcore.json, --cache (warm)', m.sample.config));
  return { manifest: strip(m), results: measureGroup('One staged file in a 50-file project', cmds, runs) };
}

/** Not a target in the issue, but what pre-commit costs in a big repository: the same staged files, 2,000 files around them. */
function stagedInLargeProject(files, runs) {
  const m = project(projectName(files), files);
  const cmds = [
    nodeBaseline(m.dir),
    lintCmd('staged .py', m.dir, m.sample.py),
    lintCmd('staged .ts', m.dir, m.sample.ts),
    lintCmd('staged agentcore.json', m.dir, m.sample.config),
  ];
  return { manifest: strip(m), results: measureGroup(`One staged file in a ${m.files}-file project`, cmds, runs) };
}

/** With --cache: the warm-up run fills the cache (outside the project, so no other tool sees it); measured runs re-lint warm. */
const CACHED_SIZES = new Set([2000]);
function cachedLintCmd(cwd, name, label = 're-lint with --cache (warm cache)', target = '.') {
  const location = benchTempDir(`cache-${name}`);
  fs.rmSync(location, { recursive: true, force: true });
  return { ...lintCmd(label, cwd, target, ['--cache', '--cache-location', location]), display: `node <repo>/bin/agentcore-lint.js --format json --cache --cache-location <temp>/cache-${name} ${target}` };
}

function wholeProject(files, runs, { secretlint, eslint }) {
  const m = project(projectName(files), files);
  const cmds = [nodeBaseline(m.dir), rawFloorCmd(m.dir), lintCmd('agentcore-lint', m.dir, '.')];
  if (!QUICK && CACHED_SIZES.has(files)) cmds.push(cachedLintCmd(m.dir, files));
  if (secretlint) cmds.push(secretlintCmd(m.dir));
  if (eslint?.cmd) cmds.push(eslint.cmd(m.dir));
  return { manifest: strip(m), results: measureGroup(`Whole project, ${m.files} files (${(m.bytes / 1024 / 1024).toFixed(2)} MB)`, cmds, runs) };
}

/**
 * The linear-cost check's own group: agentcore-lint on every whole project (already generated), measured round-robin
 * across the sizes, so a busy minute on the shared machine hits every size alike instead of one size's group.
 */
function scalingScenario(sizes, runs) {
  const cmds = [nodeBaseline(benchTempDir(projectName(sizes[0]))), ...sizes.map((size) => lintCmd(`${size} files`, benchTempDir(projectName(size)), '.'))];
  return { results: measureGroup('Scaling: every project size, round-robin', cmds, runs) };
}

function cedarScenario(runs) {
  const many = project('cedar-1000', 50, { policies: 1000 });
  const none = project('cedar-0', 50, { policies: 0 });
  const cmds = [
    nodeBaseline(many.dir),
    lintCmd('1,000 policies: whole project', many.dir, '.'),
    lintCmd('1,000 policies: agentcore.json', many.dir, 'agentcore/agentcore.json'),
    lintCmd('0 policies: whole project', none.dir, '.'),
  ];
  return { manifest: strip(many), results: measureGroup('1,000 Cedar policy statements (50-file project)', cmds, runs) };
}

/**
 * No target: single big files of the shapes that once made a walk quadratic (thousands of calls, environment reads
 * and top-level statements in one file, just under the 4 MB limit). Each used to take minutes; a regression shows
 * here as seconds turning into minutes.
 */
function pathologicalScenario(runs) {
  const dir = benchTempDir('pathological');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'agentcore'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'app', 'Agent'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'agentcore', 'agentcore.json'), JSON.stringify({
    name: 'Pathological', version: 1,
    runtimes: [{ name: 'Agent', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/Agent/', runtimeVersion: 'PYTHON_3_12', protocol: 'HTTP' }],
  }));
  fs.writeFileSync(path.join(dir, 'agentcore', 'aws-targets.json'), '[]\n');
  const py = ['import os', 'import requests'];
  const ts = [];
  for (let i = 0; i < 25000; i++) {
    py.push(`def g${i}(x):`, `    url = os.environ.get("AGENTCORE_GATEWAY_X${i % 5}_URL")`, `    return requests.post(url + "/items", json=x, headers={"k": os.environ["API_KEY_${i % 9}"]})`);
    ts.push(`export async function f${i}(x: string) { const u = process.env.AGENTCORE_GATEWAY_X${i % 5}_URL; return fetch(u + x, { headers: { k: process.env.OPENAI_API_KEY } }); }`);
  }
  fs.writeFileSync(path.join(dir, 'app', 'Agent', 'many.py'), py.join('\n') + '\n');
  // A module-level read, thousands of top-level if statements and guard-function calls, then thousands of functions
  // using the read: each use's guard check looks at the statements above its function.
  const guards = ['import os', 'import httpx', 'URL = os.getenv("AGENTCORE_GATEWAY_X_URL")', 'def check():', '    if not os.getenv("OTHER"):', '        raise ValueError("OTHER")'];
  for (let i = 0; i < 10000; i++) guards.push(i % 2 ? 'check()' : `if os.getenv("DEBUG_${i % 7}"):\n    print(${i})`);
  for (let i = 0; i < 10000; i++) guards.push(`def f${i}():\n    return httpx.get(URL)`);
  fs.writeFileSync(path.join(dir, 'app', 'Agent', 'guards.py'), guards.join('\n') + '\n');
  const guardsTs = ['const URL = process.env.AGENTCORE_GATEWAY_X_URL;', 'function check() { if (!process.env.OTHER) throw new Error("OTHER"); }'];
  for (let i = 0; i < 10000; i++) guardsTs.push(i % 2 ? 'check();' : `if (process.env.DEBUG_${i % 7}) { console.log(${i}); }`);
  for (let i = 0; i < 10000; i++) guardsTs.push(`export function f${i}() { return fetch(URL); }`);
  fs.writeFileSync(path.join(dir, 'app', 'Agent', 'guards.ts'), guardsTs.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'app', 'Agent', 'many.ts'), ts.join('\n') + '\n');
  // Thousands of variables, each read and used in its own function below thousands of checks of other variables and
  // after a call of a guard function checking thousands more: a fact per variable, so each use's guard check once
  // tried every check above it (30 to 58 s for either half of these files).
  const distinctPy = ['import os', 'import httpx', 'def check():'];
  const distinctTs = ['function check() {'];
  for (let i = 0; i < 5000; i++) {
    distinctPy.push(`    if not os.getenv("CHECKED_${i}"):`, `        raise SystemExit(${i})`);
    distinctTs.push(`  if (!process.env.CHECKED_${i}) throw new Error("${i}");`);
  }
  distinctTs.push('}');
  for (let i = 0; i < 5000; i++) {
    distinctPy.push(`if not os.getenv("OTHER_${i}"):`, `    raise SystemExit(${i})`);
    distinctTs.push(`if (!process.env.OTHER_${i}) throw new Error("${i}");`);
  }
  for (let i = 0; i < 5000; i++) {
    distinctPy.push(`def f${i}():`, '    check()', `    url = os.getenv("AGENTCORE_GATEWAY_X${i}_URL")`, '    return httpx.get(url)');
    distinctTs.push(`export function f${i}() { check(); const url = process.env.AGENTCORE_GATEWAY_X${i}_URL; return fetch(url); }`);
  }
  // Two chains of 5,000 variables, each built from the one before and a read of a key, checked and used: `acc + k`
  // (a join, which says nothing about the key) and `ok && k` (which does). What a check mentions through such a
  // chain once grew with its length (75 s and 1.6 GB for the TypeScript file).
  const chainsPy = ['import os', 'import requests', 'acc0 = ""', 'ok0 = True'];
  const chainsTs = ["const acc0 = '';", 'const ok0 = true;'];
  for (const [name, join] of [['acc', '+'], ['ok', 'and']]) {
    for (let i = 1; i <= 5000; i++) {
      chainsPy.push(`${name}_k${i} = os.environ.get("${name.toUpperCase()}_${i}_API_KEY")`, `${name}${i} = ${name}${i - 1} ${join} ${name}_k${i}`);
      chainsPy.push(`if not ${name}${i}:\n    raise SystemExit(${i})`, `requests.get("https://api.example.com", headers={"k": ${name}${i}})`);
      chainsTs.push(`const ${name}_k${i} = process.env.${name.toUpperCase()}_${i}_API_KEY;`, `const ${name}${i} = ${name}${i - 1} ${join === '+' ? '+' : '&&'} ${name}_k${i};`);
      chainsTs.push(`if (!${name}${i}) throw new Error("${i}");`, `fetch("https://api.example.com", { headers: { k: String(${name}${i}) } });`);
    }
  }
  // Deep rather than long: 8,000 `elif` branches and 8,000 nested conditional expressions using a gateway URL
  // (Python), and a key used 8,000 times in one `k + k + … + k` (TypeScript; a line each, or the file would be
  // taken for minified code, which the source rules pass over). Each use's walk up to the root once took as long as the chain.
  const deepPy = ['import os', 'import requests', 'URL = os.environ.get("AGENTCORE_GATEWAY_X_URL")', 'def branches(v):', '    if v == -1:', '        pass'];
  for (let i = 0; i < 8000; i++) deepPy.push(`    elif v == ${i}:`, '        requests.get(URL)');
  deepPy.push('def nested(v):', `    return ${Array.from({ length: 8000 }, (_, i) => `requests.get(URL) if v == ${i} else `).join('')}None`);
  const deepTs = ['const k = process.env.OPENAI_API_KEY;', `const s = ${Array(8000).fill('k').join(' +\n  ')};`, "fetch('https://api.example.com', { headers: { s } });"];
  fs.writeFileSync(path.join(dir, 'app', 'Agent', 'deep.py'), deepPy.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'app', 'Agent', 'deep.ts'), deepTs.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'app', 'Agent', 'chains.py'), chainsPy.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'app', 'Agent', 'chains.ts'), chainsTs.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'app', 'Agent', 'distinct.py'), distinctPy.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'app', 'Agent', 'distinct.ts'), distinctTs.join('\n') + '\n');
  const bytes = (f) => fs.statSync(path.join(dir, 'app', 'Agent', f)).size;
  log(`generated pathological files: many.py ${(bytes('many.py') / 1e6).toFixed(1)} MB, many.ts ${(bytes('many.ts') / 1e6).toFixed(1)} MB, guards.py ${(bytes('guards.py') / 1e6).toFixed(2)} MB, guards.ts ${(bytes('guards.ts') / 1e6).toFixed(2)} MB, distinct.py ${(bytes('distinct.py') / 1e6).toFixed(2)} MB, distinct.ts ${(bytes('distinct.ts') / 1e6).toFixed(2)} MB, chains.py ${(bytes('chains.py') / 1e6).toFixed(2)} MB, chains.ts ${(bytes('chains.ts') / 1e6).toFixed(2)} MB, deep.py ${(bytes('deep.py') / 1e6).toFixed(2)} MB, deep.ts ${(bytes('deep.ts') / 1e3).toFixed(0)} KB (${dir})`);
  const cmds = [
    nodeBaseline(dir),
    lintCmd('25,000 functions in one .py', dir, 'app/Agent/many.py'),
    lintCmd('25,000 functions in one .ts', dir, 'app/Agent/many.ts'),
    lintCmd('10,000 uses below 10,000 guards (.py)', dir, 'app/Agent/guards.py'),
    lintCmd('10,000 uses below 10,000 guards (.ts)', dir, 'app/Agent/guards.ts'),
    lintCmd('5,000 variables below 10,000 checks (.py)', dir, 'app/Agent/distinct.py'),
    lintCmd('5,000 variables below 10,000 checks (.ts)', dir, 'app/Agent/distinct.ts'),
    lintCmd('two chains of 5,000 variables (.py)', dir, 'app/Agent/chains.py'),
    lintCmd('two chains of 5,000 variables (.ts)', dir, 'app/Agent/chains.ts'),
    lintCmd('8,000 elif branches, 8,000 nested conditionals (.py)', dir, 'app/Agent/deep.py'),
    lintCmd('8,000 uses in one expression (.ts)', dir, 'app/Agent/deep.ts'),
  ];
  return { sizes: { py: bytes('many.py'), ts: bytes('many.ts'), guards: bytes('guards.py'), guardsTs: bytes('guards.ts'), distinct: bytes('distinct.py'), distinctTs: bytes('distinct.ts'), chains: bytes('chains.py'), chainsTs: bytes('chains.ts'), deep: bytes('deep.py'), deepTs: bytes('deep.ts') }, results: measureGroup('Pathological single files', cmds, runs) };
}

/**
 * No target: one gateway with a big tool catalog (100 Lambda targets of 30 tools each) and 300 policies, each on one
 * tool. Cedar's cost grows with the schema, so policies are validated against the actions they name; a regression
 * (one validation against the whole schema) shows here as a few seconds turning into tens.
 */
function toolCatalogScenario(runs) {
  const dir = benchTempDir('tool-catalog');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'agentcore'), { recursive: true });
  const arn = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/catalog-gw-a1b2c3d4e5';
  const inputSchema = { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' }, note: { type: 'string' } }, required: ['id'] };
  const targets = Array.from({ length: 100 }, (_, t) => ({
    name: `t${t}`,
    targetType: 'lambdaFunctionArn',
    lambdaFunctionArn: { lambdaArn: `arn:aws:lambda:us-east-1:123456789012:function:t${t}`, toolSchemaFile: `schemas/t${t}.json` },
  }));
  fs.mkdirSync(path.join(dir, 'schemas'));
  for (let t = 0; t < 100; t++) {
    const tools = Array.from({ length: 30 }, (_, k) => ({ name: `tool_${k}`, description: `Tool ${k} of target ${t}`, inputSchema }));
    fs.writeFileSync(path.join(dir, 'schemas', `t${t}.json`), JSON.stringify(tools, null, 2));
  }
  const policies = Array.from({ length: 300 }, (_, i) => ({
    name: `P${i}`,
    statement: `permit(principal is AgentCore::IamEntity, action == AgentCore::Action::"t${i % 100}___tool_${i % 30}", resource == AgentCore::Gateway::"${arn}") when { context.input has count && context.input.count < ${i} };`,
  }));
  fs.writeFileSync(path.join(dir, 'agentcore', 'agentcore.json'), JSON.stringify({
    name: 'ToolCatalog', version: 1, runtimes: [],
    agentCoreGateways: [{ name: 'catalog-gw', authorizerType: 'AWS_IAM', targets, policyEngineConfiguration: { policyEngineName: 'Guard', mode: 'ENFORCE' } }],
    policyEngines: [{ name: 'Guard', policies }],
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'agentcore', 'aws-targets.json'), '[]\n');
  log(`generated tool-catalog project: 3,000 tools, 300 policies (${dir})`);
  const cmds = [nodeBaseline(dir), lintCmd('3,000 tools, 300 policies: agentcore.json', dir, 'agentcore/agentcore.json')];
  return { results: measureGroup('A big tool catalog', cmds, runs) };
}

const strip = (m) => ({ files: m.files, bytes: m.bytes, byExtension: m.byExtension, runtimes: m.runtimes, gateways: m.gateways, policies: m.policies, sample: m.sample });

// ---------------------------------------------------------------------------------------------------------------
// Ratios, targets, report

/** The ratios quick mode compares: name → { wall, cpu }. */
function ratiosOf(data) {
  const out = {};
  const st = data.staged?.results;
  if (st) {
    const base = st['node -e 0'];
    for (const [label, r] of Object.entries(st)) {
      if (label === 'node -e 0' || !r.ok) continue;
      out[`${label} / node -e 0`] = { wall: r.wall / base.wall, cpu: r.cpu / base.cpu };
    }
  }
  for (const [size, p] of Object.entries(data.projects ?? {})) {
    const r = p.results;
    const ours = r['agentcore-lint'];
    if (!ours?.ok) continue;
    out[`${size} files: agentcore-lint / raw floor`] = { wall: ours.wall / r['raw floor'].wall, cpu: ours.cpu / r['raw floor'].cpu };
    out[`${size} files: agentcore-lint / node -e 0`] = { wall: ours.wall / r['node -e 0'].wall, cpu: ours.cpu / r['node -e 0'].cpu };
  }
  return out;
}

function targets(data) {
  const rows = [];
  const st = data.staged?.results;
  if (st) {
    const base = st['node -e 0'];
    for (const [label, limit] of [['staged .py', 3], ['staged .ts', 5], ['staged agentcore.json', 2.5], ['staged .cedar', 3]]) {
      const r = st[label];
      const x = r?.ok ? r.wall / base.wall : NaN;
      const c = r?.ok ? r.cpu / base.cpu : NaN;
      rows.push([`One staged ${label.slice(7)} ≤ ${limit}× \`node -e 0\``, `${fmtX(x)} wall (${fmtMs(r?.wall)} vs ${fmtMs(base.wall)}); ${fmtX(c)} CPU`, x <= limit]);
    }
  }
  const p2k = data.projects?.['2000']?.results;
  if (p2k) {
    const ours = p2k['agentcore-lint'];
    const files = data.projects['2000'].manifest.files;
    const rate = files / (ours.wall / 1000);
    rows.push(['2,000-file project ≥ 2,000 files/s end to end', `${Math.round(rate)} files/s (${fmtMs(ours.wall)} wall, ${fmtMs(ours.cpu)} CPU)`, rate >= 2000]);
    const floor = ours.wall / p2k['raw floor'].wall;
    rows.push(['2,000-file project ≤ 10× the raw floor', `${fmtX(floor)} wall (${fmtX(ours.cpu / p2k['raw floor'].cpu)} CPU)`, floor <= 10]);
    const sl = p2k.secretlint;
    if (sl?.ok) rows.push(['2,000-file project faster than secretlint', `${fmtX(ours.wall / sl.wall)} of secretlint's wall time (${fmtMs(sl.wall)})`, ours.wall < sl.wall]);
    else rows.push(['2,000-file project faster than secretlint', 'secretlint not measured', undefined]);
  }
  const lin = linearity(data);
  if (lin) rows.push(['Cost linear in files (500/1k/2k/4k)', lin.summary, lin.linear]);
  const cedar = data.cedar?.results;
  if (cedar) {
    const whole = cedar['1,000 policies: whole project'];
    const json = cedar['1,000 policies: agentcore.json'];
    const none = cedar['0 policies: whole project'];
    // Judged on the run that does the policy work and little else: agentcore.json holding the 1,000 statements,
    // each parsed, converted and validated against its gateway's schema, end to end with Node's start-up.
    rows.push([
      '1,000 Cedar policies validated in ≤ 1 s',
      `${fmtMs(json?.wall)} wall end to end for agentcore.json holding them (${fmtMs(json?.cpu)} CPU); the whole 50-file project takes ${fmtMs(whole?.wall)}, ${fmtMs(whole?.wall - none?.wall)} more than without policies`,
      json?.wall <= 1000,
    ]);
  }
  const p4k = data.projects?.['4000']?.results?.['agentcore-lint'];
  if (p4k) rows.push(['Peak RSS ≤ 250 MB on the 4k-file project', `${p4k.rss.toFixed(0)} MB`, p4k.rss <= 250]);
  return rows;
}

/**
 * A least-squares fit of cost against file count, and each point's distance from it. From the round-robin scaling
 * group when the run has one (results from before it existed: each size's own group).
 */
function linearity(data) {
  const pts = Object.entries(data.projects ?? {})
    .map(([size, p]) => ({ n: p.manifest.files, r: data.scaling?.results[`${size} files`] ?? p.results['agentcore-lint'] }))
    .filter((p) => p.r?.ok)
    .map((p) => ({ n: p.n, t: p.r.wall, c: p.r.cpu }));
  if (pts.length < 3) return undefined;
  const fit = (key) => {
    const mx = pts.reduce((s, p) => s + p.n, 0) / pts.length;
    const my = pts.reduce((s, p) => s + p[key], 0) / pts.length;
    const slope = pts.reduce((s, p) => s + (p.n - mx) * (p[key] - my), 0) / pts.reduce((s, p) => s + (p.n - mx) ** 2, 0);
    const intercept = my - slope * mx;
    const worst = Math.max(...pts.map((p) => Math.abs(p[key] - (intercept + slope * p.n)) / p[key]));
    return { slope, intercept, worst };
  };
  const w = fit('t');
  const c = fit('c');
  const perFile = pts.map((p) => `${p.n}: ${((p.c - c.intercept) / p.n).toFixed(2)}`).join(', ');
  return {
    linear: c.worst <= 0.15,
    summary: `CPU fit ${c.slope.toFixed(2)} ms/file + ${fmtMs(c.intercept)} fixed, worst residual ${(c.worst * 100).toFixed(0)}% (wall fit ${w.slope.toFixed(2)} ms/file, residual ${(w.worst * 100).toFixed(0)}%); marginal CPU ms/file ${perFile}`,
  };
}

function machine() {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? os.cpus()[0]?.model ?? '?';
  const version = (pkg) => {
    try {
      return JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
    } catch {
      return 'not installed';
    }
  };
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '?';
    }
  };
  return {
    date: new Date().toISOString(), nproc: sh('nproc', []), cpu, memGB: (os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`, node: process.version, npm: sh('npm', ['--version']),
    load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    agentcoreLint: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
    gitHead: GIT_AT_START,
    secretlint: version('secretlint'), secretlintPreset: version('@secretlint/secretlint-rule-preset-recommend'),
    eslint: version('eslint'), time: HAS_TIME ? '/usr/bin/time -f "%U %S %M"' : 'not available (no CPU/RSS)',
  };
}

function table(results, { files, baseline = 'node -e 0', floor } = {}) {
  const rows = ['| Command | Runs | Median wall | Median CPU (user+sys) | Peak RSS | × `node -e 0` (wall / CPU) |' + (floor ? ' × raw floor (wall / CPU) | files/s |' : ''),
    '|---|---|---|---|---|---|' + (floor ? '---|---|' : '')];
  const base = results[baseline];
  const fl = floor ? results[floor] : undefined;
  for (const r of Object.values(results)) {
    if (!r.ok) {
      rows.push(`| ${r.label} | – | ${r.note.replace(/\|/g, '\\|')} | | | |${floor ? ' | |' : ''}`);
      continue;
    }
    let row = `| ${r.label} | ${r.runs} | ${fmtMs(r.wall)} | ${fmtMs(r.cpu)} | ${r.rss.toFixed(0)} MB | ${fmtX(r.wall / base.wall)} / ${fmtX(r.cpu / base.cpu)} |`;
    const n = r.label.startsWith('eslint') && r.detail?.files ? r.detail.files : files; // ESLint sees the TS files only
    if (floor) row += ` ${fmtX(r.wall / fl.wall)} / ${fmtX(r.cpu / fl.cpu)} | ${r.label === baseline ? '' : `${Math.round(n / (r.wall / 1000))}${n !== files ? ` (${n} .ts files)` : ''}`} |`;
    rows.push(row);
  }
  return rows.join('\n');
}

function details(results) {
  const out = [];
  for (const r of Object.values(results)) {
    out.push(`- ${r.label}: \`${r.argv}\`${r.detail ? ` — ${typeof r.detail === 'string' ? r.detail : JSON.stringify(r.detail)}` : ''}`);
  }
  return out.join('\n');
}

function report(data) {
  const m = data.machine;
  const lines = [];
  lines.push('# agentcore-lint benchmark results', '');
  lines.push('Written by `npm run bench` (`node bench/run.mjs`); `npm run bench:quick` compares its ratios with the data block at the end of this file. Issue #6 has the targets. Synthetic projects come from `bench/generate.mjs` (seed 1) and live under the OS temp folder, each in a fresh git work tree with every file staged (as in a pre-commit hook).', '');
  lines.push('## Machine', '');
  lines.push(`- ${m.date}; ${m.nproc} CPUs (${m.cpu}), ${m.memGB} GB RAM, ${m.os}`);
  lines.push(`- load average at the end of the run: ${m.load} (shared machine: other jobs ran alongside; read the ratios)`);
  lines.push(`- node ${m.node}, npm ${m.npm}; agentcore-lint ${m.agentcoreLint} (git ${m.gitHead}; dist/ built ${m.distBuilt}); secretlint ${m.secretlint} with @secretlint/secretlint-rule-preset-recommend ${m.secretlintPreset}; eslint ${m.eslint}`);
  lines.push('- projects: `node bench/generate.mjs --files N --seed 1 --git` (the cedar ones add `--policies 1000` / `--policies 0`); `<repo>` below is this repository, and every command runs from the project root');
  lines.push('- `<repo>/bin/agentcore-lint.js` is run from a copy of bin/, dist/, vendor/, schemas/ and package.json taken at the start of the run (node_modules linked), so a rebuild during the run cannot mix two versions');
  lines.push(`- each command: one warm-up run, then N measured runs round-robin within its group (secretlint and ESLint after the others, so that no run of ours follows a minute of secretlint); median wall (measured by the harness around the child process), median user+sys CPU and max RSS from ${m.time}`);
  lines.push('');
  lines.push('## Targets', '');
  lines.push('| Target | Measured | Result |', '|---|---|---|');
  for (const [target, measured, pass] of targets(data)) lines.push(`| ${target} | ${measured} | ${pass === undefined ? 'n/a' : pass ? 'PASS' : '**FAIL**'} |`);
  lines.push('');
  if (data.staged) {
    const s = data.staged;
    lines.push('## One staged file in a 50-file project', '');
    lines.push(`Project: ${s.manifest.files} files (${(s.manifest.bytes / 1024).toFixed(0)} KB; ${JSON.stringify(s.manifest.byExtension)}), ${s.manifest.policies} policies. The file is passed as pre-commit passes it: \`agentcore-lint --format json <path>\` from the project root.`, '');
    lines.push(table(s.results), '', details(s.results), '');
  }
  for (const [size, p] of Object.entries(data.projects ?? {})) {
    lines.push(`## Whole project: ${p.manifest.files} files, ${(p.manifest.bytes / 1024 / 1024).toFixed(2)} MB`, '');
    lines.push(`${JSON.stringify(p.manifest.byExtension)}; ${p.manifest.runtimes} runtimes, ${p.manifest.gateways} gateways, ${p.manifest.policies} policies. Run from the project root on \`.\`.`, '');
    lines.push(table(p.results, { files: p.manifest.files, floor: 'raw floor' }), '', details(p.results), '');
  }
  const lin = linearity(data);
  if (lin) {
    lines.push('### Scaling', '', lin.summary, '');
    if (data.scaling) {
      lines.push('The fit is over a group of its own: agentcore-lint on every project, one warm-up each, then measured round-robin across the sizes (the per-size groups above run one after another, so a busy minute on the machine lands on one size).', '');
      lines.push(table(data.scaling.results), '');
    }
    lines.push('| Files | MB | agentcore-lint wall / CPU (per-size group) | files/s (wall) | raw floor wall | secretlint wall / CPU | ESLint (TS files) wall / CPU |', '|---|---|---|---|---|---|---|');
    for (const p of Object.values(data.projects)) {
      const r = p.results;
      const pair = (x) => (x?.ok ? `${fmtMs(x.wall)} / ${fmtMs(x.cpu)}` : 'n/a');
      const ours = r['agentcore-lint'];
      lines.push(`| ${p.manifest.files} | ${(p.manifest.bytes / 2 ** 20).toFixed(2)} | ${pair(ours)} | ${ours?.ok ? Math.round(p.manifest.files / (ours.wall / 1000)) : 'n/a'} | ${fmtMs(r['raw floor']?.wall)} | ${pair(r.secretlint)} | ${pair(r['eslint + agentcore plugin'])} |`);
    }
    lines.push('');
  }
  if (data.cedar) {
    const c = data.cedar;
    lines.push('## 1,000 Cedar policies', '');
    lines.push(`A ${c.manifest.files}-file project whose agentcore.json holds ${c.manifest.policies} policy statements (spread over ${c.manifest.gateways} engine(s)); the control is the same generator with no policies.`, '');
    lines.push(table(c.results), '', details(c.results), '');
  }
  if (data.stagedLarge) {
    const s = data.stagedLarge;
    lines.push(`## One staged file in a ${s.manifest.files}-file project (no target; for comparison with the 50-file project)`, '');
    lines.push('Pre-commit in a big repository: the cost of one staged file should not depend on the size of the project around it.', '');
    lines.push(table(s.results), '', details(s.results), '');
  }
  if (data.pathological) {
    const p = data.pathological;
    lines.push('## Pathological single files (no target; a record)', '');
    lines.push(`One file each, just under the 4 MB limit: ${(p.sizes.py / 1e6).toFixed(1)} MB of Python and ${(p.sizes.ts / 1e6).toFixed(1)} MB of TypeScript, 25,000 functions, each reading a gateway URL and a key and making an HTTP call. Shapes like these once made a walk quadratic (minutes); linear walks keep them to seconds. The last two (${p.sizes.guards ? (p.sizes.guards / 1e6).toFixed(2) : '?'} MB of Python, ${p.sizes.guardsTs ? (p.sizes.guardsTs / 1e6).toFixed(2) : '?'} MB of TypeScript) read a gateway URL at the top, then hold 10,000 top-level if statements and function calls and 10,000 functions using the URL: each use's guard check looks at the statements above its function. Before which statements establish a fact was kept per block and fact, these took 85 s (Python) and 106 s (TypeScript); 1.7 and 1.8 s after (measured side by side, 2026-11-22). The two "variables" files (${p.sizes.distinct ? (p.sizes.distinct / 1e6).toFixed(2) : '?'} MB of Python, ${p.sizes.distinctTs ? (p.sizes.distinctTs / 1e6).toFixed(2) : '?'} MB of TypeScript) hold a guard function with 5,000 checks, 5,000 top-level checks, and 5,000 functions each calling the guard function, then reading and using its own gateway URL: a fact per variable. While each fact's guard check tried every check above the use, files of either half (5,000 checks of other variables at the top, or in a guard function, above 5,000 such functions) took 52 and 58 s (Python) and 30 and 33 s (TypeScript); only the checks that mention the variable are tried now, 1.1–1.7 s for each half (measured side by side, 2026-11-22). The two "chains" files (${p.sizes.chains ? (p.sizes.chains / 1e6).toFixed(2) : '?'} MB of Python, ${p.sizes.chainsTs ? (p.sizes.chainsTs / 1e6).toFixed(2) : '?'} MB of TypeScript) hold two chains of 5,000 variables, each built from the one before and a read of a key (\`acc + k\` and \`ok && k\`), each checked and used in an HTTP call. While the guard analysis took every variable a check's \`const\` was built from for a variable the check mentions, the TypeScript file took 75 s and 1.6 GB; it follows a \`const\` only where a check can see through it (\`!\`, \`&&\`, \`||\`) and no deeper than its 64 steps now, 4.8 s and 320 MB (measured side by side, 2026-11-22; the Python file, 3.4 s, did not change). The two "deep" files (${p.sizes.deep ? (p.sizes.deep / 1e6).toFixed(2) : '?'} MB of Python, ${p.sizes.deepTs ? (p.sizes.deepTs / 1e3).toFixed(0) : '?'} KB of TypeScript) hold 8,000 \`elif\` branches and 8,000 nested conditional expressions each using a gateway URL, and a key used 8,000 times in one expression. While each use's walk up to the root went the whole way, they took 17 and 8 s; a walk that has gone 64 steps up now takes the end an earlier walk recorded from there, and which branch of an if statement proves a fact is found once per statement: 1.6 and 0.5 s (measured side by side, 2026-11-22).`, '');
    lines.push(table(p.results), '', details(p.results), '');
  }
  if (data.toolCatalog) {
    lines.push('## A big tool catalog (no target; a record)', '');
    lines.push('One gateway with 100 Lambda targets of 30 tools each (3,000 tools) and 300 policies, each on one tool. Policies are validated against a schema of the actions they name; when they were validated against the whole schema, this project took 6.7 s instead of 1.35 s (measured side by side, 2026-11-22).', '');
    lines.push(table(data.toolCatalog.results), '', details(data.toolCatalog.results), '');
  }
  if (data.notes.length) lines.push('## Notes', '', ...data.notes.map((n) => `- ${n}`), '');
  lines.push('<!-- bench-data', JSON.stringify({ machine: data.machine, ratios: ratiosOf(data) }, null, 1), 'bench-data -->', '');
  return lines.join('\n');
}

function committedRatios() {
  if (!fs.existsSync(RESULTS)) return undefined;
  const match = fs.readFileSync(RESULTS, 'utf8').match(/<!-- bench-data\n([\s\S]*?)\nbench-data -->/);
  return match ? JSON.parse(match[1]).ratios : undefined;
}

// ---------------------------------------------------------------------------------------------------------------

if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first.');
  process.exit(2);
}
fs.mkdirSync(path.dirname(SECRETLINT_RC), { recursive: true });
fs.writeFileSync(SECRETLINT_RC, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }) + '\n');

/**
 * Other work rebuilds dist/ while a long run goes on: measure a copy of the CLI (bin, dist, vendor, schemas,
 * package.json; node_modules linked) taken at the start, so every scenario sees the same build.
 */
function gitDescription() {
  const git = (args) => {
    try {
      return execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '?';
    }
  };
  return git(['rev-parse', '--short', 'HEAD']) + (git(['status', '--porcelain', '--', 'src', 'rules']) ? ' (+ uncommitted changes in src/ or rules/)' : '');
}

function snapshotCli() {
  const snap = benchTempDir('cli-snapshot');
  fs.rmSync(snap, { recursive: true, force: true });
  fs.mkdirSync(snap, { recursive: true });
  for (const d of ['bin', 'dist', 'vendor', 'schemas']) {
    if (fs.existsSync(path.join(ROOT, d))) fs.cpSync(path.join(ROOT, d), path.join(snap, d), { recursive: true });
  }
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(snap, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(snap, 'node_modules'), 'dir');
  return snap;
}
/** The commit the measured copy was built from, read when the copy is taken (edits during the run do not count). */
const GIT_AT_START = gitDescription();
const SNAPSHOT = snapshotCli();
CLI = path.join(SNAPSHOT, 'bin', 'agentcore-lint.js');

const started = Date.now();
const data = { notes: [] };
/** The newest mtime under dist/: a rebuild during the run makes its numbers a mix of two versions. */
function distStamp() {
  let newest = 0;
  const stack = [path.join(ROOT, 'dist')];
  while (stack.length) {
    const dir = stack.pop();
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}
const distAtStart = distStamp();
if (QUICK) {
  // Kept small to stay under a minute on a loaded 2-core machine; the threshold is generous for that reason.
  data.staged = stagedScenarios(runsFor(3));
  data.projects = { 500: wholeProject(500, runsFor(2), {}) };
  const now = ratiosOf(data);
  const before = committedRatios();
  log(`\n== Ratios vs committed bench/RESULTS.md (fail above ${THRESHOLD}× the committed ratio on both wall and CPU)`);
  if (!before) {
    log('no committed ratios in bench/RESULTS.md: nothing to compare (run `npm run bench`).');
    process.exit(0);
  }
  let failed = 0;
  for (const [name, r] of Object.entries(now)) {
    const b = before[name];
    if (!b) {
      log(`  ${name.padEnd(46)} now ${fmtX(r.wall)} wall / ${fmtX(r.cpu)} CPU (not in the committed results)`);
      continue;
    }
    const wallX = r.wall / b.wall;
    const cpuX = r.cpu / b.cpu;
    const bad = wallX > THRESHOLD && (Number.isNaN(cpuX) || cpuX > THRESHOLD);
    if (bad) failed++;
    log(`  ${bad ? 'REGRESSION' : 'ok        '} ${name.padEnd(46)} wall ${fmtX(b.wall)} → ${fmtX(r.wall)} (${fmtX(wallX)}), CPU ${fmtX(b.cpu)} → ${fmtX(r.cpu)} (${fmtX(cpuX)})`);
  }
  log(`\nbench:quick took ${((Date.now() - started) / 1000).toFixed(1)} s; ${failed ? `${failed} regression(s)` : 'no large regression'}.`);
  process.exit(failed ? 1 : 0);
}

const eslint = await eslintSetup();
if (eslint.note) {
  data.notes.push(eslint.note);
  log(eslint.note);
}
const secretlint = !opts['no-secretlint'] && SECRETLINT_BIN !== undefined;
if (!secretlint) data.notes.push('secretlint skipped (not installed or --no-secretlint).');
data.staged = stagedScenarios(runsFor(15)); // one run to the next moves by ±20 ms: enough runs for a steady median
data.projects = {};
for (const size of SIZES) {
  const withSecretlint = secretlint && size <= Number(opts['secretlint-max']);
  if (secretlint && !withSecretlint) {
    data.notes.push(`secretlint was not run on the ${size}-file project (--secretlint-max ${opts['secretlint-max']}): its time grows faster than linearly (see the 500/1k/2k rows); an earlier full run measured 366 s wall / 296 s CPU for it on the 4,000-file project.`);
  }
  data.projects[size] = wholeProject(size, runsFor(size > 2000 ? 3 : 5), { secretlint: withSecretlint, eslint });
}
data.scaling = scalingScenario(SIZES, runsFor(5));
data.cedar = cedarScenario(runsFor(5));
data.stagedLarge = stagedInLargeProject(2000, runsFor(3));
data.pathological = pathologicalScenario(runsFor(1));
data.toolCatalog = toolCatalogScenario(runsFor(3));
data.machine = machine();
data.machine.distBuilt = new Date(distAtStart).toISOString();
if (distStamp() !== distAtStart) {
  data.notes.push(`dist/ was rebuilt during this run (at ${new Date(distStamp()).toISOString()}); every scenario measured the copy taken at the start (built ${data.machine.distBuilt}).`);
}
data.notes.push(`The full run took ${((Date.now() - started) / 60000).toFixed(1)} minutes.`);
const out = opts.out ? path.resolve(opts.out) : RESULTS;
fs.writeFileSync(out, report(data));
log(`\nwrote ${path.relative(process.cwd(), out)}`);
