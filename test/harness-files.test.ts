/**
 * Which harness.json files a project run reads and lints. `agentcore validate` (and `agentcore deploy`, before
 * synthesis) reads `app/<name>/harness.json` from the harness's name (`getHarnessConfigPath(name)` in CLI 0.30.0,
 * checked with the CLI: a harness whose `path` names another folder fails with "Harness Spec config file not found
 * at …/app/<name>/harness.json"); CDK synth reads `<path>/harness.json`. Both are linted, each once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import { loadProject } from '../src/project.js';
import { useTempTrees } from './helpers/cli.js';

const tree = useTempTrees();

const config = (harnesses: unknown[]): string => JSON.stringify({ name: 'Demo', version: 1, harnesses }, null, 2) + '\n';
const harness = (name: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ name, model: { provider: 'bedrock', modelId: 'global.anthropic.claude-sonnet-4-6' }, ...extra }, null, 2) + '\n';

function loaded(files: Record<string, string>): string[] {
  const dir = tree({ 'agentcore/aws-targets.json': '[]\n', ...files });
  const load = loadProject(dir);
  if (!load.ok) throw new Error(load.reason);
  return load.project.harnesses.map((h) => `${h.name}:${h.relative}`);
}

describe('harness.json files of a project', () => {
  it('reads app/<name>/harness.json once, however its path is written', () => {
    expect(loaded({
      'agentcore/agentcore.json': config([{ name: 'Bot', path: './app/Bot/' }]),
      'app/Bot/harness.json': harness('Bot'),
    })).toEqual(['Bot:app/Bot/harness.json']);
  });

  it('reads both files when path names another folder, and neither when the name is not a harness name', () => {
    expect(loaded({
      'agentcore/agentcore.json': config([{ name: 'Bot', path: 'harnesses/Bot' }, { name: 'bad-name', path: 'app/bad-name' }]),
      'app/Bot/harness.json': harness('Bot'),
      'harnesses/Bot/harness.json': harness('Bot'),
      'app/bad-name/harness.json': harness('bad-name'),
    })).toEqual(['Bot:app/Bot/harness.json', 'Bot:harnesses/Bot/harness.json']);
  });

  it('a path that is a link to app/<name> is the same folder: one file read, no path finding', async () => {
    const dir = tree({
      'agentcore/agentcore.json': config([{ name: 'Bot', path: 'linked' }]),
      'agentcore/aws-targets.json': '[]\n',
      'app/Bot/harness.json': harness('Bot'),
    });
    fs.symlinkSync(path.join(dir, 'app', 'Bot'), path.join(dir, 'linked'));
    const load = loadProject(dir);
    if (!load.ok) throw new Error(load.reason);
    expect(load.project.harnesses.map((h) => h.relative)).toEqual(['app/Bot/harness.json']);
    const findings = (await lint({ paths: [dir], cwd: dir })).findings;
    expect(findings.filter((f) => f.ruleId === 'referenced-files-exist')).toEqual([]);
  });

  it('never reads outside the project', () => {
    expect(loaded({
      'agentcore/agentcore.json': config([{ name: 'Bot', path: '../elsewhere/Bot' }]),
    })).toEqual([]);
  });

  it('reports harness.json findings there, also when the file is linted alone (pre-commit)', async () => {
    const dir = tree({
      'agentcore/agentcore.json': config([{ name: 'Bot', path: 'app/Bot' }]),
      'agentcore/aws-targets.json': '[]\n',
      'app/Bot/harness.json': harness('Bot', { networkMode: 'VPC', systemPrompt: './prompt.md' }),
    });
    const file = path.join(dir, 'app', 'Bot', 'harness.json');
    const whole = (await lint({ paths: [dir], cwd: dir })).findings;
    const named = (await lint({ paths: [file], cwd: dir })).findings;
    const shown = (findings: typeof whole) => findings.map((f) => [path.relative(dir, f.file), f.ruleId, f.range.start.line]);
    expect(shown(whole)).toEqual([
      ['app/Bot/harness.json', 'harness-config', 7],
      ['app/Bot/harness.json', 'harness-config', 8],
    ]);
    expect(shown(named)).toEqual(shown(whole));
  });

  it('leaves a missing harness.json to referenced-files-exist, once', async () => {
    const dir = tree({
      'agentcore/agentcore.json': config([{ name: 'Bot', path: 'app/Bot' }]),
      'agentcore/aws-targets.json': '[]\n',
      'app/Bot/system-prompt.md': 'Be brief.\n',
    });
    const findings = (await lint({ paths: [dir], cwd: dir })).findings;
    expect(findings.map((f) => [f.ruleId, f.message.slice(0, 45)])).toEqual([
      ['referenced-files-exist', 'Harness "Bot" config "app/Bot/harness.json" d'],
    ]);
  });
});
