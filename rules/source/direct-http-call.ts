import { defineRule } from '../../src/rule.js';
import type { CallFact, SourceFacts, ValueFact } from '../../src/source/facts.js';
import {
  credentialSources,
  destinationOf,
  fromLocalDevOrIdentity,
  fittingTargetType,
  isAwsSdkCall,
  isGatewayUrlEnvName,
  isHttpCall,
  isIdentityWrapper,
  rangeOf,
  SOURCE_RULE_EXTENSIONS,
  vendorClient,
  within,
} from '../../src/source/vocabulary.js';

/** The five reasons AWS's guidance accepts for calling an API directly from agent code. */
export const DIRECT_CALL_REASONS = ['streaming', 'latency', 'vendor-sdk', 'a2a', 'aws-sdk'] as const;

/** Named arguments that carry the URL when it is not the first positional one. */
const URL_ARGS = ['url', 'base_url', 'baseURL', 'baseUrl', 'prefixUrl', 'hostname', 'host', 'origin', 'input'];

/**
 * The first positional argument, or, when it is an options object, the option that names the destination
 * (`http.request({ hostname: url.hostname, ... })`). Options in a later argument do not count: the second argument of
 * `axios.post` is the request body, whose `url` or `host` says nothing about where the request goes.
 */
function urlArgument(call: CallFact): ValueFact | undefined {
  const first = call.args[0];
  for (const name of URL_ARGS) {
    const option = call.named[name];
    if (option && (!first || (first.kind === 'other' && within(first.span, option.span)))) return option;
  }
  return first;
}

/**
 * An argument the adapter summarised as `other` may still be a string literal (a template literal); a name written
 * as a constant (`API_URL`, UPPER_CASE) that the file assigns exactly one string stands for that string, so
 * `fetch(PROXY_URL)` with `PROXY_URL = "http://127.0.0.1:…"` is local. Other names may be reassigned or computed,
 * and stay unknown.
 */
function asString(facts: SourceFacts, arg: ValueFact | undefined): ValueFact | undefined {
  if (arg?.kind === 'identifier' && CONSTANT_NAME.test(arg.name)) {
    const assigned = constantStrings(facts).get(arg.name);
    // `API_URL = "http://localhost:8080"` then `API_URL = os.getenv("API_URL", API_URL)`: not a constant after all.
    const fromEnv = facts.envReads.some((read) => read.boundTo === arg.name);
    return assigned?.length === 1 && !fromEnv ? { kind: 'string', value: assigned[0].value, span: arg.span } : arg;
  }
  if (arg?.kind !== 'other') return arg;
  const literal = stringsBySpan(facts).get(`${arg.span.start}:${arg.span.end}`);
  return literal ? { kind: 'string', value: literal.value, span: literal.span } : arg;
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z][A-Z0-9]{2,}$/;

type Strings = SourceFacts['strings'];

/** An index of a file's string literals, built once per file: a file with thousands of calls stays linear. */
function indexedOnce<T>(build: (strings: Strings) => T): (facts: SourceFacts) => T {
  const built = new WeakMap<Strings, T>();
  return (facts) => {
    let index = built.get(facts.strings);
    if (index === undefined) built.set(facts.strings, (index = build(facts.strings)));
    return index;
  };
}

/** The strings assigned to each name. */
const constantStrings = indexedOnce((strings) => {
  const index = new Map<string, Strings>();
  for (const literal of strings) {
    if (literal.context.kind !== 'assignment') continue;
    const list = index.get(literal.context.name);
    if (list) list.push(literal);
    else index.set(literal.context.name, [literal]);
  }
  return index;
});

/** The string literals by span (the first at each). */
const stringsBySpan = indexedOnce((strings) => {
  const index = new Map<string, Strings[number]>();
  for (const literal of strings) {
    const key = `${literal.span.start}:${literal.span.end}`;
    if (!index.has(key)) index.set(key, literal);
  }
  return index;
});

/**
 * Whether a URL built by interpolation starts with a gateway URL variable (`f"{url}/mcp"`, `` `${url}/mcp` ``): the
 * read's value is used right after the string's opening quote and brace.
 */
function startsWithGatewayUrl(facts: SourceFacts, arg: ValueFact): boolean {
  if (arg.kind !== 'string' || !arg.value.startsWith('{}')) return false;
  return facts.envReads.some(
    (read) =>
      isGatewayUrlEnvName(read.name) &&
      read.uses.some((use) => use.span.start > arg.span.start && use.span.start <= arg.span.start + 6 && use.span.end <= arg.span.end),
  );
}

