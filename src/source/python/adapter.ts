/**
 * The Python language adapter: web-tree-sitter with the vendored tree-sitter-python grammar
 * (vendor/tree-sitter-python/, see its README). Loaded lazily by ../adapters.ts, only when Python files are linted.
 *
 * Each file is parsed once; the tree is copied into plain objects (./tree.ts) and deleted at once (WASM memory is
 * not garbage-collected), then ./extract.ts derives the facts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import type { LanguageAdapter } from '../adapters.js';
import type { SourceFacts } from '../facts.js';
import { packageRoot } from '../../util/package-root.js';
import { copyTree, cursorBinding, type CursorBinding } from './tree.js';
import { extractPythonFacts } from './extract.js';

/** Where the vendored grammar lives, from the TypeScript sources (tests) and from dist/src/source/python/ alike. */
export function pythonGrammarPath(): string {
  return path.join(packageRoot(), 'vendor', 'tree-sitter-python', 'tree-sitter-python.wasm');
}

let language: Promise<Language> | undefined;
/** web-tree-sitter's cursor functions, for the fast tree copy (./tree.ts); undefined means the public API. */
let binding: CursorBinding | undefined;

function loadLanguage(): Promise<Language> {
  language ??= (async () => {
    // Emscripten makes the options object the module itself: that is how its cursor functions are reached.
    const moduleObject = {};
    await Parser.init(moduleObject);
    binding = cursorBinding(moduleObject);
    return Language.load(new Uint8Array(fs.readFileSync(pythonGrammarPath())));
  })();
  language.catch(() => {
    language = undefined; // let a later call retry
  });
  return language;
}

/** The WASM cursor functions the tree copy uses once the parser is loaded; undefined: the public cursor API. */
export function pythonCursorBinding(): CursorBinding | undefined {
  return binding;
}

export async function createPythonAdapter(): Promise<LanguageAdapter> {
  const python = await loadLanguage();
  let parser = new Parser();
  parser.setLanguage(python);
  return {
    extract(_file: string, text: string): SourceFacts {
      let tree: Tree | null;
      try {
        tree = parser.parse(text);
      } catch (error) {
        // tree-sitter traps on some pathological inputs (about 1,000 nested indented blocks): report it as a
        // problem of this file and continue with a fresh parser, since the old one's state is unknown.
        try {
          parser.delete();
        } catch {
          // already unusable
        }
        parser = new Parser();
        parser.setLanguage(python);
        return unparsable(`Python parser failed on this file (${error instanceof Error ? error.message : String(error)})`);
      }
      if (!tree) return unparsable('Python parser returned no tree for this file');
      let root;
      try {
        root = copyTree(tree, binding);
      } finally {
        tree.delete();
      }
      return extractPythonFacts(root, text);
    },
  };
}

function unparsable(message: string): SourceFacts {
  return {
    language: 'python',
    comments: [],
    strings: [],
    calls: [],
    envReads: [],
    directives: [],
    parseProblems: [{ span: { start: 0, end: 0 }, message }],
  };
}
