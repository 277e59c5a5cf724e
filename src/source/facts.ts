/**
 * The language-neutral facts that source rules check. Each language adapter (Python with tree-sitter,
 * TS/JS with the TypeScript compiler API) extracts these from one file; the rules never see a syntax tree, so
 * one rule implementation serves Python, TypeScript/JavaScript and the ESLint plugin.
 *
 * All offsets are UTF-16 indices into the file's text (as editors, ESLint and SARIF count).
 */

export type SourceLanguage = 'python' | 'typescript' | 'javascript';

export interface Span {
  start: number;
  end: number;
}

/** Where a string literal stands: what receives it decides whether a high-entropy value is a secret. */
export type StringContext =
  /** `api_key = "..."`, `const apiKey = "..."`, `self.token = "..."`, `obj.secret = "..."`: the bound name. */
  | { kind: 'assignment'; name: string }
  /** `f(api_key="...")` (Python keyword argument). */
  | { kind: 'keyword-argument'; name: string; callee: string }
  /** `{ apiKey: "..." }`, `{"api_key": "..."}`, `headers={"Authorization": "..."}`: the key. */
  | { kind: 'property'; name: string }
  /** The literal default of an environment read: `os.environ.get("X", "...")`, `process.env.X ?? "..."`. */
  | { kind: 'env-default'; envName: string | undefined }
  /** A positional call argument. */
  | { kind: 'argument'; callee: string; index: number }
  /** Import specifiers, `__all__` entries, type positions, dictionary keys: never a secret. */
  | { kind: 'inert' }
  /** Anything else (return values, comparisons, list elements ...). */
  | { kind: 'other' };

export interface StringFact {
  span: Span;
  /**
   * The decoded text. For f-strings and template literals, the static parts with each interpolation replaced
   * by `{}` (so `f"Bearer {token}"` is `Bearer {}`).
   */
  value: string;
  /** An f-string or a template literal with interpolations. */
  interpolated: boolean;
  context: StringContext;
}

/** A value passed to a call, summarised for the rules. */
export type ValueFact =
  | { kind: 'string'; value: string; span: Span }
  /** An environment read (index into `SourceFacts.envReads`), directly or through a variable bound to one. */
  | { kind: 'env'; envRead: number; span: Span }
  /** A variable the adapter could not trace to a literal or an env read. */
  | { kind: 'identifier'; name: string; span: Span }
  /** A property read the adapter could not trace (`config.GATEWAY_URL`, `settings.api_url`): the property's name. */
  | { kind: 'member'; name: string; span: Span }
  | { kind: 'other'; span: Span };

export interface CallFact {
  span: Span;
  /** The callee as written (`client.post`, `fetch`). */
  calleeText: string;
  calleeSpan: Span;
  /**
   * The callee resolved through imports and aliases to a canonical dotted name: `requests.get`,
   * `httpx.AsyncClient` (constructor), `httpx.AsyncClient().post` (a method on an instance), `axios.post`,
   * `fetch`, `openai.OpenAI`, `bedrock_agentcore.identity.requires_api_key`. Undefined when unknown.
   */
  callee: string | undefined;
  /** `new X(...)` in TS/JS; calls of classes are plain calls in Python. */
  isNew: boolean;
  /** Positional arguments. */
  args: ValueFact[];
  /** Python keyword arguments, or the properties of a TS/JS object-literal argument (first one that has them). */
  named: Readonly<Record<string, ValueFact>>;
  /** Decorators / wrappers this call is inside (canonical names), e.g. `bedrock_agentcore.identity.requires_api_key`. */
  enclosingDecorators: readonly string[];
  /** The statement this call belongs to (for `agentcore-lint:` directives on the line before it). */
  statementSpan: Span;
  /**
   * The call is a fetch implementation's own request: inside a function of `(input, init)`, it fetches a URL made
   * from `input` with `init` (or `{ ...init, … }`), as signing, retrying and logging wrappers handed to an MCP
   * transport do. Its callers name the destination. TS/JS only.
   */
  forwardsRequest?: true;
}

/**
 * `named` of every call without keyword arguments or object-literal properties (three calls in four in the
 * benchmark projects), and `enclosingDecorators` of every call outside decorated functions (nearly all). One frozen
 * value each instead of a fresh one per call, which for a null-prototype object costs V8 about 150 bytes: ~7 MB on
 * the 4,000-file benchmark project. Rules only read facts.
 */
