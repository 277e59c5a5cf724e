import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_CONFIG, ROOT, runCli, useTempTrees } from './helpers/cli.js';

const tree = useTempTrees();

const BROKEN = '{\n  "name": "Broken",\n  "version": 1,\n}\n';

describe('agentcore-lint CLI', () => {
  it('--version prints the package version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const run = runCli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it('--help describes usage and exit codes', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: agentcore-lint');
    expect(run.stdout).toContain('Exit codes');
  });

  it('--list-rules lists id, code and default severity, one line each', () => {
    const run = runCli(['--list-rules']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^json-syntax\s+AC000\s+error\s+\S/m);
  });

  it('exits 2 with a clear message when there is no project and no path', () => {
    const dir = tree({ 'README.md': 'nothing here\n' });
    const run = runCli([], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no AgentCore project here');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('exits 2 for a path that does not exist, an unknown option or an unknown format', () => {
    const missing = runCli(['no/such/path']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('agentcore-lint: no such file or directory: no/such/path\n');
    // Named as typed, not relative to the current directory.
    const elsewhere = tree({});
    expect(runCli([path.join(elsewhere, 'gone.py')], { cwd: ROOT }).stderr).toContain(`no such file or directory: ${path.join(elsewhere, 'gone.py')}\n`);
    expect(runCli(['--frobnicate']).status).toBe(2);
    const dir = tree({ 'agentcore/agentcore.json': MINIMAL_CONFIG });
    const run = runCli(['--format', 'xml', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown format "xml"');
  });

  it('lints the project above the current directory and exits 0 when clean', () => {
    const dir = tree({ 'agentcore/agentcore.json': MINIMAL_CONFIG, 'agentcore/aws-targets.json': '[]\n', 'app/Agent/x.txt': '' });
    const run = runCli(['--format', 'json'], { cwd: path.join(dir, 'app', 'Agent') });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('prints ESLint-compatible JSON with located messages and exits 1 on errors', () => {
    const dir = tree({ 'agentcore/agentcore.json': BROKEN, 'agentcore/aws-targets.json': '[]\n' });
    const run = runCli(['--format', 'json', path.join(dir, 'agentcore', 'agentcore.json')]);
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      filePath: path.join(dir, 'agentcore', 'agentcore.json'),
      errorCount: 1,
      warningCount: 0,
    });
    expect(results[0].messages[0]).toMatchObject({ ruleId: 'json-syntax', severity: 2, line: 3, column: 15, endLine: 3, endColumn: 16 });
  });

  it('stylish output groups by file, shows line:col, severity, message and rule id, and has no colour off a TTY', () => {
    const dir = tree({ 'agentcore/agentcore.json': BROKEN, 'agentcore/aws-targets.json': '[]\n' });
    const run = runCli([], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('agentcore/agentcore.json\n');
    expect(run.stdout).toMatch(/ {2}3:15 {2}error {4}Invalid JSON: trailing comma.* {2}json-syntax\n/);
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('lints several projects in one run (monorepo)', () => {
    const dir = tree({
      'a/agentcore/agentcore.json': BROKEN,
      'b/agentcore/agentcore.json': BROKEN,
    });
    const run = runCli(['--format', 'json', 'a', 'b'], { cwd: dir });
    const files = JSON.parse(run.stdout).map((r: { filePath: string }) => path.relative(dir, r.filePath));
    expect(files).toEqual([path.join('a', 'agentcore', 'agentcore.json'), path.join('b', 'agentcore', 'agentcore.json')]);
  });

  it('notes which checks were skipped for a path outside any project, and exits 0', () => {
    const dir = tree({ 'loose/tool.py': 'print("hi")\n' });
    const run = runCli([path.join(dir, 'loose')], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('project checks');
    expect(run.stderr).toContain('skipped');
  });

  it('checks Cedar syntax in a loose .cedar file or folder outside any project', () => {
    const dir = tree({ 'policies/deny.cedar': 'forbid(principal, action, resource)\nwhen { context.input.x == };\n', 'policies/ok.cedar': 'permit(principal, action, resource);\n' });
    const run = runCli(['--format', 'json', 'policies'], { cwd: dir });
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout);
    expect(results.map((r: { filePath: string }) => path.basename(r.filePath))).toEqual(['deny.cedar']);
    expect(results[0].messages[0]).toMatchObject({ ruleId: 'policy-syntax', line: 2, column: 27 });
    expect(run.stderr).toContain('project checks');
  });

  it('applies .agentcore-lint.json severities and ignore globs', () => {
    const dir = tree({
      'agentcore/agentcore.json': BROKEN,
      'agentcore/aws-targets.json': '[]\n',
      '.agentcore-lint.json': JSON.stringify({ rules: { 'json-syntax': 'warn' } }),
    });
    const run = runCli(['--format', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)[0].messages[0]).toMatchObject({ ruleId: 'json-syntax', severity: 1 });

    fs.writeFileSync(path.join(dir, '.agentcore-lint.json'), JSON.stringify({ ignore: ['agentcore/agentcore.json'] }));
    const ignored = runCli(['--format', 'json'], { cwd: dir });
    expect(ignored.status).toBe(0);
    expect(JSON.parse(ignored.stdout)).toEqual([]);
  });

  it('--max-warnings turns too many warnings into exit 1; --quiet shows errors only', () => {
    const dir = tree({
      'agentcore/agentcore.json': BROKEN,
      'agentcore/aws-targets.json': '[]\n',
      '.agentcore-lint.json': JSON.stringify({ rules: { 'json-syntax': 'warn' } }),
    });
    expect(runCli(['--max-warnings', '0'], { cwd: dir }).status).toBe(1);
    expect(runCli(['--max-warnings', '1'], { cwd: dir }).status).toBe(0);
    expect(runCli(['--max-warnings', 'many'], { cwd: dir }).status).toBe(2);
    const quiet = runCli(['--quiet', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(quiet.stdout)).toEqual([]);
  });

  it('reports an invalid .agentcore-lint.json as a located configuration error (exit 2)', () => {
    const dir = tree({
      'agentcore/agentcore.json': MINIMAL_CONFIG,
      '.agentcore-lint.json': '{\n  "rules": { "no-such-rule": "error" }\n}\n',
    });
    const run = runCli([], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('.agentcore-lint.json:2:14: unknown rule "no-such-rule"');

    fs.writeFileSync(path.join(dir, '.agentcore-lint.json'), '{ "severity": {} }');
    const unknownSetting = runCli([], { cwd: dir });
    expect(unknownSetting.status).toBe(2);
    expect(unknownSetting.stderr).toContain('unknown setting "severity"');
  });

  it('a binary or oversized agentcore.json is a clear finding, not a stack trace', () => {
    const dir = tree({ 'agentcore/agentcore.json': '\u0000\u0001binary' });
    const run = runCli(['--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)[0].messages[0]).toMatchObject({ ruleId: 'unreadable-file', line: 1, column: 1 });

    const big = tree({ 'agentcore/agentcore.json': `{"name":"Big","version":1,"tags":{"k":"${'x'.repeat(10 * 1024 * 1024)}"}}` });
    const bigRun = runCli(['--format', 'json'], { cwd: big });
    expect(bigRun.status).toBe(1);
    expect(JSON.parse(bigRun.stdout)[0].messages[0].message).toContain('over the 4.0 MB limit');
  });
});

describe('a reader that closes the pipe early (`agentcore-lint . | head`)', () => {
  it('stops writing quietly and exits with the lint status, without a stack trace', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'agentcore-lint.js'), '--format', 'json', 'fixtures/demo-project'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before the first write
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(runCli(['--format', 'json', 'fixtures/demo-project'], { cwd: ROOT }).status);
  });
});
