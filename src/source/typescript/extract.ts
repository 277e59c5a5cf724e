/**
 * TS/JS facts extraction with the TypeScript compiler's parser (`ts.createSourceFile`, no Program, no type checker).
 *
 * This module only imports TypeScript's *types*; the compiler itself is handed in by `adapter.ts`, which loads it
 * lazily. Everything here is synchronous so the same code serves the CLI and the ESLint plugin.
 *
 * Passes over one parse (nodes are collected once, in document order, with an explicit stack):
 *   1. bindings: imports, `require`, variables (incl. destructuring), parameters, functions and classes, per scope;
 *   2. environment reads (`process.env.X`, `process.env['X']`, `process.env[CONST]`, `const { X } = process.env`);
 *   3. uses of those reads and their guards, strings with their context, calls, directives, parse problems.
 * Canonical names (`axios.post`, `http.request`, `axios.create().get`, `openai.OpenAI`) come from resolving
 * identifiers through those bindings; anything not traceable is left undefined rather than guessed.
 */
import type * as TS from 'typescript';
import { ownValue } from '../../util/json-value.js';
import type {
  CallFact,
  CommentFact,
  DirectiveFact,
  EnvReadFact,
  EnvUse,
  ParseProblem,
  SourceFacts,
  SourceLanguage,
  Span,
  StringContext,
  StringFact,
  ValueFact,
} from '../facts.js';
import { NO_DECORATORS, MAX_CARRIED_READS, NO_NAMED_ARGUMENTS, sortedCarriedUses } from '../facts.js';
import { isHttpCall, urlPart, type UrlPart } from '../vocabulary.js';
import { buildMentionIndex, MENTION_INDEX_MIN, positionsFor, type MentionIndex } from '../mention-index.js';
import { DEEP_WALK_STEPS, WalkMemo } from '../walk-memo.js';

/** The properties of a WHATWG `URL` object that name where a request goes. */
const URL_PARTS: ReadonlySet<string> = new Set<UrlPart>(['href', 'origin', 'host', 'hostname']);
/** String methods that keep a URL's host (`url.replace(/\/$/, '')`). */
const URL_KEEPING_METHODS: ReadonlySet<string> = new Set(['replace', 'replaceAll', 'trim', 'trimEnd', 'toString']);

type Ts = typeof TS;

/** Modules whose default export is a class that the canonical name spells out (`import OpenAI from 'openai'`). */
const DEFAULT_EXPORT_CLASS: Record<string, string> = { openai: 'OpenAI', '@anthropic-ai/sdk': 'Anthropic' };
const NODE_HTTP = new Set(['http', 'https']);
/** The fetch functions (`CallFact.forwardsRequest`). */
const FETCH_FUNCTIONS = /^(?:fetch|node-fetch|cross-fetch|isomorphic-fetch|undici\.fetch)$/;
/** Names that denote the global object: `globalThis.fetch` is `fetch`. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);
const GLOBAL = '\0global';
const PENDING = Symbol('pending');
/** Bounds recursion over input-controlled chains (alias chains, nested conditions). */
const MAX_DEPTH = 64;
/** How deep guard functions may call guard functions (`main()` calling `validateEnv()` calling `requireGateway()`). */
const MAX_GUARD_CALLS = 3;
/** How many `const` hops a list of names may take (`const ALL = [...GATEWAYS, ...OTHERS]`). */
const MAX_HOPS = 8;

const DIRECTIVE = /^(?:\/\/+|\/\*+)\s*agentcore-lint:\s*direct-call\b([\s\S]*?)(?:\*+\/)?$/;

/** `node:http` and `http` are one module. */
function normalizeModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

function applyDefault(module: string): string {
  const cls = ownValue(DEFAULT_EXPORT_CLASS, module);
  return cls ? `${module}.${cls}` : module;
}

interface Binding {
  name: string;
  kind: 'import' | 'variable' | 'parameter' | 'function' | 'class' | 'other';
  constant: boolean;
  /** Imports: module specifier (normalised) and imported name (`default`, `*` or the export name). */
  module?: string;
  imported?: string;
  /** Plain `const x = init`. */
  init?: TS.Expression;
  /** `const { a: { b } } = from`: `from` and the property path (`['a', 'b']`); no path when untraceable. */
  destructFrom?: TS.Expression;
  path?: string[];
  /** The function node, for function declarations and variables initialised with a function. */
  fn?: TS.Node;
  /** Index of the environment read this variable holds. */
  envRead?: number;
  /** The node whose scope declares it (set by addBinding). */
  scope?: TS.Node;
}

/** What a guard has to establish: presence of one variable / env var, or a LOCAL_DEV test. */
interface Atom {
  test(e: TS.Expression, polarity: boolean): boolean;
  /** For presence atoms: whether the expression is the guarded subject (for `if (!x) x = ...`). */
  isSubject?(e: TS.Expression): boolean;
  /** Names the fact (two atoms with one key are the same fact), so statement lists are checked once per fact. */
  key: string;
  /**
   * The same fact without the variable, for code outside the variable's scope (`scopeNode`), which cannot name it:
   * whether the environment variable it holds is set. Atoms of variables of many functions share it, and so share
   * what the statement lists around those functions establish.
   */
  outer?: Atom;
  scopeNode?: TS.Node;
  /** Presence atoms: the environment variable whose value the subject holds, and whether an empty value counts as unset. */
  env?: string;
  emptyMatters?: boolean;
}

type UseKind = EnvUse['kind'];


export function extractTypeScriptFacts(ts: Ts, file: string, text: string): SourceFacts {
  try {
    return new Extractor(ts, file, text).run();
  } catch (error) {
    // The compiler's parser is recursive: around a thousand nested brackets exhaust the stack. Our own walks are
    // iterative or depth-bounded, so this is the only way an extraction fails; report it instead of crashing.
    if (!(error instanceof RangeError)) throw error;
    return {
      language: scriptKindOf(ts, file).language,
      comments: [],
      strings: [],
      calls: [],
      envReads: [],
      directives: [],
      parseProblems: [{ span: { start: 0, end: 0 }, message: `File too deeply nested to parse (${error.message}).` }],
    };
  }
}

function scriptKindOf(ts: Ts, file: string): { kind: TS.ScriptKind; language: SourceLanguage } {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tsx')) return { kind: ts.ScriptKind.TSX, language: 'typescript' };
  if (lower.endsWith('.jsx')) return { kind: ts.ScriptKind.JSX, language: 'javascript' };
  if (/\.[mc]?js$/.test(lower)) return { kind: ts.ScriptKind.JS, language: 'javascript' };
  return { kind: ts.ScriptKind.TS, language: 'typescript' };
}

class Extractor {
  private readonly K: typeof TS.SyntaxKind;
  private readonly sf: TS.SourceFile;
  private readonly language: SourceLanguage;
  private readonly nodes: TS.Node[] = [];
  private readonly scopes = new Map<TS.Node, Map<string, Binding>>();
  private readonly bindingOf = new Map<TS.Node, Binding>();
  private readonly canonMemo = new Map<TS.Node, string | undefined | typeof PENDING>();
  private readonly singleReturnMemo = new Map<TS.Node, TS.Expression | null>();
  private readonly envByNode = new Map<TS.Node, number>();
  private readonly envDefaultOf = new Map<TS.Node, number>();
  private readonly readNodes: TS.Node[] = [];
  /** Per statement list, per atom key: the position of its first statement after which the atom holds. */
  private readonly firstEstablishingMemo = new Map<TS.NodeArray<TS.Statement>, Map<string, number>>();
  private readonly bindingIds = new Map<Binding, number>();
  private readonly guardStatementsMemo = new Map<TS.NodeArray<TS.Statement>, TS.Statement[]>();
  /** Per guard function, per fact: whether a normal return from it establishes the fact. */
  private readonly guardVerdicts = new Map<TS.Node, Map<string, boolean>>();
  private readonly guardBodyMemo = new Map<TS.NodeArray<TS.Statement>, TS.Statement[]>();
  /** Per list of candidate statements: which of them mention each environment variable (see `mentioning`). */
  private readonly mentionsMemo = new Map<readonly TS.Statement[], MentionIndex>();
  /** Per `const` binding: the environment variables its value mentions (`'any'` when that cannot be bounded). */
  private readonly initMentions = new Map<Binding, Map<string, number> | 'any' | typeof PENDING>();
  /** The ends of deep walks up from uses: does a fact hold (per atom), where does a value flow (`null`: nowhere). */
  private readonly holdsMemo = new WalkMemo<TS.Node, boolean>();
  private readonly flowMemo = new WalkMemo<TS.Node, UseKind | null>();
  private readonly readValueNodes: TS.Node[] = [];
  private readonly readLinked: boolean[] = [];
  private readonly envReads: EnvReadFact[] = [];
  private readonly wrappers = new Map<TS.Node, string[]>();
  /** Per class: its fields' values (`client = axios.create()`, or the first `this.client = ...`). */
  private readonly classFields = new Map<TS.Node, Map<string, TS.Expression>>();
  /** Per class: how often each field (`url`) and field property (`config.url`) is written, initialisers included. */
  private readonly fieldWrites = new Map<TS.Node, Map<string, number>>();
  /** Per node: the nearest strict ancestor that declares names (so resolution skips non-scope ancestors). */
  private readonly scopeAbove = new Map<TS.Node, TS.Node | undefined>();
  /** Per node: its statement, and the wrappers around it (innermost first); computed top-down, once. */
  private readonly statementAt = new Map<TS.Node, TS.Node>();
  private readonly wrappersAt = new Map<TS.Node, readonly string[]>();
  private readonly lineStarts: readonly number[];

  constructor(
    private readonly ts: Ts,
    file: string,
    private readonly text: string,
  ) {
    this.K = ts.SyntaxKind;
    const { kind, language } = scriptKindOf(ts, file);
    this.language = language;
    // JSDoc is never read here (comments come from the scanner): not parsing it makes a first pass over commented
    // code 10–20% faster. Parent links are set by collectNodes, which walks every node anyway.
    this.sf = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
    this.lineStarts = this.sf.getLineStarts();
  }

  run(): SourceFacts {
    this.collectNodes();
    for (const node of this.nodes) this.declare(node);
    for (const node of this.nodes) {
      const parent = node.parent;
      if (parent) this.scopeAbove.set(node, this.scopes.has(parent) ? parent : this.scopeAbove.get(parent));
    }
    for (const node of this.nodes) this.findEnvRead(node);
    this.linkCopies();
    this.collectUses();
    this.collectWrappers();
    this.computeStatementsAndWrappers();
    const strings: StringFact[] = [];
    const calls: CallFact[] = [];
    const directives: DirectiveFact[] = [];
    const seenComments = new Set<number>();
    for (const node of this.nodes) {
      const string = this.stringFact(node);
      if (string) strings.push(string);
      if (this.ts.isCallExpression(node) || this.ts.isNewExpression(node)) calls.push(this.callFact(node));
      if (node !== this.sf && this.statementAt.get(node) === node) this.directivesBefore(node, directives, seenComments);
    }
    return {
      language: this.language,
      comments: this.comments(),
      strings,
      calls,
      envReads: this.envReads,
      directives,
      parseProblems: this.parseProblems(),
    };
  }

  /** Every comment: the comment ranges around the start and end of every node, each once, in file order. */
  private comments(): CommentFact[] {
    const seen = new Map<number, CommentFact>();
    const add = (ranges: TS.CommentRange[] | undefined): void => {
      for (const r of ranges ?? []) {
        if (!seen.has(r.pos)) seen.set(r.pos, { span: { start: r.pos, end: r.end }, text: this.text.slice(r.pos, r.end) });
      }
    };
    for (const node of this.nodes) {
      add(this.ts.getLeadingCommentRanges(this.text, node.pos));
      // Leading ranges start collecting only after a line break; `f(a, /* c */ b)` needs the same-line scan too.
      add(this.ts.getTrailingCommentRanges(this.text, node.pos));
      add(this.ts.getTrailingCommentRanges(this.text, node.end));
    }
    add(this.ts.getLeadingCommentRanges(this.text, this.sf.endOfFileToken.pos));
    return [...seen.values()].sort((a, b) => a.span.start - b.span.start);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Walking and small helpers

  /** Every node in document order, each given its parent link (the parser leaves them unset: see the constructor). */
  private collectNodes(): void {
    const stack: TS.Node[] = [this.sf];
    const children: TS.Node[] = [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.nodes.push(node);
      children.length = 0;
      this.ts.forEachChild(node, (child) => {
        (child as { parent: TS.Node }).parent = node;
        children.push(child);
      });
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }

  private span(node: TS.Node): Span {
    return { start: node.getStart(this.sf), end: node.end };
  }

  private lineOf(pos: number): number {
    // Binary search over line starts (the compiler's own helper does the same).
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= pos) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Strips parentheses and type-only wrappers (and `await` when asked). Non-null assertions too. */
  private unwrap(node: TS.Expression, throughAwait = false): TS.Expression {
    const ts = this.ts;
    let e = node;
    for (;;) {
      if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) {
        e = e.expression;
      } else if (throughAwait && ts.isAwaitExpression(e)) {
        e = e.expression;
      } else {
        return e;
      }
    }
  }

  private isTransparent(node: TS.Node): boolean {
    const ts = this.ts;
    return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node);
  }

