import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useTempTrees } from './helpers/cli.js';

const BROKEN = '{\n  "name": "Broken",\n  "version": 1,\n}\n';
const tree = useTempTrees();

function repo(files: Record<string, string>): string {
  const dir = tree(files);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

function severities(run: { stdout: string }, root: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; level: string }> }>) {
    out[path.relative(root, r.filePath)] = r.messages.map((m) => `${m.ruleId}:${m.level}`);
  }
  return out;
}

describe('.agentcore-lint.json cascade', () => {
  it('cascades from the repository root down to each project; the closest setting wins', () => {
    const root = repo({
      '.agentcore-lint.json': JSON.stringify({ rules: { 'json-syntax': 'warn' } }),
      'services/a/agentcore/agentcore.json': BROKEN,
      'services/a/agentcore/aws-targets.json': '[]',
      'services/a/.agentcore-lint.json': JSON.stringify({ rules: { 'json-syntax': 'error' } }),
      'services/b/agentcore/agentcore.json': BROKEN,
      'services/b/agentcore/aws-targets.json': '[]',
    });
    const run = runCli(['--format', 'json', 'services/a', 'services/b'], { cwd: root });
    expect(severities(run, root)).toEqual({
      [path.join('services', 'a', 'agentcore', 'agentcore.json')]: ['json-syntax:error'],
      [path.join('services', 'b', 'agentcore', 'agentcore.json')]: ['json-syntax:warning'],
    });
  });

  it('adds up the ignores of every level, each relative to its own file', () => {
    const root = repo({
      '.agentcore-lint.json': JSON.stringify({ ignore: ['services/a/**'] }),
      'services/a/agentcore/agentcore.json': BROKEN,
      'services/b/agentcore/agentcore.json': BROKEN,
      'services/b/.agentcore-lint.json': JSON.stringify({ ignore: ['agentcore/agentcore.json'] }),
    });
    const run = runCli(['--format', 'json', 'services/a', 'services/b'], { cwd: root });
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('overrides set severities per path: how agentcore.json findings are silenced', () => {
    const root = repo({
      'agentcore/agentcore.json': BROKEN,
      'agentcore/aws-targets.json': '[]',
      '.agentcore-lint.json': JSON.stringify({ overrides: [{ files: ['agentcore/agentcore.json'], rules: { 'json-syntax': 'off' } }] }),
    });
    expect(JSON.parse(runCli(['--format', 'json'], { cwd: root }).stdout)).toEqual([]);
    fs.writeFileSync(
      path.join(root, '.agentcore-lint.json'),
      JSON.stringify({ overrides: [{ files: ['other/**'], rules: { 'json-syntax': 'off' } }, { files: ['agentcore/*.json'], rules: { 'json-syntax': 'info' } }] }),
    );
    expect(severities(runCli(['--format', 'json'], { cwd: root }), root)).toEqual({
      [path.join('agentcore', 'agentcore.json')]: ['json-syntax:info'],
    });
  });

  it('an unknown rule in an override is a located configuration error', () => {
    const root = repo({
      'agentcore/agentcore.json': '{"name":"Ok","version":1}',
      '.agentcore-lint.json': '{\n  "overrides": [{ "files": ["x"], "rules": { "nope": "off" } }]\n}\n',
    });
    const run = runCli([], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('.agentcore-lint.json:2:46: unknown rule "nope"');
  });
});
