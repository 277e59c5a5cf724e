// GitHub Action entry point (action.yml). Dependency-free on purpose: it runs the agentcore-lint that the
// workflow installed with the project (`npm ci`), prints annotations (--format github) and, when asked, writes
// SARIF. Inputs arrive as INPUT_<NAME> environment variables, as GitHub sets them for node actions.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const input = (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();

function findCli(workingDirectory) {
  const candidates = [
    path.join(workingDirectory, 'node_modules', 'agentcore-lint', 'bin', 'agentcore-lint.js'),
    // Running from a checkout of agentcore-lint itself (its own CI), once built.
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'agentcore-lint.js'),
  ];
  return candidates.find((bin) => fs.existsSync(bin) && fs.existsSync(path.join(path.dirname(bin), '..', 'dist', 'src', 'cli.js')));
}

function main() {
  const workingDirectory = path.resolve(input('working-directory') || '.');
  const paths = input('paths').split(/\s+/).filter(Boolean);
  const failOn = input('fail-on') || 'error';
  if (!['error', 'warning', 'none'].includes(failOn)) {
    console.log(`::error title=agentcore-lint::fail-on must be "error", "warning" or "none", got "${failOn}"`);
    return 2;
  }
  const cli = findCli(workingDirectory);
  if (!cli) {
    console.log(
      '::error title=agentcore-lint::agentcore-lint is not installed in ' + workingDirectory +
        '. Add it to devDependencies (npm install --save-dev agentcore-lint) and run `npm ci` before this step.',
    );
    return 2;
  }
  // With a cache, the second pass (annotations after SARIF) takes every file's facts from the first.
  const cacheLocation = input('cache-location');
  const cache = cacheLocation ? ['--cache', '--cache-location', path.resolve(cacheLocation)] : [];
  const run = (args) => spawnSync(process.execPath, [cli, ...args, ...cache, ...paths], { cwd: workingDirectory, stdio: 'inherit' }).status ?? 3;

  const sarifFile = input('sarif-file');
  if (sarifFile) {
    const status = run(['--format', 'sarif', '--output-file', sarifFile]);
    if (status >= 2) return status;
  }
  const status = run(['--format', 'github', ...(failOn === 'warning' ? ['--max-warnings', '0'] : [])]);
  if (status >= 2) return status;
  return failOn === 'none' ? 0 : status;
}

process.exitCode = main();
