/**
 * env-local-not-committed (AC040) depends on git state, which static fixtures cannot hold (they live inside this
 * repository, and committing them would change what the rule sees). Each case builds a throw-away project in the
 * system temp folder, with or without its own git repository.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import envLocalNotCommitted from '../rules/config/env-local-not-committed.js';
import { useTempTrees } from './helpers/cli.js';

const SECRET = 'sk-proj-Zr8Kq2Lm5Vx9Tb3Nw7Yc1Hd4Fg6Js0Pa';
const CLI_GITIGNORE = '.env.local\ncdk/cdk.out/\ncdk/node_modules/\n.cli/*\n!.cli/deployed-state.json\n.cache/*\n';

const tree = useTempTrees();
const savedEnv = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };

// A developer's global excludes file (core.excludesFile) must not decide the outcome.
beforeAll(() => {
  process.env.GIT_CONFIG_GLOBAL = os.devNull;
  process.env.GIT_CONFIG_NOSYSTEM = '1';
});

afterAll(() => {
  if (savedEnv.global === undefined) delete process.env.GIT_CONFIG_GLOBAL;
  else process.env.GIT_CONFIG_GLOBAL = savedEnv.global;
  if (savedEnv.nosystem === undefined) delete process.env.GIT_CONFIG_NOSYSTEM;
  else process.env.GIT_CONFIG_NOSYSTEM = savedEnv.nosystem;
});

interface Setup {
  git?: boolean;
  envLocal?: boolean;
  agentcoreGitignore?: string;
  rootGitignore?: string;
  /** `git add -f agentcore/.env.local` (staged counts as tracked). */
  forceAdd?: boolean;
}

function project(setup: Setup): string {
  const root = tree();
  fs.mkdirSync(path.join(root, 'agentcore'));
  fs.writeFileSync(path.join(root, 'agentcore', 'agentcore.json'), '{"name": "EnvLocal", "version": 1}\n');
  fs.writeFileSync(path.join(root, 'agentcore', 'aws-targets.json'), '[]\n');
  if (setup.agentcoreGitignore !== undefined) fs.writeFileSync(path.join(root, 'agentcore', '.gitignore'), setup.agentcoreGitignore);
  if (setup.rootGitignore !== undefined) fs.writeFileSync(path.join(root, '.gitignore'), setup.rootGitignore);
  if (setup.envLocal) fs.writeFileSync(path.join(root, 'agentcore', '.env.local'), `AGENTCORE_CREDENTIAL_OPENAI=${SECRET}\n`);
  if (setup.git) {
    git(root, 'init', '-q');
    if (setup.forceAdd) git(root, 'add', '-f', 'agentcore/.env.local');
  }
  return root;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

async function findings(root: string): Promise<Array<{ file: string; severity: string; message: string }>> {
  const result = await lint({ paths: [root], rules: [envLocalNotCommitted] });
  for (const f of result.findings) expect(f.message).not.toContain(SECRET.slice(8));
  return result.findings.map((f) => ({ file: path.relative(root, f.file), severity: f.severity, message: f.message }));
}

describe('env-local-not-committed in a git repository', () => {
  it('stays silent when .env.local is absent (CI checkouts)', async () => {
    expect(await findings(project({ git: true, agentcoreGitignore: CLI_GITIGNORE }))).toEqual([]);
  });

  it('stays silent without any .gitignore when .env.local is absent', async () => {
    expect(await findings(project({ git: true }))).toEqual([]);
  });

  it('stays silent when agentcore/.gitignore ignores .env.local (the CLI default)', async () => {
    expect(await findings(project({ git: true, envLocal: true, agentcoreGitignore: CLI_GITIGNORE }))).toEqual([]);
  });

  it('stays silent when a root .gitignore covers it', async () => {
    expect(await findings(project({ git: true, envLocal: true, rootGitignore: '.env*\n' }))).toEqual([]);
  });

  it('reports .env.local that git does not ignore', async () => {
    const out = await findings(project({ git: true, envLocal: true, agentcoreGitignore: 'cdk/cdk.out/\n' }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ file: path.join('agentcore', '.env.local'), severity: 'error' });
    expect(out[0].message).toContain('not ignored by git');
  });

  it('reports a tracked .env.local that is not ignored with the ignore fix and the clean-up', async () => {
    const out = await findings(project({ git: true, envLocal: true, forceAdd: true }));
    expect(out).toHaveLength(1);
    expect(out[0].message).toContain('not ignored by git');
    expect(out[0].message).toContain('git rm --cached agentcore/.env.local');
  });

  it('reports .env.local that is tracked even though it is ignored', async () => {
    const out = await findings(project({ git: true, envLocal: true, agentcoreGitignore: CLI_GITIGNORE, forceAdd: true }));
    expect(out).toHaveLength(1);
    expect(out[0].message).toContain('still tracked by git');
    expect(out[0].message).toContain('git rm --cached agentcore/.env.local');
  });
});

describe('env-local-not-committed outside a git repository', () => {
  it('stays silent when .env.local is absent', async () => {
    expect(await findings(project({}))).toEqual([]);
  });

  it('stays silent when agentcore/.gitignore covers .env.local', async () => {
    expect(await findings(project({ envLocal: true, agentcoreGitignore: CLI_GITIGNORE }))).toEqual([]);
  });

  it('accepts a wildcard pattern in agentcore/.gitignore', async () => {
    expect(await findings(project({ envLocal: true, agentcoreGitignore: '.env*\n' }))).toEqual([]);
  });

  it('accepts a root .gitignore that covers agentcore/.env.local', async () => {
    expect(await findings(project({ envLocal: true, rootGitignore: '**/.env.local\n' }))).toEqual([]);
  });

  it('reports .env.local when no .gitignore covers it', async () => {
    const out = await findings(project({ envLocal: true }));
    expect(out).toHaveLength(1);
    expect(out[0].message).toContain('no .gitignore covers it');
  });

  it('reports .env.local when the pattern was removed or negated', async () => {
    expect(await findings(project({ envLocal: true, agentcoreGitignore: '.env*\n!.env.local\n' }))).toHaveLength(1);
  });
});