  private isStringLike(node: TS.Node): node is TS.StringLiteral | TS.NoSubstitutionTemplateLiteral {
    return this.ts.isStringLiteral(node) || this.ts.isNoSubstitutionTemplateLiteral(node);
  }

  private isEmptyString(node: TS.Expression): boolean {
    const e = this.unwrap(node);
    return this.isStringLike(e) && e.text === '';
  }

  private isFunctionExpressionLike(node: TS.Node): node is TS.ArrowFunction | TS.FunctionExpression {
    return this.ts.isArrowFunction(node) || this.ts.isFunctionExpression(node);
  }

  /**
   * What a call of a function of this file returns, when that is one expression: the arrow's expression body, or
   * the function's only `return <value>` (a bare `return`, `return null` or `return undefined` aside). Not for
   * generators, methods or functions held in a `let`.
   */
  private returnedBy(call: TS.CallExpression): TS.Expression | undefined {
    const ts = this.ts;
    const callee = this.unwrap(call.expression);
    if (!ts.isIdentifier(callee)) return undefined;
    const binding = this.resolve(callee);
    const fn = binding?.fn;
    if (!fn || !(binding.kind === 'function' || (binding.kind === 'variable' && binding.constant))) return undefined;
    let returned = this.singleReturnMemo.get(fn);
    if (returned === undefined) {
      returned = this.singleReturn(fn as TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction) ?? null;
      this.singleReturnMemo.set(fn, returned);
    }
    return returned ?? undefined;
  }

  private singleReturn(fn: TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction): TS.Expression | undefined {
    const ts = this.ts;
    if (!fn.body || (!ts.isArrowFunction(fn) && fn.asteriskToken)) return undefined;
    if (!ts.isBlock(fn.body)) return fn.body;
    const values: TS.Expression[] = [];
    // Iterative: nesting depth is input-controlled. Returns of nested functions and classes are theirs.
    const stack: TS.Node[] = [fn.body];
    while (stack.length > 0 && values.length < 2) {
      const node = stack.pop()!;
      if (ts.isReturnStatement(node)) {
        const value = node.expression && this.unwrap(node.expression);
        const nothing = !value || value.kind === this.K.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined');
        if (!nothing) values.push(node.expression!);
        continue;
      }
      if (node !== fn.body && (ts.isFunctionLike(node) || ts.isClassLike(node))) continue;
      ts.forEachChild(node, (c) => {
        stack.push(c);
      });
    }
    return values.length === 1 ? values[0] : undefined;
  }

