#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/src/cli.js, from tsc) into dist/cli/ with esbuild, so a run loads a handful of
 * files instead of ~130 small ES modules: module resolution and loading cost about 100 ms per process, a third of a
 * pre-commit run's budget (bench/RESULTS.md). Dependencies stay external (they find their .wasm and data files next
 * to themselves), and dynamic imports stay lazy: each parser adapter, cedar-wasm and the subcommands become chunks
 * loaded only when a run needs them. dist/src/ is kept for the library API and the ESLint plugin.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.join(ROOT, 'dist', 'cli');
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: path.join(ROOT, 'dist', 'src', 'cli.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages that locate files next to themselves (WASM, grammars) or are loaded lazily with require() stay
  // external; small pure-JS ones (momoa, ignore, dotenv) are bundled, which spares a file read and a CJS scan each.
  external: ['typescript', 'web-tree-sitter', '@cedar-policy/cedar-wasm', 'ajv', 'yaml', 'fast-glob'],
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  // Bundled CommonJS code (dotenv) requires Node built-ins: give the ES module a real `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
