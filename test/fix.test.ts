import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../src/fix.js';
import type { Finding } from '../src/types.js';
import { temporaryFileFor } from '../src/util/write-file.js';
import { runCli, useTempTrees } from './helpers/cli.js';

const tree = useTempTrees();

describe('--fix', () => {
  it('removes a BOM and trailing commas, idempotently, and leaves everything else alone', () => {
    const config = '\uFEFF{\n  "name": "Fixme",\n  "version": 1,\n  "runtimes": [],\n  "tags": { "team": "a", },\n}\n';
    const dir = tree({ 'agentcore/agentcore.json': config, 'agentcore/aws-targets.json': '[]\n' });
    const file = path.join(dir, 'agentcore', 'agentcore.json');
    const before = runCli(['--format', 'json'], { cwd: dir });
    expect(before.status).toBe(1);

    const fixed = runCli(['--fix', '--format', 'json'], { cwd: dir });
    expect(fixed.status).toBe(0);
    expect(fixed.stderr).toMatch(/fixed 3 problem\(s\) in 1 file\(s\)/);
    expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "name": "Fixme",\n  "version": 1,\n  "runtimes": [],\n  "tags": { "team": "a" }\n}\n');

    const again = runCli(['--fix'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stderr).not.toContain('fixed');
  });

  it('adds .env.local to agentcore/.gitignore when git would commit it', () => {
    const dir = tree({
      'agentcore/agentcore.json': '{"name":"Secrets","version":1}\n',
      'agentcore/aws-targets.json': '[]\n',
      'agentcore/.gitignore': 'cdk/cdk.out/',
      'agentcore/.env.local': 'AGENTCORE_CREDENTIAL_X=enc:v1:AAAA\n',
    });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    expect(runCli(['--format', 'json'], { cwd: dir }).status).toBe(1);
    const fixed = runCli(['--fix', '--format', 'json'], { cwd: dir });
    expect(fixed.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'agentcore', '.gitignore'), 'utf8')).toBe('cdk/cdk.out/\n.env.local\n');
    expect(fs.readFileSync(path.join(dir, 'agentcore', '.env.local'), 'utf8')).toBe('AGENTCORE_CREDENTIAL_X=enc:v1:AAAA\n');
  });

  it('writes through a symbolic link to the file it names, keeping its permissions', () => {
    const dir = tree({ 'shared/agentcore.json': '{"name":"Linked","version":1,}\n', 'agentcore/aws-targets.json': '[]\n' });
    const real = path.join(dir, 'shared', 'agentcore.json');
    const link = path.join(dir, 'agentcore', 'agentcore.json');
    fs.symlinkSync(path.join('..', 'shared', 'agentcore.json'), link);
    fs.chmodSync(real, 0o640);
    expect(runCli(['--fix'], { cwd: dir }).stderr).toMatch(/fixed 1 problem\(s\)/);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('{"name":"Linked","version":1}\n');
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
  });

  it('a file that cannot be written is left as it was and named, the others are fixed', () => {
    const dir = tree({ 'a.json': '{"a":1,}', 'b.json': '{"b":1,}' });
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    fs.mkdirSync(temporaryFileFor(a)); // a folder where the new text of a.json would be written first
    const fix = (file: string, offset: number) => ({ fix: { file, edits: [{ start: offset, end: offset + 1, text: '' }] } }) as unknown as Finding;
    const result = applyFixes([fix(a, 6), fix(b, 6)]);
    expect(result.failed).toEqual([{ file: a, reason: 'EISDIR' }]);
    expect(result.files).toEqual([b]);
    expect([fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8')]).toEqual(['{"a":1,}', '{"b":1}']);
  });

  it('without --fix, never writes', () => {
    const config = '{\n  "name": "Fixme",\n  "version": 1,\n}\n';
    const dir = tree({ 'agentcore/agentcore.json': config });
    runCli([], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, 'agentcore', 'agentcore.json'), 'utf8')).toBe(config);
  });
});

describe('--fix on Cedar actions', () => {
  it('rewrites Target__tool to Target___tool inside the JSON string when exactly that action exists', () => {
    const demo = path.resolve(__dirname, '..', 'fixtures', 'demo-project');
    const dir = tree();
    fs.cpSync(demo, dir, { recursive: true });
    const config = path.join(dir, 'agentcore', 'agentcore.json');
    const before = fs.readFileSync(config, 'utf8');
    expect(before).toContain('AgentCore::Action::\\"refunds__process_refund\\"');
    runCli(['--fix', '--format', 'json'], { cwd: dir });
    const after = fs.readFileSync(config, 'utf8');
    expect(after).toContain('AgentCore::Action::\\"refunds___process_refund\\"');
    expect(after).not.toContain('refunds__process_refund');
    // Only that id changed.
    expect(after.length).toBe(before.length + 1);
    const again = runCli(['--format', 'json'], { cwd: dir });
    const ids = JSON.parse(again.stdout).flatMap((r: { messages: Array<{ ruleId: string; message: string }> }) => r.messages.map((m) => m.message));
    expect(ids.some((m: string) => m.includes('underscore'))).toBe(false);
  });
});
