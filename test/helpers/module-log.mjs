/**
 * `node --import <this file> …`: records every module the process loads, one path or URL per line, in the file
 * named by AGENTCORE_LINT_MODULE_LOG: ES modules as they are resolved (through module-log-hooks.mjs), CommonJS
 * modules (the TypeScript compiler) from the require cache at exit. Lets a test check that a run never loaded a parser.
 */
import * as fs from 'node:fs';
import { createRequire, register } from 'node:module';

const log = process.env.AGENTCORE_LINT_MODULE_LOG;
if (log) {
  register('./module-log-hooks.mjs', import.meta.url);
  const require = createRequire(import.meta.url);
  process.on('exit', () => fs.appendFileSync(log, Object.keys(require.cache).map((f) => `${f}\n`).join('')));
}
