/**
 * Picks the language adapter for a file and loads parsers lazily: the TypeScript compiler only when TS/JS
 * files are linted, tree-sitter only when Python files are. `prepareAdapters` must be awaited before facts are
 * extracted (tree-sitter's WASM initialisation is asynchronous); extraction itself is synchronous, so the same
 * rules run unchanged inside ESLint.
 */
import * as path from 'node:path';
import { useLiftoffOnly } from '../util/wasm.js';
import type { SourceFacts, SourceLanguage } from './facts.js';

export const PYTHON_EXTENSIONS = ['.py'] as const;
export const TYPESCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'] as const;
export const JAVASCRIPT_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs'] as const;
export const SOURCE_EXTENSIONS: readonly string[] = [...PYTHON_EXTENSIONS, ...TYPESCRIPT_EXTENSIONS, ...JAVASCRIPT_EXTENSIONS];

export function languageOf(file: string): SourceLanguage | undefined {
  const extension = path.extname(file).toLowerCase();
  if ((PYTHON_EXTENSIONS as readonly string[]).includes(extension)) return 'python';
  if ((TYPESCRIPT_EXTENSIONS as readonly string[]).includes(extension)) return 'typescript';
  if ((JAVASCRIPT_EXTENSIONS as readonly string[]).includes(extension)) return 'javascript';
  return undefined;
}

export interface LanguageAdapter {
  extract(file: string, text: string): SourceFacts;
}

const adapters = new Map<SourceLanguage, LanguageAdapter>();

/** Up to this many Python files, WASM is compiled with Liftoff only. */
const LIFTOFF_ONLY_MAX_FILES = 20;

/** Loads the adapters these files need (and only those). */
export async function prepareAdapters(files: Iterable<string>): Promise<void> {
  const needed = new Set<SourceLanguage>();
  let pythonFiles = 0;
  for (const file of files) {
    const language = languageOf(file);
    if (language === 'python') pythonFiles++;
    if (language && !adapters.has(language)) needed.add(language);
  }
  // Small runs (pre-commit) pay mostly for compiling WASM (tree-sitter, then cedar-wasm): Liftoff alone is much
  // cheaper than tiering up; big scans keep default tiering for parsing throughput (stack notes §2.4, §3.3).
  // Decided here, before any parser, validator or WASM module loads, so the V8 flags stay the same for the
  // rest of the run (the code caches of util/compile-cache.ts are only valid under the flags they were made with).
  if (pythonFiles <= LIFTOFF_ONLY_MAX_FILES) useLiftoffOnly();
  if (needed.has('python')) {
    const { createPythonAdapter } = await import('./python/adapter.js');
    adapters.set('python', await createPythonAdapter());
  }
  if (needed.has('typescript') || needed.has('javascript')) {
    const { createTypeScriptAdapter } = await import('./typescript/adapter.js');
    const adapter = createTypeScriptAdapter();
    adapters.set('typescript', adapter);
    adapters.set('javascript', adapter);
  }
}

/** Facts for one file; undefined for files no adapter handles or whose adapter was not prepared. */
export function extractFacts(file: string, text: string): SourceFacts | undefined {
  const language = languageOf(file);
  const adapter = language && adapters.get(language);
  return adapter ? adapter.extract(file, text) : undefined;
}
