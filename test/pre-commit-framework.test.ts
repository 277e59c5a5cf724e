/**
 * The pre-commit hook run through the real pre-commit framework (https://pre-commit.com), as a user runs it: a git
 * repository holding an AgentCore project, a `.pre-commit-config.yaml` naming this repository as a hook repo at a
 * commit, and `pre-commit run` / `git commit` on staged files. pre-commit clones the hook repo, installs it as a
 * node hook (`npm install`, `npm pack`, which builds dist/ in `prepack`, then `npm install -g` of the tarball, with
 * the system node: no node download) and runs `agentcore-lint` on the staged files that match `files`.
 *
 * The hook repo is this repository at its HEAD commit: uncommitted changes to .pre-commit-hooks.yaml, .npmrc or the
 * build are not seen. The environment install takes 35-65 s here (npm registry reachable, warm npm cache, 2 cores);
 * the test gets 10 minutes. Skipped when the `pre-commit` binary is absent (CI): pre-commit.test.ts still runs the
 * command line the hook declares.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useTempTrees } from './helpers/cli.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const head = spawnSync('git', ['-C', ROOT, 'rev-parse', '--verify', 'HEAD'], { encoding: 'utf8' });
const hookRev = head.status === 0 ? head.stdout.trim() : undefined;
const skipReason = !hasPreCommit
  ? ' (skipped: the pre-commit binary is not installed)'
  : !hookRev
    ? ' (skipped: this checkout is not a git repository with a commit, so it cannot be a hook repo)'
    : '';

const FIXTURE = path.join(ROOT, 'fixtures', 'rules', 'no-inline-secrets', 'invalid-typescript-secrets');
const read = (relative: string) => fs.readFileSync(path.join(FIXTURE, relative), 'utf8');
interface Expected {
  file: string;
  ruleId: string;
  line: number;
  column: number;
}

/** A clean environment for pre-commit: no npm_* variables from an `npm test` run, a private PRE_COMMIT_HOME. */
function environment(preCommitHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|INIT_CWD$|VITEST|NODE_OPTIONS$)/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    PRE_COMMIT_HOME: preCommitHome,
    // The user's git configuration stays out (a global core.hooksPath makes `pre-commit install` refuse).
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
}

describe('the agentcore-lint hook through the pre-commit framework', () => {
  const tree = useTempTrees();

  it.skipIf(skipReason !== '')(
    `fails a commit on the staged file's findings and passes once it is fixed${skipReason}`,
    () => {
      const expected = (JSON.parse(read('expected.json')) as Expected[]).filter((f) => f.file === 'app/Agent/main.ts');
      expect(expected.length).toBeGreaterThanOrEqual(3);
      const repo = tree({
        'agentcore/agentcore.json': read('agentcore/agentcore.json'),
        'agentcore/aws-targets.json': read('agentcore/aws-targets.json'),
        'app/Agent/main.ts': read('app/Agent/main.ts'), // staged, with findings
        'app/Agent/prompts.ts': 'export const SYSTEM_PROMPT = "You are a travel assistant.";\n', // staged, clean
        '.pre-commit-config.yaml': [
          'repos:',
          `  - repo: ${JSON.stringify(ROOT)}`,
          `    rev: ${hookRev}`,
          '    hooks:',
          '      - id: agentcore-lint',
          '',
        ].join('\n'),
      });
      const env = environment(tree());
      const run = (command: string, args: string[]) => {
        const result = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8', timeout: 540_000 });
        return { status: result.status, output: `${result.stdout}${result.stderr}`, error: result.error };
      };
      const git = (...args: string[]) => {
        const result = run('git', args);
        expect(result.status, result.output).toBe(0);
      };
      git('init', '-q');
      git('add', '-A');
      // Not staged: a secret in an untracked file is not the hook's business (pre-commit passes staged files only).
      fs.writeFileSync(path.join(repo, 'app', 'Agent', 'scratch.ts'), read('app/Agent/main.ts'));

      // Installs the hook environment (clone, npm install, npm pack with the prepack build, npm install -g).
      const first = run('pre-commit', ['run']);
      expect(first.error, first.output).toBeUndefined();
      expect(first.status, first.output).toBe(1);
      expect(first.output).toMatch(/agentcore-lint\.+Failed/);
      expect(first.output).toContain('- exit code: 1');
      expect(first.output).toContain(path.join('app', 'Agent', 'main.ts'));
      for (const finding of expected) {
        expect(first.output).toMatch(new RegExp(`^\\s+${finding.line}:${finding.column}\\s+error\\s.*\\s${finding.ruleId}$`, 'm'));
      }
      expect(first.output).toContain(`✖ ${expected.length} problems (${expected.length} errors, 0 warnings)`);
      expect(first.output).not.toContain('prompts.ts');
      expect(first.output).not.toContain('scratch.ts');

      // As a git hook: the commit is refused.
      const install = run('pre-commit', ['install']);
      expect(install.status, install.output).toBe(0);
      const refused = run('git', ['commit', '-q', '-m', 'agent']);
      expect(refused.status, refused.output).not.toBe(0);
      expect(refused.output).toMatch(/agentcore-lint\.+Failed/);
      expect(refused.output).toContain('no-inline-secrets');
      expect(run('git', ['rev-parse', '--verify', '-q', 'HEAD']).status).not.toBe(0);

      // Fixed: the secrets come from AgentCore Identity at run time instead.
      fs.writeFileSync(
        path.join(repo, 'app', 'Agent', 'main.ts'),
        [
          'import { BedrockAgentCoreApp } from "bedrock-agentcore/runtime";',
          '',
          'const app = new BedrockAgentCoreApp({',
          '  invocationHandler: {',
          '    async process(payload: { prompt?: string }) {',
          '      return { result: payload.prompt ?? "" };',
          '    },',
          '  },',
          '});',
          '',
          'app.run();',
          '',
        ].join('\n'),
      );
      git('add', 'app/Agent/main.ts');
      const passed = run('pre-commit', ['run']);
      expect(passed.status, passed.output).toBe(0);
      expect(passed.output).toMatch(/agentcore-lint\.+Passed/);
      const committed = run('git', ['commit', '-q', '-m', 'agent']);
      expect(committed.status, committed.output).toBe(0);
      expect(committed.output).toMatch(/agentcore-lint\.+Passed/);
    },
    600_000,
  );
});