export type DirectCall =
  | { kind: 'http'; call: CallFact; url: string | undefined }
  | { kind: 'vendor'; call: CallFact; vendor: string };

/**
 * The calls in agent code that bypass a gateway: HTTP requests to a non-local, non-AWS host (or one computed at
 * run time, unless it comes from a gateway-URL variable), and vendor clients given a credential in code or from
 * the environment (not from an AgentCore Identity decorator, which is the templates' model-provider pattern).
 */
export function directCalls(facts: SourceFacts): DirectCall[] {
  const out: DirectCall[] = [];
  for (const call of facts.calls) {
    if (isAwsSdkCall(call.callee)) continue;
    if (isHttpCall(call.callee)) {
      if (call.forwardsRequest) continue; // a fetch wrapper's own request: its callers name the destination
      const arg = asString(facts, urlArgument(call));
      if (arg?.kind === 'string') {
        // `client.get("/items")` is relative to the client's base URL, not to this machine.
        const relativeToClient = arg.value.startsWith('/') && (call.callee ?? '').includes('()');
        const destination = relativeToClient ? 'unknown' : destinationOf(arg.value);
        if (destination === 'local' || destination === 'aws') continue;
        if (destination === 'unknown' && startsWithGatewayUrl(facts, arg)) continue; // `${gatewayUrl}/mcp`
        out.push({ kind: 'http', call, url: destination === 'remote' ? arg.value : undefined });
      } else if (arg?.kind === 'env') {
        const read = facts.envReads[arg.envRead];
        if (read && isGatewayUrlEnvName(read.name)) continue; // the gateway itself
        out.push({ kind: 'http', call, url: undefined });
      } else if ((arg?.kind === 'identifier' || arg?.kind === 'member') && isGatewayUrlEnvName(arg.name)) {
        // `GATEWAY_URL` imported from a settings module, `config.AGENTCORE_GATEWAY_ENDPOINT`: named as the gateway.
        continue;
      } else {
        out.push({ kind: 'http', call, url: undefined });
      }
      continue;
    }
    const vendor = vendorClient(call.callee);
    if (!vendor) continue;
    // Keys injected by AgentCore Identity (the CLI templates' model providers) are the recommended pattern.
    if (call.enclosingDecorators.some(isIdentityWrapper)) continue;
    const credentials = credentialSources(facts, call).filter((c) => c.kind === 'literal' || !fromLocalDevOrIdentity(facts.envReads[c.envRead!]));
    if (credentials.length === 0) continue;
    out.push({ kind: 'vendor', call, vendor: vendor.vendor });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'direct-http-call',
    code: 'AC051',
    category: 'source',
    defaultSeverity: 'warning',
    description:
      'Agent runtime code should reach external APIs through a Gateway target, not with direct HTTP calls or keyed vendor clients.',
    rationale:
      'A Gateway target keeps the credential at the edge (outbound auth from AgentCore Identity), puts the call ' +
      'under the gateway\'s Cedar policies and makes the tool discoverable; a direct call from the agent needs the ' +
      'credential inside the runtime and bypasses all of that (AWS agents-connect skill: "prefer a Gateway target"; ' +
      'agentcore-facts.md §6, §7). Reported in agent runtime code only (HTTP, A2A and AGUI runtimes): Python ' +
      '`requests`, `httpx`, `aiohttp`, `urllib`, `urllib3`, `http.client`; TS/JS `fetch`, `axios`, `got`, `undici`, ' +
      '`node-fetch`, `ky`, `superagent`, `node:http(s)`; vendor clients constructed with a key from a literal or an ' +
      'environment variable (`OpenAI(api_key=…)`, `new Anthropic({ apiKey })`, Strands model `client_args`, …); a key ' +
      'injected by `@requires_api_key` / `withApiKey` (the CLI templates\' model providers) is not reported. Not reported: ' +
      'AWS SDKs and AWS endpoints (also with an interpolated region: ' +
      '`https://bedrock-agentcore.${region}.amazonaws.com`; Cognito\'s `<prefix>.auth.<region>.amazoncognito.com` too), localhost and link-local addresses (the instance and ' +
      'task metadata services), the gateway URL itself (also with a path after it: `f"{url}/mcp"`, `url + "/mcp"`, ' +
      '`url.rstrip("/")`, `urljoin(url, "/mcp")`, `new URL("/mcp", url)`, `new URL(url)`; not a client made with it as ' +
      'its base URL, whose calls name only a path), MCP-protocol ' +
      'runtimes, gateway tool code, Lambda handlers, tests, and a TS/JS fetch implementation\'s own request (a function ' +
      'of `(input, init)` handed on, not called by name in the file, that fetches a URL made from `input` with `init` ' +
      'or `{ ...init, … }`: the SigV4-signing `fetch` given to a gateway\'s MCP transport; its callers name the destination). A URL held in a constant (an UPPER_CASE name the file ' +
      'assigns one string, a TS/JS `const`, or a class field set once: `self.url`, `this.url`, `this.config.url`) counts as that ' +
      'string, a call of a function of the same file that returns one expression as that expression ' +
      '(`requests.post(gateway_url())`, `make_session().get(...)` with `def make_session(): return requests.Session()`; ' +
      'generators and decorated functions aside, `functools.cache`/`lru_cache` included), a client made with a ' +
      'fallback (`client or httpx.Client()`, `client ?? axios.create()`) as the fallback\'s kind, ' +
      'and the `hostname`, `host`, `origin` or `href` of a TS/JS `new URL(...)` of one as that part of it ' +
      '(also as the `hostname` of Node\'s request options: `http.request({ hostname: url.hostname, ... })`); a ' +
      'variable or property named like a gateway URL variable (`GATEWAY_URL`, ' +
      '`settings.AGENTCORE_GATEWAY_TOOLS_URL`) is the gateway. Five legitimate exceptions can be recorded on the line ' +
      'before the call (covering the next statement, and everything inside it when it is a function, class, `with` ' +
      'or block): ' +
      '`# agentcore-lint: direct-call streaming|latency|vendor-sdk|a2a|aws-sdk` (`//` in TS/JS). An unknown reason is reported.',
    messages: {
      http:
        'Direct HTTP call ({{callee}}){{host}} from agent runtime code bypasses the Gateway\'s credential injection and ' +
        'policies. Make the API {{target}} and call it through the gateway\'s MCP client; if this is one of the accepted ' +
        'exceptions, say so on the line before: `{{comment}} agentcore-lint: direct-call streaming|latency|vendor-sdk|a2a|aws-sdk`.',
      vendor:
        '{{vendor}} client ({{callee}}) constructed with a key in agent runtime code: the key has to live in the runtime ' +
        'and the call bypasses the Gateway. Add the API as a Gateway target (an OpenAPI target with API_KEY outbound ' +
        'auth), or inject the key with @requires_api_key / withApiKey; if a vendor SDK is required, mark it with ' +
        '`{{comment}} agentcore-lint: direct-call vendor-sdk` on the line before.',
      unknownReason:
        'Unknown direct-call reason "{{reason}}": the accepted ones are streaming, latency, vendor-sdk, a2a and aws-sdk. ' +
        'Use one of them, or route the call through a Gateway target.',
    },
    officialParity: false,
    requiresProject: false,
  },
  files: {
    extensions: SOURCE_RULE_EXTENSIONS,
    check({ text, role, source, report }) {
      if (role !== undefined && role !== 'agent') return;
      const facts = source();
      if (!facts) return;
      const comment = facts.language === 'python' ? '#' : '//';
      const accepted = facts.directives.filter((d) => (DIRECT_CALL_REASONS as readonly string[]).includes(d.reason));
      for (const directive of facts.directives) {
        if (accepted.includes(directive)) continue;
        report({ messageId: 'unknownReason', range: rangeOf(text, directive.span), data: { reason: directive.reason } });
      }
      for (const found of directCalls(facts)) {
        const { call } = found;
        if (accepted.some((d) => within(d.covers, call.span) || within(d.covers, call.statementSpan))) continue;
        const range = rangeOf(text, call.calleeSpan);
        const callee = call.calleeText;
        if (found.kind === 'vendor') {
          report({ messageId: 'vendor', range, data: { vendor: found.vendor, callee, comment } });
        } else {
          const host = found.url ? ` to ${hostLabel(found.url)}` : '';
          report({ messageId: 'http', range, data: { callee, host, target: fittingTargetType(found.url), comment } });
        }
      }
    },
  },
});

function hostLabel(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#\s]*@)?([^/?#\s]+)/i.exec(url.trim());
  return m ? m[1] : url.split('/')[0];
}
