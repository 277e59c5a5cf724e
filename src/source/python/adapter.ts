// Placeholder until the tree-sitter adapter lands (issue 3): extracts nothing.
import type { LanguageAdapter } from '../adapters.js';

export async function createPythonAdapter(): Promise<LanguageAdapter> {
  return { extract: () => ({ language: 'python', strings: [], calls: [], envReads: [], directives: [], parseProblems: [] }) };
}
