#!/usr/bin/env node
/**
 * CPU profile of one end-to-end CLI run on a synthetic project, summarised by self time.
 *
 *   node bench/profile.mjs [--files 2000] [--target .] [--top 30]
 *
 * Runs `node --cpu-prof bin/agentcore-lint.js --format json <target>` from the project root, then prints the top
 * functions by self time and self time grouped by module (package, dist/ file, node internals, WASM, GC).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchTempDir, generateProject } from './generate.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' }, target: { type: 'string', default: '.' }, top: { type: 'string', default: '30' },
    policies: { type: 'string' },
  },
});
const files = Number(values.files);
const dir = benchTempDir(`profile-${files}`);
generateProject({ dir, files, seed: 1, git: true, policies: values.policies === undefined ? undefined : Number(values.policies) });
const profDir = benchTempDir('cpu-prof');
fs.rmSync(profDir, { recursive: true, force: true });
const started = Date.now();
const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, path.join(ROOT, 'bin', 'agentcore-lint.js'), '--format', 'json', values.target], {
  cwd: dir, stdio: ['ignore', 'ignore', 'inherit'],
});
const wall = Date.now() - started;
const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(fs.readFileSync(path.join(profDir, file), 'utf8'));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

function moduleOf(url, name) {
  if (!url) {
    if (name === '(garbage collector)') return '(gc)';
    if (name === '(program)' || name === '(idle)') return name;
    if (/^wasm-function|^\$/.test(name) || name.startsWith('js-to-wasm') || name.startsWith('wasm-to-js')) return '(wasm)';
    return '(native/builtin)';
  }
  if (url.startsWith('wasm://')) return '(wasm)';
  if (url.startsWith('node:')) return 'node:internal';
  const p = url.replace(/^file:\/\//, '');
  const nm = p.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = p.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (p.startsWith(ROOT)) return path.relative(ROOT, p);
  return p;
}

const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const frameModule = (id) => moduleOf(byId.get(id).callFrame.url, byId.get(id).callFrame.functionName);
/** WASM frames are anonymous: name them after the nearest JS module that called into them. */
function wasmOwner(id) {
  for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
    const mod = frameModule(p);
    if (!mod.startsWith('(')) return mod;
  }
  return '?';
}

const fnTotals = new Map();
const modTotals = new Map();
for (const [id, ms] of self) {
  const n = byId.get(id);
  const { functionName, url, lineNumber } = n.callFrame;
  const name = functionName || '(anonymous)';
  let mod = moduleOf(url, name);
  if (mod === '(wasm)') mod = `(wasm, called from ${wasmOwner(id)})`;
  const key = `${name}  [${mod}${url && !url.startsWith('wasm://') ? `:${lineNumber + 1}` : ''}]`;
  fnTotals.set(key, (fnTotals.get(key) ?? 0) + ms);
  modTotals.set(mod, (modTotals.get(mod) ?? 0) + ms);
}
// Inclusive time of our own functions (dist/): where the run goes, phase by phase.
const inclusive = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const seen = new Set();
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const mod = moduleOf(url, functionName);
    if (!mod.startsWith('dist/') && !mod.startsWith('bin/')) continue;
    seen.add(`${functionName || '(anonymous)'}  [${mod}:${lineNumber + 1}]`);
  }
  for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}

const top = Number(values.top);
const pct = (ms) => `${((ms / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`project: ${dir} (${files} files); exit ${run.status}; wall ${wall} ms; profiled ${total.toFixed(0)} ms`);
console.log(`profile: ${path.join(profDir, file)}\n`);
console.log('Self time by module:');
for (const [mod, ms] of [...modTotals].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(6)} ms ${pct(ms)}  ${mod}`);
console.log('\nTop functions by self time:');
for (const [fn, ms] of [...fnTotals].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(6)} ms ${pct(ms)}  ${fn}`);
console.log('\nInclusive time of agentcore-lint functions (dist/):');
for (const [fn, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(6)} ms ${pct(ms)}  ${fn}`);
