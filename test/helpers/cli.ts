import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'agentcore-lint.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (npm test builds first) as a user would, in `cwd`. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliRun {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build`');
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
    // A hung CLI fails its test (status null) instead of hanging the suite: spawnSync ignores vitest's timeouts.
    timeout: options.timeoutMs ?? 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Creates a temporary folder with the given files (relative path → content); removed by the caller. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentcore-lint-'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/**
 * For a test file: a `tree(files)` that makes a temporary folder (as makeTree) and removes every one it made once
 * the file's tests are done.
 */
export function useTempTrees(): (files?: Record<string, string | Buffer>) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return (files = {}) => {
    const dir = makeTree(files);
    made.push(dir);
    return dir;
  };
}

export const MINIMAL_CONFIG = JSON.stringify({ name: 'Minimal', version: 1 }, null, 2) + '\n';