  private propertyNameText(name: TS.PropertyName | TS.BindingName | TS.JsxAttributeName): string | undefined {
    const ts = this.ts;
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
      return name.text;
    }
    if (ts.isComputedPropertyName(name)) {
      const e = this.unwrap(name.expression);
      return this.isStringLike(e) || ts.isNumericLiteral(e) ? e.text : undefined;
    }
    if (ts.isJsxNamespacedName(name)) return `${name.namespace.text}:${name.name.text}`;
    return undefined;
  }

  private isAssignmentOperator(kind: TS.SyntaxKind): boolean {
    return kind >= this.K.FirstAssignment && kind <= this.K.LastAssignment;
  }

  private isWriteTarget(node: TS.Node): boolean {
    const ts = this.ts;
    let e: TS.Node = node;
    while (e.parent && this.isTransparent(e.parent)) e = e.parent;
    const p = e.parent;
    if (!p) return false;
    if (ts.isBinaryExpression(p) && p.left === e && this.isAssignmentOperator(p.operatorToken.kind)) return true;
    if (ts.isDeleteExpression(p)) return true;
    if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === this.K.PlusPlusToken || p.operator === this.K.MinusMinusToken)) return true;
    return false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Pass 1: bindings

  private addBinding(scope: TS.Node, id: TS.Identifier, binding: Binding): void {
    let map = this.scopes.get(scope);
    if (!map) this.scopes.set(scope, (map = new Map()));
    map.set(id.text, binding);
    binding.scope = scope;
    this.bindingOf.set(id, binding);
  }

  private functionScope(node: TS.Node): TS.Node {
    const ts = this.ts;
    for (let a = node.parent; a; a = a.parent) {
      if (ts.isFunctionLike(a) || ts.isSourceFile(a) || ts.isModuleBlock(a) || ts.isClassStaticBlockDeclaration(a)) return a;
    }
    return this.sf;
  }

  private variableScope(decl: TS.VariableDeclaration): TS.Node {
    const ts = this.ts;
    const list = decl.parent;
    if (ts.isCatchClause(list)) return list;
    if (!ts.isVariableDeclarationList(list)) return this.functionScope(decl);
    if ((list.flags & ts.NodeFlags.BlockScoped) !== 0) {
      const holder = list.parent;
      return ts.isVariableStatement(holder) ? holder.parent : holder;
    }
    return this.functionScope(decl);
  }

  private declare(node: TS.Node): void {
    const ts = this.ts;
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (!clause || !ts.isStringLiteral(node.moduleSpecifier)) return;
      const module = normalizeModule(node.moduleSpecifier.text);
      const base = { kind: 'import' as const, constant: true, module };
      if (clause.name) this.addBinding(this.sf, clause.name, { ...base, name: clause.name.text, imported: 'default' });
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) this.addBinding(this.sf, named.name, { ...base, name: named.name.text, imported: '*' });
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          this.addBinding(this.sf, element.name, { ...base, name: element.name.text, imported: (element.propertyName ?? element.name).text });
        }
      }
    } else if (ts.isImportEqualsDeclaration(node)) {
      const ref = node.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        this.addBinding(node.parent, node.name, { name: node.name.text, kind: 'import', constant: true, module: normalizeModule(ref.expression.text), imported: '*' });
      } else {
        this.addBinding(node.parent, node.name, { name: node.name.text, kind: 'other', constant: true });
      }
    } else if (ts.isVariableDeclaration(node)) {
      const scope = this.variableScope(node);
      const list = node.parent;
      const constant = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
      if (ts.isIdentifier(node.name)) {
        const init = node.initializer;
        const unwrapped = init && this.unwrap(init);
        this.addBinding(scope, node.name, {
          name: node.name.text,
          kind: 'variable',
          constant,
          init,
          fn: unwrapped && this.isFunctionExpressionLike(unwrapped) ? unwrapped : undefined,
        });
      } else {
        this.declarePattern(node.name, scope, constant, node.initializer, 'variable');
      }
    } else if (ts.isParameter(node)) {
      if (ts.isIdentifier(node.name)) this.addBinding(node.parent, node.name, { name: node.name.text, kind: 'parameter', constant: false });
      else this.declarePattern(node.name, node.parent, false, undefined, 'parameter');
    } else if (ts.isFunctionDeclaration(node) && node.name) {
      this.addBinding(node.parent, node.name, { name: node.name.text, kind: 'function', constant: true, fn: node });
    } else if (ts.isPropertyDeclaration(node) && node.initializer && (ts.isClassDeclaration(node.parent) || ts.isClassExpression(node.parent))) {
      const name = this.propertyNameText(node.name);
      if (name !== undefined) {
        this.addField(node.parent, name, node.initializer, true);
        this.countFieldWrite(node.parent, name);
      }
    } else if (ts.isBinaryExpression(node) && this.isAssignmentOperator(node.operatorToken.kind) && ts.isPropertyAccessExpression(node.left)) {
      const left = node.left;
      const owner = this.unwrap(left.expression);
      if (owner.kind === this.K.ThisKeyword) {
        const cls = this.classOfThis(owner);
        if (cls && node.operatorToken.kind === this.K.EqualsToken) this.addField(cls, left.name.text, node.right, false);
        if (cls) this.countFieldWrite(cls, left.name.text);
      } else if (ts.isPropertyAccessExpression(owner) && this.unwrap(owner.expression).kind === this.K.ThisKeyword) {
        const cls = this.classOfThis(this.unwrap(owner.expression));
        if (cls) this.countFieldWrite(cls, `${owner.name.text}.${left.name.text}`);
      }
    }
    if (ts.isClassDeclaration(node) && node.name) {
      this.addBinding(node.parent, node.name, { name: node.name.text, kind: 'class', constant: true });
    } else if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name) {
      this.addBinding(node, node.name, { name: node.name.text, kind: ts.isClassExpression(node) ? 'class' : 'function', constant: true, fn: node });
    } else if ((ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node)) && ts.isIdentifier(node.name)) {
      this.addBinding(node.parent, node.name, { name: node.name.text, kind: 'other', constant: true });
    }
  }

  private addField(cls: TS.Node, name: string, value: TS.Expression, declared: boolean): void {
    let fields = this.classFields.get(cls);
    if (!fields) this.classFields.set(cls, (fields = new Map()));
    if (declared || !fields.has(name)) fields.set(name, value);
  }

  private countFieldWrite(cls: TS.Node, key: string): void {
    let writes = this.fieldWrites.get(cls);
    if (!writes) this.fieldWrites.set(cls, (writes = new Map()));
    writes.set(key, (writes.get(key) ?? 0) + 1);
  }

  /**
   * The one value a class gives a field, for `this.url` (`url = "…"`, or a single `this.url = …`) and
   * `this.config.url` (`this.config = { url: "…" }`, with no other write to `this.config` or `this.config.url`).
   * A field written twice, or from outside the class's `this`, has no one value.
   */
  private fieldValue(e: TS.PropertyAccessExpression): TS.Expression | undefined {
    const ts = this.ts;
    const owner = this.unwrap(e.expression);
    if (owner.kind === this.K.ThisKeyword) return this.singleWrite(owner, e.name.text);
    if (!ts.isPropertyAccessExpression(owner)) return undefined;
    const self = this.unwrap(owner.expression);
    if (self.kind !== this.K.ThisKeyword) return undefined;
    const holder = this.singleWrite(self, owner.name.text);
    const cls = this.classOfThis(self);
    if (!holder || !cls || this.fieldWrites.get(cls)?.has(`${owner.name.text}.${e.name.text}`)) return undefined;
    const object = this.unwrap(holder);
    if (!ts.isObjectLiteralExpression(object)) return undefined;
    let value: TS.Expression | undefined;
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) value = undefined; // a later spread may replace it
      else if (ts.isPropertyAssignment(property) && this.propertyNameText(property.name) === e.name.text) value = property.initializer;
      else if (ts.isShorthandPropertyAssignment(property) && property.name.text === e.name.text) value = property.name;
    }
    return value;
  }

  private singleWrite(self: TS.Expression, name: string): TS.Expression | undefined {
    const cls = this.classOfThis(self);
    if (!cls || this.fieldWrites.get(cls)?.get(name) !== 1) return undefined;
    return this.classFields.get(cls)?.get(name);
  }

  /** The class a `this` refers to: the nearest class, unless a non-arrow function intervenes. */
  private classOfThis(self: TS.Node): TS.Node | undefined {
    const ts = this.ts;
    for (let a = self.parent; a; a = a.parent) {
      if (ts.isClassDeclaration(a) || ts.isClassExpression(a)) return a;
      if (ts.isFunctionDeclaration(a) || ts.isFunctionExpression(a)) return undefined;
    }
    return undefined;
  }

  /** Destructuring patterns, iteratively (nesting depth is input-controlled). */
  private declarePattern(pattern: TS.BindingPattern, scope: TS.Node, constant: boolean, from: TS.Expression | undefined, kind: 'variable' | 'parameter'): void {
    const ts = this.ts;
    const stack: { pattern: TS.BindingPattern; path: string[] | undefined }[] = [{ pattern, path: [] }];
    while (stack.length > 0) {
      const { pattern: current, path } = stack.pop()!;
      for (const element of current.elements) {
        if (!ts.isBindingElement(element)) continue;
        let elementPath: string[] | undefined;
        if (ts.isObjectBindingPattern(current) && !element.dotDotDotToken && path) {
          const key = element.propertyName ? this.propertyNameText(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
          elementPath = key === undefined ? undefined : [...path, key];
        }
        if (ts.isIdentifier(element.name)) {
          const fn = element.initializer && this.unwrap(element.initializer);
          this.addBinding(scope, element.name, {
            name: element.name.text,
            kind,
            constant,
            destructFrom: from,
            path: from ? elementPath : undefined,
            fn: fn && this.isFunctionExpressionLike(fn) ? fn : undefined,
          });
        } else {
          stack.push({ pattern: element.name, path: elementPath });
        }
      }
    }
  }

  private resolve(id: TS.Identifier): Binding | undefined {
    const name = id.text;
    // Nodes the compiler synthesises during recovery may be missing from the walk: fall back to the parent chain.
    let scope = this.scopeAbove.has(id) ? this.scopeAbove.get(id) : id.parent;
    while (scope) {
      const binding = this.scopes.get(scope)?.get(name);
      if (binding) return binding;
      scope = this.scopeAbove.has(scope) ? this.scopeAbove.get(scope) : scope.parent;
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Canonical names

  /** The canonical dotted name of an expression, resolved through imports, `require` and aliases. */
  private canon(node: TS.Expression, depth = 0): string | undefined {
    const e = this.unwrap(node, true);
    const memo = this.canonMemo.get(e);
    if (memo === PENDING) return undefined;
    if (memo !== undefined || this.canonMemo.has(e)) return memo;
    if (depth > MAX_DEPTH) return undefined;
    this.canonMemo.set(e, PENDING);
    const result = this.computeCanon(e, depth);
    this.canonMemo.set(e, result);
    return result;
  }

  private member(base: string | undefined, name: string): string | undefined {
    if (base === undefined) return undefined;
    if (base === GLOBAL) return GLOBAL_OBJECTS.has(name) ? GLOBAL : name;
    if (name === 'default') return applyDefault(base);
    return `${base}.${name}`;
  }

  private computeCanon(e: TS.Expression, depth: number): string | undefined {
    const ts = this.ts;
    if (ts.isIdentifier(e)) {
      const binding = this.resolve(e);
      if (!binding) return GLOBAL_OBJECTS.has(e.text) ? GLOBAL : e.text;
      if (binding.kind === 'import') {
        const module = binding.module!;
        if (binding.imported === '*') return module;
        if (binding.imported === 'default') return applyDefault(module);
        return `${module}.${binding.imported}`;
      }
      if (binding.kind !== 'variable') return undefined;
      if (binding.destructFrom) {
        if (!binding.path) return undefined;
        let base = this.canon(binding.destructFrom, depth + 1);
        for (const key of binding.path) base = this.member(base, key);
        return base;
      }
      return binding.init ? this.canon(binding.init, depth + 1) : undefined;
    }
    if (ts.isPropertyAccessExpression(e)) {
      if (e.expression.kind === this.K.ThisKeyword) {
        // `this.http.get(...)` with `private http = axios.create()` (or `this.http = ...` in the constructor).
        const cls = this.classOfThis(e.expression);
        const value = cls && this.classFields.get(cls)?.get(e.name.text);
        return value ? this.canon(value, depth + 1) : undefined;
      }
      return this.member(this.canon(e.expression, depth + 1), e.name.text);
    }
    if (ts.isElementAccessExpression(e)) {
      const key = this.unwrap(e.argumentExpression);
      return this.isStringLike(key) ? this.member(this.canon(e.expression, depth + 1), key.text) : undefined;
    }
    if (ts.isCallExpression(e)) {
      const module = this.requiredModule(e, depth);
      if (module !== undefined) return module;
      // `makeClient().get(…)` with `function makeClient() { return axios.create(…); }` is that client's.
      const returned = this.returnedBy(e);
      if (returned) return this.canon(returned, depth + 1);
      const callee = this.calleeCanon(e.expression, depth + 1);
      return callee === undefined ? undefined : `${callee}()`;
    }
    if (ts.isNewExpression(e)) {
      const callee = this.calleeCanon(e.expression, depth + 1);
      return callee === undefined ? undefined : `${callee}()`;
    }
    if (ts.isConditionalExpression(e)) {
      // `url.startsWith("https") ? https : http`: both branches the same thing, or both Node's HTTP modules.
      const whenTrue = this.canon(e.whenTrue, depth + 1);
      const whenFalse = this.canon(e.whenFalse, depth + 1);
      if (whenTrue === undefined || whenFalse === undefined) return undefined;
      if (whenTrue === whenFalse || (NODE_HTTP.has(whenTrue) && NODE_HTTP.has(whenFalse))) return whenTrue;
      return undefined;
    }
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === this.K.QuestionQuestionToken || e.operatorToken.kind === this.K.BarBarToken)) {
      // `client ?? axios.create()`: a client passed in (a parameter, unknown here) stands in for the fallback's kind.
      const fallback = this.canon(e.right, depth + 1);
      const given = this.canon(e.left, depth + 1);
      return given === undefined || given === fallback ? fallback : undefined;
    }
    return undefined;
  }

  /** `require('x')`, `createRequire(...)('x')`, `import('x')`: the module, else undefined. */
  private requiredModule(call: TS.CallExpression, depth = 0): string | undefined {
    const ts = this.ts;
    const arg = call.arguments.length === 1 ? this.unwrap(call.arguments[0]) : undefined;
    if (!arg || !this.isStringLike(arg)) return undefined;
    if (call.expression.kind === this.K.ImportKeyword) return normalizeModule(arg.text);
    if (!ts.isIdentifier(call.expression) && !ts.isPropertyAccessExpression(call.expression)) return undefined;
    const callee = this.canon(call.expression, depth + 1);
    return callee === 'require' || callee === 'module.require' || callee === 'module.createRequire()' ? normalizeModule(arg.text) : undefined;
  }

  /** The canonical callee: calling a module itself calls its default export (`new OpenAI()` from `require('openai')`). */
  private calleeCanon(expr: TS.Expression, depth = 0): string | undefined {
    const name = this.canon(expr, depth);
    if (name === GLOBAL) return undefined;
    return name !== undefined && ownValue(DEFAULT_EXPORT_CLASS, name) ? applyDefault(name) : name;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Pass 2: environment reads

  private isProcessEnv(e: TS.Expression): boolean {
    return this.canon(e) === 'process.env';
  }

  private findEnvRead(node: TS.Node): void {
    const ts = this.ts;
    if (ts.isPropertyAccessExpression(node) && !this.isWriteTarget(node) && this.isProcessEnv(node.expression)) {
      this.addRead(node, 'process.env.X', node.name.text);
    } else if (ts.isElementAccessExpression(node) && !this.isWriteTarget(node) && this.isProcessEnv(node.expression)) {
      this.addRead(node, 'process.env[]', this.constantString(node.argumentExpression));
    } else if (
      ts.isBindingElement(node) &&
      !node.dotDotDotToken &&
      ts.isObjectBindingPattern(node.parent) &&
      ts.isVariableDeclaration(node.parent.parent) &&
      node.parent.parent.initializer &&
      this.isProcessEnv(node.parent.parent.initializer)
    ) {
      this.addDestructuredRead(node);
    }
  }

  /** A string literal, or an identifier bound to a `const` string literal. */
  private constantString(node: TS.Expression): string | undefined {
    const ts = this.ts;
    const e = this.unwrap(node);
    if (this.isStringLike(e)) return e.text;
    if (ts.isIdentifier(e)) {
      const binding = this.resolve(e);
      if (binding?.kind === 'variable' && binding.constant && binding.init) {
        const init = this.unwrap(binding.init);
        if (this.isStringLike(init)) return init.text;
      }
    }
    return undefined;
  }

  private addRead(read: TS.Expression, form: EnvReadFact['form'], name: string | undefined): void {
    const ts = this.ts;
    const index = this.envReads.length;
    let unsafe: EnvReadFact['unsafe'];
    let hasDefault = false;
    let value: TS.Expression = read;
    this.envByNode.set(read, index);
    for (;;) {
      const p = value.parent;
      if (this.isTransparent(p)) {
        value = p as TS.Expression;
      } else if (ts.isNonNullExpression(p)) {
        unsafe ??= 'non-null-assertion';
        value = p;
      } else if (ts.isBinaryExpression(p) && p.left === value && (p.operatorToken.kind === this.K.QuestionQuestionToken || p.operatorToken.kind === this.K.BarBarToken)) {
        if (this.isEmptyString(p.right)) unsafe = 'empty-default';
        else hasDefault = true;
        this.envDefaultOf.set(p, index);
        value = p;
      } else {
        break;
      }
      this.envByNode.set(value, index);
    }
    let boundTo: string | undefined;
    let linked = false;
    const p = value.parent;
    if (ts.isVariableDeclaration(p) && p.initializer === value && ts.isIdentifier(p.name)) {
      boundTo = p.name.text;
      const binding = this.bindingOf.get(p.name);
      if (binding && binding.envRead === undefined) {
        binding.envRead = index;
        linked = true;
      }
    } else if (ts.isBinaryExpression(p) && p.right === value && p.operatorToken.kind === this.K.EqualsToken && ts.isIdentifier(p.left)) {
      boundTo = p.left.text;
      // `let url; url = process.env.X`: only a variable declared without a value takes the read's identity
      // (`let key = apiKey; if (LOCAL_DEV) key = process.env.K` keeps `key` an identifier).
      const binding = this.resolve(p.left);
      if (binding?.kind === 'variable' && !binding.init && !binding.destructFrom && binding.envRead === undefined) {
        binding.envRead = index;
        linked = true;
      }
    }
    this.readNodes.push(read);
    this.readValueNodes.push(value);
    this.readLinked.push(linked);
    this.envReads.push({ span: this.span(read), form, name, unsafe, hasDefault, boundTo, uses: [], localDevOnly: false });
  }

  private addDestructuredRead(element: TS.BindingElement): void {
    const ts = this.ts;
    const index = this.envReads.length;
    const name = element.propertyName ? this.propertyNameText(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
    let unsafe: EnvReadFact['unsafe'];
    let hasDefault = false;
    if (element.initializer) {
      if (this.isEmptyString(element.initializer)) unsafe = 'empty-default';
      else hasDefault = true;
      this.envDefaultOf.set(element, index);
    }
    let boundTo: string | undefined;
    let linked = false;
    if (ts.isIdentifier(element.name)) {
      boundTo = element.name.text;
      const binding = this.bindingOf.get(element.name);
      if (binding) {
        binding.envRead = index;
        linked = true;
      }
    }
    this.readNodes.push(element);
    this.readValueNodes.push(element);
    this.readLinked.push(linked);
    this.envReads.push({ span: this.span(element), form: 'destructuring', name, unsafe, hasDefault, boundTo, uses: [], localDevOnly: false });
  }

  /**
   * Copies: `const endpoint = url`, with `url` holding a read, holds the read too, so the uses of `endpoint` are the
   * read's uses (checked as such: a presence atom takes any variable holding the same environment variable, so a
   * check of either covers both). A `const` only, as for carried values: a `let` may be reassigned. In declaration
   * order, so a chain of copies resolves.
   */
  private linkCopies(): void {
    const copies: Binding[] = [];
    for (const binding of this.bindingOf.values()) {
      if (binding.kind === 'variable' && binding.constant && binding.init && binding.envRead === undefined && this.ts.isIdentifier(this.unwrap(binding.init))) copies.push(binding);
    }
    copies.sort((a, b) => a.init!.pos - b.init!.pos);
    for (const binding of copies) binding.envRead = this.resolve(this.unwrap(binding.init!) as TS.Identifier)?.envRead;
  }

  /** The env read an expression denotes: the read itself (with `!`, `?? default`), or a variable bound to one. */
  private envReadOf(node: TS.Expression): number | undefined {
    const e = this.unwrap(node);
    const direct = this.envByNode.get(e) ?? this.envByNode.get(node);
    if (direct !== undefined) return direct;
    if (this.ts.isIdentifier(e)) return this.resolve(e)?.envRead;
    if (this.ts.isPropertyAccessExpression(e) && e.expression.kind === this.K.ThisKeyword) {
      // `this.apiKey` with `private apiKey = process.env.OPENAI_API_KEY`.
      const cls = this.classOfThis(e.expression);
      const value = cls && this.classFields.get(cls)?.get(e.name.text);
      return value ? this.envByNode.get(this.unwrap(value)) ?? this.envByNode.get(value) : undefined;
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Pass 3a: uses of environment values, guards, LOCAL_DEV

  private collectUses(): void {
    const ts = this.ts;
    const carriedBy = this.carriedBy();
    const envNames = new Set<string>();
    for (const binding of this.bindingOf.values()) if (binding.envRead !== undefined) envNames.add(binding.name);
    for (const binding of carriedBy.keys()) envNames.add(binding.name);
    for (const node of this.nodes) {
      if (ts.isCallExpression(node)) {
        // `headers: { 'x-api-key': getKey() }`, a function of this file returning a read
        const read = this.helperRead(node);
        if (read !== undefined) (this.envReads[read].carriedUses ??= []).push({ span: this.span(node), through: `${this.unwrap(node.expression).getText(this.sf)}()` });
        continue;
      }
      if (!ts.isIdentifier(node) || !envNames.has(node.text) || !this.isReference(node) || this.isWriteTarget(node)) continue;
      const binding = this.resolve(node);
      for (const index of (binding && carriedBy.get(binding)) ?? []) (this.envReads[index].carriedUses ??= []).push({ span: this.span(node), through: node.text });
      if (binding?.envRead === undefined) continue;
      const read = this.envReads[binding.envRead];
      this.addUse(read, node, node, this.presenceAtom(binding, read.name, read.unsafe === 'empty-default'));
    }
    // Only a file that reads LOCAL_DEV can have LOCAL_DEV branches.
    const localDev = this.envReads.some((read) => read.name === 'LOCAL_DEV') ? this.localDevAtom() : undefined;
    for (let index = 0; index < this.envReads.length; index++) {
      const read = this.envReads[index];
      const node = this.readNodes[index];
      read.localDevOnly = localDev !== undefined && this.holdsAt(node, localDev);
      // Unbound reads are used where they stand; bound ones through their variable's references (above).
      if (!this.readLinked[index] && read.boundTo === undefined && !this.ts.isBindingElement(node)) {
        this.addUse(read, node, this.readValueNodes[index], this.presenceAtom(undefined, read.name, read.unsafe === 'empty-default'));
      }
    }
    for (const read of this.envReads) {
      read.uses.sort((a, b) => a.span.start - b.span.start);
      if (read.carriedUses) read.carriedUses = sortedCarriedUses(read.carriedUses);
    }
  }

  /**
   * `const` variables holding a value built from environment reads: a string, object or array with the read (or a
   * variable holding it, a call of a function of this file returning it, or another such `const`) inside
   * (`const headers = { Authorization: \`Bearer ${apiKey}\` }`). Their uses are the reads' carried uses. In
   * declaration order, so a chain resolves through the earlier ones. Not a `let`: it may be reassigned.
   */
  private carriedBy(): Map<Binding, number[]> {
    const carried = new Map<Binding, number[]>();
    const declared = [...this.bindingOf].filter(([, b]) => b.kind === 'variable' && b.constant && b.init && b.envRead === undefined);
    declared.sort(([a], [b]) => a.pos - b.pos);
    for (const [, binding] of declared) {
      const reads = this.readsCarriedBy(binding.init!, carried);
      if (reads.length) carried.set(binding, reads);
    }
    return carried;
  }

  /** The environment read a call of a function of this file returns (`getKey()`), if it returns one. */
  private helperRead(call: TS.CallExpression): number | undefined {
    if (!this.ts.isIdentifier(this.unwrap(call.expression))) return undefined;
    const held = this.heldValue(call);
    return held === call ? undefined : this.envReadOf(held);
  }

  /** The environment reads an expression holds through string building and literal containers (not other calls). */
  private readsCarriedBy(value: TS.Expression, carried: ReadonlyMap<Binding, number[]>): number[] {
    const ts = this.ts;
    const found = new Set<number>();
    const stack: TS.Node[] = [value];
    while (stack.length) {
      const node = stack.pop()!;
      const e = ts.isExpression(node) ? this.unwrap(node) : node;
      const direct = ts.isExpression(e) ? this.envReadOf(e) : undefined;
      if (direct !== undefined) {
        found.add(direct);
        continue;
      }
      if (ts.isIdentifier(e)) {
        const binding = this.resolve(e);
        for (const index of (binding && carried.get(binding)) ?? []) found.add(index);
      } else if (ts.isTemplateExpression(e)) {
        for (const templateSpan of e.templateSpans) stack.push(templateSpan.expression);
      } else if (ts.isBinaryExpression(e)) {
        const op = e.operatorToken.kind;
        if (op === this.K.PlusToken || op === this.K.BarBarToken || op === this.K.QuestionQuestionToken) stack.push(e.left, e.right);
      } else if (ts.isConditionalExpression(e)) {
        stack.push(e.whenTrue, e.whenFalse);
      } else if (ts.isObjectLiteralExpression(e)) {
        for (const property of e.properties) {
          if (ts.isPropertyAssignment(property)) stack.push(property.initializer);
          else if (ts.isShorthandPropertyAssignment(property)) stack.push(property.name);
          else if (ts.isSpreadAssignment(property)) stack.push(property.expression);
        }
      } else if (ts.isArrayLiteralExpression(e)) {
        stack.push(...e.elements);
      } else if (ts.isSpreadElement(e)) {
        stack.push(e.expression);
      } else if (ts.isCallExpression(e)) {
        const read = this.helperRead(e);
        if (read !== undefined) found.add(read);
      } else if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Headers') {
        // `new Headers({ Authorization: … })`
        stack.push(...(e.arguments ?? []));
      }
    }
    return [...found].sort((a, b) => a - b).slice(0, MAX_CARRIED_READS);
  }

  private addUse(read: EnvReadFact, at: TS.Node, flowFrom: TS.Node, atom: Atom): void {
    const kind = this.classifyUse(flowFrom);
    if (kind === undefined) return;
    read.uses.push({ span: this.span(at), kind, guarded: this.holdsAt(at, atom) });
  }

  /** Identifiers that read a variable (not declarations, property names, labels, types, import/export names). */
  private isReference(id: TS.Identifier): boolean {
    const ts = this.ts;
    const p = id.parent;
    if (!p) return false;
    if (ts.isPropertyAccessExpression(p)) return p.expression === id;
    if (ts.isQualifiedName(p) || ts.isTypeReferenceNode(p) || ts.isTypeQueryNode(p)) return false;
    if (ts.isPropertyAssignment(p)) return p.initializer === id;
    if (ts.isShorthandPropertyAssignment(p)) return true;
    if (ts.isBindingElement(p)) return p.initializer === id;
    if (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isPropertyDeclaration(p)) return p.initializer === id;
    if (ts.isEnumMember(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)) return false;
    if (ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p) || ts.isClassDeclaration(p) || ts.isClassExpression(p)) return p.name !== id;
    if (ts.isInterfaceDeclaration(p) || ts.isTypeAliasDeclaration(p) || ts.isEnumDeclaration(p) || ts.isModuleDeclaration(p)) return false;
    if (ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) return false;
    if (ts.isImportClause(p) || ts.isImportSpecifier(p) || ts.isNamespaceImport(p) || ts.isImportEqualsDeclaration(p)) return false;
    if (ts.isExportSpecifier(p) || ts.isNamespaceExport(p)) return false;
    if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
    if (ts.isJsxAttribute(p) || ts.isMetaProperty(p) || ts.isTypeParameterDeclaration(p)) return false;
    return true;
  }

  /**
   * Where a value flows: through parentheses, defaults, conditionals, string building (template, `+`) and object
   * literal properties, to a call argument. Undefined when the value is only tested (a guard), not used.
   */
  private classifyUse(start: TS.Node): UseKind | undefined {
    const trail: Array<[string, TS.Node]> = [];
    const kind = this.flowOnTheWayUp(start, trail);
    if (trail.length > 0) this.flowMemo.record(trail, kind ?? null);
    return kind;
  }

  /** `classifyUse`'s walk; past DEEP_WALK_STEPS it takes a recorded end, or adds where it goes to `trail`. */
  private flowOnTheWayUp(start: TS.Node, trail: Array<[string, TS.Node]>): UseKind | undefined {
    const ts = this.ts;
    const K = this.K;
    let t = start;
    let building = false;
    let wrapped = false;
    let steps = 0;
    for (;;) {
      const p = t.parent;
      if (!p) break;
      if (++steps > DEEP_WALK_STEPS) {
        const state = `${building} ${wrapped}`;
        const known = this.flowMemo.lookup(state, t);
        if (known !== undefined) return known ?? undefined;
        trail.push([state, t]);
      }
      if (this.isTransparent(p) || ts.isNonNullExpression(p) || ts.isAwaitExpression(p)) {
        t = p;
      } else if (ts.isBinaryExpression(p) && (p.operatorToken.kind === K.QuestionQuestionToken || p.operatorToken.kind === K.BarBarToken)) {
        t = p;
      } else if (ts.isBinaryExpression(p) && p.operatorToken.kind === K.AmpersandAmpersandToken && p.right === t) {
        t = p;
      } else if (ts.isConditionalExpression(p) && p.condition !== t) {
        t = p;
      } else if (ts.isTemplateSpan(p) && p.expression === t) {
        t = p.parent;
        building = true;
      } else if (ts.isBinaryExpression(p) && p.operatorToken.kind === K.PlusToken) {
        t = p;
        building = true;
      } else if ((ts.isPropertyAssignment(p) && p.initializer === t) || ts.isShorthandPropertyAssignment(p)) {
        t = p.parent;
        wrapped = true;
      } else {
        break;
      }
    }
    const p = t.parent;
    if (!building && !wrapped && p && this.isTestPosition(t, p)) return undefined;
    if (p && (ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(t as TS.Expression)) {
      const callee = this.calleeCanon(p.expression);
      if (isHttpCall(callee)) return 'http-call';
      if (ts.isNewExpression(p) && callee === 'URL') return 'url';
      if (building) return 'string-building';
      return ts.isNewExpression(p) ? 'constructor-argument' : 'call-argument';
    }
    return building ? 'string-building' : 'other';
  }

  private isTestPosition(t: TS.Node, p: TS.Node): boolean {
    const ts = this.ts;
    const K = this.K;
    if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === t) return true;
    if (ts.isForStatement(p) && p.condition === t) return true;
    if (ts.isConditionalExpression(p) && p.condition === t) return true;
    if (ts.isPrefixUnaryExpression(p) && p.operator === K.ExclamationToken) return true;
    if (ts.isTypeOfExpression(p)) return true;
    // `Boolean(url)` tests the value, as `!!url` does; it does not hand it on
    if (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'Boolean' && p.arguments.length === 1 && !this.resolve(p.expression)) return true;
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if (op === K.AmpersandAmpersandToken && p.left === t) return true;
      if (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken) return true;
    }
    return false;
  }

  /** Whether the atom holds at `node` on every path: enclosing branches, `&&`/`?:`, and earlier exiting guards. */
  private holdsAt(node: TS.Node, variableAtom: Atom): boolean {
    const trail: Array<[string, TS.Node]> = [];
    const result = this.holdsOnTheWayUp(node, variableAtom, trail);
    if (trail.length > 0) this.holdsMemo.record(trail, result);
    return result;
  }

  /** `holdsAt`'s walk; past DEEP_WALK_STEPS it takes a recorded end, or adds where it goes to `trail`. */
  private holdsOnTheWayUp(node: TS.Node, variableAtom: Atom, trail: Array<[string, TS.Node]>): boolean {
    const ts = this.ts;
    const K = this.K;
    let child: TS.Node = node;
    let atom = variableAtom;
    let steps = 0;
    for (let p: TS.Node | undefined = node.parent; p; child = p, p = p.parent) {
      if (child === atom.scopeNode && atom.outer) atom = atom.outer;
      if (++steps > DEEP_WALK_STEPS) {
        const known = this.holdsMemo.lookup(atom.key, child);
        if (known !== undefined) return known;
        trail.push([atom.key, child]);
      }
      if (ts.isIfStatement(p)) {
        if (child === p.thenStatement && this.implies(p.expression, atom, true)) return true;
        if (child === p.elseStatement && this.implies(p.expression, atom, false)) return true;
      } else if (ts.isConditionalExpression(p)) {
        if (child === p.whenTrue && this.implies(p.condition, atom, true)) return true;
        if (child === p.whenFalse && this.implies(p.condition, atom, false)) return true;
      } else if (ts.isBinaryExpression(p) && p.right === child) {
        if (p.operatorToken.kind === K.AmpersandAmpersandToken && this.implies(p.left, atom, true)) return true;
        if (p.operatorToken.kind === K.BarBarToken && this.implies(p.left, atom, false)) return true;
      } else if (ts.isWhileStatement(p) && child === p.statement) {
        if (this.implies(p.expression, atom, true)) return true;
      } else if (ts.isForStatement(p) && child === p.statement && p.condition) {
        if (this.implies(p.condition, atom, true)) return true;
      } else if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
        if (this.firstEstablishing(p.statements, atom) < child.pos) return true;
      }
    }
    return false;
  }

  /**
   * The position of the first statement of a list after which the atom holds (Infinity when none does), worked out
   * once per list and fact: walking up from a thousand uses below a thousand top-level statements stays linear.
   */
  private firstEstablishing(statements: TS.NodeArray<TS.Statement>, atom: Atom): number {
    let memo = this.firstEstablishingMemo.get(statements);
    if (!memo) this.firstEstablishingMemo.set(statements, (memo = new Map()));
    let first = memo.get(atom.key);
    if (first === undefined) {
      first = Infinity;
      const candidates = this.guardStatements(statements);
      for (const i of this.mentioning(candidates, atom)) {
        if (this.establishes(candidates[i], atom)) {
          first = candidates[i].pos;
          break;
        }
      }
      memo.set(atom.key, first);
    }
    return first;
  }

  /**
   * The positions in a list of candidate guard statements worth trying for the atom, ascending: all of them, or, for
   * a long list and a fact about an environment variable, only those whose test mentions that variable (by name, or
   * through a variable or `const` holding it) and the calls of guard functions. A statement that mentions none of
   * them cannot establish the fact, so a thousand uses of a thousand variables below a thousand checks stay linear.
   */
  private mentioning(candidates: readonly TS.Statement[], atom: Atom): Iterable<number> {
    if (atom.env === undefined || candidates.length < MENTION_INDEX_MIN) return candidates.keys();
    let mentions = this.mentionsMemo.get(candidates);
    if (!mentions) this.mentionsMemo.set(candidates, (mentions = buildMentionIndex(candidates.length, (i) => this.mentionedEnv(candidates[i]))));
    return positionsFor(mentions, atom.env);
  }

  /**
   * The environment variables a candidate guard statement's test mentions; `'any'` for a call of a function of the
   * file (a guard function, which may check any), or a list loop or `const` a guard function's body checks names in.
   */
  private mentionedEnv(statement: TS.Statement): Iterable<string> | 'any' {
    const ts = this.ts;
    const names = new Map<string, number>();
    let root: TS.Node;
    if (ts.isIfStatement(statement)) {
      root = statement.expression;
    } else {
      const found = this.statementCall(statement);
      if (!found) return 'any'; // loops and `const`s in a guard function's body
      const callee = this.unwrap(found.call.expression);
      if (ts.isIdentifier(callee) && this.resolve(callee)?.fn) return 'any';
      // Any other call establishes nothing unless it is an assertion, and then only through its first argument.
      if (!this.isAssertion(found.call) || found.call.arguments.length === 0) return [];
      root = found.call.arguments[0];
    }
    return this.addMentions(root, names, 0) ? names.keys() : 'any';
  }

  /**
   * Adds the environment variables a guard test mentions to `names`, each at the least `implies` depth it is reached
   * at; false when a `const` it goes through cannot be bounded. A `const` is followed only where `implies` follows
   * one: reached through `!`, `&&`, `||` and parentheses alone (`if (!isSet)`, `if (!(ready && isSet))`); anywhere
   * else (`acc + k`, `f(x)`, `x === y`) only the reads and the variables bound to them count. Like `implies`, nothing
   * deeper than MAX_DEPTH counts, so the mentions of a chain of `const`s each built from the one before stay bounded.
   */
  private addMentions(root: TS.Node, names: Map<string, number>, rootDepth: number): boolean {
    const ts = this.ts;
    const K = this.K;
    const add = (name: string | undefined, depth: number): void => {
      if (name !== undefined && depth <= MAX_DEPTH && !(names.get(name)! <= depth)) names.set(name, depth);
    };
    // `followed`: reached from the root through `implies`'s own steps only; `depth`: how many it took.
    const stack: Array<{ node: TS.Node; followed: boolean; depth: number }> = [{ node: root, followed: true, depth: rootDepth }];
    while (stack.length > 0) {
      const { node: n, followed, depth } = stack.pop()!;
      if (depth > MAX_DEPTH) continue;
      const read = this.envByNode.get(n);
      if (read !== undefined && this.readNodes[read] === n) add(this.envReads[read].name, depth);
      if (ts.isIdentifier(n)) {
        const binding = this.resolve(n);
        if (binding?.envRead !== undefined) {
          add(this.envReads[binding.envRead].name, depth);
        } else if (followed && binding?.kind === 'variable' && binding.constant && binding.init) {
          // `const isSet = Boolean(process.env.X); if (!isSet) …`: the test goes through the value, one step deeper
          const inner = this.constMentions(binding);
          if (inner === 'any') return false;
          for (const [name, innerDepth] of inner) add(name, depth + 1 + innerDepth);
        }
      }
      const step =
        followed && ((ts.isPrefixUnaryExpression(n) && n.operator === K.ExclamationToken) || (ts.isBinaryExpression(n) && (n.operatorToken.kind === K.AmpersandAmpersandToken || n.operatorToken.kind === K.BarBarToken)));
      const wrapper = followed && (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isSatisfiesExpression(n) || ts.isTypeAssertionExpression(n));
      ts.forEachChild(n, (c) => {
        stack.push({ node: c, followed: step || wrapper, depth: step ? depth + 1 : depth });
      });
    }
    return true;
  }

  /** The environment variables a `const`'s value mentions for `addMentions`, by depth below the value, kept per binding. */
  private constMentions(binding: Binding): Map<string, number> | 'any' {
    const kept = this.initMentions.get(binding);
    if (kept === PENDING) return 'any'; // a value that mentions itself: no bound worth having
    if (kept !== undefined) return kept;
    this.initMentions.set(binding, PENDING);
    const names = new Map<string, number>();
    const result = this.addMentions(binding.init!, names, 0) ? names : 'any';
    this.initMentions.set(binding, result);
    return result;
  }

  /** The statements of a list that `establishes` can accept (ifs, and calls that may be assertions or guards), cached per list. */
  private guardStatements(statements: TS.NodeArray<TS.Statement>): readonly TS.Statement[] {
    let candidates = this.guardStatementsMemo.get(statements);
    if (!candidates) {
      const ts = this.ts;
      candidates = statements.filter((s) => ts.isIfStatement(s) || this.statementCall(s) !== undefined);
      this.guardStatementsMemo.set(statements, candidates);
    }
    return candidates;
  }

  /**
   * A statement after which the atom holds: `if (!x) return/throw/...`, `if (!x) x = ...`, `assert(x)`, or a call of a
   * guard function of this file (`validateEnv()`). In a guard function's body (`throwing`), only a throw or
   * `process.exit` counts as leaving: a `return` there returns to the caller, who goes on.
   */
  private establishes(statement: TS.Statement, atom: Atom, guardDepth = 0, throwing = false): boolean {
    const ts = this.ts;
    if (ts.isIfStatement(statement)) {
      if (this.exits(statement.thenStatement, throwing) && this.implies(statement.expression, atom, false)) return true;
      if (statement.elseStatement && this.exits(statement.elseStatement, throwing) && this.implies(statement.expression, atom, true)) return true;
      if (!statement.elseStatement && atom.isSubject && this.implies(statement.expression, atom, false)) {
        // `if (!x) x = fallback;`: afterwards x is set on both paths.
        const then = statement.thenStatement;
        const body = ts.isBlock(then) && then.statements.length === 1 ? then.statements[0] : then;
        if (
          ts.isExpressionStatement(body) &&
          ts.isBinaryExpression(body.expression) &&
          body.expression.operatorToken.kind === this.K.EqualsToken &&
          atom.isSubject(body.expression.left) &&
          !this.isEmptyString(body.expression.right)
        ) {
          return true;
        }
      }
      return false;
    }
    const found = this.statementCall(statement);
    if (found) {
      const { call, awaited } = found;
      const assertion = this.isAssertion(call);
      if (assertion && call.arguments.length > 0 && this.implies(call.arguments[0], atom, true)) return true;
      if (!assertion && guardDepth < MAX_GUARD_CALLS) return this.guardCallEstablishes(call, awaited, atom, guardDepth);
    }
    return false;
  }

  /** `assert(x)`, `assert.ok(x)`, `invariant(x)` and the like: a call that throws unless its first argument holds. */
  private isAssertion(call: TS.CallExpression): boolean {
    const callee = this.calleeCanon(call.expression);
    return callee === 'assert' || callee === 'assert.ok' || callee === 'assert.strict' || callee === 'invariant' || !!callee?.endsWith('.assert') || !!callee?.endsWith('.invariant');
  }

  /** The call a statement makes, alone or awaited: `f(…);` or `await f(…);`. */
  private statementCall(statement: TS.Statement): { call: TS.CallExpression; awaited: boolean } | undefined {
    const ts = this.ts;
    if (!ts.isExpressionStatement(statement)) return undefined;
    const e = statement.expression;
    if (ts.isCallExpression(e)) return { call: e, awaited: false };
    if (ts.isAwaitExpression(e) && ts.isCallExpression(e.expression)) return { call: e.expression, awaited: true };
    return undefined;
  }

  // ---- Guard functions ------------------------------------------------------------------------------------------

  /**
   * `validateEnv();` where the function of this file throws (or exits) unless the fact holds: one of its top-level
   * statements establishes it (`if (!process.env.X) throw …`), or it checks a list of environment variable names that
   * includes the atom's (`for (const name of REQUIRED) if (!process.env[name]) throw …`; the missing ones collected,
   * with `.filter` or `.push`, then `if (missing.length > 0) throw …`; or `REQUIRED.forEach(…)`). A function that may
   * return first, a generator, or an `async` one called without `await` is no guard.
   */
  private guardCallEstablishes(call: TS.CallExpression, awaited: boolean, atom: Atom, guardDepth: number): boolean {
    const ts = this.ts;
    const callee = this.unwrap(call.expression);
    const binding = ts.isIdentifier(callee) ? this.resolve(callee) : undefined;
    const fn = binding && (binding.kind === 'function' || (binding.kind === 'variable' && binding.constant)) ? binding.fn : undefined;
    if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn))) return false;
    if (!fn.body || !ts.isBlock(fn.body) || (!ts.isArrowFunction(fn) && fn.asteriskToken)) return false;
    const isAsync = fn.modifiers?.some((m) => m.kind === this.K.AsyncKeyword) ?? false;
    if (isAsync && !awaited) return false; // the rejection comes later; the caller goes on now
    // A function outside the variable's scope cannot name it: what it can establish is its environment variable's.
    const scope = atom.scopeNode;
    const fact = atom.outer && scope && !(fn.pos >= scope.pos && fn.end <= scope.end) ? atom.outer : atom;
    let verdicts = this.guardVerdicts.get(fn);
    if (!verdicts) this.guardVerdicts.set(fn, (verdicts = new Map()));
    const kept = verdicts.get(fact.key);
    if (kept !== undefined) return kept;
    verdicts.set(fact.key, false); // a function that calls itself proves nothing
    const verdict = this.functionEstablishes(fn.body.statements, fact, guardDepth + 1);
    verdicts.set(fact.key, verdict);
    return verdict;
  }

  private functionEstablishes(statements: TS.NodeArray<TS.Statement>, atom: Atom, guardDepth: number): boolean {
    const candidates = this.guardBody(statements);
    for (const k of this.mentioning(candidates, atom)) {
      const statement = candidates[k];
      if (this.establishes(statement, atom, guardDepth, true)) return true;
      if (atom.env !== undefined && this.checkedNames(statements, statement, atom.emptyMatters === true)?.has(atom.env)) return true;
    }
    return false;
  }

  /**
   * The statements of a guard function that may establish a fact (ifs, calls, loops, `const`s), up to and
   * including the first one that may return (a return there may skip what follows); worked out once per function,
   * not once per fact.
   */
  private guardBody(statements: TS.NodeArray<TS.Statement>): readonly TS.Statement[] {
    let candidates = this.guardBodyMemo.get(statements);
    if (!candidates) {
      const ts = this.ts;
      candidates = [];
      for (const s of statements) {
        if (ts.isIfStatement(s) || ts.isForOfStatement(s) || ts.isVariableStatement(s) || this.statementCall(s)) candidates.push(s);
        if (this.mayLeave(s, false)) break;
      }
      this.guardBodyMemo.set(statements, candidates);
    }
    return candidates;
  }

  /**
   * The environment variable names that a statement of a function body (with the ones after it) makes sure are
   * set when the function goes on past them: a loop over a list of names (`for … of`, `.forEach`) that throws on a
   * missing one or pushes it to a list, or a `.filter` of the missing ones; a list must then be followed by a throw
   * when it is not empty.
   */
  private checkedNames(statements: TS.NodeArray<TS.Statement>, statement: TS.Statement, emptyMatters: boolean): Set<string> | undefined {
    const ts = this.ts;
    let loop: { variable: Binding; names: Set<string>; body: readonly TS.Statement[]; inLoop: boolean } | undefined;
    if (ts.isForOfStatement(statement) && !statement.awaitModifier && ts.isVariableDeclarationList(statement.initializer)) {
      const [declaration, ...more] = statement.initializer.declarations;
      const variable = declaration && more.length === 0 && ts.isIdentifier(declaration.name) ? this.bindingOf.get(declaration.name) : undefined;
      const names = variable ? this.constantNames(statement.expression) : undefined;
      const body = statement.statement;
      if (variable && names) loop = { variable, names, body: ts.isBlock(body) ? body.statements : [body], inLoop: true };
    } else {
      const found = this.statementCall(statement);
      const each = found && !found.awaited ? this.listCallback(found.call, 'forEach') : undefined;
      if (each && ts.isBlock(each.callback.body)) loop = { variable: each.variable, names: each.names, body: each.callback.body.statements, inLoop: false };
    }
    if (loop) {
      const present = this.dynamicEnvAtom(loop.variable, emptyMatters);
      for (const inner of loop.body) {
        if (this.establishes(inner, present, MAX_GUARD_CALLS, true)) return loop.names;
        if (ts.isIfStatement(inner) && !inner.elseStatement && this.implies(inner.expression, present, false)) {
          const collection = this.pushedTo(inner.thenStatement, loop.variable);
          if (collection && this.throwsWhenNotEmpty(statements, statement, collection)) return loop.names;
        }
        // `continue`, `break` or (in a callback) `return` may skip the check
        if (this.mayLeave(inner, loop.inLoop)) return undefined;
      }
      return undefined;
    }
    // `const missing = REQUIRED.filter((name) => !process.env[name]);`
    if (!ts.isVariableStatement(statement)) return undefined;
    const [declaration, ...more] = statement.declarationList.declarations;
    if (!declaration || more.length > 0 || !ts.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
    const initializer = this.unwrap(declaration.initializer);
    const filter = ts.isCallExpression(initializer) ? this.listCallback(initializer, 'filter') : undefined;
    const collection = this.bindingOf.get(declaration.name);
    if (!filter || !collection) return undefined;
    const body = filter.callback.body;
    const result = ts.isBlock(body) ? (body.statements.length === 1 && ts.isReturnStatement(body.statements[0]) ? body.statements[0].expression : undefined) : body;
    if (!result || !this.implies(result, this.dynamicEnvAtom(filter.variable, emptyMatters), false)) return undefined;
    return this.throwsWhenNotEmpty(statements, statement, collection) ? filter.names : undefined;
  }

  /** `NAMES.<method>((name) => …)` over a constant list of names: the callback, its first parameter, the names. */
  private listCallback(call: TS.CallExpression, method: string): { callback: TS.ArrowFunction | TS.FunctionExpression; variable: Binding; names: Set<string> } | undefined {
    const ts = this.ts;
    const callee = this.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== method || call.arguments.length !== 1) return undefined;
    const callback = this.unwrap(call.arguments[0]);
    if (!this.isFunctionExpressionLike(callback) || callback.asteriskToken) return undefined;
    const parameter = callback.parameters[0];
    const variable = parameter && ts.isIdentifier(parameter.name) ? this.bindingOf.get(parameter.name) : undefined;
    const names = variable ? this.constantNames(callee.expression) : undefined;
    return variable && names ? { callback, variable, names } : undefined;
  }

  /** `process.env[name]` (or a `const` holding it without a default) being set, for the loop variable `name`. */
  private dynamicEnvAtom(variable: Binding, emptyMatters: boolean): Atom {
    const ts = this.ts;
    const isSubject = (node: TS.Expression): boolean => {
      const e = this.unwrap(node);
      const index = ts.isIdentifier(e) ? this.resolve(e)?.envRead : this.envByNode.get(e);
      if (index === undefined || this.envReads[index].hasDefault) return false;
      const read = this.readNodes[index];
      if (!ts.isIdentifier(e) && read !== e) return false; // a defaulted `process.env[name] ?? 'd'`
      const key = ts.isElementAccessExpression(read) ? this.unwrap(read.argumentExpression) : undefined;
      return key !== undefined && ts.isIdentifier(key) && this.resolve(key) === variable;
    };
    return { key: '', isSubject, test: this.presenceTest(isSubject, emptyMatters) };
  }

  /** The names a constant list holds: an array of string literals, `Object.keys({…})`, spreads of such, via `const`s. */
  private constantNames(node: TS.Expression, hops = 0): Set<string> | undefined {
    const ts = this.ts;
    const e = this.unwrap(node);
    if (hops > MAX_HOPS) return undefined;
    if (ts.isIdentifier(e)) {
      const binding = this.resolve(e);
      return binding?.kind === 'variable' && binding.constant && binding.init ? this.constantNames(binding.init, hops + 1) : undefined;
    }
    if (ts.isCallExpression(e) && e.arguments.length === 1 && this.canon(e.expression) === 'Object.keys') {
      let object = this.unwrap(e.arguments[0]);
      if (ts.isIdentifier(object)) {
        const binding = this.resolve(object);
        object = binding?.kind === 'variable' && binding.constant && binding.init ? this.unwrap(binding.init) : object;
      }
      if (!ts.isObjectLiteralExpression(object)) return undefined;
      const names = new Set<string>();
      for (const property of object.properties) {
        const name = (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) ? this.propertyNameText(property.name) : undefined;
        if (name === undefined) return undefined;
        names.add(name);
      }
      return names;
    }
    if (!ts.isArrayLiteralExpression(e)) return undefined;
    const names = new Set<string>();
    for (const element of e.elements) {
      if (ts.isSpreadElement(element)) {
        const spread = this.constantNames(element.expression, hops + 1);
        if (!spread) return undefined;
        for (const name of spread) names.add(name);
        continue;
      }
      const item = this.unwrap(element);
      if (!this.isStringLike(item)) return undefined;
      names.add(item.text);
    }
    return names;
  }

  /** The list a branch pushes the loop variable to, as a statement of its own (`missing.push(name)`). */
  private pushedTo(branch: TS.Statement, variable: Binding): Binding | undefined {
    const ts = this.ts;
    for (const statement of ts.isBlock(branch) ? branch.statements : [branch]) {
      const found = this.statementCall(statement);
      const callee = found && !found.awaited ? this.unwrap(found.call.expression) : undefined;
      if (callee && ts.isPropertyAccessExpression(callee) && callee.name.text === 'push' && found!.call.arguments.length === 1) {
        const list = this.unwrap(callee.expression);
        const argument = this.unwrap(found!.call.arguments[0]);
        if (ts.isIdentifier(list) && ts.isIdentifier(argument) && this.resolve(argument) === variable) return this.resolve(list);
      }
      if (this.mayLeave(statement, true)) return undefined;
    }
    return undefined;
  }

  /** A later top-level `if (missing.length > 0) throw …` (or `.length`, `!== 0`), with no return nor reassignment in between. */
  private throwsWhenNotEmpty(statements: TS.NodeArray<TS.Statement>, after: TS.Statement, collection: Binding): boolean {
    const ts = this.ts;
    const K = this.K;
    const isLength = (node: TS.Expression): boolean => {
      const e = this.unwrap(node);
      if (!ts.isPropertyAccessExpression(e) || e.name.text !== 'length') return false;
      const list = this.unwrap(e.expression);
      return ts.isIdentifier(list) && this.resolve(list) === collection;
    };
    const isZero = (node: TS.Expression): boolean => {
      const e = this.unwrap(node);
      return ts.isNumericLiteral(e) && e.text === '0';
    };
    const notEmpty = (node: TS.Expression): boolean => {
      const e = this.unwrap(node);
      if (isLength(e)) return true;
      if (!ts.isBinaryExpression(e)) return false;
      const op = e.operatorToken.kind;
      if (op === K.GreaterThanToken || op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken) {
        if (isLength(e.left) && isZero(e.right)) return true;
      }
      return (op === K.LessThanToken || op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken) && isZero(e.left) && isLength(e.right);
    };
    for (let j = statements.indexOf(after) + 1; j < statements.length; j++) {
      const statement = statements[j];
      if (ts.isIfStatement(statement) && notEmpty(statement.expression) && this.exits(statement.thenStatement, true)) return true;
      if (this.mayLeave(statement, false) || this.assigns(statement, collection)) return false;
    }
    return false;
  }

  /**
   * A `return` anywhere in the statement, nested functions and classes aside; with `inLoop` (the statement is in a
   * loop's body), also a `break` or `continue` of that loop (a labelled one always counts).
   */
  private mayLeave(statement: TS.Statement, inLoop: boolean): boolean {
    const ts = this.ts;
    // Iterative (nesting depth is the input's); each entry says whether an unlabelled `break` / `continue` there leaves.
    const stack: [TS.Node, boolean, boolean][] = [[statement, inLoop, inLoop]];
    while (stack.length > 0) {
      const [n, breakLeaves, continueLeaves] = stack.pop()!;
      if (ts.isReturnStatement(n)) return true;
      if (ts.isBreakStatement(n) && (n.label !== undefined || breakLeaves)) return true;
      if (ts.isContinueStatement(n) && (n.label !== undefined || continueLeaves)) return true;
      if (ts.isFunctionLike(n) || ts.isClassLike(n)) continue;
      // a nested loop has its own `break` and `continue`; a `switch`, its own `break`
      const loop = ts.isIterationStatement(n, false);
      const owned = loop || ts.isSwitchStatement(n);
      ts.forEachChild(n, (c) => {
        stack.push([c, breakLeaves && !owned, continueLeaves && !loop]);
      });
    }
    return false;
  }

  /** Whether a statement gives the binding a new value (`missing = []`, `missing ||= …`), nested functions aside. */
  private assigns(statement: TS.Statement, binding: Binding): boolean {
    const ts = this.ts;
    const stack: TS.Node[] = [statement];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (ts.isFunctionLike(n) || ts.isClassLike(n)) continue;
      if (ts.isIdentifier(n) && this.isWriteTarget(n) && this.resolve(n) === binding) return true;
      ts.forEachChild(n, (c) => {
        stack.push(c);
      });
    }
    return false;
  }

  /**
   * Whether a statement always leaves the enclosing statement list; with `throwing`, only by a throw or
   * `process.exit` (inside a guard function, where a `return` goes back to the caller).
   */
  private exits(statement: TS.Statement, throwing = false): boolean {
    const ts = this.ts;
    const leaves = (s: TS.Statement): boolean => ts.isThrowStatement(s) || (!throwing && (ts.isReturnStatement(s) || ts.isBreakStatement(s) || ts.isContinueStatement(s)));
    const stack: TS.Statement[] = [statement];
    // Iterative over nested blocks / if-else: a block exits when one of its statements exits.
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (leaves(s)) return true;
      if (ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && this.calleeCanon(s.expression.expression) === 'process.exit') return true;
      if (ts.isBlock(s)) {
        for (const inner of s.statements) {
          if (leaves(inner)) return true;
          if (ts.isBlock(inner) || ts.isExpressionStatement(inner) || (ts.isIfStatement(inner) && inner.elseStatement)) stack.push(inner);
        }
      } else if (ts.isIfStatement(s) && s.elseStatement) {
        if (this.exitsShallow(s.thenStatement, leaves) && this.exitsShallow(s.elseStatement, leaves)) return true;
      }
    }
    return false;
  }

  private exitsShallow(statement: TS.Statement, leaves: (s: TS.Statement) => boolean): boolean {
    if (this.ts.isBlock(statement)) return statement.statements.some(leaves);
    return leaves(statement);
  }

  /** Whether `cond` having the value `polarity` implies the atom. */
  private implies(cond: TS.Expression, atom: Atom, polarity: boolean, depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    const ts = this.ts;
    const K = this.K;
    const e = this.unwrap(cond);
    if (ts.isPrefixUnaryExpression(e) && e.operator === K.ExclamationToken) return this.implies(e.operand, atom, !polarity, depth + 1);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === K.AmpersandAmpersandToken) {
        return polarity
          ? this.implies(e.left, atom, true, depth + 1) || this.implies(e.right, atom, true, depth + 1)
          : this.implies(e.left, atom, false, depth + 1) && this.implies(e.right, atom, false, depth + 1);
      }
      if (op === K.BarBarToken) {
        return polarity
          ? this.implies(e.left, atom, true, depth + 1) && this.implies(e.right, atom, true, depth + 1)
          : this.implies(e.left, atom, false, depth + 1) || this.implies(e.right, atom, false, depth + 1);
      }
    }
    if (atom.test(e, polarity)) return true;
    // `const isLocal = process.env.LOCAL_DEV === '1'; if (isLocal) ...`
    if (ts.isIdentifier(e)) {
      const binding = this.resolve(e);
      if (binding?.kind === 'variable' && binding.constant && binding.init && binding.envRead === undefined) {
        return this.implies(binding.init, atom, polarity, depth + 1);
      }
    }
    return false;
  }

  private isNullish(node: TS.Expression): boolean {
    const ts = this.ts;
    const e = this.unwrap(node);
    if (e.kind === this.K.NullKeyword) return true;
    if (ts.isIdentifier(e) && e.text === 'undefined' && !this.resolve(e)) return true;
    if (ts.isVoidExpression(e)) return true;
    return false;
  }

  /** An equality test between `subject` (as matched) and something else: [operator, other side]. */
  private comparison(e: TS.Expression, matches: (side: TS.Expression) => boolean): { negated: boolean; other: TS.Expression } | undefined {
    const ts = this.ts;
    const K = this.K;
    if (!ts.isBinaryExpression(e)) return undefined;
    const op = e.operatorToken.kind;
    const equal = op === K.EqualsEqualsEqualsToken || op === K.EqualsEqualsToken;
    const notEqual = op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken;
    if (!equal && !notEqual) return undefined;
    if (matches(e.left)) return { negated: notEqual, other: e.right };
    if (matches(e.right)) return { negated: notEqual, other: e.left };
    return undefined;
  }

  /**
   * Presence of a variable bound to an env read, or of the env var itself (by name). With `emptyMatters` (a value
   * that defaults to `""`), only the tests an empty string fails count: `=== undefined`, `== null` and `typeof`
   * say nothing about it.
   */
  private presenceAtom(binding: Binding | undefined, envName: string | undefined, emptyMatters: boolean): Atom {
    const ts = this.ts;
    const isSubject = (node: TS.Expression): boolean => {
      const e = this.unwrap(node);
      if (ts.isIdentifier(e)) {
        const resolved = this.resolve(e);
        if (!resolved) return false;
        if (binding && resolved === binding) return true;
        return envName !== undefined && resolved.envRead !== undefined && this.envReads[resolved.envRead].name === envName;
      }
      // The bare read (`process.env.X`), not a defaulted `process.env.X ?? 'd'`.
      const read = this.envByNode.get(e);
      return read !== undefined && this.readNodes[read] === e && envName !== undefined && this.envReads[read].name === envName;
    };
    let bindingId = binding ? this.bindingIds.get(binding) : undefined;
    if (binding && bindingId === undefined) this.bindingIds.set(binding, (bindingId = this.bindingIds.size));
    return {
      isSubject,
      key: `${bindingId ?? ''} ${emptyMatters} ${envName ?? ''}`,
      outer: binding?.scope ? this.presenceAtom(undefined, envName, emptyMatters) : undefined,
      scopeNode: binding?.scope,
      env: envName,
      emptyMatters,
      test: this.presenceTest(isSubject, emptyMatters),
    };
  }

  /** Whether `e` having the value `polarity` says the subject is set: `x`, `Boolean(x)`, `x !== undefined`, `typeof x`… */
  private presenceTest(isSubject: (e: TS.Expression) => boolean, emptyMatters: boolean): Atom['test'] {
    const ts = this.ts;
    return (e, polarity) => {
      if (isSubject(e)) return polarity;
      if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Boolean' && e.arguments.length === 1 && isSubject(e.arguments[0])) return polarity;
      const listed = this.listTest(e, isSubject);
      if (listed) {
        // `[url, region].every(Boolean)` true: each is truthy; `.some((v) => !v)` false: none is falsy
        if (listed.method === 'every' && this.isTruthinessCallback(listed.argument, false)) return polarity;
        if (listed.method === 'some' && this.isTruthinessCallback(listed.argument, true)) return !polarity;
        // `[url, region].includes(undefined)` false: none is undefined (an empty string may still be there)
        const absent = emptyMatters ? this.isEmptyString(listed.argument) : this.isUndefined(listed.argument);
        if (listed.method === 'includes' && absent) return !polarity;
        return false;
      }
      // `url?.startsWith("https://")`, `url.length`: truthy only when `url` is not nullish (a length, not empty)
      const member = ts.isCallExpression(e) ? this.unwrap(e.expression) : e;
      if (ts.isPropertyAccessExpression(member) && isSubject(member.expression)) {
        return polarity && (!emptyMatters || (member === e && member.name.text === 'length'));
      }
      const typeOf = this.comparison(e, (side) => {
        const u = this.unwrap(side);
        return ts.isTypeOfExpression(u) && isSubject(u.expression);
      });
      if (typeOf) {
        if (emptyMatters) return false;
        const other = this.unwrap(typeOf.other);
        if (!this.isStringLike(other)) return false;
        const saysDefined = other.text === 'undefined' ? typeOf.negated : !typeOf.negated;
        return saysDefined === polarity;
      }
      const cmp = this.comparison(e, isSubject);
      if (!cmp) return false;
      const other = this.unwrap(cmp.other);
      if (this.isEmptyString(other) || (this.isNullish(other) && !emptyMatters)) return cmp.negated === polarity;
      // `x === 'https://...'` (a non-empty literal): equal means present.
      if ((this.isStringLike(other) && other.text !== '') || ts.isNumericLiteral(other)) return !cmp.negated && polarity;
      return false;
    };
  }

  /** `[a, b].every(f)`, `.some(f)`, `.includes(v)` on an array literal listing a subject: the method and its argument. */
  private listTest(e: TS.Expression, isSubject: (e: TS.Expression) => boolean): { method: string; argument: TS.Expression } | undefined {
    const ts = this.ts;
    if (!ts.isCallExpression(e) || e.arguments.length !== 1) return undefined;
    const callee = this.unwrap(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const list = this.unwrap(callee.expression);
    if (!ts.isArrayLiteralExpression(list) || !list.elements.some((element) => isSubject(element))) return undefined;
    return { method: callee.name.text, argument: this.unwrap(e.arguments[0]) };
  }

  /** `Boolean`, `(v) => v`, `(v) => !!v`, `(v) => Boolean(v)`; with `negated`, `(v) => !v`. */
  private isTruthinessCallback(callback: TS.Expression, negated: boolean): boolean {
    const ts = this.ts;
    if (!negated && ts.isIdentifier(callback) && callback.text === 'Boolean' && !this.resolve(callback)) return true;
    if (!ts.isArrowFunction(callback) || callback.parameters.length !== 1 || !ts.isExpression(callback.body)) return false;
    const parameter = callback.parameters[0].name;
    if (!ts.isIdentifier(parameter)) return false;
    const isParameter = (node: TS.Expression): boolean => {
      const u = this.unwrap(node);
      return ts.isIdentifier(u) && u.text === parameter.text;
    };
    let body = this.unwrap(callback.body);
    let truth = true;
    while (ts.isPrefixUnaryExpression(body) && body.operator === this.K.ExclamationToken) {
      body = this.unwrap(body.operand);
      truth = !truth;
    }
    if (ts.isCallExpression(body) && ts.isIdentifier(body.expression) && body.expression.text === 'Boolean' && body.arguments.length === 1) body = body.arguments[0];
    return isParameter(body) && truth !== negated;
  }

  private isUndefined(node: TS.Expression): boolean {
    const e = this.unwrap(node);
    return (this.ts.isIdentifier(e) && e.text === 'undefined' && !this.resolve(e)) || this.ts.isVoidExpression(e);
  }

  private localDevAtom(): Atom {
    const ts = this.ts;
    const isLocalDev = (node: TS.Expression): boolean => {
      const read = this.envReadOf(node);
      return read !== undefined && this.envReads[read].name === 'LOCAL_DEV';
    };
    return {
      key: 'LOCAL_DEV',
      test: (e, polarity) => {
        if (isLocalDev(e)) return polarity;
        const cmp = this.comparison(e, isLocalDev);
        if (!cmp) return false;
        const other = this.unwrap(cmp.other);
        const truthy = (this.isStringLike(other) && (other.text === '1' || other.text === 'true')) || (ts.isNumericLiteral(other) && other.text === '1');
        return truthy && cmp.negated !== polarity;
      },
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Pass 3b: strings

  private stringFact(node: TS.Node): StringFact | undefined {
    const ts = this.ts;
    let value: string;
    let interpolated = false;
    if (this.isStringLike(node)) {
      value = node.text;
    } else if (ts.isTemplateExpression(node)) {
      value = this.templateText(node);
      interpolated = true;
    } else {
      return undefined;
    }
    return { span: this.span(node), value, interpolated, context: this.stringContext(node as TS.Expression) };
  }

  private stringContext(s: TS.Expression): StringContext {
    const ts = this.ts;
    const K = this.K;
    const parent = s.parent;
    // Inert positions: names, keys, module specifiers, types.
    if (
      ts.isImportDeclaration(parent) ||
      ts.isExportDeclaration(parent) ||
      ts.isExternalModuleReference(parent) ||
      ts.isModuleDeclaration(parent) ||
      ts.isLiteralTypeNode(parent) ||
      ts.isImportAttribute(parent) ||
      ts.isComputedPropertyName(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isExportSpecifier(parent) ||
      (ts.isElementAccessExpression(parent) && parent.argumentExpression === s) ||
      (ts.isExpressionStatement(parent) && this.isPrologue(parent))
    ) {
      return { kind: 'inert' };
    }
    const named = parent as { name?: TS.Node; propertyName?: TS.Node };
    if (named.name === s || named.propertyName === s) return { kind: 'inert' };
    if (ts.isCallExpression(parent) && this.requiredModule(parent) !== undefined) return { kind: 'inert' };

    let v: TS.Node = s;
    for (;;) {
      const p = v.parent;
      if (this.isTransparent(p) || ts.isNonNullExpression(p) || ts.isJsxExpression(p)) {
        v = p;
      } else if (ts.isConditionalExpression(p) && p.condition !== v) {
        v = p;
      } else if (ts.isBinaryExpression(p) && p.right === v && (p.operatorToken.kind === K.QuestionQuestionToken || p.operatorToken.kind === K.BarBarToken)) {
        const read = this.envDefaultOf.get(p) ?? this.envReadOf(p.left);
        if (read !== undefined) return { kind: 'env-default', envName: this.envReads[read].name };
        v = p;
      } else {
        break;
      }
    }
    const p = v.parent;
    if (ts.isVariableDeclaration(p) && p.initializer === v) {
      return ts.isIdentifier(p.name) ? { kind: 'assignment', name: p.name.text } : { kind: 'other' };
    }
    if (ts.isBinaryExpression(p) && p.right === v && this.isAssignmentOperator(p.operatorToken.kind)) {
      const name = this.assignedName(p.left);
      return name === undefined ? { kind: 'other' } : { kind: 'assignment', name };
    }
    if (ts.isPropertyAssignment(p) && p.initializer === v) {
      const name = this.propertyNameText(p.name);
      return { kind: 'property', name: name ?? p.name.getText(this.sf) };
    }
    if (ts.isJsxAttribute(p)) {
      return { kind: 'property', name: this.propertyNameText(p.name) ?? p.name.getText(this.sf) };
    }
    if (ts.isBindingElement(p) && p.initializer === v) {
      const read = this.envDefaultOf.get(p);
      if (read !== undefined) return { kind: 'env-default', envName: this.envReads[read].name };
      return ts.isIdentifier(p.name) ? { kind: 'assignment', name: p.name.text } : { kind: 'other' };
    }
    if ((ts.isPropertyDeclaration(p) || ts.isParameter(p) || ts.isEnumMember(p)) && p.initializer === v) {
      const name = this.propertyNameText(p.name);
      return name === undefined ? { kind: 'other' } : { kind: 'assignment', name };
    }
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments) {
      const index = p.arguments.indexOf(v as TS.Expression);
      if (index >= 0) return { kind: 'argument', callee: this.calleeCanon(p.expression) ?? p.expression.getText(this.sf), index };
    }
    return { kind: 'other' };
  }

  private isPrologue(statement: TS.ExpressionStatement): boolean {
    const ts = this.ts;
    const container = statement.parent;
    if (!ts.isSourceFile(container) && !(ts.isBlock(container) && ts.isFunctionLike(container.parent))) return false;
    for (const s of container.statements) {
      if (s === statement) return true;
      if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) return false;
    }
    return false;
  }

  private assignedName(target: TS.Expression): string | undefined {
    const ts = this.ts;
    const e = this.unwrap(target);
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isPropertyAccessExpression(e)) return e.name.text;
    if (ts.isElementAccessExpression(e)) {
      const key = this.unwrap(e.argumentExpression);
      return this.isStringLike(key) ? key.text : undefined;
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Pass 3c: calls

  private collectWrappers(): void {
    const ts = this.ts;
    const add = (target: TS.Node, name: string): void => {
      const list = this.wrappers.get(target);
      if (!list) this.wrappers.set(target, [name]);
      else if (!list.includes(name)) list.push(name);
    };
    for (const node of this.nodes) {
      if (ts.isCallExpression(node)) {
        // `withApiKey({...})(fn)`: the wrapper is the curried function's callee.
        const wrapper = ts.isCallExpression(node.expression) ? this.calleeCanon(node.expression.expression) : this.calleeCanon(node.expression);
        if (wrapper === undefined) continue;
        for (const arg of node.arguments) {
          const e = this.unwrap(arg);
          if (this.isFunctionExpressionLike(e)) add(e, wrapper);
          else if (ts.isIdentifier(e)) {
            const fn = this.resolve(e)?.fn;
            if (fn) add(fn, wrapper);
          }
        }
      } else if (ts.isDecorator(node)) {
        const e = this.unwrap(node.expression);
        const name = ts.isCallExpression(e) ? this.calleeCanon(e.expression) : this.calleeCanon(e);
        if (name !== undefined) add(node.parent, name);
      }
    }
  }

  /** Top-down (parents before children), so deep nesting costs linear time. */
  private computeStatementsAndWrappers(): void {
    for (const node of this.nodes) {
      const parent = node.parent;
      if (this.isStatementPosition(node)) this.statementAt.set(node, node);
      else if (parent && this.statementAt.has(parent)) this.statementAt.set(node, this.statementAt.get(parent)!);
      const above = (parent && this.wrappersAt.get(parent)) ?? NO_DECORATORS;
      const own = this.wrappers.get(node);
      this.wrappersAt.set(node, own ? [...own, ...above.filter((name) => !own.includes(name))] : above);
    }
  }

  private callFact(call: TS.CallExpression | TS.NewExpression): CallFact {
    const ts = this.ts;
    const args = call.arguments ?? ([] as readonly TS.Expression[]);
    const callee = call.expression.kind === this.K.ImportKeyword ? 'import' : this.calleeCanon(call.expression);
    return {
      span: this.span(call),
      calleeText: call.expression.getText(this.sf),
      calleeSpan: this.span(call.expression),
      callee,
      isNew: ts.isNewExpression(call),
      args: args.map((arg) => this.valueFact(arg)),
      named: this.namedArguments(args),
      enclosingDecorators: this.wrappersAt.get(call) ?? NO_DECORATORS,
      statementSpan: this.span(this.statementAt.get(call) ?? call),
      ...(ts.isCallExpression(call) && this.forwardsRequest(call, callee) ? { forwardsRequest: true as const } : {}),
    };
  }

  /** See `CallFact.forwardsRequest`. */
  private forwardsRequest(call: TS.CallExpression, callee: string | undefined): boolean {
    const ts = this.ts;
    const [url, init] = call.arguments;
    if (!url || !init || !FETCH_FUNCTIONS.test(callee ?? '')) return false;
    let fn: TS.Node | undefined = call.parent;
    while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
    if (!fn || !ts.isFunctionLike(fn)) return false;
    // A function this file calls by name is a helper (`get(url, init)`), whose request is the rule's to judge; a
    // fetch implementation is handed on (returned, passed as a transport's `fetch`), not called here.
    const name = ts.isFunctionDeclaration(fn) ? fn.name : fn.parent && ts.isVariableDeclaration(fn.parent) ? fn.parent.name : undefined;
    const own = name && ts.isIdentifier(name) ? this.bindingOf.get(name) : undefined;
    if (own && this.calledByName().has(own)) return false;
    const [input, options] = fn.parameters;
    if (!input || !options || !ts.isIdentifier(input.name) || !ts.isIdentifier(options.name)) return false;
    const inputBinding = this.bindingOf.get(input.name);
    const optionsBinding = this.bindingOf.get(options.name);
    const isParameter = (e: TS.Expression, binding: Binding | undefined): boolean => {
      const u = this.unwrap(e);
      return ts.isIdentifier(u) && binding !== undefined && this.resolve(u) === binding;
    };
    const passed = this.unwrap(init);
    const forwardsOptions =
      isParameter(passed, optionsBinding) ||
      (ts.isObjectLiteralExpression(passed) && passed.properties.some((p) => ts.isSpreadAssignment(p) && isParameter(p.expression, optionsBinding)));
    return forwardsOptions && this.mentions(url, inputBinding);
  }

  private calledByNameMemo: Set<Binding> | undefined;

  /** The bindings of the functions this file calls by name (`helper(...)`). */
  private calledByName(): Set<Binding> {
    if (this.calledByNameMemo) return this.calledByNameMemo;
    const ts = this.ts;
    const called = new Set<Binding>();
    for (const node of this.nodes) {
      if (!ts.isCallExpression(node)) continue;
      const callee = this.unwrap(node.expression);
      const binding = ts.isIdentifier(callee) ? this.resolve(callee) : undefined;
      if (binding) called.add(binding);
    }
    return (this.calledByNameMemo = called);
  }

  /** Whether `e`, or the initialiser of a `const` it names (a few levels deep), reads the binding. */
  private mentions(e: TS.Expression, binding: Binding | undefined): boolean {
    const ts = this.ts;
    if (!binding) return false;
    const stack: Array<{ node: TS.Node; depth: number }> = [{ node: e, depth: 0 }];
    let visited = 0; // bounded: an argument can be any expression
    while (stack.length > 0 && visited++ < 500) {
      const { node, depth } = stack.pop()!;
      if (ts.isIdentifier(node)) {
        const found = this.resolve(node);
        if (found === binding) return true;
        if (found?.kind === 'variable' && found.constant && found.init && depth < 3) stack.push({ node: found.init, depth: depth + 1 });
        continue;
      }
      if (ts.isFunctionLike(node)) continue;
      ts.forEachChild(node, (c) => {
        stack.push({ node: c, depth });
      });
    }
    return false;
  }

  private valueFact(arg: TS.Expression): ValueFact {
    const ts = this.ts;
    const span = this.span(arg);
    if (ts.isSpreadElement(arg)) return { kind: 'other', span };
    const e = this.unwrap(arg);
    if (this.isStringLike(e)) return { kind: 'string', value: e.text, span: this.span(e) };
    const read = this.envReadOf(arg);
    if (read !== undefined) return { kind: 'env', envRead: read, span };
    if (ts.isTemplateExpression(e)) return this.templateFact(e, span, false);
    const held = this.heldValue(e);
    if (held !== e) {
      if (this.isStringLike(held)) return { kind: 'string', value: held.text, span };
      const heldRead = this.envReadOf(held);
      if (heldRead !== undefined) return { kind: 'env', envRead: heldRead, span };
      if (ts.isTemplateExpression(held)) return this.templateFact(held, span, true);
    }
    const part = this.urlObjectPart(held);
    if (part?.envRead !== undefined) return { kind: 'env', envRead: part.envRead, span };
    if (part?.text !== undefined) return { kind: 'string', value: part.text, span };
    const base = this.urlBaseRead(held);
    if (base !== undefined) return { kind: 'env', envRead: base, span };
    // Named by the last name it was followed to (`this.url = config.GATEWAY_URL`), or by its own.
    const named = ts.isIdentifier(held) || ts.isPropertyAccessExpression(held) ? held : e;
    if (ts.isIdentifier(named)) return { kind: 'identifier', name: named.text, span };
    if (ts.isPropertyAccessExpression(named) && ts.isIdentifier(named.name)) return { kind: 'member', name: named.name.text, span };
    return { kind: 'other', span };
  }

  /**
   * A template literal argument (`held`: the template a name or helper holds). The environment read a helper function
   * returns when the template starts with its call (`${getGatewayUrl()}/mcp`: a URL built on it goes where that value
   * does; a name holding a read is followed through the read's uses instead), else its text when it starts with a
   * constant (`prefixedTemplate`), else unknown.
   */
  private templateFact(t: TS.TemplateExpression, span: Span, held: boolean): ValueFact {
    const leading = t.head.text === '' ? this.unwrap(t.templateSpans[0].expression, true) : undefined;
    const leadingRead = leading && this.ts.isCallExpression(leading) ? this.envReadOf(this.heldValue(leading)) : undefined;
    if (leadingRead !== undefined) return { kind: 'env', envRead: leadingRead, span };
    const value = this.prefixedTemplate(t);
    if (value !== undefined) return { kind: 'string', value, span: held ? span : this.span(t) };
    // Unknown: a held template's string fact is then found by the template's own span.
    return { kind: 'other', span: held ? this.span(t) : span };
  }

  /**
   * A template literal that starts with a constant (`${API_BASE}/agents`, with `const API_BASE =
   * \`https://bedrock-agentcore.${region}.amazonaws.com\``): its text with the constant's in front, each other
   * interpolation as `{}` (as string facts write them). Undefined when it does not start with one.
   */
  private prefixedTemplate(t: TS.TemplateExpression, depth = 0): string | undefined {
    if (t.head.text !== '' || depth > 3) return undefined;
    const held = this.heldValue(this.unwrap(t.templateSpans[0].expression));
    let prefix: string | undefined;
    if (this.isStringLike(held)) prefix = held.text;
    else if (this.ts.isTemplateExpression(held)) prefix = this.prefixedTemplate(held, depth + 1) ?? this.templateText(held);
    else prefix = this.urlObjectPart(held)?.text; // `${url.origin}/health`
    // The template's text starts with the `{}` the prefix replaces.
    return prefix === undefined ? undefined : prefix + this.templateText(t).slice(2);
  }

  /**
   * `url.hostname` (or `host`, `origin`, `href`) of a `const url = new URL(input)`: that part of the input's text
   * when it is known (`new URL(PROXY_URL)`), or the environment read the input is (the part of a gateway URL
   * still names the gateway). Undefined otherwise (a relative or unknown input, any other property).
   */
  private urlObjectPart(e: TS.Expression): { text?: string; envRead?: number } | undefined {
    const ts = this.ts;
    if (!ts.isPropertyAccessExpression(e) || !URL_PARTS.has(e.name.text)) return undefined;
    const object = this.heldValue(this.unwrap(e.expression));
    if (!ts.isNewExpression(object) || !ts.isIdentifier(object.expression) || object.expression.text !== 'URL') return undefined;
    const argument = object.arguments?.[0];
    if (!argument) return undefined;
    const input = this.heldValue(this.unwrap(argument));
    const envRead = this.envReadOf(argument) ?? this.envReadOf(input);
    if (envRead !== undefined) return { envRead };
    let text: string | undefined;
    if (this.isStringLike(input)) text = input.text;
    else if (ts.isTemplateExpression(input)) text = this.prefixedTemplate(input) ?? this.templateText(input);
    const part = text === undefined ? undefined : urlPart(text, e.name.text as UrlPart);
    return part === undefined ? undefined : { text: part };
  }

  /**
   * The environment read a URL is built on, through what keeps its host: `url + "/mcp"`, `new URL(url)`,
   * `new URL("/mcp", url)` (a relative first part), `url.replace(/\/$/, "")`, `.trim()`, `.toString()`, `.href`, and
   * consts holding such a value. A URL built on a gateway's URL goes to the gateway. `e` is what valueFact followed
   * its argument to, neither a read nor holding one.
   */
  private urlBaseRead(e: TS.Expression): number | undefined {
    const ts = this.ts;
    let held = this.unwrap(e);
    for (let step = 0; step < 8; step++) {
      let next: TS.Expression | undefined;
      if (ts.isBinaryExpression(held) && held.operatorToken.kind === this.K.PlusToken) {
        next = held.left;
      } else if (ts.isNewExpression(held) && ts.isIdentifier(held.expression) && held.expression.text === 'URL' && held.arguments?.length) {
        const [input, base] = held.arguments;
        next = !base ? input : this.isRelativeUrl(input) ? base : undefined;
      } else if (ts.isCallExpression(held) && ts.isPropertyAccessExpression(held.expression) && URL_KEEPING_METHODS.has(held.expression.name.text)) {
        next = held.expression.expression;
      } else if (ts.isPropertyAccessExpression(held) && held.name.text === 'href') {
        next = held.expression;
      }
      if (!next) return undefined;
      held = this.heldValue(this.unwrap(next));
      const read = this.envReadOf(held);
      if (read !== undefined) return read;
    }
    return undefined;
  }

  /** A string literal holding a relative URL (`'/mcp'`): resolved against a base, it keeps the base's host. */
  private isRelativeUrl(node: TS.Expression): boolean {
    const e = this.unwrap(node);
    return this.isStringLike(e) && !e.text.includes('://') && !e.text.startsWith('//');
  }

  private templateText(t: TS.TemplateExpression): string {
    return t.head.text + t.templateSpans.map((span) => `{}${span.literal.text}`).join('');
  }

  /**
   * What a `const` or a single-write class field (`this.url`, `this.config.url`) holds, followed a few steps; the
   * expression itself when it holds nothing known.
   */
  private heldValue(e: TS.Expression): TS.Expression {
    const ts = this.ts;
    let current = e;
    for (let step = 0; step < 4; step++) {
      let next: TS.Expression | undefined;
      if (ts.isIdentifier(current)) {
        const binding = this.resolve(current);
        if (binding?.kind === 'variable' && binding.constant && binding.init) next = binding.init;
      } else if (ts.isPropertyAccessExpression(current)) {
        next = this.fieldValue(current);
      } else if (ts.isCallExpression(current)) {
        next = this.returnedBy(current); // `getGatewayUrl()`
      }
      if (!next) return current;
      if (this.envReadOf(next) !== undefined) return next;
      current = this.unwrap(next);
    }
    return current;
  }

  /** Properties of the first object-literal argument that has any (directly, or through a `const` bound to one). */
  private namedArguments(args: readonly TS.Expression[]): Readonly<Record<string, ValueFact>> {
    const ts = this.ts;
    for (const arg of args) {
      let e = this.unwrap(arg);
      if (ts.isIdentifier(e)) {
        const binding = this.resolve(e);
        if (binding?.kind === 'variable' && binding.constant && binding.init) e = this.unwrap(binding.init);
      }
      if (!ts.isObjectLiteralExpression(e) || e.properties.length === 0) continue;
      const named: Record<string, ValueFact> = Object.create(null); // a `__proto__:` property is a key like any other
      for (const property of e.properties) {
        if (ts.isPropertyAssignment(property)) {
          const name = this.propertyNameText(property.name);
          if (name !== undefined) named[name] = this.valueFact(property.initializer);
        } else if (ts.isShorthandPropertyAssignment(property)) {
          named[property.name.text] = this.valueFact(property.name);
        }
      }
      return named;
    }
    return NO_NAMED_ARGUMENTS;
  }

  /** A statement in a statement list (or an if/loop body, or a class member). */
  private isStatementPosition(node: TS.Node): boolean {
    const ts = this.ts;
    const p = node.parent;
    if (!p) return false;
    if (ts.isSourceFile(p)) return node.kind !== this.K.EndOfFileToken;
    if (ts.isBlock(p) || ts.isModuleBlock(p)) return true;
    if (ts.isCaseClause(p)) return p.expression !== node;
    if (ts.isDefaultClause(p)) return true;
    if (ts.isIfStatement(p)) return p.thenStatement === node || p.elseStatement === node;
    if (ts.isIterationStatement(p, false) || ts.isLabeledStatement(p) || ts.isWithStatement(p)) return (p as { statement?: TS.Node }).statement === node;
    if (ts.isClassDeclaration(p) || ts.isClassExpression(p)) return ts.isClassElement(node);
    return false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Directives and parse problems

  /** `// agentcore-lint: direct-call <reason>` on its own line(s) directly above the statement. */
  private directivesBefore(statement: TS.Node, out: DirectiveFact[], seen: Set<number>): void {
    const comments = this.ts.getLeadingCommentRanges(this.text, statement.pos);
    if (!comments) return;
    const start = statement.getStart(this.sf);
    let nextLine = this.lineOf(start);
    // From the statement upwards: only the contiguous block of comments directly above it counts.
    for (let i = comments.length - 1; i >= 0; i--) {
      const comment = comments[i];
      const endLine = this.lineOf(comment.end);
      if (endLine < nextLine - 1) break;
      nextLine = this.lineOf(comment.pos);
      const lineStart = this.lineStarts[nextLine];
      if (this.text.slice(lineStart, comment.pos).trim() !== '') break;
      const match = DIRECTIVE.exec(this.text.slice(comment.pos, comment.end).trim());
      if (!match || seen.has(comment.pos)) continue;
      seen.add(comment.pos);
      out.push({ span: { start: comment.pos, end: comment.end }, reason: match[1].replace(/^[\s:—-]+/, '').trim(), covers: { start, end: statement.end } });
    }
  }

  private parseProblems(): ParseProblem[] {
    const diagnostics = (this.sf as unknown as { parseDiagnostics?: readonly TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    return diagnostics.map((d) => ({
      span: { start: d.start, end: d.start + d.length },
      message: this.ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
  }
}
