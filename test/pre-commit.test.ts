/**
 * The pre-commit hook, run through the command line it declares: `entry` + the staged files that match `files`.
 * This always runs; pre-commit-framework.test.ts runs the hook through the pre-commit framework itself when it is
 * installed (it is not in CI).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli, useTempTrees } from './helpers/cli.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames: boolean;
  files: string;
}

const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'agentcore-lint')!;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const tree = useTempTrees();

describe('.pre-commit-hooks.yaml', () => {
  it('declares a node hook that runs our bin on the files pre-commit passes', () => {
    expect(hook).toMatchObject({ language: 'node', pass_filenames: true });
    expect(Object.keys(pkg.bin)).toContain(hook.entry);
    // pre-commit installs node hooks with `npm pack`, which must build dist/ first...
    expect(pkg.scripts.prepack).toContain('build');
    // ...without printing to stdout, where pre-commit reads the tarball's name: lifecycle scripts in the background.
    expect(fs.readFileSync(path.join(ROOT, '.npmrc'), 'utf8')).toMatch(/^foreground-scripts=false$/m);
  });

  it.each([
    ['agentcore/agentcore.json', true],
    ['services/a/agentcore/aws-targets.json', true],
    ['agentcore/.cli/deployed-state.json', true],
    ['app/Bot/harness.json', true],
    ['app/Bot/harness.json.bak', false],
    ['app/Agent/main.py', true],
    ['app/Agent/main.ts', true],
    ['app/Agent/index.mjs', true],
    ['policies/allow.cedar', true],
    ['schemas/lambda-tools.json', true],
    ['schemas/orders-openapi.yaml', true],
    ['api/schema/weather.yml', true],
    ['deploy/values.yaml', false],
    ['gateway/retrieval_tools.json', true],
    ['README.md', false],
    ['package.json', false],
    ['tsconfig.json', false],
    ['docs/agentcore.json.md', false],
    ['app/Agent/.env', true],
    ['agentcore/.env.local', true],
    ['deploy/prod.env', true],
    ['.envrc', false],
    ['app/Agent/env.py.bak', false],
  ])('files pattern: %s → %s', (file, matches) => {
    expect(new RegExp(hook.files).test(file)).toBe(matches);
  });

  it('lints exactly the staged files, with the whole project as context', () => {
    const dir = tree();
    fs.cpSync(path.join(ROOT, 'fixtures', 'demo-project'), dir, { recursive: true });
    // Only the tool schema file is staged: its own finding is reported, agentcore.json's are not.
    const onlySchema = runCli(['--format', 'json', 'schemas/bookings-tools.json'], { cwd: dir });
    const files = JSON.parse(onlySchema.stdout).map((r: { filePath: string }) => path.relative(dir, r.filePath));
    expect(files).toEqual([path.join('schemas', 'bookings-tools.json')]);
    // agentcore.json staged: a finding that needs the project's credentials list to be computed.
    const config = runCli(['--format', 'json', 'agentcore/agentcore.json'], { cwd: dir });
    const ids = JSON.parse(config.stdout).flatMap((r: { messages: Array<{ ruleId: string }> }) => r.messages.map((m) => m.ruleId));
    expect(ids).toContain('credential-reference-exists');
    expect(config.status).toBe(1);
  });
});
