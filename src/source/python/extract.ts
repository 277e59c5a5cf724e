/**
 * Python facts from a copied tree-sitter tree (see ./tree.ts). Three passes, all iterative over the tree:
 *   1. scopes and bindings (assignments, imports, parameters, `with … as`, walrus, `self.x = …` per class);
 *   2. environment reads (they need callee resolution, which needs the bindings);
 *   3. calls, strings, directives, parse problems; then the uses of each environment read with a simple
 *      flow-sensitive guard analysis (see `guardedAt`).
 * Helpers that follow an expression downwards (`resolve`, attribute chains) loop instead of recursing; the few
 * recursive helpers (truthiness implications) stop at a fixed depth, so a 10,000-deep expression cannot overflow.
 */
import type {
  CallFact,
  DirectiveFact,
  EnvReadFact,
  EnvUse,
  ParseProblem,
  SourceFacts,
  Span,
  StringContext,
  StringFact,
  ValueFact,
} from '../facts.js';
import { NO_DECORATORS, MAX_CARRIED_READS, NO_NAMED_ARGUMENTS, sortedCarriedUses } from '../facts.js';
import type { PyNode } from './tree.js';
import { decodeContent, parsePrefix } from './strings.js';
import { isHttpCall, isIdentityWrapper } from '../vocabulary.js';
import { buildMentionIndex, MENTION_INDEX_MIN, positionsFor, type MentionIndex } from '../mention-index.js';
import { DEEP_WALK_STEPS, WalkMemo } from '../walk-memo.js';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

/** Re-exports that we fold into one canonical module. */
const MODULE_ALIASES: [string, string][] = [['bedrock_agentcore.identity.auth.', 'bedrock_agentcore.identity.']];

const URL_BUILDERS = new Set(['urllib.parse.urljoin', 'httpx.URL', 'yarl.URL', 'urllib.parse.urlparse', 'urllib.parse.urlsplit']);
/** Factories that take an endpoint and return a client although their names are lower case. */
const CLIENT_FACTORIES = /(^|\.)(streamablehttp_client|aws_iam_streamablehttp_client|sse_client|websocket_client|client|resource|connect)$/;
const ENV_GET = new Map<string, 'os.getenv' | 'os.environ.get'>([
  ['os.getenv', 'os.getenv'],
  ['os.environ.get', 'os.environ.get'],
]);
const EXIT_CALLS = new Set(['sys.exit', 'exit', 'quit', 'os._exit', 'os.abort']);
/** Exception classes whose handler catches the KeyError of `os.environ["X"]` (by the last part of the name). */
const KEY_ERROR_CATCHERS = new Set(['KeyError', 'LookupError', 'Exception', 'BaseException']);
const IMPORT_CALLS = new Set(['__import__', 'importlib.import_module', 'importlib.__import__']);
/** String methods that keep a URL's host (`url.rstrip("/")`). */
const URL_KEEPING_METHODS = new Set(['rstrip', 'strip', 'removesuffix']);
/** Literal collections a presence test can list names in (`all([a, b])`, `None in (a, b)`). */
const LITERAL_COLLECTIONS = new Set(['list', 'tuple', 'set']);

/** Recursion limit for the small recursive helpers (conditions, exits). */
const MAX_DEPTH = 64;
/** A file that is not Python at all should not produce thousands of problems. */
const MAX_PARSE_PROBLEMS = 100;
/** Longest canonical name we build. */
const MAX_CANONICAL = 512;
/** How many variable-to-value hops `resolve` follows (`a = b; b = c; …`). */
const MAX_HOPS = 8;

// ---------------------------------------------------------------------------------------------------------------
// Tree helpers

function child(node: PyNode, field: string): PyNode | undefined {
  for (const c of node.children) if (c.field === field) return c;
  return undefined;
}

function childrenOf(node: PyNode, field: string): PyNode[] {
  return node.children.filter((c) => c.field === field);
}

/**
 * A node's position among its parent's children. The parent's children are indexed on first use (once per
 * parent), so walking up from every use in a module of thousands of statements stays linear.
 */
const childIndexes = new WeakMap<PyNode, number>();
const indexedParents = new WeakSet<PyNode>();
function indexInParent(node: PyNode, parent: PyNode): number {
  if (!indexedParents.has(parent)) {
    parent.children.forEach((c, i) => childIndexes.set(c, i));
    indexedParents.add(parent);
  }
  return childIndexes.get(node) ?? -1;
}

/**
 * The statements of a block that can establish a fact, by index among its children (cached per block): if and assert
 * statements, and calls of a plain name (`validate_env()`, `await check()`), which may be guard functions.
 */
const conditionStatements = new WeakMap<PyNode, number[]>();
function conditionIndexes(block: PyNode): number[] {
  let indexes = conditionStatements.get(block);
  if (!indexes) {
    indexes = [];
    block.children.forEach((s, i) => {
      if (s.type === 'if_statement' || s.type === 'assert_statement' || plainCallOf(s)) indexes!.push(i);
    });
    conditionStatements.set(block, indexes);
  }
  return indexes;
}

/** The call an expression statement makes of a plain name (`f()`, `await f()`), with whether it is awaited. */
function plainCallOf(statement: PyNode): { call: PyNode; awaited: boolean } | undefined {
  if (statement.type !== 'expression_statement') return undefined;
  let e = kids(statement)[0];
  const awaited = e?.type === 'await';
  if (awaited) e = kids(e)[0];
  if (!e || e.type !== 'call' || e.children[0]?.type !== 'identifier' || e.children[0].field !== 'function') return undefined;
  return { call: e, awaited };
}

/** The first index of an ascending list whose value is at least `value` (the length when there is none). */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Named children, without comments. */
function kids(node: PyNode): PyNode[] {
  return node.children.filter((c) => c.named && c.type !== 'comment');
}

function unparen(node: PyNode): PyNode {
  let n = node;
  while (n.type === 'parenthesized_expression') {
    const inner = kids(n);
    if (inner.length !== 1) break;
    n = inner[0];
  }
  return n;
}

/** The parent, skipping parentheses; `from` becomes the outermost parenthesised expression. */
function upParen(node: PyNode): { node: PyNode; parent: PyNode | null } {
  let n = node;
  while (n.parent && n.parent.type === 'parenthesized_expression') n = n.parent;
  return { node: n, parent: n.parent };
}

function contains(outer: PyNode, inner: PyNode): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function span(node: PyNode): Span {
  return { start: node.start, end: node.end };
}

function operatorText(node: PyNode, text: string): string {
  const op = child(node, 'operator') ?? child(node, 'operators');
  return op ? text.slice(op.start, op.end).replace(/\s+/g, ' ') : '';
}

const STATEMENT_PARENTS = new Set(['module', 'block']);

function isStatement(node: PyNode): boolean {
  return node.parent !== null && STATEMENT_PARENTS.has(node.parent.type) && node.named && node.type !== 'comment';
}

// ---------------------------------------------------------------------------------------------------------------
// Scopes and bindings

type ScopeKind = 'module' | 'function' | 'class' | 'lambda';

interface Scope {
  kind: ScopeKind;
  node: PyNode;
  parent: Scope | null;
  bindings: Map<string, Binding[]>;
  globals: Set<string>;
  /** Methods: the first parameter's name and the class scope, for `self.x` attributes. */
  selfName?: string;
  classScope?: Scope;
  /** Class scopes: `self.<name> = …` bindings from its methods. */
  attrs?: Map<string, Binding[]>;
}

type BindingKind = 'value' | 'import' | 'param' | 'def' | 'unknown';

interface Binding {
  name: string;
  kind: BindingKind;
  scope: Scope;
  target: PyNode;
  /** Offset from which the binding is in effect (the end of the assignment, the `with` item …). */
  effective: number;
  /** The block (or module) holding the binding statement: a use outside it sees the binding only conditionally. */
  block: PyNode;
  value?: PyNode;
  importPath?: string;
  /** Index into envReads when the value is an environment read. */
  envRead?: number;
}

function normaliseModule(path: string): string {
  for (const [from, to] of MODULE_ALIASES) if (path.startsWith(from)) return to + path.slice(from.length);
  return path;
}

function enclosingBlock(node: PyNode): PyNode {
  let n: PyNode | null = node.parent;
  while (n && !STATEMENT_PARENTS.has(n.type)) n = n.parent;
  return n ?? node;
}

// ---------------------------------------------------------------------------------------------------------------

interface Subject {
  /** 'pos': this node being truthy proves the fact; 'neg': this node being falsy proves it. */
  atom(node: PyNode): 'pos' | 'neg' | undefined;
  /** An assignment to the subject inside a branch (`if not url: url = DEFAULT`) also establishes the fact. */
  assignedIn?(block: PyNode): boolean;
  /**
   * Names the fact (two subjects with one key are the same fact), so that which statements of a block establish it is
   * worked out once per block, not once per use.
   */
  key?: string;
  /**
   * A name every statement that can establish the fact mentions (the variable's, or the environment variable's),
   * guard-function calls aside: long blocks are searched through an index of the names their statements mention.
   */
  mentions?: string;
  /**
   * What the fact is about, when a guard function can establish it (`validate_env()` raising unless it holds): a
   * variable's name, with the scope that binds it, or an environment variable's name.
   */
  about?: { variable: string; scope: Scope } | { env: string; emptyMatters: boolean };
  /**
   * The same fact said of the environment variable the subject was read from: a statement before the subject's
   * binding can establish that (`check_env()` or `if not os.getenv("X"): sys.exit(1)`, then `x = os.getenv("X")`).
   */
  env?: Subject;
}

/**
 * The facts of one Python file. Each pass is its own inner function (collectInventories, collectEnvReads ...):
 * as one 1,300-line body, V8's optimizing compiler spent over a second on it in the background of a 2,000-file
 * run, competing with the lint for the second core, and the process waited for that compile before it could exit.
 */
