// Placeholder until the TypeScript compiler adapter lands (issue 3): extracts nothing.
import type { LanguageAdapter } from '../adapters.js';

export function createTypeScriptAdapter(): LanguageAdapter {
  return { extract: () => ({ language: 'typescript', strings: [], calls: [], envReads: [], directives: [], parseProblems: [] }) };
}