export const NO_NAMED_ARGUMENTS: Readonly<Record<string, ValueFact>> = Object.freeze(Object.create(null) as Record<string, ValueFact>);
export const NO_DECORATORS: readonly string[] = Object.freeze([]);

/** How an environment variable is read. */
export type EnvReadForm =
  | 'os.getenv'
  | 'os.environ.get'
  /** `os.environ["X"]`: raises KeyError when unset. */
  | 'os.environ[]'
  | 'process.env.X'
  | 'process.env[]'
  /** `const { X } = process.env`. */
  | 'destructuring';

export interface EnvUse {
  span: Span;
  /** What the value flows into. */
  kind: 'call-argument' | 'constructor-argument' | 'string-building' | 'url' | 'http-call' | 'other';
  /** Whether absence was handled on every path to this use (an `if not url: return`, a truthiness test ...). */
  guarded: boolean;
}

/** A use of a variable whose value holds an environment read (EnvReadFact.carriedUses). */
export interface CarriedUse {
  span: Span;
  /** The variable's name, or the call (`get_key()`). */
  through: string;
}

/**
 * How many reads one variable's value carries at most (the rest are dropped), so that a chain of values, each built
 * from the one before and another read, stays linear.
 */
export const MAX_CARRIED_READS = 8;

/** Carried uses in file order, each place once (two bindings reaching one use carry the same value). */
export function sortedCarriedUses(uses: readonly CarriedUse[]): CarriedUse[] {
  const sorted = [...uses].sort((a, b) => a.span.start - b.span.start || a.through.localeCompare(b.through));
  return sorted.filter((u, i) => i === 0 || u.span.start !== sorted[i - 1].span.start || u.through !== sorted[i - 1].through);
}

export interface EnvReadFact {
  span: Span;
  form: EnvReadForm;
  /** The variable's name when it is a literal or a module-level constant; undefined when computed. */
  name: string | undefined;
  /** The read itself makes absence an error or an empty string: `os.environ[...]`, `process.env.X!`, `?? ""`, `or ""`. */
  unsafe: 'key-error' | 'non-null-assertion' | 'empty-default' | undefined;
  /** Whether a default value other than an empty string is given. */
  hasDefault: boolean;
  /** The local or module variable the value is bound to, if any. */
  boundTo: string | undefined;
  /** Where the value (directly or through `boundTo`) is used, within the same function and module bindings. */
  uses: EnvUse[];
  /**
   * Where a variable holding a value built from this one (a string, dict/object or list with it inside:
   * `headers = {"Authorization": f"Bearer {key}"}`) is used, in the same function and module bindings, and where a
   * function of the file that returns it is called (`get_key()`). Absent when there is none. Only credential checks
   * read these: presence is not carried (`f"{url}/mcp"` is set even when `url` is not), so no guards are worked out.
   */
  carriedUses?: CarriedUse[];
  /** Inside an `if os.getenv("LOCAL_DEV") == "1"` / `process.env.LOCAL_DEV === '1'` branch. */
  localDevOnly: boolean;
  /**
   * The file sets this variable only from a key AgentCore Identity injects (`os.environ["X"] = api_key` inside an
   * `@requires_api_key` function), so the value is that key. Python only.
   */
  identityBacked?: boolean;
}

/** `# agentcore-lint: direct-call <reason>` (or `//`): accepts direct calls in the statement that follows. */
export interface DirectiveFact {
  /** The comment. */
  span: Span;
  reason: string;
  /** The next statement, including its whole body when it is a function, class, `with` or block. */
  covers: Span;
}

export interface ParseProblem {
  span: Span;
  message: string;
}

export interface CommentFact {
  span: Span;
  /** The comment's text, comment markers included. */
  text: string;
}

export interface SourceFacts {
  language: SourceLanguage;
  /** Every comment, in file order (suppression directives are read from these). */
  comments: CommentFact[];
  strings: StringFact[];
  calls: CallFact[];
  envReads: EnvReadFact[];
  directives: DirectiveFact[];
  /** Syntax errors; what the parser recovered is still in the facts above. */
  parseProblems: ParseProblem[];
}