export function extractPythonFacts(root: PyNode, text: string): SourceFacts {
  const strings: StringFact[] = [];
  const calls: CallFact[] = [];
  const envReads: EnvReadFact[] = [];
  const directives: DirectiveFact[] = [];
  const parseProblems: ParseProblem[] = [];

  const scopeOf = new Map<PyNode, Scope>();
  const targets = new Set<PyNode>();
  /** `x += …` targets: both a use and (for our purposes) not a new binding. */
  const augmented = new Set<PyNode>();
  const allBindings: Binding[] = [];
  const envIndex = new Map<PyNode, number>();
  const canonMemo = new Map<PyNode, string | undefined>();
  const statements: PyNode[] = [];
  const comments: PyNode[] = [];
  const errors: PyNode[] = [];
  const identifiers: PyNode[] = [];
  const callNodes: { node: PyNode; statement: PyNode; fn: PyNode | null }[] = [];
  /** Each function definition's `return <value>` statements (its own, not its nested functions'), and generators. */
  const returnsOf = new Map<PyNode, PyNode[]>();
  const generators = new Set<PyNode>();
  /** Each function definition's own scope (its parameters and locals). */
  const functionScopes = new Map<PyNode, Scope>();
  const subscriptNodes: PyNode[] = [];
  const stringNodes: PyNode[] = [];

  const moduleScope: Scope = { kind: 'module', node: root, parent: null, bindings: new Map(), globals: new Set() };
  const src = (n: PyNode): string => text.slice(n.start, n.end);

  function addBinding(scope: Scope, name: string, kind: BindingKind, target: PyNode, effective: number, extra: Partial<Binding> = {}): Binding {
    let bindingScope = scope;
    if (scope.globals.has(name)) bindingScope = moduleScope;
    const binding: Binding = { name, kind, scope: bindingScope, target, effective, block: enclosingBlock(target), ...extra };
    let list = bindingScope.bindings.get(name);
    if (!list) bindingScope.bindings.set(name, (list = []));
    list.push(binding);
    allBindings.push(binding);
    targets.add(target);
    return binding;
  }

  /** Binds every name in an assignment target; `value` only when the target is a single name. */
  function bindTargets(scope: Scope, target: PyNode, value: PyNode | undefined, effective: number): void {
    const stack: { node: PyNode; value: PyNode | undefined }[] = [{ node: target, value }];
    while (stack.length) {
      const { node, value: v } = stack.pop()!;
      const n = unparen(node);
      switch (n.type) {
        case 'identifier':
          addBinding(scope, src(n), v ? 'value' : 'unknown', n, effective, v ? { value: v } : {});
          break;
        case 'pattern_list':
        case 'tuple_pattern':
        case 'list_pattern':
        case 'tuple':
        case 'list':
        case 'expression_list': {
          const parts = kids(n);
          const values = v && ['expression_list', 'tuple', 'list'].includes(unparen(v).type) ? kids(unparen(v)) : undefined;
          const paired = values && values.length === parts.length;
          parts.forEach((p, i) => stack.push({ node: p, value: paired ? values[i] : undefined }));
          break;
        }
        case 'list_splat_pattern':
        case 'list_splat':
          for (const k of kids(n)) stack.push({ node: k, value: undefined });
          break;
        case 'attribute': {
          const object = child(n, 'object');
          const attribute = child(n, 'attribute');
          const method = methodScope(scope);
          if (object && attribute && object.type === 'identifier' && method && src(object) === method.selfName && method.classScope) {
            const classScope = method.classScope;
            const name = src(attribute);
            const binding: Binding = {
              name,
              kind: v ? 'value' : 'unknown',
              scope: method,
              target: n,
              effective,
              block: enclosingBlock(n),
              ...(v ? { value: v } : {}),
            };
            let list = classScope.attrs!.get(name);
            if (!list) classScope.attrs!.set(name, (list = []));
            list.push(binding);
            allBindings.push(binding);
          }
          break;
        }
        default:
          break;
      }
    }
  }

  function methodScope(scope: Scope): Scope | undefined {
    let s: Scope | null = scope;
    while (s && s.kind === 'lambda') s = s.parent;
    return s && s.kind === 'function' && s.selfName ? s : undefined;
  }

  function bindParameters(fn: Scope, parameters: PyNode | undefined, outer: Scope, push: (n: PyNode, s: Scope) => void): void {
    if (!parameters) return;
    let first = true;
    for (const p of parameters.children) {
      if (!p.named || p.type === 'comment') {
        push(p, outer); // punctuation (and MISSING tokens), comments
        continue;
      }
      let nameNode: PyNode | undefined;
      switch (p.type) {
        case 'identifier':
          nameNode = p;
          break;
        case 'typed_parameter':
          nameNode = kids(p).find((k) => k.type === 'identifier' && k.field !== 'type');
          for (const t of childrenOf(p, 'type')) push(t, outer);
          break;
        case 'default_parameter':
        case 'typed_default_parameter':
          nameNode = child(p, 'name');
          for (const k of kids(p)) if (k !== nameNode) push(k, outer);
          break;
        case 'list_splat_pattern':
        case 'dictionary_splat_pattern':
          nameNode = kids(p).find((k) => k.type === 'identifier');
          break;
        default:
          push(p, outer);
          break;
      }
      if (nameNode && nameNode.type === 'identifier') {
        const name = src(nameNode);
        if (first && p.type !== 'list_splat_pattern' && p.type !== 'dictionary_splat_pattern' && fn.kind === 'function' && fn.parent?.kind === 'class') {
          fn.selfName = name;
          fn.classScope = fn.parent;
        }
        addBinding(fn, name, 'param', nameNode, nameNode.end);
      }
      first = false;
    }
  }

  // ---- Pass 1: scopes, bindings, and inventories -----------------------------------------------------------------
  collectInventories();
  function collectInventories(): void {
    // parallel stacks: node, its scope, its statement, its innermost enclosing function definition
    const nodes: PyNode[] = [root];
    const scopes: Scope[] = [moduleScope];
    const stmts: PyNode[] = [root];
    const fns: (PyNode | null)[] = [null];
    let statement: PyNode = root;
    let fnNode: PyNode | null = null;
    const push = (node: PyNode, scope: Scope): void => {
      nodes.push(node);
      scopes.push(scope);
      stmts.push(statement);
      fns.push(node.field === 'body' && node.parent?.type === 'function_definition' ? node.parent : fnNode);
    };
    while (nodes.length) {
      const node = nodes.pop()!;
      const scope = scopes.pop()!;
      statement = stmts.pop()!;
      fnNode = fns.pop()!;
      if (node.missing) errors.push(node);
      if (isStatement(node)) {
        statement = node;
        statements.push(node);
      }
      let handled = false;
      switch (node.type) {
        case 'ERROR':
          errors.push(node);
          break;
        case 'comment':
          comments.push(node);
          break;
        case 'identifier':
          scopeOf.set(node, scope);
          identifiers.push(node);
          break;
        case 'call':
          callNodes.push({ node, statement, fn: fnNode });
          break;
        case 'subscript':
          subscriptNodes.push(node);
          break;
        case 'return_statement': {
          const value = kids(node)[0];
          if (fnNode && value) {
            const list = returnsOf.get(fnNode);
            if (list) list.push(value);
            else returnsOf.set(fnNode, [value]);
          }
          break;
        }
        case 'yield':
          if (fnNode) generators.add(fnNode);
          break;
        case 'string':
          if (node.parent?.type !== 'concatenated_string') stringNodes.push(node);
          break;
        case 'concatenated_string':
          stringNodes.push(node);
          break;
        case 'function_definition':
        case 'lambda': {
          const fn: Scope = {
            kind: node.type === 'lambda' ? 'lambda' : 'function',
            node,
            parent: scope,
            bindings: new Map(),
            globals: new Set(),
          };
          const name = child(node, 'name');
          if (name) addBinding(scope, src(name), 'def', name, node.start);
          functionScopes.set(node, fn);
          bindParameters(fn, child(node, 'parameters'), scope, push);
          for (const c of node.children) {
            if (c === name || c.field === 'parameters') continue;
            push(c, c.field === 'body' ? fn : scope);
          }
          handled = true;
          break;
        }
        case 'class_definition': {
          const cls: Scope = { kind: 'class', node, parent: scope, bindings: new Map(), globals: new Set(), attrs: new Map() };
          const name = child(node, 'name');
          if (name) addBinding(scope, src(name), 'def', name, node.start);
          for (const c of node.children) if (c !== name) push(c, c.field === 'body' ? cls : scope);
          handled = true;
          break;
        }
        case 'assignment': {
          const left = child(node, 'left');
          let right = child(node, 'right');
          while (right && right.type === 'assignment') right = child(right, 'right');
          if (left && right) bindTargets(scope, left, right, node.end);
          break;
        }
        case 'augmented_assignment': {
          const left = child(node, 'left');
          if (left && left.type === 'identifier') augmented.add(left);
          // `self.url += path` is a write of unknown value to the attribute.
          if (left && left.type === 'attribute') bindTargets(scope, left, undefined, node.end);
          break;
        }
        case 'named_expression': {
          const name = child(node, 'name');
          const value = child(node, 'value');
          if (name) addBinding(scope, src(name), value ? 'value' : 'unknown', name, node.end, value ? { value } : {});
          break;
        }
        case 'import_statement':
          for (const item of childrenOf(node, 'name')) {
            if (item.type === 'aliased_import') {
              const module = child(item, 'name');
              const alias = child(item, 'alias');
              if (module && alias) addBinding(scope, src(alias), 'import', alias, node.end, { importPath: normaliseModule(src(module)) });
            } else if (item.type === 'dotted_name') {
              const first = kids(item)[0];
              if (first) addBinding(scope, src(first), 'import', first, node.end, { importPath: src(first) });
            }
          }
          break;
        case 'import_from_statement': {
          const moduleNode = child(node, 'module_name');
          const module = moduleNode ? src(moduleNode).replace(/\s+/g, '') : '';
          const prefix = module.endsWith('.') ? module : `${module}.`;
          for (const item of childrenOf(node, 'name')) {
            const nameNode = item.type === 'aliased_import' ? child(item, 'name') : item;
            const aliasNode = item.type === 'aliased_import' ? child(item, 'alias') : kids(item).at(-1);
            if (nameNode && aliasNode) {
              addBinding(scope, src(aliasNode), 'import', aliasNode, node.end, { importPath: normaliseModule(prefix + src(nameNode)) });
            }
          }
          break;
        }
        case 'with_item': {
          const value = child(node, 'value');
          if (value && value.type === 'as_pattern') {
            const expression = kids(value).find((k) => k.field !== 'alias');
            const alias = child(value, 'alias');
            const aliasTarget = alias ? (kids(alias)[0] ?? alias) : undefined;
            if (aliasTarget) bindTargets(scope, aliasTarget, aliasTarget.type === 'identifier' ? expression : undefined, node.end);
          }
          break;
        }
        case 'as_pattern': {
          if (node.parent?.type !== 'with_item') {
            const alias = child(node, 'alias');
            const aliasTarget = alias ? (kids(alias)[0] ?? alias) : undefined;
            if (aliasTarget) bindTargets(scope, aliasTarget, undefined, node.end);
          }
          break;
        }
        case 'for_statement':
        case 'for_in_clause': {
          const left = child(node, 'left');
          if (left) bindTargets(scope, left, undefined, left.end);
          break;
        }
        case 'global_statement':
        case 'nonlocal_statement':
          if (node.type === 'global_statement') for (const k of kids(node)) scope.globals.add(src(k));
          break;
        default:
          break;
      }
      if (!handled) for (let i = node.children.length - 1; i >= 0; i--) push(node.children[i], scope);
    }
  }
  statements.sort((a, b) => a.start - b.start);
  for (const list of allScopesBindings()) list.sort((a, b) => a.effective - b.effective);

  function* allScopesBindings(): Generator<Binding[]> {
    const seen = new Set<Binding[]>();
    for (const b of allBindings) {
      const list = b.scope.bindings.get(b.name);
      if (list && !seen.has(list)) {
        seen.add(list);
        yield list;
      }
    }
    for (const b of allBindings) {
      const cls = b.scope.classScope;
      const list = cls?.attrs?.get(b.name);
      if (list && !seen.has(list)) {
        seen.add(list);
        yield list;
      }
    }
  }

  // ---- Name lookup -----------------------------------------------------------------------------------------------

  function lookup(name: string, use: PyNode): { scope: Scope; list: Binding[]; local: boolean } | undefined {
    return lookupFrom(name, scopeOf.get(use) ?? moduleScope);
  }

  function lookupFrom(name: string, useScope: Scope): { scope: Scope; list: Binding[]; local: boolean } | undefined {
    let s: Scope | null = useScope;
    while (s) {
      if (s !== useScope && s.kind === 'class') {
        s = s.parent;
        continue;
      }
      if (s.globals.has(name)) s = moduleScope;
      const list = s.bindings.get(name);
      if (list && list.length) return { scope: s, list, local: s === useScope };
      s = s.parent;
    }
    return undefined;
  }

  /** The bindings of `list` that may reach `use` (textual order; a binding in a block that does not hold `use` adds to the set). */
  function reaching(list: Binding[], use: PyNode, local: boolean): Binding[] {
    let set: Binding[] = [];
    for (const b of list) {
      if (b.effective > use.start) break;
      if (contains(b.block, use)) set = [b];
      else set.push(b);
    }
    if (set.length === 0 && !local && list.length) set = [list[list.length - 1]];
    return set;
  }

  function latestBinding(name: string, use: PyNode): Binding | undefined {
    const found = lookup(name, use);
    if (!found) return undefined;
    const set = reaching(found.list, use, found.local);
    return set[set.length - 1];
  }

  // ---- Canonical names -------------------------------------------------------------------------------------------

  /** The canonical dotted name of an expression: `requests.get`, `httpx.AsyncClient().post`. Iterative. */
  function resolve(start: PyNode, hops = 0): string | undefined {
    const path: { node: PyNode; suffix: string }[] = [];
    let n: PyNode | undefined = start;
    let base: string | undefined;
    for (;;) {
      if (!n) break;
      if (canonMemo.has(n)) {
        base = canonMemo.get(n);
        break;
      }
      if (n.type === 'parenthesized_expression' || n.type === 'await') {
        path.push({ node: n, suffix: '' });
        n = kids(n)[0];
        continue;
      }
      if (n.type === 'attribute') {
        const attribute = child(n, 'attribute');
        path.push({ node: n, suffix: attribute ? `.${src(attribute)}` : '.?' });
        n = child(n, 'object');
        continue;
      }
      if (n.type === 'boolean_operator' && operatorText(n, text) === 'or') {
        // `client or httpx.Client()`: a client passed in (a parameter, unknown here) stands in for the fallback's kind.
        const left = child(n, 'left');
        const right = child(n, 'right');
        const fallback = right && hops < MAX_HOPS ? resolve(right, hops + 1) : undefined;
        const given = left && hops < MAX_HOPS ? resolve(left, hops + 1) : undefined;
        base = given === undefined || given === fallback ? fallback : undefined;
        canonMemo.set(n, base);
        break;
      }
      if (n.type === 'call') {
        // `make_session()` with `def make_session(): return requests.Session()` is that session.
        const returned = hops < MAX_HOPS ? returnedBy(n) : undefined;
        if (returned) {
          path.push({ node: n, suffix: '' });
          n = returned;
          hops++;
          continue;
        }
        path.push({ node: n, suffix: '()' });
        n = child(n, 'function');
        continue;
      }
      if (n.type === 'identifier') {
        const self = selfClass(n);
        if (self && path.length && path[path.length - 1].suffix.startsWith('.')) {
          // self.<attr>…: resolve the attribute from the class's `self.<attr> = …` bindings
          const step = path.pop()!;
          const list = self.attrs!.get(step.suffix.slice(1));
          const binding = list?.[list.length - 1];
          base = binding?.value && hops < MAX_HOPS ? resolve(binding.value, hops + 1) : undefined;
          canonMemo.set(step.node, base);
          break;
        }
        base = resolveIdentifier(n, hops);
        canonMemo.set(n, base);
        break;
      }
      canonMemo.set(n, undefined);
      break;
    }
    let result = base;
    for (let i = path.length - 1; i >= 0; i--) {
      if (result !== undefined) result += path[i].suffix;
      // no real callee is this long; giving up keeps absurd inputs (a.b().b()… × 10,000) linear
      if (result !== undefined && result.length > MAX_CANONICAL) result = undefined;
      canonMemo.set(path[i].node, result);
    }
    return result;
  }

  /**
   * The one binding a class gives `self.<name>`: a class attribute or a single `self.<name> = …` in its methods (an
   * attribute written twice, or with `+=`, has no one value).
   */
  function selfAttributeValue(attribute: PyNode, name: string): Binding | undefined {
    const object = child(attribute, 'object');
    const cls = object && object.type === 'identifier' ? selfClass(object) : undefined;
    if (!cls) return undefined;
    const writes = [...(cls.attrs?.get(name) ?? []), ...(cls.bindings.get(name) ?? [])];
    return writes.length === 1 && writes[0].kind === 'value' ? writes[0] : undefined;
  }

  function selfClass(identifier: PyNode): Scope | undefined {
    const binding = latestBinding(src(identifier), identifier);
    if (!binding || binding.kind !== 'param') return undefined;
    const scope = binding.scope;
    return scope.selfName === binding.name && binding.target === firstParamNode(scope) ? scope.classScope : undefined;
  }

  function firstParamNode(scope: Scope): PyNode | undefined {
    const list = scope.bindings.get(scope.selfName ?? '');
    return list?.find((b) => b.kind === 'param')?.target;
  }

  function resolveIdentifier(identifier: PyNode, hops: number): string | undefined {
    const name = src(identifier);
    const found = lookup(name, identifier);
    if (!found) return name; // a builtin, or a global we cannot see (star import): keep the name
    const set = reaching(found.list, identifier, found.local);
    const binding = set[set.length - 1];
    if (!binding) return undefined;
    switch (binding.kind) {
      case 'import':
        return binding.importPath;
      case 'def':
        return name;
      case 'value':
        if (hops >= MAX_HOPS || !binding.value) return undefined;
        return resolve(binding.value, hops + 1);
      default:
        return undefined;
    }
  }

  /**
   * What a call of a function defined in this file returns, when that is one expression: the function's only
   * `return <value>` (a bare `return` or `return None` aside). Not for generators, nor for decorated functions (a
   * decorator may replace the function), `functools.cache` and `lru_cache` aside, which return what it returns.
   */
  function returnedBy(call: PyNode): PyNode | undefined {
    const fn = child(call, 'function');
    if (!fn || fn.type !== 'identifier') return undefined;
    const binding = latestBinding(src(fn), fn);
    const definition = binding?.kind === 'def' ? binding.target.parent : undefined;
    if (!definition || definition.type !== 'function_definition' || generators.has(definition)) return undefined;
    const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
    if (decorated && !kids(decorated).every((d) => d === definition || isCacheDecorator(d))) return undefined;
    const values = (returnsOf.get(definition) ?? []).filter((v) => !isNone(v));
    return values.length === 1 ? unparen(values[0]) : undefined;
  }

  function isCacheDecorator(decorator: PyNode): boolean {
    let expression: PyNode | undefined = kids(decorator)[0];
    if (expression?.type === 'call') expression = child(expression, 'function');
    const name = expression ? resolve(expression) : undefined;
    return name === 'functools.cache' || name === 'functools.lru_cache';
  }

  function calleeName(call: PyNode): string {
    const fn = child(call, 'function');
    if (!fn) return '';
    return resolve(fn) ?? src(fn);
  }

  // ---- Pass 2: environment reads ---------------------------------------------------------------------------------

  /** A string constant: a literal, or a name bound to one (module constants such as `GATEWAY_ENV = "…"`). */
  function constantString(node: PyNode | undefined, hops = 0): string | undefined {
    let n = node ? unparen(node) : undefined;
    while (n && hops <= MAX_HOPS) {
      if (n.type === 'string' || n.type === 'concatenated_string') {
        const s = stringValue(n);
        return s.interpolated ? undefined : s.value;
      }
      if (n.type !== 'identifier') return undefined;
      const binding = latestBinding(src(n), n);
      if (!binding || binding.kind !== 'value' || !binding.value) return undefined;
      n = unparen(binding.value);
      hops++;
    }
    return undefined;
  }

  /** `""`, or a name bound to `""`. */
  function isEmptyString(node: PyNode | undefined): boolean {
    if (!node) return false;
    const n = unparen(node);
    return (n.type === 'string' || n.type === 'concatenated_string' || n.type === 'identifier') && constantString(n) === '';
  }

  function argumentParts(call: PyNode): { positional: PyNode[]; keywords: Map<string, PyNode>; list: PyNode | undefined } {
    const list = child(call, 'arguments');
    const positional: PyNode[] = [];
    const keywords = new Map<string, PyNode>();
    if (list && list.type === 'argument_list') {
      for (const a of kids(list)) {
        if (a.type === 'keyword_argument') {
          const name = child(a, 'name');
          const value = child(a, 'value');
          if (name && value) keywords.set(src(name), value);
        } else if (a.type !== 'dictionary_splat') {
          positional.push(a);
        }
      }
    } else if (list) {
      positional.push(list); // generator expression argument
    }
    return { positional, keywords, list };
  }

  function envReadOf(node: PyNode): { form: EnvReadFact['form']; nameNode: PyNode | undefined; defaultNode: PyNode | undefined } | undefined {
    if (node.type === 'call') {
      const fn = child(node, 'function');
      const canonical = fn ? resolve(fn) : undefined;
      const form = canonical ? ENV_GET.get(canonical) : undefined;
      if (!form) return undefined;
      const { positional, keywords } = argumentParts(node);
      return { form, nameNode: positional[0] ?? keywords.get('key'), defaultNode: positional[1] ?? keywords.get('default') };
    }
    if (node.type === 'subscript') {
      const value = child(node, 'value');
      if (!value || resolve(value) !== 'os.environ') return undefined;
      const { node: outer, parent } = upParen(node);
      if (parent && (parent.type === 'delete_statement' || (parent.type === 'assignment' && outer.field === 'left') || (parent.type === 'augmented_assignment' && outer.field === 'left'))) {
        return undefined; // a write, not a read
      }
      if (parent && parent.type === 'pattern_list') return undefined;
      return { form: 'os.environ[]', nameNode: child(node, 'subscript'), defaultNode: undefined };
    }
    return undefined;
  }

  /** The read, or the read with its `or` default, as the value expression; and what it is bound to. */
  function envWrapper(read: PyNode): { outer: PyNode; orDefault: PyNode | undefined } {
    let outer = upParen(read).node;
    let orDefault: PyNode | undefined;
    const parent = outer.parent;
    if (parent && parent.type === 'boolean_operator' && outer.field === 'left' && operatorText(parent, text) === 'or') {
      orDefault = child(parent, 'right');
      outer = upParen(parent).node;
    }
    return { outer, orDefault };
  }

  /** `x = <read>`, `x = <read> or "…"`, `x = <read> if … else …`, `(x := <read>)`. */
  function bindingTargetOf(outerStart: PyNode): PyNode | undefined {
    let outer = outerStart;
    for (let i = 0; i < MAX_DEPTH; i++) {
      const parent = outer.parent;
      if (!parent) return undefined;
      if (parent.type === 'conditional_expression' && kids(parent)[1] !== outer) {
        outer = upParen(parent).node;
        continue;
      }
      if (parent.type === 'await') {
        outer = upParen(parent).node;
        continue;
      }
      if (parent.type === 'assignment' && outer.field === 'right') {
        let top = parent;
        while (top.parent && top.parent.type === 'assignment' && top.field === 'right') top = top.parent;
        return child(top, 'left');
      }
      if (parent.type === 'named_expression' && outer.field === 'value') return child(parent, 'name');
      return undefined;
    }
    return undefined;
  }

  /** `os.environ["X"]` reads a try statement catches the KeyError of (see `keyErrorCaughtBy`), by read index. */
  const caughtReads = new Map<number, { statement: PyNode; handler: PyNode; read: PyNode }>();

  /**
   * The try statement that catches the KeyError an `os.environ["X"]` read raises: the nearest one around the read's
   * body position (not across a function's or lambda's boundary: its body runs later) with a handler for KeyError,
   * LookupError, Exception or BaseException, or a bare `except:`; and the first such handler, the one that runs.
   */
  function keyErrorCaughtBy(read: PyNode): { statement: PyNode; handler: PyNode } | undefined {
    let c = read;
    for (let p = read.parent; p; c = p, p = p.parent) {
      if (p.type === 'function_definition' || p.type === 'lambda') return undefined;
      if (p.type !== 'try_statement' || c.field !== 'body') continue;
      const handler = p.children.find((h) => (h.type === 'except_clause' || h.type === 'except_group_clause') && catchesKeyError(h));
      if (handler) return { statement: p, handler };
    }
    return undefined;
  }

  function catchesKeyError(handler: PyNode): boolean {
    const value = child(handler, 'value') ?? kids(handler).find((k) => k.type !== 'block');
    if (!value) return true; // a bare `except:`
    const caught = value.type === 'as_pattern' ? kids(value)[0] : value;
    const types = caught?.type === 'tuple' || caught?.type === 'parenthesized_expression' ? kids(caught) : caught ? [caught] : [];
    return types.some((t) => KEY_ERROR_CATCHERS.has(src(t).split('.').pop()!.trim()));
  }

  /**
   * Whether a use of a caught read runs only once the read succeeded: later in the try's body, in its `else`
   * clause, or, when the handler leaves (returns, raises, exits, continues or breaks), anywhere but in a handler or
   * the `finally` clause.
   */
  function afterCaughtRead(readIndex: number, use: PyNode): boolean {
    const caught = caughtReads.get(readIndex);
    if (!caught) return false;
    const within = (n: PyNode | undefined) => n !== undefined && use.start >= n.start && use.end <= n.end;
    if (within(child(caught.statement, 'body'))) return use.start >= caught.read.start;
    if (within(caught.statement.children.find((k) => k.type === 'else_clause'))) return true;
    return !within(caught.statement) && blockExits(kids(caught.handler).find((k) => k.type === 'block'));
  }

  collectEnvReads();
  function collectEnvReads(): void {
    const candidates = [...callNodes.map((c) => c.node), ...subscriptNodes].sort((a, b) => a.start - b.start || b.end - a.end);
    for (const node of candidates) {
      {
        const read = envReadOf(node);
        if (read) {
          const { outer, orDefault } = envWrapper(node);
          const target = bindingTargetOf(outer);
          const name = constantString(read.nameNode);
          let unsafe: EnvReadFact['unsafe'];
          let hasDefault = false;
          if (read.form === 'os.environ[]') {
            const caught = keyErrorCaughtBy(node);
            if (caught) caughtReads.set(envReads.length, { ...caught, read: node });
            else unsafe = 'key-error';
          }
          if (read.defaultNode) {
            const d = unparen(read.defaultNode);
            if (isEmptyString(d)) unsafe = 'empty-default';
            else if (d.type !== 'none') hasDefault = true;
          }
          if (orDefault) {
            const d = unparen(orDefault);
            if (isEmptyString(d)) unsafe = unsafe ?? 'empty-default';
            else if (d.type !== 'none') hasDefault = true;
          }
          envIndex.set(node, envReads.length);
          envReads.push({
            span: span(node),
            form: read.form,
            name,
            unsafe,
            hasDefault,
            boundTo: target && (target.type === 'identifier' || target.type === 'attribute') ? src(target) : undefined,
            uses: [],
            localDevOnly: false,
          });
        }
      }
    }
  }

  /** The environment read a value expression stands for (`<read>`, `<read> or "…"`, `<read> if … else …`). */
  function envOfValue(value: PyNode | undefined): number | undefined {
    if (!value) return undefined;
    let n = unparen(value);
    for (let i = 0; i < MAX_DEPTH; i++) {
      const direct = envIndex.get(n);
      if (direct !== undefined) return direct;
      if (n.type === 'await') n = unparen(kids(n)[0] ?? n);
      else if (n.type === 'boolean_operator' && operatorText(n, text) === 'or') n = unparen(child(n, 'left') ?? n);
      else if (n.type === 'conditional_expression') {
        const [a, , b] = kids(n);
        const ea = a ? envIndex.get(unparen(a)) : undefined;
        if (ea !== undefined) return ea;
        n = b ? unparen(b) : n;
        if (!b) return undefined;
      } else return undefined;
    }
    return undefined;
  }

  for (const b of allBindings) {
    if (b.kind === 'value') b.envRead = envOfValue(b.value);
  }

  /**
   * Variables holding a value built from environment reads: a string, dict, list or tuple with the read (or a variable
   * holding it, a call of a function of this file returning it, or another such variable) inside (`headers =
   * {"Authorization": f"Bearer {api_key}"}`). Their uses are the reads' carried uses. Bindings in source order, so a
   * chain (`auth = f"Bearer {key}"`, then `headers = {…auth}`) resolves through the earlier ones.
   */
  const carriedBy = new Map<Binding, number[]>();
  /**
   * Copies: `endpoint = url`, with `url` holding a read (one binding of it reaching the copy), holds the read too, so
   * the uses of `endpoint` are the read's uses; `site` is the `url` the copy took, where a check of `url` made before
   * the copy covers `endpoint` (see `copyChecked`). Chains of copies up to MAX_HOPS long.
   */
  const copiedFrom = new Map<Binding, { site: PyNode; from: Binding; depth: number }>();
  for (const b of [...allBindings].sort((x, y) => x.effective - y.effective)) {
    if (b.kind !== 'value' || b.envRead !== undefined || !b.value || b.target.type !== 'identifier') continue;
    const value = unparen(b.value);
    if (value.type === 'identifier') {
      const found = lookup(src(value), value);
      const from = found ? reaching(found.list, value, found.local) : [];
      const depth = from.length === 1 ? (copiedFrom.get(from[0])?.depth ?? 0) + 1 : Infinity;
      if (from[0]?.envRead !== undefined && depth <= MAX_HOPS) {
        b.envRead = from[0].envRead;
        copiedFrom.set(b, { site: value, from: from[0], depth });
        continue;
      }
    }
    const reads = readsCarriedBy(b.value);
    if (reads.length) carriedBy.set(b, reads);
  }

  /** The environment reads a value expression holds through string building and literal containers (not other calls). */
  function readsCarriedBy(value: PyNode): number[] {
    const found = new Set<number>();
    const stack = [value];
    while (stack.length) {
      const n = unparen(stack.pop()!);
      const direct = envOfValue(n);
      if (direct !== undefined) {
        found.add(direct);
        continue;
      }
      switch (n.type) {
        case 'identifier': {
          const lookedUp = lookup(src(n), n);
          for (const b of lookedUp ? reaching(lookedUp.list, n, lookedUp.local) : []) {
            if (b.envRead !== undefined) found.add(b.envRead);
            for (const read of carriedBy.get(b) ?? []) found.add(read);
          }
          break;
        }
        case 'string':
          for (const part of kids(n)) if (part.type === 'interpolation' && kids(part)[0]) stack.push(kids(part)[0]);
          break;
        case 'binary_operator': {
          const op = operatorText(n, text);
          if (op === '+' || op === '%') stack.push(...kids(n).filter((k) => k.field === 'left' || k.field === 'right'));
          break;
        }
        case 'pair': {
          const v = child(n, 'value');
          if (v) stack.push(v);
          break;
        }
        case 'concatenated_string':
        case 'dictionary':
        case 'dictionary_splat':
        case 'list':
        case 'tuple':
        case 'set':
        case 'expression_list':
        case 'list_splat':
          stack.push(...kids(n));
          break;
        case 'conditional_expression': {
          const [a, , b] = kids(n);
          if (a) stack.push(a);
          if (b) stack.push(b);
          break;
        }
        case 'boolean_operator':
          if (operatorText(n, text) === 'or') stack.push(...kids(n).filter((k) => k.field === 'left' || k.field === 'right'));
          break;
        case 'await':
          stack.push(...kids(n));
          break;
        case 'call': {
          // `get_key()`, a function of this file returning a read
          const held = heldBy(n)?.envRead;
          if (held !== undefined) {
            found.add(held);
            break;
          }
          // `"Bearer {}".format(key)`, `dict(Authorization=…)`
          const fn = child(n, 'function');
          const args = child(n, 'arguments');
          const format = fn?.type === 'attribute' && src(child(fn, 'attribute') ?? fn) === 'format' && isStringNode(unparen(child(fn, 'object') ?? fn));
          if (!args || !(format || (fn?.type === 'identifier' && src(fn) === 'dict'))) break;
          for (const arg of kids(args)) stack.push(arg.type === 'keyword_argument' ? (child(arg, 'value') ?? arg) : arg);
          break;
        }
        default:
          break;
      }
    }
    return [...found].sort((a, b) => a - b).slice(0, MAX_CARRIED_READS);
  }

  // ---- Strings ---------------------------------------------------------------------------------------------------

  function stringValue(node: PyNode): { value: string; interpolated: boolean } {
    const parts = node.type === 'concatenated_string' ? kids(node).filter((k) => k.type === 'string') : [node];
    let value = '';
    let interpolated = false;
    for (const part of parts) {
      const startNode = part.children.find((c) => c.type === 'string_start');
      const prefix = parsePrefix(startNode ? src(startNode) : '"');
      for (const c of part.children) {
        if (c.type === 'string_content') value += decodeContent(src(c), prefix);
        else if (c.type === 'interpolation') {
          value += '{}';
          interpolated = true;
        }
      }
    }
    return { value, interpolated };
  }

  function isDocstring(statement: PyNode): boolean {
    const parent = statement.parent;
    if (!parent) return false;
    const first = kids(parent)[0];
    if (first !== statement) return false;
    if (parent.type === 'module') return true;
    return parent.type === 'block' && (parent.parent?.type === 'function_definition' || parent.parent?.type === 'class_definition');
  }

  function targetName(left: PyNode): string | undefined {
    const n = unparen(left);
    if (n.type === 'identifier') return src(n);
    if (n.type === 'attribute') {
      const attribute = child(n, 'attribute');
      return attribute ? src(attribute) : undefined;
    }
    if (n.type === 'subscript') return constantString(child(n, 'subscript'));
    return undefined;
  }

  function insideType(node: PyNode): boolean {
    let n: PyNode | null = node.parent;
    for (let i = 0; n && i < MAX_DEPTH; i++, n = n.parent) {
      if (n.type === 'type') return true;
      if (isStatement(n) || n.type === 'call' || n.type === 'argument_list') return false;
    }
    return false;
  }

  const flowMemo = new Map<PyNode, StringContext>();

  function stringContext(node: PyNode): StringContext {
    const { node: self, parent: p0 } = upParen(node);
    if (p0 && p0.type === 'expression_statement' && kids(p0).length === 1 && isDocstring(p0)) return { kind: 'inert' };
    if (insideType(node)) return { kind: 'inert' };
    // values that flow through unchanged: conditional branches, `+`/`%` building, `and`/`or` operands.
    // Memoised per node on the way up, so a long `"a" + "b" + …` chain stays linear.
    const chain: PyNode[] = [];
    let u = self;
    let result: StringContext | undefined;
    for (;;) {
      const known = flowMemo.get(u);
      if (known) {
        result = known;
        break;
      }
      const p = u.parent;
      if (!p) {
        result = { kind: 'other' };
        break;
      }
      if (
        p.type === 'parenthesized_expression' ||
        (p.type === 'conditional_expression' && kids(p)[1] !== u) ||
        (p.type === 'binary_operator' && ['+', '%'].includes(operatorText(p, text)))
      ) {
        chain.push(u);
        u = p;
        continue;
      }
      if (p.type === 'boolean_operator') {
        const left = child(p, 'left');
        if (u.field === 'right' && operatorText(p, text) === 'or' && left && envIndex.has(unparen(left))) {
          result = { kind: 'env-default', envName: envReads[envIndex.get(unparen(left))!].name };
          break;
        }
        chain.push(u);
        u = p;
        continue;
      }
      chain.push(u);
      result = contextAt(u, p);
      break;
    }
    for (const n of chain) flowMemo.set(n, result);
    return { ...result };
  }

  /** The context of a value `u` held by `p` (after climbing through the transparent expressions). */
  function contextAt(u: PyNode, p: PyNode): StringContext {
    switch (p.type) {
      case 'assignment':
      case 'augmented_assignment': {
        if (u.field === 'type') return { kind: 'inert' };
        if (u.field !== 'right') return { kind: 'other' };
        const left = child(p, 'left');
        const name = left ? targetName(left) : undefined;
        return name !== undefined ? { kind: 'assignment', name } : { kind: 'other' };
      }
      case 'named_expression': {
        const name = child(p, 'name');
        return name && u.field === 'value' ? { kind: 'assignment', name: src(name) } : { kind: 'other' };
      }
      case 'default_parameter':
      case 'typed_default_parameter': {
        const name = child(p, 'name');
        return name && u.field === 'value' ? { kind: 'assignment', name: src(name) } : { kind: 'other' };
      }
      case 'keyword_argument': {
        const name = child(p, 'name');
        const list = p.parent;
        const call = list?.parent;
        if (!name || u.field !== 'value' || !call || call.type !== 'call') return { kind: 'other' };
        const keyword = src(name);
        const envRead = envIndex.get(call);
        if (envRead !== undefined && keyword === 'default') return { kind: 'env-default', envName: envReads[envRead].name };
        return { kind: 'keyword-argument', name: keyword, callee: calleeName(call) };
      }
      case 'argument_list': {
        const call = p.parent;
        if (!call || call.type !== 'call') return { kind: 'other' };
        const index = kids(p).filter((k) => k.type !== 'keyword_argument' && k.type !== 'dictionary_splat').indexOf(u);
        const envRead = envIndex.get(call);
        if (envRead !== undefined && index === 1) return { kind: 'env-default', envName: envReads[envRead].name };
        const callee = calleeName(call);
        if (IMPORT_CALLS.has(callee)) return { kind: 'inert' };
        return { kind: 'argument', callee, index };
      }
      case 'pair': {
        if (u.field === 'key') return { kind: 'inert' };
        const key = child(p, 'key');
        if (!key) return { kind: 'other' };
        const k = unparen(key);
        const name = k.type === 'string' || k.type === 'concatenated_string' ? stringValue(k).value : src(k);
        return { kind: 'property', name };
      }
      case 'list':
      case 'tuple':
      case 'set': {
        const holder = upParen(p).parent;
        const left = holder && holder.type === 'assignment' ? child(holder, 'left') : undefined;
        if (left && src(left) === '__all__') return { kind: 'inert' };
        if (holder && holder.type === 'augmented_assignment' && child(holder, 'left') && src(child(holder, 'left')!) === '__all__') return { kind: 'inert' };
        return { kind: 'other' };
      }
      default:
        return { kind: 'other' };
    }
  }

  // ---- Values passed to calls ------------------------------------------------------------------------------------

  function valueFact(node: PyNode): ValueFact {
    const n = unparen(node);
    const sp = span(node);
    const env = envOfValue(n);
    if (env !== undefined) return { kind: 'env', envRead: env, span: sp };
    if (isStringNode(n)) return stringFact(n, sp);
    const held = heldBy(n);
    if (held?.envRead !== undefined) return { kind: 'env', envRead: held.envRead, span: sp };
    if (held?.string) return stringFact(held.string, sp);
    const base = urlBaseRead(n);
    if (base !== undefined) return { kind: 'env', envRead: base, span: sp };
    if (n.type === 'identifier') return { kind: 'identifier', name: src(n), span: sp };
    const attribute = n.type === 'attribute' ? child(n, 'attribute') : undefined;
    if (attribute) return { kind: 'member', name: src(attribute), span: sp };
    return { kind: 'other', span: sp };
  }

  /**
   * The environment read a URL is built on, through what keeps its host: `url + "/mcp"`, `url.rstrip("/")`,
   * `urljoin(url, "/mcp")` (a relative second part), `str(url)`, and names holding such a value. A URL built on a
   * gateway's URL goes to the gateway. `node` is neither a read nor holds one (valueFact has looked).
   */
  function urlBaseRead(node: PyNode): number | undefined {
    let n = unparen(node);
    for (let step = 0; step < MAX_HOPS; step++) {
      let next: PyNode | undefined;
      if (n.type === 'identifier') {
        const binding = latestBinding(src(n), n);
        if (binding?.kind === 'value') next = binding.value;
      } else if (n.type === 'binary_operator' && operatorText(n, text) === '+') {
        next = child(n, 'left');
      } else if (n.type === 'call') {
        const fn = child(n, 'function');
        const method = fn?.type === 'attribute' ? child(fn, 'attribute') : undefined;
        const { positional } = argumentParts(n);
        if (fn && method && URL_KEEPING_METHODS.has(src(method))) next = child(fn, 'object');
        else if (fn && resolve(fn) === 'urllib.parse.urljoin' && positional.length === 2 && isRelativeUrl(positional[1])) next = positional[0];
        else if (fn?.type === 'identifier' && src(fn) === 'str' && positional.length === 1) next = positional[0];
      }
      if (!next) return undefined;
      n = unparen(next);
      const read = envOfValue(n) ?? heldBy(n)?.envRead;
      if (read !== undefined) return read;
    }
    return undefined;
  }

  /** A string literal holding a relative URL (`"/mcp"`, `"tools"`): joined to a base, it keeps the base's host. */
  function isRelativeUrl(node: PyNode): boolean {
    const n = unparen(node);
    if (n.type !== 'string') return false;
    const { value, interpolated } = stringValue(n);
    return !interpolated && !value.includes('://') && !value.startsWith('//');
  }

  function stringFact(node: PyNode, sp: Span): ValueFact {
    // `f"{gateway_url()}/mcp"`: a URL built on what a helper returns goes where that value does. (A name holding a
    // read is followed through the read's uses instead.)
    const leading = leadingInterpolation(node);
    const read = leading && (leading.type === 'call' || leading.type === 'await') ? heldBy(leading)?.envRead : undefined;
    return read !== undefined ? { kind: 'env', envRead: read, span: sp } : { kind: 'string', value: stringText(node), span: sp };
  }

  function isStringNode(n: PyNode): boolean {
    return n.type === 'string' || n.type === 'concatenated_string';
  }

  /**
   * What a name (where it is used), a `self` attribute set once, or a call of a function of this file that returns one
   * expression (`returnedBy`) holds: an environment read, or a string literal.
   */
  function heldBy(node: PyNode, depth = 0): { envRead?: number; string?: PyNode } | undefined {
    let n = node;
    if (n.type === 'await') n = unparen(kids(n)[0] ?? n);
    if (n.type === 'call') {
      const returned = depth < MAX_HOPS ? returnedBy(n) : undefined;
      if (!returned) return undefined;
      const env = envOfValue(returned);
      if (env !== undefined) return { envRead: env };
      return isStringNode(returned) ? { string: returned } : heldBy(returned, depth + 1);
    }
    let binding: Binding | undefined;
    if (n.type === 'identifier') {
      const found = lookup(src(n), n);
      if (!found) return undefined;
      const set = reaching(found.list, n, found.local);
      for (let i = set.length - 1; i >= 0; i--) if (set[i].envRead !== undefined) return { envRead: set[i].envRead };
      binding = set[set.length - 1];
    } else if (n.type === 'attribute') {
      const attribute = child(n, 'attribute');
      binding = attribute ? selfAttributeValue(n, src(attribute)) : undefined;
      if (binding?.envRead !== undefined) return { envRead: binding.envRead };
    }
    const value = binding && binding.kind === 'value' && binding.value ? unparen(binding.value) : undefined;
    if (value && isStringNode(value)) return { string: value };
    // `url = get_gateway_url()`
    return value && (value.type === 'call' || value.type === 'await') ? heldBy(value, depth + 1) : undefined;
  }

  /**
   * A string's text; an f-string that starts with a name holding a string has that string in front
   * (`f"{API_BASE}/agents"` with `API_BASE = f"https://bedrock-agentcore.{region}.amazonaws.com"`).
   */
  function stringText(node: PyNode, depth = 0): string {
    const { value } = stringValue(node);
    if (!value.startsWith('{}') || depth > 3) return value;
    const expression = leadingInterpolation(node);
    const held = expression ? heldBy(expression) : undefined;
    return held?.string ? stringText(held.string, depth + 1) + value.slice(2) : value;
  }

  /** The expression of an f-string's first part when that is an interpolation that does not change its text. */
  function leadingInterpolation(node: PyNode): PyNode | undefined {
    if (node.type !== 'string') return undefined;
    const first = node.children.find((c) => c.type === 'string_content' || c.type === 'interpolation');
    // `{API!r}` and `{API:>20}` change the text.
    const plain = first?.type === 'interpolation' && !first.children.some((c) => c.type === 'type_conversion' || c.type === 'format_specifier');
    const expression = plain ? child(first, 'expression') : undefined;
    return expression ? unparen(expression) : undefined;
  }

  // ---- Pass 3: calls, strings, directives ------------------------------------------------------------------------

  function decoratorsOf(definition: PyNode): string[] {
    const holder = definition.parent;
    if (!holder || holder.type !== 'decorated_definition') return [];
    const names: string[] = [];
    for (const d of holder.children) {
      if (d.type !== 'decorator') continue;
      const expression = kids(d)[0];
      if (!expression) continue;
      const target = expression.type === 'call' ? child(expression, 'function') : expression;
      if (target) names.push(resolve(target) ?? src(target));
    }
    return names;
  }

  const decoratorMemo = new Map<PyNode, readonly string[]>();
  /** Canonical names of the decorators on `fn` and on the functions around it (outermost first); shared, never mutated. */
  function enclosingDecorators(fn: PyNode | null): readonly string[] {
    if (!fn) return NO_DECORATORS;
    const chain: PyNode[] = [];
    let f: PyNode | null = fn;
    let base: readonly string[] = NO_DECORATORS;
    while (f) {
      const known = decoratorMemo.get(f);
      if (known) {
        base = known;
        break;
      }
      chain.push(f);
      f = outerFunction(f);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const own = decoratorsOf(chain[i]);
      base = own.length ? [...base, ...own] : base;
      decoratorMemo.set(chain[i], base);
    }
    return base;
  }

  function outerFunction(fn: PyNode): PyNode | null {
    for (let n = fn.parent; n; n = n.parent) {
      if (n.type === 'block' && n.field === 'body' && n.parent?.type === 'function_definition') return n.parent;
    }
    return null;
  }

  markIdentityBackedReads();
  /**
   * AWS's Strands samples put the key AgentCore Identity injects into the environment, then build the model client
   * from it: `@requires_api_key(...) async def need_api_key(*, api_key): os.environ["OPENAI_API_KEY"] = api_key`.
   * Reads of a variable the file writes only that way carry the injected key, not a plain environment variable.
   */
  function markIdentityBackedReads(): void {
    const names = new Set<string>();
    const elsewhere = new Set<string>();
    for (const node of subscriptNodes) {
      const value = child(node, 'value');
      if (!value || resolve(value) !== 'os.environ') continue;
      const { node: outer, parent } = upParen(node);
      if (!parent || parent.type !== 'assignment' || outer.field !== 'left') continue;
      const name = constantString(child(node, 'subscript'));
      if (!name) continue;
      let fn: PyNode | null = node.parent;
      while (fn && fn.type !== 'function_definition') fn = fn.parent;
      (fn && enclosingDecorators(fn).some(isIdentityWrapper) ? names : elsewhere).add(name);
    }
    for (const read of envReads) if (read.name && names.has(read.name) && !elsewhere.has(read.name)) read.identityBacked = true;
  }

  collectCallsAndStrings();
  function collectCallsAndStrings(): void {
    callNodes.sort((a, b) => a.node.start - b.node.start || b.node.end - a.node.end);
    for (const { node, statement, fn: fnNode } of callNodes) {
      const fn = child(node, 'function');
      const { positional, keywords } = argumentParts(node);
      let named = NO_NAMED_ARGUMENTS;
      if (keywords.size) {
        const own: Record<string, ValueFact> = Object.create(null); // a `__proto__=` keyword is a key like any other
        for (const [k, v] of keywords) own[k] = valueFact(v);
        named = own;
      }
      calls.push({
        span: span(node),
        calleeText: fn ? src(fn) : '',
        calleeSpan: fn ? span(fn) : span(node),
        callee: fn ? resolve(fn) : undefined,
        isNew: false,
        args: positional.map((a) => valueFact(a)),
        named,
        enclosingDecorators: enclosingDecorators(fnNode),
        statementSpan: span(statement),
      });
    }
    for (const node of stringNodes) {
      const { value, interpolated } = stringValue(node);
      strings.push({ span: span(node), value, interpolated, context: stringContext(node) });
    }
    calls.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  }

  // ---- Guards ----------------------------------------------------------------------------------------------------

  function implies(cond: PyNode | undefined, whenTrue: boolean, subject: Subject, depth = 0): boolean {
    if (!cond || depth > MAX_DEPTH) return false;
    let n = unparen(cond);
    let truth = whenTrue;
    while (n.type === 'not_operator') {
      const argument = child(n, 'argument');
      if (!argument) return false;
      n = unparen(argument);
      truth = !truth;
    }
    const atom = subject.atom(n);
    if (atom) return atom === 'pos' ? truth : !truth;
    if (n.type === 'boolean_operator') {
      const op = operatorText(n, text);
      const left = child(n, 'left');
      const right = child(n, 'right');
      if ((op === 'and') === truth) {
        // `A and B` true: both true (either proves it); `A or B` false: both false
        return implies(left, truth, subject, depth + 1) || implies(right, truth, subject, depth + 1);
      }
      // `A and B` false / `A or B` true: one of them; both must prove it
      return implies(left, truth, subject, depth + 1) && implies(right, truth, subject, depth + 1);
    }
    return false;
  }

  function blockExits(block: PyNode | undefined, depth = 0): boolean {
    if (!block || depth > MAX_DEPTH) return false;
    const body = kids(block);
    const last = body[body.length - 1];
    if (!last) return false;
    switch (last.type) {
      case 'return_statement':
      case 'raise_statement':
      case 'continue_statement':
      case 'break_statement':
        return true;
      case 'expression_statement':
        return exitsProcess(last);
      case 'if_statement': {
        const branches = ifBranches(last);
        return branches.hasElse && branches.list.every((b) => blockExits(b.body, depth + 1));
      }
      default:
        return false;
    }
  }

  interface Branch {
    condition: PyNode | undefined;
    body: PyNode | undefined;
    node: PyNode;
  }

  const ifBranchesMemo = new Map<PyNode, { list: Branch[]; hasElse: boolean }>();
  function ifBranches(ifNode: PyNode): { list: Branch[]; hasElse: boolean } {
    let known = ifBranchesMemo.get(ifNode);
    if (!known) ifBranchesMemo.set(ifNode, (known = readIfBranches(ifNode)));
    return known;
  }

  function readIfBranches(ifNode: PyNode): { list: Branch[]; hasElse: boolean } {
    const list: Branch[] = [{ condition: child(ifNode, 'condition'), body: child(ifNode, 'consequence'), node: ifNode }];
    let hasElse = false;
    for (const alt of childrenOf(ifNode, 'alternative')) {
      if (alt.type === 'elif_clause') list.push({ condition: child(alt, 'condition'), body: child(alt, 'consequence'), node: alt });
      else if (alt.type === 'else_clause') {
        list.push({ condition: undefined, body: child(alt, 'body'), node: alt });
        hasElse = true;
      }
    }
    list.forEach((branch, position) => branchPosition.set(branch.node, position));
    return { list, hasElse };
  }

  /** Per branch (the if statement itself, or an `elif` or `else` clause): its position among its if statement's. */
  const branchPosition = new Map<PyNode, number>();

  /** After this statement (when control reaches past it), does the subject's fact hold? */
  function establishes(statement: PyNode, subject: Subject, depth = 0): boolean {
    if (statement.type === 'assert_statement') return implies(kids(statement)[0], true, subject);
    if (statement.type === 'expression_statement') return guardCallEstablishes(statement, subject, depth);
    if (statement.type !== 'if_statement') return false;
    const { list, hasElse } = ifBranches(statement);
    const conditions: PyNode[] = [];
    for (const branch of list) {
      const exits = blockExits(branch.body);
      if (!exits) {
        const entered =
          (branch.condition && implies(branch.condition, true, subject)) ||
          conditions.some((c) => implies(c, false, subject)) ||
          (branch.body !== undefined && subject.assignedIn?.(branch.body) === true);
        if (!entered) return false;
      }
      if (branch.condition) conditions.push(branch.condition);
    }
    if (!hasElse) return conditions.some((c) => implies(c, false, subject));
    return true;
  }

  // ---- Guard functions -------------------------------------------------------------------------------------------

  /** Per function definition, per subject key: whether a normal return from it establishes the fact. */
  const guardVerdicts = new Map<PyNode, Map<string, boolean>>();

  /**
   * `validate_env()` as a statement, where the function of this file raises (or exits) unless the fact holds: one
   * of its top-level statements establishes it (`if not GATEWAY_URL: raise …`), or it checks a list of environment
   * variable names that includes the subject's (`for name in REQUIRED: if not os.getenv(name): raise …`, or the
   * missing ones collected, `[n for n in REQUIRED if not os.getenv(n)]`, and `if missing: raise …`). A return
   * before that statement, a decorator, a generator, or an `async def` called without `await` is no guard.
   */
  function guardCallEstablishes(statement: PyNode, subject: Subject, depth: number): boolean {
    const { about, key } = subject;
    const plain = about && key !== undefined && depth < 3 ? plainCallOf(statement) : undefined;
    if (!about || key === undefined || !plain) return false;
    const fn = plain.call.children[0];
    const binding = latestBinding(src(fn), fn);
    const definition = binding?.kind === 'def' ? binding.target.parent : undefined;
    if (!definition || definition.type !== 'function_definition' || generators.has(definition)) return false;
    if (definition.parent?.type === 'decorated_definition') return false;
    if (!plain.awaited && /^async\b/.test(text.slice(definition.start, definition.start + 6))) return false;
    let verdicts = guardVerdicts.get(definition);
    if (!verdicts) guardVerdicts.set(definition, (verdicts = new Map()));
    const kept = verdicts.get(key);
    if (kept !== undefined) return kept;
    verdicts.set(key, false); // a function that calls itself proves nothing
    const verdict = functionEstablishes(definition, subject, depth);
    verdicts.set(key, verdict);
    return verdict;
  }

  function functionEstablishes(definition: PyNode, subject: Subject, depth: number): boolean {
    const about = subject.about!;
    const body = child(definition, 'body');
    const statements = body ? kids(body) : [];
    // The function must see the same variable: one that binds the name itself tests its own.
    const scope = functionScopes.get(definition);
    if ('variable' in about && (!scope || lookupFrom(about.variable, scope)?.scope !== about.scope)) return false;
    const candidates = guardBody(definition, statements);
    for (const k of mentioning(candidates, statements, subject)) {
      const i = candidates[k];
      if (establishes(statements[i], subject, depth + 1)) return true;
      if ('env' in about && checkedNames(statements, i, about.emptyMatters)?.has(about.env)) return true;
    }
    return false;
  }

  /**
   * The indexes of a guard function's statements that may establish a fact (ifs, asserts, calls, loops and
   * assignments), up to and including the first one that may return (a return there may skip what follows); worked
   * out once per function, not once per fact.
   */
  const guardBodies = new Map<PyNode, number[]>();
  function guardBody(definition: PyNode, statements: readonly PyNode[]): readonly number[] {
    let indexes = guardBodies.get(definition);
    if (!indexes) {
      indexes = [];
      for (let i = 0; i < statements.length; i++) {
        const s = statements[i];
        if (s.type === 'if_statement' || s.type === 'assert_statement' || s.type === 'for_statement' || s.type === 'expression_statement') indexes.push(i);
        if (mayLeave(s, false)) break;
      }
      guardBodies.set(definition, indexes);
    }
    return indexes;
  }

  /**
   * The environment variable names that statement `i` of a function body (with the ones after it) makes sure are
   * set, when the function goes on past them: a `for` loop over a list of names that raises on a missing one, or that
   * collects the missing ones, or a comprehension that does; a collection must then be followed by a raise when it
   * is not empty.
   */
  function checkedNames(statements: PyNode[], i: number, emptyMatters: boolean): Set<string> | undefined {
    const statement = statements[i];
    if (statement.type === 'for_statement') {
      const variable = child(statement, 'left');
      const names = variable?.type === 'identifier' ? constantNames(child(statement, 'right')) : undefined;
      const loopBody = child(statement, 'body');
      if (!variable || !names || !loopBody) return undefined;
      const present = dynamicEnvSubject(src(variable), emptyMatters);
      for (const inner of kids(loopBody)) {
        if (inner.type === 'if_statement' && implies(child(inner, 'condition'), false, present)) {
          const consequence = child(inner, 'consequence');
          if (blockRaises(consequence)) return names;
          const collection = consequence ? appendedTo(consequence, src(variable)) : undefined;
          if (collection && raisesWhenNotEmpty(statements, i, collection)) return names;
        }
        if (mayLeave(inner, true)) return undefined; // `continue` or `break` may skip the check
      }
      return undefined;
    }
    // `missing = [name for name in REQUIRED if not os.getenv(name)]`
    const assignment = statement.type === 'expression_statement' ? kids(statement)[0] : undefined;
    const left = assignment?.type === 'assignment' ? child(assignment, 'left') : undefined;
    const right = assignment?.type === 'assignment' ? child(assignment, 'right') : undefined;
    if (!left || left.type !== 'identifier' || !right) return undefined;
    const comprehension = unparen(right);
    if (comprehension.type !== 'list_comprehension' && comprehension.type !== 'set_comprehension') return undefined;
    const clauses = kids(comprehension).filter((c) => c.field !== 'body');
    const [forIn, condition] = clauses;
    if (clauses.length !== 2 || forIn.type !== 'for_in_clause' || condition.type !== 'if_clause') return undefined;
    const variable = child(forIn, 'left');
    const names = variable?.type === 'identifier' ? constantNames(child(forIn, 'right')) : undefined;
    if (!variable || !names) return undefined;
    if (!implies(kids(condition)[0], false, dynamicEnvSubject(src(variable), emptyMatters))) return undefined;
    return raisesWhenNotEmpty(statements, i, src(left)) ? names : undefined;
  }

  /** `os.getenv(<name>)` (any read form) for the loop variable `<name>` being set. */
  function dynamicEnvSubject(variable: string, emptyMatters: boolean): Subject {
    const isX = (n: PyNode): boolean => {
      if (!envIndex.has(n)) return false;
      const nameNode = envReadOf(n)?.nameNode;
      return nameNode !== undefined && nameNode.type === 'identifier' && src(nameNode) === variable;
    };
    return { atom: (node) => presenceAtom(node, isX, emptyMatters) };
  }

  /** The names a list, tuple or set of string literals holds (or a dict's keys; or a name bound once to one; or `a + b`). */
  function constantNames(node: PyNode | undefined, hops = 0): Set<string> | undefined {
    let n = node ? unparen(node) : undefined;
    if (!n || hops > MAX_HOPS) return undefined;
    if (n.type === 'call' && kids(n).length === 2 && kids(kids(n)[1]).length === 0) {
      // `REQUIRED.keys()`
      const fn = child(n, 'function');
      if (fn?.type !== 'attribute' || src(child(fn, 'attribute') ?? fn) !== 'keys') return undefined;
      n = child(fn, 'object');
      if (!n) return undefined;
      n = unparen(n);
    }
    if (n.type === 'identifier') {
      const found = lookup(src(n), n);
      const set = found ? reaching(found.list, n, found.local) : [];
      const only = set.length === 1 && found!.list.length === 1 ? set[0] : undefined;
      return only?.kind === 'value' && only.value ? constantNames(only.value, hops + 1) : undefined;
    }
    if (n.type === 'binary_operator' && operatorText(n, text) === '+') {
      const a = constantNames(child(n, 'left'), hops + 1);
      const b = a && constantNames(child(n, 'right'), hops + 1);
      return a && b ? new Set([...a, ...b]) : undefined;
    }
    const items = n.type === 'list' || n.type === 'tuple' || n.type === 'set' ? kids(n) : n.type === 'dictionary' ? kids(n).map((pair) => child(pair, 'key')) : undefined;
    if (!items) return undefined;
    const names = new Set<string>();
    for (const item of items) {
      const name = item && (item.type === 'string' || item.type === 'concatenated_string') ? constantString(item) : undefined;
      if (name === undefined) return undefined;
      names.add(name);
    }
    return names;
  }

  /** The list a block appends the loop variable to, as a statement of its own (`missing.append(name)`). */
  function appendedTo(block: PyNode, variable: string): string | undefined {
    for (const statement of kids(block)) {
      const plain = statement.type === 'expression_statement' ? kids(statement)[0] : undefined;
      const fn = plain?.type === 'call' ? child(plain, 'function') : undefined;
      const object = fn?.type === 'attribute' ? child(fn, 'object') : undefined;
      const args = plain?.type === 'call' ? argumentParts(plain).positional : [];
      if (object?.type === 'identifier' && src(child(fn!, 'attribute') ?? fn!) === 'append' && args.length === 1 && unparen(args[0]).type === 'identifier' && src(unparen(args[0])) === variable) {
        return src(object);
      }
      if (mayLeave(statement, true)) return undefined;
    }
    return undefined;
  }

  /** A later top-level statement `if <collection>: raise …`, with no return nor new value of the collection in between. */
  function raisesWhenNotEmpty(statements: PyNode[], i: number, collection: string): boolean {
    const isCollection = (n: PyNode): boolean => n.type === 'identifier' && src(n) === collection;
    for (let j = i + 1; j < statements.length; j++) {
      const statement = statements[j];
      if (statement.type === 'if_statement') {
        const condition = child(statement, 'condition');
        const c = condition ? unparen(condition) : undefined;
        const notEmpty =
          c !== undefined &&
          (presenceAtom(c, isCollection) === 'pos' ||
            (c.type === 'comparison_operator' && ['>', '!='].includes(operatorText(c, text)) && kids(c).length === 2 && presenceAtom(unparen(kids(c)[0]), isCollection) === 'pos' && src(kids(c)[1]) === '0'));
        if (notEmpty && blockRaises(child(statement, 'consequence'))) return true;
      }
      if (mayLeave(statement, false) || assigns(statement, collection)) return false;
    }
    return false;
  }

  /** Whether a block ends by raising (or exiting the process): control never goes on past it. */
  function blockRaises(block: PyNode | undefined): boolean {
    const last = block ? kids(block).at(-1) : undefined;
    if (!last) return false;
    return last.type === 'raise_statement' || (last.type === 'expression_statement' && exitsProcess(last));
  }

  /** An expression statement that ends the process: `sys.exit(1)`, `os._exit(1)`, `exit()`. */
  function exitsProcess(statement: PyNode): boolean {
    const e = kids(statement)[0];
    const call = e && unparen(e).type === 'call' ? unparen(e) : undefined;
    const fn = call ? child(call, 'function') : undefined;
    return Boolean(fn && EXIT_CALLS.has(resolve(fn) ?? ''));
  }

  /**
   * A `return` anywhere in the statement, nested functions aside; with `inLoop` (the statement is in a loop's body),
   * also a `continue` or `break` of that loop.
   */
  function mayLeave(statement: PyNode, inLoop: boolean): boolean {
    // Iterative (nesting depth is the input's); each entry says whether `continue`/`break` there leaves the statement.
    const stack: [PyNode, boolean][] = [[statement, inLoop]];
    while (stack.length > 0) {
      const [n, leavesLoop] = stack.pop()!;
      if (n.type === 'return_statement') return true;
      if (leavesLoop && (n.type === 'continue_statement' || n.type === 'break_statement')) return true;
      if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') continue;
      // a loop (the statement itself, or one nested in it) has its own `continue` and `break`, but not in its
      // `else` clause, which runs after the loop: a `break` there leaves the loop around it
      const loop = n.type === 'for_statement' || n.type === 'while_statement';
      for (const c of n.children) stack.push([c, leavesLoop && (!loop || c.field === 'alternative')]);
    }
    return false;
  }

  /** Whether a statement gives the name a new value (`missing = []`, `missing += …`, `for missing in …`, `del missing`). */
  function assigns(statement: PyNode, name: string): boolean {
    const stack = [statement];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') continue;
      const target =
        n.type === 'assignment' || n.type === 'augmented_assignment' || n.type === 'for_statement' ? child(n, 'left') : n.type === 'named_expression' ? child(n, 'name') : n.type === 'delete_statement' ? kids(n)[0] : undefined;
      if (target && (target.type === 'identifier' ? src(target) === name : src(target).split(/[\s,()[\]]+/).includes(name))) return true;
      for (const c of n.children) stack.push(c);
    }
    return false;
  }

  /** The ends of deep walks up from uses (see walk-memo.ts), per fact and the earliest statement that counts. */
  const guardedMemo = new WalkMemo<PyNode, boolean>();

  /** Whether the fact holds at `use`: a walk up through the enclosing branches and the statements before them. */
  function guardedAt(use: PyNode, subject: Subject, minPos: number): boolean {
    const trail: Array<[string, PyNode]> = [];
    const result = guardedOnTheWayUp(use, subject, minPos, trail);
    if (trail.length > 0) guardedMemo.record(trail, result);
    return result;
  }

  /** `guardedAt`'s walk; past DEEP_WALK_STEPS (for a subject with a key) it takes a recorded end, or adds to `trail`. */
  function guardedOnTheWayUp(use: PyNode, subject: Subject, minPos: number, trail: Array<[string, PyNode]>): boolean {
    let state: string | undefined;
    let steps = 0;
    let c: PyNode = use;
    let p = use.parent;
    while (p) {
      if (++steps > DEEP_WALK_STEPS && subject.key !== undefined) {
        state ??= `${minPos} ${subject.key}`;
        const known = guardedMemo.lookup(state, c);
        if (known !== undefined) return known;
        trail.push([state, c]);
      }
      switch (p.type) {
        case 'if_statement':
        case 'elif_clause':
        case 'else_clause': {
          if (c.field === 'consequence' && implies(child(p, 'condition'), true, subject)) return true;
          if (p.type === 'if_statement' && c.field === 'alternative' && anEarlierBranchFails(p, c, subject)) return true;
          break;
        }
        case 'while_statement':
          if (c.field === 'body' && implies(child(p, 'condition'), true, subject)) return true;
          break;
        case 'conditional_expression': {
          const [a, condition, b] = kids(p);
          if (c === a && implies(condition, true, subject)) return true;
          if (c === b && implies(condition, false, subject)) return true;
          break;
        }
        case 'boolean_operator': {
          if (c.field === 'right') {
            const op = operatorText(p, text);
            if (implies(child(p, 'left'), op === 'and', subject)) return true;
          }
          break;
        }
        case 'module':
        case 'block': {
          // Only if, assert and call statements establish anything: over those, from the nearest back to minPos.
          const body = p.children;
          const before = indexInParent(c, p);
          if (subject.key !== undefined) {
            // Kept per block and subject, so that a thousand uses below a thousand statements stay linear.
            const establishing = establishingIndexes(p, subject);
            const nearest = establishing[lowerBound(establishing, before) - 1];
            if (nearest !== undefined && body[nearest].start >= minPos) return true;
            if (subject.env && (establishingIndexes(p, subject.env)[0] ?? Infinity) < before) return true;
            break;
          }
          const conditions = conditionIndexes(p);
          for (let k = lowerBound(conditions, before) - 1; k >= 0; k--) {
            const s = body[conditions[k]];
            if (s.start < minPos) break;
            if (establishes(s, subject)) return true;
          }
          break;
        }
        default:
          break;
      }
      c = p;
      p = p.parent;
    }
    return false;
  }

  /**
   * Whether the condition of a branch of an if statement before `branch` (an `elif` or `else` clause) failing proves
   * the fact: `if not url: … elif …: <here>`. For a subject with a key, the first such branch is found once per if
   * statement, so the uses in a thousand `elif`s do not each try the conditions above them.
   */
  const firstFailingMemo = new Map<PyNode, Map<string, number>>();
  function anEarlierBranchFails(ifNode: PyNode, branch: PyNode, subject: Subject): boolean {
    const { list } = ifBranches(ifNode);
    const position = branchPosition.get(branch) ?? list.length;
    if (subject.key === undefined) return list.slice(0, position).some((b) => implies(b.condition, false, subject));
    let memo = firstFailingMemo.get(ifNode);
    if (!memo) firstFailingMemo.set(ifNode, (memo = new Map()));
    let first = memo.get(subject.key);
    if (first === undefined) {
      const found = list.findIndex((b) => b.condition !== undefined && implies(b.condition, false, subject));
      first = found < 0 ? Infinity : found;
      memo.set(subject.key, first);
    }
    return first < position;
  }

  /** Per block, per subject key: the indexes (among the block's children, ascending) of the statements that establish the fact. */
  const establishingMemo = new Map<PyNode, Map<string, number[]>>();
  function establishingIndexes(block: PyNode, subject: Subject): number[] {
    const key = subject.key!;
    let memo = establishingMemo.get(block);
    if (!memo) establishingMemo.set(block, (memo = new Map()));
    let indexes = memo.get(key);
    if (!indexes) {
      const candidates = conditionIndexes(block);
      indexes = [];
      for (const k of mentioning(candidates, block.children, subject)) if (establishes(block.children[candidates[k]], subject)) indexes.push(candidates[k]);
      memo.set(key, indexes);
    }
    return indexes;
  }

  /** Per list of candidate statement indexes: the positions in it of the statements that mention each name. */
  const mentionsMemo = new Map<readonly number[], MentionIndex>();

  /**
   * The positions in a list of candidate statements (indexes into `statements`) worth trying for the subject,
   * ascending: all of them, or, for a long list and a subject that names what it is about, only those that mention
   * the name (an identifier or an environment read of it, anywhere in the statement) and the calls of functions of
   * the file (guard functions, which may check anything). A statement that mentions neither cannot establish the
   * fact, so a thousand uses of a thousand variables below a thousand checks stay linear.
   */
  function mentioning(candidates: readonly number[], statements: readonly PyNode[], subject: Subject): Iterable<number> {
    if (subject.mentions === undefined || candidates.length < MENTION_INDEX_MIN) return candidates.keys();
    let index = mentionsMemo.get(candidates);
    if (!index) mentionsMemo.set(candidates, (index = buildMentionIndex(candidates.length, (k) => mentionedNames(statements[candidates[k]]))));
    return positionsFor(index, subject.mentions);
  }

  /** The identifiers and environment variable names a statement mentions; `'any'` for a call of a function of the file, a loop or an assignment. */
  function mentionedNames(statement: PyNode): Set<string> | 'any' {
    const plain = plainCallOf(statement);
    if (plain) return latestBinding(src(plain.call.children[0]), plain.call.children[0])?.kind === 'def' ? 'any' : new Set();
    if (statement.type !== 'if_statement' && statement.type !== 'assert_statement') return 'any';
    const names = new Set<string>();
    const stack = [statement];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'identifier') names.add(src(n));
      const read = envIndex.get(n);
      const name = read !== undefined ? envReads[read].name : undefined;
      if (name !== undefined) names.add(name);
      for (const c of n.children) stack.push(c);
    }
    return names;
  }

  function isNone(node: PyNode | undefined): boolean {
    return node !== undefined && unparen(node).type === 'none';
  }

  /**
   * `x`, `x is not None`, `x != None`, `bool(x)`, `len(x)`, `isinstance(x, …)`, `x.method(…)` for a matcher of `x`.
   * With `emptyMatters` (a value that defaults to `""`), only the tests an empty string fails count (and `x != ""`
   * does): `is None` says nothing about it, nor does `isinstance`.
   */
  function presenceAtom(node: PyNode, isSubject: (n: PyNode) => boolean, emptyMatters = false): 'pos' | 'neg' | undefined {
    // `(x := …)` stands for `x`
    const isX = (n: PyNode): boolean => {
      if (isSubject(n)) return true;
      if (n.type !== 'named_expression') return false;
      const name = child(n, 'name');
      const value = child(n, 'value');
      return Boolean((name && isSubject(name)) || (value && isSubject(unparen(value))));
    };
    if (isX(node)) return 'pos';
    if (node.type === 'comparison_operator') {
      const operands = kids(node);
      if (operands.length !== 2) return undefined;
      const op = operatorText(node, text);
      const [a, b] = operands.map(unparen);
      // `None not in (url, region)` true, or `None in (url, region)` false: none of them is None
      if ((op === 'in' || op === 'not in') && LITERAL_COLLECTIONS.has(b.type) && kids(b).some((k) => isX(unparen(k)))) {
        const settles = emptyMatters ? isEmptyString(a) : isNone(a);
        return settles ? (op === 'not in' ? 'pos' : 'neg') : undefined;
      }
      const subjectSide = isX(a) ? b : isX(b) ? a : undefined;
      if (!subjectSide) return undefined;
      // `x != ""` settles presence only for a value that is never None.
      const settles = emptyMatters ? isEmptyString(subjectSide) : isNone(subjectSide);
      if (!settles) return undefined;
      if (op === 'is not' || op === '!=') return 'pos';
      if (op === 'is' || op === '==') return 'neg';
      return undefined;
    }
    if (node.type === 'call') {
      const fn = child(node, 'function');
      const { positional } = argumentParts(node);
      const presenceTests = emptyMatters ? ['bool', 'len'] : ['bool', 'len', 'isinstance'];
      if (fn && fn.type === 'identifier' && presenceTests.includes(src(fn)) && positional[0] && isX(unparen(positional[0]))) return 'pos';
      // `all([url, region])` is true only when each of them is truthy
      if (fn && fn.type === 'identifier' && src(fn) === 'all' && positional.length === 1) {
        const items = unparen(positional[0]);
        if (LITERAL_COLLECTIONS.has(items.type) && kids(items).some((k) => isX(unparen(k)))) return 'pos';
      }
      if (fn && fn.type === 'attribute') {
        const object = child(fn, 'object');
        if (object && isX(unparen(object))) return 'pos';
      }
    }
    return undefined;
  }

  /** `name` (bound in `scope`) holds a value; `envName` is the environment variable it was read from, when known. */
  function variableSubject(name: string, emptyMatters: boolean, scope: Scope, envName: string | undefined): Subject {
    const isX = (n: PyNode): boolean => n.type === 'identifier' && src(n) === name;
    return {
      atom: (node) => presenceAtom(node, isX, emptyMatters),
      key: `variable ${emptyMatters} ${name} ${scope.node.start}`,
      mentions: name,
      about: { variable: name, scope },
      env: envName !== undefined ? envSubject(envName, undefined, emptyMatters) : undefined,
      assignedIn(block) {
        return kids(block).some((s) => {
          const a = kids(s)[0];
          if (!a || a.type !== 'assignment') return false;
          const left = child(a, 'left');
          const right = child(a, 'right');
          return Boolean(left && isX(unparen(left)) && right && !isNone(right));
        });
      },
    };
  }

  /** The environment variable `name` is set; without a name, the one `read` reads (only that read can test it). */
  function envSubject(name: string | undefined, read: PyNode | undefined, emptyMatters: boolean): Subject {
    const isX = (n: PyNode): boolean => {
      const index = envIndex.get(n);
      if (index === undefined) return false;
      return name !== undefined ? envReads[index].name === name : n === read;
    };
    return {
      atom: (node) => presenceAtom(node, isX, emptyMatters),
      key: name !== undefined ? `env ${emptyMatters} ${name}` : undefined,
      mentions: name,
      about: name !== undefined ? { env: name, emptyMatters } : undefined,
    };
  }

  /** `os.getenv("LOCAL_DEV") == "1"` (or `os.environ.get`, `in (…)`, a bare truthy read, or a name bound to one). */
  const localDevSubject: Subject = {
    atom(node) {
      return localDevAtom(node, 0);
    },
    key: 'LOCAL_DEV',
  };

  function isLocalDevRead(node: PyNode): boolean {
    let n = unparen(node);
    // os.getenv("LOCAL_DEV", "").lower() / .strip()
    for (let i = 0; i < 4 && n.type === 'call'; i++) {
      const index = envIndex.get(n);
      if (index !== undefined) return envReads[index].name === 'LOCAL_DEV';
      const fn = child(n, 'function');
      const object = fn && fn.type === 'attribute' ? child(fn, 'object') : undefined;
      if (!object) return false;
      n = unparen(object);
    }
    const index = envIndex.get(n);
    return index !== undefined && envReads[index].name === 'LOCAL_DEV';
  }

  function localDevAtom(node: PyNode, hops: number): 'pos' | 'neg' | undefined {
    if (isLocalDevRead(node)) return 'pos';
    if (node.type === 'comparison_operator') {
      const operands = kids(node);
      if (operands.length === 2 && operands.some(isLocalDevRead)) {
        const op = operatorText(node, text);
        if (op === '==' || op === 'in' || op === 'is') return 'pos';
        if (op === '!=' || op === 'not in' || op === 'is not') return 'neg';
      }
      return undefined;
    }
    if (node.type === 'identifier' && hops < MAX_HOPS) {
      const binding = latestBinding(src(node), node);
      if (binding && binding.kind === 'value' && binding.value) {
        const value = unparen(binding.value);
        if (value.type === 'not_operator') {
          const inner = child(value, 'argument');
          const atom = inner ? localDevAtom(unparen(inner), hops + 1) : undefined;
          return atom === 'pos' ? 'neg' : atom === 'neg' ? 'pos' : undefined;
        }
        return localDevAtom(value, hops + 1);
      }
    }
    return undefined;
  }

  // ---- Uses of environment reads ---------------------------------------------------------------------------------

  /** Truthiness tests (`if url:`, `if url is None`, `assert url`): they handle absence, they do not use the value. */
  function isTest(use: PyNode): boolean {
    let c = use;
    let p = use.parent;
    for (let i = 0; p && i < MAX_DEPTH; i++) {
      // `url and …` / `url or …`: the left operand is tested (with `or`, it flows on only when truthy)
      if (p.type === 'boolean_operator' && c.field === 'left') return true;
      if (p.type === 'parenthesized_expression' || p.type === 'not_operator' || p.type === 'boolean_operator') {
        c = p;
        p = p.parent;
        continue;
      }
      if (p.type === 'comparison_operator') {
        const operands = kids(p);
        if (!operands.some((o) => isNone(o) || isEmptyString(o) || o.type === 'string')) return false;
        c = p;
        p = p.parent;
        continue;
      }
      if (p.type === 'named_expression' && c.field === 'value') {
        c = p;
        p = p.parent;
        continue;
      }
      if (p.type === 'call') {
        const fn = child(p, 'function');
        if (fn && fn.type === 'identifier' && src(fn) === 'bool') {
          c = p;
          p = p.parent;
          continue;
        }
        return false;
      }
      // an item of `all([url, region])` (or `any`), or of `None in (url, region)`: the call or comparison is the test
      if (LITERAL_COLLECTIONS.has(p.type)) {
        const holder = p.parent;
        const call = holder?.type === 'argument_list' && kids(holder).length === 1 ? holder.parent : undefined;
        const fn = call?.type === 'call' ? child(call, 'function') : undefined;
        if (fn?.type === 'identifier' && (src(fn) === 'all' || src(fn) === 'any')) {
          c = call!;
          p = call!.parent;
          continue;
        }
        if (holder?.type === 'comparison_operator' && kids(holder)[1] === p) {
          c = p;
          p = holder;
          continue;
        }
        return false;
      }
      if (p.type === 'argument_list') {
        const call = p.parent;
        const fn = call ? child(call, 'function') : undefined;
        // `isinstance(url, str)` tests the value, as `bool(url)` does; neither hands it on.
        if (fn && fn.type === 'identifier' && src(fn) === 'isinstance' && kids(p)[0] === c) return true;
        if (fn && fn.type === 'identifier' && src(fn) === 'bool') {
          c = p;
          p = p.parent;
          continue;
        }
        return false;
      }
      if ((p.type === 'if_statement' || p.type === 'elif_clause' || p.type === 'while_statement') && c.field === 'condition') return true;
      if (p.type === 'assert_statement') return kids(p)[0] === c;
      if (p.type === 'conditional_expression') return kids(p)[1] === c;
      return false;
    }
    return false;
  }

  function useKind(use: PyNode): EnvUse['kind'] {
    let u = use;
    let p = use.parent;
    for (let i = 0; p && i < MAX_DEPTH; i++) {
      if (
        p.type === 'parenthesized_expression' ||
        p.type === 'await' ||
        (p.type === 'boolean_operator' && operatorText(p, text) === 'or') ||
        (p.type === 'conditional_expression' && kids(p)[1] !== u)
      ) {
        u = p;
        p = p.parent;
        continue;
      }
      break;
    }
    if (!p) return 'other';
    if (augmented.has(use)) return operatorText(p, text) === '+=' ? 'string-building' : 'other';
    if (p.type === 'interpolation') return 'string-building';
    if (p.type === 'binary_operator' && ['+', '%'].includes(operatorText(p, text))) return 'string-building';
    // a value inside a dict / list / tuple literal flows into whatever receives the literal
    for (let i = 0; p && i < MAX_DEPTH; i++) {
      if ((p.type === 'pair' && u.field === 'value') || p.type === 'dictionary' || p.type === 'list' || p.type === 'tuple' || p.type === 'parenthesized_expression') {
        u = p;
        p = p.parent;
        continue;
      }
      break;
    }
    if (!p) return 'other';
    let call: PyNode | undefined;
    if (p.type === 'argument_list' && p.parent?.type === 'call') call = p.parent;
    else if (p.type === 'keyword_argument' && u.field === 'value' && p.parent?.type === 'argument_list' && p.parent.parent?.type === 'call') call = p.parent.parent;
    if (!call) return 'other';
    const fn = child(call, 'function');
    if (!fn) return 'call-argument';
    const callee = resolve(fn) ?? src(fn);
    if (isHttpCall(callee)) return 'http-call';
    if (URL_BUILDERS.has(callee)) return 'url';
    if (fn.type === 'attribute' && child(fn, 'attribute') && src(child(fn, 'attribute')!) === 'format') return 'string-building';
    const last = callee.replace(/\(\)/g, '').split('.').pop() ?? '';
    if (/^[A-Z]/.test(last) || CLIENT_FACTORIES.test(callee.replace(/\(\)/g, ''))) return 'constructor-argument';
    return 'call-argument';
  }

  /** `os.getenv(X, "")` and the like: a missing variable is an empty string, which `is None` does not catch. */
  function defaultsToEmpty(readIndex: number): boolean {
    return envReads[readIndex].unsafe === 'empty-default';
  }

  function addUse(readIndex: number, use: PyNode, subject: Subject, minPos: number, checkedBefore = false): void {
    const test = isTest(use);
    envReads[readIndex].uses.push({
      span: span(use),
      kind: test ? 'other' : useKind(use),
      guarded: test || checkedBefore || afterCaughtRead(readIndex, use) || guardedAt(use, subject, minPos),
    });
  }

  const copyCheckedMemo = new Map<Binding, boolean>();
  /**
   * Whether the value a copy took was known to be set where it took it (`if not url: return`, then `endpoint = url`):
   * the copy's variable holds it from then on. Copies are at most MAX_HOPS deep, so the recursion is bounded.
   */
  function copyChecked(b: Binding): boolean {
    const copy = copiedFrom.get(b);
    if (!copy) return false;
    let checked = copyCheckedMemo.get(b);
    if (checked === undefined) {
      const { site, from } = copy;
      const index = from.envRead!;
      const subject = variableSubject(from.name, defaultsToEmpty(index), from.scope, envReads[index].name);
      checked = afterCaughtRead(index, site) || guardedAt(site, subject, from.effective) || copyChecked(from);
      copyCheckedMemo.set(b, checked);
    }
    return checked;
  }

  /** An identifier that reads a variable's value (not an assignment target, attribute or keyword name, parameter …). */
  function readsValue(identifier: PyNode): boolean {
    if (targets.has(identifier) && !augmented.has(identifier)) return false;
    const parent = identifier.parent;
    if (!parent) return false;
    if (parent.type === 'attribute' && identifier.field === 'attribute') return false;
    if (parent.type === 'keyword_argument' && identifier.field === 'name') return false;
    if (parent.type === 'dotted_name' || parent.type === 'aliased_import' || parent.type === 'global_statement' || parent.type === 'nonlocal_statement') return false;
    if ((parent.type === 'default_parameter' || parent.type === 'typed_default_parameter' || parent.type === 'typed_parameter') && identifier.field !== 'value') return false;
    return parent.type !== 'parameters' && parent.type !== 'lambda_parameters';
  }

  collectEnvUses();
  function collectEnvUses(): void {
    // uses through variables
    const envNames = new Set<string>();
    for (const b of allBindings) if (b.envRead !== undefined && b.scope.bindings.get(b.name)?.includes(b)) envNames.add(b.name);
    for (const b of carriedBy.keys()) envNames.add(b.name);
    // calls of functions of this file that return a read (`headers={"x-api-key": get_key()}`)
    for (const { node } of callNodes) {
      const fn = child(node, 'function');
      if (fn?.type !== 'identifier' || envIndex.has(node)) continue;
      const held = heldBy(node)?.envRead;
      if (held !== undefined) (envReads[held].carriedUses ??= []).push({ span: span(node), through: `${src(fn)}()` });
    }
    for (const identifier of identifiers) {
      if (!envNames.has(src(identifier)) || !readsValue(identifier)) continue;
      const found = lookup(src(identifier), identifier);
      if (!found) continue;
      for (const b of reaching(found.list, identifier, found.local)) {
        for (const index of carriedBy.get(b) ?? []) (envReads[index].carriedUses ??= []).push({ span: span(identifier), through: b.name });
        if (b.envRead === undefined) continue;
        addUse(b.envRead, identifier, variableSubject(b.name, defaultsToEmpty(b.envRead), b.scope, envReads[b.envRead].name), b.effective, copyChecked(b));
      }
    }
    // `self.<attr>` bound to a read: uses of `self.<attr>` in the class's methods
    const selfEnvAttrs = new Map<Scope, Map<string, number>>();
    for (const b of allBindings) {
      if (b.envRead === undefined || b.target.type !== 'attribute' || !b.scope.classScope) continue;
      let attrs = selfEnvAttrs.get(b.scope.classScope);
      if (!attrs) selfEnvAttrs.set(b.scope.classScope, (attrs = new Map()));
      attrs.set(b.name, b.envRead);
    }
    if (selfEnvAttrs.size) {
      for (const identifier of identifiers) {
        const parent = identifier.parent;
        if (!parent || parent.type !== 'attribute' || identifier.field !== 'object') continue;
        const cls = selfClass(identifier);
        const attrs = cls && selfEnvAttrs.get(cls);
        const attribute = child(parent, 'attribute');
        if (!attrs || !attribute) continue;
        const index = attrs.get(src(attribute));
        if (index === undefined) continue;
        const { node: outer, parent: holder } = upParen(parent);
        if (holder && holder.type === 'assignment' && outer.field === 'left') continue;
        const text0 = src(parent);
        const subject: Subject = {
          atom: (node) => presenceAtom(node, (n) => n.type === 'attribute' && src(n) === text0, defaultsToEmpty(index)),
          key: `attribute ${defaultsToEmpty(index)} ${text0}`,
        };
        addUse(index, parent, subject, 0);
      }
    }
    // direct reads that are not bound to anything: the read itself is the use
    for (const [node, index] of envIndex) {
      const read = envReads[index];
      if (read.boundTo !== undefined) continue;
      const { outer } = envWrapper(node);
      addUse(index, outer, envSubject(read.name, node, defaultsToEmpty(index)), 0);
    }
    // LOCAL_DEV-only reads
    for (const [node, index] of envIndex) {
      if (envReads[index].name === 'LOCAL_DEV') continue;
      envReads[index].localDevOnly = guardedAt(node, localDevSubject, 0);
    }

    for (const read of envReads) {
      read.uses.sort((a, b) => a.span.start - b.span.start);
      if (read.carriedUses) read.carriedUses = sortedCarriedUses(read.carriedUses);
    }
  }

  // ---- Directives ------------------------------------------------------------------------------------------------

  // Like the TS adapter: a directive is a comment on its own line, in the block of comment lines directly above
  // a statement (no blank line in between); it covers that statement, body included.
  collectDirectives();
  function collectDirectives(): void {
    const DIRECTIVE = /^#\s*agentcore-lint:\s*direct-call\b(.*)$/;
    for (const comment of comments) {
      const commentText = src(comment).trimEnd(); // with CRLF line ends the comment token keeps the `\r`
      const match = DIRECTIVE.exec(commentText);
      if (!match) continue;
      const lineStart = text.lastIndexOf('\n', comment.start - 1) + 1;
      if (text.slice(lineStart, comment.start).trim() !== '') continue; // trailing comment: not a directive
      const covered = statements[upperBound(statements, comment.end - 1)];
      if (!covered) continue;
      const between = text.slice(comment.end, covered.start).split(/\r?\n|\r/);
      // between[0] is the rest of the comment's line; the last piece is the statement's indentation
      const attached = between.length >= 2 && between.slice(1, -1).every((line) => /^\s*#/.test(line)) && between[between.length - 1].trim() === '';
      if (!attached) continue;
      directives.push({
        span: { start: comment.start, end: comment.start + commentText.length },
        reason: match[1].replace(/^[\s:\u2014-]+/, '').trim(),
        covers: span(covered),
      });
    }
  }

  // ---- Parse problems --------------------------------------------------------------------------------------------

  collectParseProblems();
  function collectParseProblems(): void {
    errors.sort((a, b) => a.start - b.start || b.end - a.end);
    for (let i = 0; i < errors.length && parseProblems.length < MAX_PARSE_PROBLEMS; i++) {
      const e = errors[i];
      if (e.missing) {
        parseProblems.push({ span: span(e), message: `Python syntax error: missing ${e.named ? e.type : `'${e.type}'`}` });
        continue;
      }
      // report the innermost errors: an ERROR that holds another one is described by that one
      let holdsAnother = false;
      for (let j = i + 1; j < errors.length && errors[j].start < e.end; j++) {
        if (!errors[j].missing && contains(e, errors[j])) holdsAnother = true;
      }
      if (holdsAnother) continue;
      const first = src(e).trim().split('\n')[0];
      const shown = first.length > 40 ? `${first.slice(0, 40)}…` : first;
      parseProblems.push({
        span: span(e),
        message: shown ? `Python syntax error: unexpected '${shown}'` : 'Python syntax error: unexpected input',
      });
    }
    parseProblems.sort((a, b) => a.span.start - b.span.start);
  }

  strings.sort((a, b) => a.span.start - b.span.start);
  directives.sort((a, b) => a.span.start - b.span.start);
  // With CRLF line ends the comment token keeps the `\r`: the span ends with the trimmed text, before the line end.
  const commentFacts = comments.map((c) => {
    const text = src(c).trimEnd();
    return { span: { start: c.start, end: c.start + text.length }, text };
  });
  return { language: 'python', comments: commentFacts, strings, calls, envReads, directives, parseProblems };
}

/** Index of the first statement starting after `offset`. */
function upperBound(statements: PyNode[], offset: number): number {
  let lo = 0;
  let hi = statements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (statements[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
