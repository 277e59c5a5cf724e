import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBaseline, filterByBaseline, pruneBaseline, readBaseline, writeBaseline } from '../src/baseline.js';
import { lint } from '../src/lint.js';
import { runCli, useTempTrees } from './helpers/cli.js';

const DEMO = path.resolve(__dirname, '..', 'fixtures', 'demo-project');
const tree = useTempTrees();

function demoCopy(): string {
  const dir = tree();
  fs.cpSync(DEMO, dir, { recursive: true });
  return dir;
}

const WEATHER = path.join('app', 'TravelAgent', 'tools', 'weather.py');

describe('baseline', () => {
  it('records every finding, then reports none until something new appears', async () => {
    const dir = demoCopy();
    const file = path.join(dir, '.agentcore-lint-baseline.json');
    const before = (await lint({ paths: [dir] })).findings;
    expect(before.length).toBeGreaterThan(10);
    writeBaseline(file, createBaseline(before, file));
    const baseline = readBaseline(file);
    expect(baseline.findings.reduce((n, e) => n + e.count, 0)).toBe(before.length);
    expect(filterByBaseline((await lint({ paths: [dir] })).findings, baseline, file)).toEqual([]);
  });

  it('does not churn when unrelated edits move lines', async () => {
    const dir = demoCopy();
    const file = path.join(dir, 'baseline.json');
    writeBaseline(file, createBaseline((await lint({ paths: [dir] })).findings, file));
    const source = path.join(dir, WEATHER);
    fs.writeFileSync(source, '"""Weather tools."""\n\n\n' + fs.readFileSync(source, 'utf8'));
    const config = path.join(dir, 'agentcore', 'agentcore.json');
    fs.writeFileSync(config, '\n\n' + fs.readFileSync(config, 'utf8'));
    expect(filterByBaseline((await lint({ paths: [dir] })).findings, readBaseline(file), file)).toEqual([]);
  });

  it('still reports a new secret on a line that already had one', async () => {
    const dir = demoCopy();
    const file = path.join(dir, 'baseline.json');
    writeBaseline(file, createBaseline((await lint({ paths: [dir] })).findings, file));
    const source = path.join(dir, WEATHER);
    const text = fs.readFileSync(source, 'utf8');
    const secret = /sk-proj-[A-Za-z0-9_-]+/.exec(text)![0];
    const rotated = secret.slice(0, -6) + 'Qz9Xw2';
    fs.writeFileSync(source, text.replace(secret, rotated));
    const fresh = filterByBaseline((await lint({ paths: [dir] })).findings, readBaseline(file), file);
    expect(fresh.map((f) => f.ruleId)).toEqual(['no-inline-secrets']);
    // The baseline holds hashes only, never the secret.
    expect(fs.readFileSync(file, 'utf8')).not.toContain(secret.slice(4, 16));
  });

  it('is byte-identical when written twice, and prune drops what no longer occurs', async () => {
    const dir = demoCopy();
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    const findings = (await lint({ paths: [dir] })).findings;
    writeBaseline(a, createBaseline(findings, a));
    writeBaseline(b, createBaseline([...findings].reverse(), b));
    expect(fs.readFileSync(a, 'utf8')).toBe(fs.readFileSync(b, 'utf8'));

    // Fix the tool schema file (the bare array the CLI wants): its finding no longer occurs.
    const tools = path.join(dir, 'schemas', 'bookings-tools.json');
    fs.writeFileSync(tools, JSON.stringify(JSON.parse(fs.readFileSync(tools, 'utf8')).inlinePayload, null, 2));
    const after = (await lint({ paths: [dir] })).findings;
    const pruned = pruneBaseline(after, readBaseline(a), a);
    expect(pruned.findings.some((e) => e.file === 'schemas/bookings-tools.json')).toBe(false);
    expect(pruned.findings.length).toBeLessThan(readBaseline(a).findings.length);
    expect(filterByBaseline(after, pruned, a)).toEqual([]);
  });
});

describe('baseline on the command line', () => {
  it('--baseline-write records, --baseline reports only new findings, --baseline-prune rewrites', () => {
    const dir = demoCopy();
    const write = runCli(['--baseline-write', 'baseline.json', '.'], { cwd: dir });
    expect(write.status).toBe(0);
    expect(write.stdout).toBe('');
    expect(write.stderr).toMatch(/wrote \d+ findings to the baseline baseline\.json/);

    const clean = runCli(['--format', 'json', '--baseline', 'baseline.json', '.'], { cwd: dir });
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual([]);
    expect(clean.stderr).toMatch(/finding\(s\) in the baseline baseline\.json were not reported/);

    const config = path.join(dir, 'agentcore', 'agentcore.json');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('"protocol": "HTTP"', '"protocol": "HTTPS"'));
    const fresh = runCli(['--format', 'json', '--baseline', 'baseline.json', '.'], { cwd: dir });
    expect(fresh.status).toBe(1);
    expect(JSON.parse(fresh.stdout).flatMap((r: { messages: Array<{ ruleId: string }> }) => r.messages.map((m) => m.ruleId))).toEqual(['schema']);

    const before = readBaseline(path.join(dir, 'baseline.json')).findings.length;
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('"build": "Zip"', '"build": "CodeZip"'));
    runCli(['--baseline', 'baseline.json', '--baseline-prune', '.'], { cwd: dir });
    expect(readBaseline(path.join(dir, 'baseline.json')).findings.length).toBe(before - 1);
  });

  it('a file that is not a baseline, or --baseline-prune alone, is a usage error', () => {
    const dir = demoCopy();
    fs.writeFileSync(path.join(dir, 'not-a-baseline.json'), '{"hello": 1}');
    const run = runCli(['--baseline', 'not-a-baseline.json', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not an agentcore-lint baseline');
    expect(runCli(['--baseline-prune', '.'], { cwd: dir }).status).toBe(2);
  });

  it('a baseline that cannot be written is a usage error that names it, not an internal error', () => {
    const dir = demoCopy();
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const run = runCli(['--baseline-write', 'a-file/baseline.json', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`agentcore-lint: cannot write the baseline ${path.join(dir, 'a-file', 'baseline.json')}: ENOTDIR\n`);
  });

  it('is written through a symbolic link to the file it names', () => {
    const dir = demoCopy();
    fs.mkdirSync(path.join(dir, 'shared'));
    fs.writeFileSync(path.join(dir, 'shared', 'baseline.json'), '');
    fs.symlinkSync(path.join('shared', 'baseline.json'), path.join(dir, 'baseline.json'));
    expect(runCli(['--baseline-write', 'baseline.json', '.'], { cwd: dir }).status).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'baseline.json')).isSymbolicLink()).toBe(true);
    expect(readBaseline(path.join(dir, 'shared', 'baseline.json')).findings.length).toBeGreaterThan(10);
  });
});
