/** The GitHub Action's entry point, run as GitHub runs it: node, with INPUT_* variables. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, useTempTrees } from './helpers/cli.js';

const ENTRY = path.join(ROOT, 'action', 'run.mjs');
const tree = useTempTrees();

function runAction(inputs: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return spawnSync(process.execPath, [ENTRY], { cwd: ROOT, env, encoding: 'utf8' });
}

describe('action.yml', () => {
  it('is a node20 action whose inputs the entry point reads', () => {
    const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node20', main: 'action/run.mjs' });
    const source = fs.readFileSync(ENTRY, 'utf8');
    for (const name of Object.keys(action.inputs)) expect(source).toContain(`input('${name}')`);
  });

  it('annotates, writes SARIF and fails the step on errors', () => {
    const dir = tree();
    const sarif = path.join(dir, 'out.sarif');
    const run = runAction({ paths: 'fixtures/demo-project', 'sarif-file': sarif, 'working-directory': ROOT });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=fixtures\/demo-project\/agentcore\/agentcore\.json,line=\d+,col=\d+/m);
    expect(JSON.parse(fs.readFileSync(sarif, 'utf8')).runs[0].results.length).toBeGreaterThan(5);
  });

  it('fail-on none passes the step, fail-on warning fails on warnings alone, a bad value is refused', () => {
    expect(runAction({ paths: 'fixtures/demo-project', 'fail-on': 'none', 'working-directory': ROOT }).status).toBe(0);
    const warningsOnly = 'fixtures/rules/gateway-inbound-auth-none';
    const cases = fs.readdirSync(path.join(ROOT, warningsOnly)).filter((c) => c.startsWith('invalid-'));
    const target = path.join(warningsOnly, cases[0]);
    expect(runAction({ paths: target, 'fail-on': 'error', 'working-directory': ROOT }).status).toBe(0);
    expect(runAction({ paths: target, 'fail-on': 'warning', 'working-directory': ROOT }).status).toBe(1);
    const bad = runAction({ 'fail-on': 'sometimes', 'working-directory': ROOT });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('fail-on must be');
  });

  it('says how to install agentcore-lint when the project has not', () => {
    const dir = tree();
    const copy = path.join(dir, 'action');
    fs.mkdirSync(copy);
    fs.copyFileSync(ENTRY, path.join(copy, 'run.mjs'));
    const run = spawnSync(process.execPath, [path.join(copy, 'run.mjs')], { cwd: dir, env: { ...process.env, 'INPUT_WORKING-DIRECTORY': dir }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('npm install --save-dev agentcore-lint');
  });
});
