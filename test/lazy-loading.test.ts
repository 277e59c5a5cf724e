/**
 * Pre-commit runs pay only for the parsers their files need (issue #6): the TypeScript compiler only for TS/JS,
 * tree-sitter only for Python, cedar-wasm only when a policy's text is among the files whose findings are kept.
 * Observed in a child process running the built CLI, with test/helpers/module-log.mjs recording every module.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, useTempTrees } from './helpers/cli.js';

const tree = useTempTrees();
const BASE = path.join(ROOT, 'fixtures', 'base', 'gwdemo');

/** The gwdemo project, with the engine's policy moved from a statement into a sourceFile, plus one .ts file. */
function project(options: { statement: boolean }): string {
  const dir = tree();
  fs.cpSync(BASE, dir, { recursive: true });
  const configFile = path.join(dir, 'agentcore', 'agentcore.json');
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  const policy = config.policyEngines[0].policies[0];
  if (!options.statement) {
    delete policy.statement;
    policy.sourceFile = 'policies/allow-pets.cedar';
  }
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
  fs.mkdirSync(path.join(dir, 'policies'));
  fs.writeFileSync(
    path.join(dir, 'policies', 'allow-pets.cedar'),
    'permit(principal, action == AgentCore::Action::"petstore___getPet", resource == AgentCore::Gateway::"arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/my-tools-gw-abc");\n',
  );
  fs.writeFileSync(path.join(dir, 'app', 'GwDemo', 'client.ts'), "export const url = process.env.AGENTCORE_GATEWAY_MY_TOOLS_GW_URL ?? '';\n");
  return dir;
}

/** Adds a harness "Bot" (agentcore.json entry and app/Bot/harness.json) to a project. */
function withHarness(dir: string): string {
  const configFile = path.join(dir, 'agentcore', 'agentcore.json');
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  config.harnesses = [{ name: 'Bot', path: 'app/Bot' }];
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
  fs.mkdirSync(path.join(dir, 'app', 'Bot'), { recursive: true });
  const harness = { name: 'Bot', model: { provider: 'bedrock', modelId: 'global.anthropic.claude-sonnet-4-6' } };
  fs.writeFileSync(path.join(dir, 'app', 'Bot', 'harness.json'), JSON.stringify(harness, null, 2) + '\n');
  return dir;
}

/** Runs the CLI on `args` in `cwd` and returns which heavy modules it loaded (recorded by helpers/module-log.mjs). */
function loadedModules(
  cwd: string,
  args: string[],
): { typescript: boolean; treeSitter: boolean; cedar: boolean; validators: boolean; harnessValidators: boolean; status: number | null } {
  const log = path.join(tree(), 'modules.log');
  const run = spawnSync(process.execPath, ['--import', path.join(ROOT, 'test', 'helpers', 'module-log.mjs'), path.join(ROOT, 'bin', 'agentcore-lint.js'), ...args], {
    cwd,
    env: { ...process.env, AGENTCORE_LINT_MODULE_LOG: log },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const modules = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  return {
    typescript: /node_modules\/typescript\/lib\/typescript\.js/.test(modules),
    treeSitter: /node_modules\/web-tree-sitter\//.test(modules),
    cedar: /node_modules\/@cedar-policy\/cedar-wasm\//.test(modules),
    validators: /dist\/validators\/agentcore(Strict)?\.cjs/.test(modules),
    harnessValidators: /dist\/validators\/harness(Strict)?\.cjs/.test(modules),
    status: run.status,
  };
}

describe('each run loads only the parsers its files need', () => {
  it('a staged .py file: tree-sitter only', () => {
    const dir = project({ statement: false });
    expect(loadedModules(dir, ['app/GwDemo/main.py'])).toEqual({
      typescript: false, treeSitter: true, cedar: false, validators: false, harnessValidators: false, status: 0,
    });
  });

  it('a staged .ts file: the TypeScript compiler only', () => {
    const dir = project({ statement: false });
    expect(loadedModules(dir, ['app/GwDemo/client.ts'])).toMatchObject({ typescript: true, treeSitter: false, cedar: false, validators: false });
  });

  it('a staged agentcore.json whose policies live in .cedar files: no Cedar, no source parser', () => {
    const dir = project({ statement: false });
    expect(loadedModules(dir, ['agentcore/agentcore.json'])).toMatchObject({ typescript: false, treeSitter: false, cedar: false, validators: true });
  });

  it('a staged agentcore.json with a policy statement in it: Cedar, which checks the statement', () => {
    const dir = project({ statement: true });
    expect(loadedModules(dir, ['agentcore/agentcore.json'])).toMatchObject({ typescript: false, treeSitter: false, cedar: true });
  });

  it("with --cache, a staged agentcore.json whose policies and tools did not change takes Cedar's answers from the cache", () => {
    const dir = project({ statement: true });
    const args = ['--cache', '--cache-location', path.join(tree(), 'cache'), 'agentcore/agentcore.json'];
    expect(loadedModules(dir, args)).toMatchObject({ cedar: true, status: 0 });
    expect(loadedModules(dir, args)).toMatchObject({ cedar: false, status: 0 });
    // A changed statement is asked again.
    const configFile = path.join(dir, 'agentcore', 'agentcore.json');
    fs.writeFileSync(configFile, fs.readFileSync(configFile, 'utf8').replace('permit(', 'forbid('));
    expect(loadedModules(dir, args)).toMatchObject({ cedar: true });
  });

  it('a staged .cedar file: Cedar only (not even the agentcore.json validators, whose findings would be dropped)', () => {
    const dir = project({ statement: false });
    expect(loadedModules(dir, ['policies/allow-pets.cedar'])).toMatchObject({ typescript: false, treeSitter: false, cedar: true, validators: false });
  });

  it("a staged harness.json: its own validators, not agentcore.json's", () => {
    const dir = withHarness(project({ statement: false }));
    expect(loadedModules(dir, ['app/Bot/harness.json'])).toMatchObject({
      typescript: false, treeSitter: false, cedar: false, validators: false, harnessValidators: true, status: 0,
    });
  });

  it("a staged agentcore.json: not the harness validators, whose findings would be dropped", () => {
    const dir = withHarness(project({ statement: false }));
    expect(loadedModules(dir, ['agentcore/agentcore.json'])).toMatchObject({ validators: true, harnessValidators: false });
  });

  it('the whole project: every parser', () => {
    const dir = project({ statement: false });
    expect(loadedModules(dir, ['.'])).toMatchObject({ typescript: true, treeSitter: true, cedar: true, validators: true });
  });
});
