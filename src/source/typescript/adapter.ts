/**
 * The TS/JS language adapter. The TypeScript compiler (~250 ms to load, ~80 ms with the V8 code cache of
 * util/compile-cache.ts) is required lazily, when the adapter is created, so a run that lints no TS/JS file never
 * loads it. It is pinned to `typescript ~6.0.3` as a runtime
 * dependency: 7.x has no JS API (`createSourceFile`), and a user's hoisted copy must not be relied on.
 *
 * `extract` is synchronous and parses with `ts.createSourceFile` only (no Program, no type checker). It keeps the
 * facts of the last file: ESLint rules that each ask for the facts of the file being linted share one parse.
 * Callers must treat the returned facts as read-only.
 */
import type * as TS from 'typescript';
import type { LanguageAdapter } from '../adapters.js';
import type { SourceFacts } from '../facts.js';
import { requireWithCodeCache } from '../../util/compile-cache.js';
import { extractTypeScriptFacts } from './extract.js';

export function createTypeScriptAdapter(): LanguageAdapter {
  const ts = requireWithCodeCache('typescript', import.meta.url) as typeof TS;
  let last: { file: string; text: string; facts: SourceFacts } | undefined;
  return {
    extract(file, text) {
      if (last && last.file === file && last.text === text) return last.facts;
      const facts = extractTypeScriptFacts(ts, file, text);
      last = { file, text, facts };
      return facts;
    },
  };
}
