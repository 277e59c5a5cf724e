/**
 * What source rules know about libraries and names, language-neutral: the HTTP clients and keyed vendor SDKs of
 * Python and TS/JS (agentcore-facts.md §6), identity decorators, gateway-URL variable names, local hosts, and
 * span-to-range conversion. Callees are the adapters' canonical dotted names (`requests.get`,
 * `httpx.AsyncClient().post`, `axios.post`, `openai.OpenAI`); `normalizeCallee` smooths over the spellings of
 * module names (`node:https`, `@anthropic-ai/sdk`, `.default`).
 */
import type { CallFact, EnvReadFact, SourceFacts, Span } from './facts.js';
import { secretNameStrength } from '../secrets/index.js';
import type { SourceRange } from '../types.js';
import { SOURCE_EXTENSIONS } from './adapters.js';
import { perString } from '../util/per-string.js';

export const SOURCE_RULE_EXTENSIONS: readonly string[] = SOURCE_EXTENSIONS;

// ---------------------------------------------------------------------------------------------------------------
// Positions

let lastText: string | undefined;
let lastLineStarts: number[] = [];

function lineStarts(text: string): number[] {
  if (text === lastText) return lastLineStarts;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  lastText = text;
  lastLineStarts = starts;
  return starts;
}

/** 1-based line and column of a UTF-16 offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  const at = Math.max(0, Math.min(offset, text.length));
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: at - starts[lo] + 1 };
}

export function rangeOf(text: string, span: Span): SourceRange {
  return { start: positionOf(text, span.start), end: positionOf(text, span.end) };
}

export function within(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

// ---------------------------------------------------------------------------------------------------------------
// Callees

/**
 * `node:https.request` → `https.request`; `openai.default` → `openai`; `@anthropic-ai/sdk` → `anthropic`;
 * `@ai-sdk/openai.createOpenAI` → `ai-sdk-openai.createOpenAI`. Instance markers `()` stay.
 */
export function normalizeCallee(callee: string): string {
  // Most callees need none of the rewrites below (each starts at `node:` or `@`, or removes `.default`).
  if (callee.charCodeAt(0) !== 64 /* @ */ && !callee.startsWith('node:') && !callee.includes('.default')) return callee;
  return callee
    .replace(/^node:/, '')
    .replace(/\.default(?=\.|\(|$)/g, '')
    .replace(/^@anthropic-ai\/sdk/, 'anthropic')
    .replace(/^@ai-sdk\/([a-z-]+)/, 'ai-sdk-$1')
    .replace(/^@google\/genai/, 'google.genai')
    .replace(/^@strands-agents\/sdk(?:\/[a-z/-]+)?/, 'strands')
    .replace(/^@langchain\/([a-z-]+)/, 'langchain-$1');
}

const VERBS = '(?:get|post|put|patch|delete|head|options|request|stream|send|fetch)';

/** Calls that send an HTTP request (or open a connection), by canonical callee. */
const HTTP_CALLEES: RegExp[] = [
  // Python
  new RegExp(`^requests\\.${VERBS}$`),
  new RegExp(`^requests\\.(?:Session|session)\\(\\)\\.${VERBS}$`),
  new RegExp(`^httpx\\.${VERBS}$`),
  new RegExp(`^httpx\\.(?:Client|AsyncClient)\\(\\)\\.${VERBS}$`),
  new RegExp(`^aiohttp\\.ClientSession\\(\\)\\.(?:${VERBS.slice(3, -1)}|ws_connect)$`),
  /^aiohttp\.request$/,
  /^urllib\.request\.urlopen$/,
  /^urllib3\.request$/,
  new RegExp(`^urllib3\\.(?:PoolManager|ProxyManager)\\(\\)\\.(?:request|urlopen|${VERBS.slice(3, -1)})$`),
  /^http\.client\.HTTPS?Connection$/,
  // TS / JS
  /^(?:fetch|globalThis\.fetch|window\.fetch|node-fetch|cross-fetch|isomorphic-fetch)$/,
  /^undici\.(?:fetch|request|stream)$/,
  /^undici\.(?:Client|Pool)$/,
  /^(?:axios|got|ky|superagent)$/,
  new RegExp(`^(?:axios|got|ky|superagent)\\.${VERBS}$`),
  new RegExp(`^axios\\.create\\(\\)\\.${VERBS}$`),
  // Instances from `ky.create(…)`, `ky.extend(…)` and `got.extend(…)`: their methods, and the instance called.
  new RegExp(`^(?:ky\\.(?:create|extend)|got\\.extend)\\(\\)(?:\\.${VERBS})?$`),
  /^https?\.(?:request|get)$/,
];

// Verdicts on callees are remembered per callee (perString): a file calls the same few functions many times.
const httpCallVerdict = perString((callee) => {
  const c = normalizeCallee(callee);
  return HTTP_CALLEES.some((re) => re.test(c));
});

export function isHttpCall(callee: string | undefined): boolean {
  return callee ? httpCallVerdict(callee) : false;
}

export interface VendorClient {
  /** For messages. */
  readonly vendor: string;
  /** Named arguments (Python keywords, TS object properties) that carry the credential. */
  readonly keyArgs: readonly string[];
}

const KEY_ARGS = ['api_key', 'apiKey', 'client_args', 'clientArgs', 'clientConfig', 'token', 'auth_token', 'authToken'];

/** Clients of model and SaaS vendors that take an API key (facts §6). */
const VENDOR_CLIENTS: Array<[RegExp, string]> = [
  [/^openai\.(?:OpenAI|AsyncOpenAI|AzureOpenAI|AsyncAzureOpenAI)$|^openai$/, 'OpenAI'],
  [/^anthropic\.(?:Anthropic|AsyncAnthropic)$|^anthropic$/, 'Anthropic'],
  [/^google\.genai\.Client$|^google\.generativeai\.configure$|^google\.genai\.GoogleGenAI$/, 'Google Gemini'],
  [/^(?:langchain_openai|langchain-openai)\.(?:ChatOpenAI|OpenAI|OpenAIEmbeddings)$/, 'OpenAI (LangChain)'],
  [/^(?:langchain_anthropic|langchain-anthropic)\.ChatAnthropic$/, 'Anthropic (LangChain)'],
  [/^(?:langchain_google_genai|langchain-google-genai)\.ChatGoogleGenerativeAI$/, 'Google Gemini (LangChain)'],
  [/^ai-sdk-openai\.createOpenAI$/, 'OpenAI (AI SDK)'],
  [/^ai-sdk-anthropic\.createAnthropic$/, 'Anthropic (AI SDK)'],
  [/^ai-sdk-google\.createGoogleGenerativeAI$/, 'Google Gemini (AI SDK)'],
  [/^strands(?:\.[a-z_.]+)?\.(?:OpenAIModel|AnthropicModel|GeminiModel|GoogleModel|LiteLLMModel|MistralModel|WriterModel|LlamaAPIModel)$/, 'Strands model-provider'],
  [/^(?:mistralai\.Mistral|cohere\.(?:Client|ClientV2|AsyncClient)|groq\.Groq|tavily\.TavilyClient|exa_py\.Exa|stripe\.StripeClient|slack_sdk\.WebClient|@slack\/web-api\.WebClient|twilio\.rest\.Client|@mistralai\/mistralai\.Mistral|groq-sdk)$/, 'vendor SDK'],
];

/** The vendor client a call constructs, if it is one. */
export function vendorClient(callee: string | undefined): VendorClient | undefined {
  return callee ? vendorClientOf(callee) : undefined;
}

const vendorClientOf = perString((callee): VendorClient | undefined => {
  const c = normalizeCallee(callee);
  for (const [re, vendor] of VENDOR_CLIENTS) if (re.test(c)) return { vendor, keyArgs: KEY_ARGS };
  return undefined;
});

const awsSdkVerdict = perString((callee) => {
  const c = normalizeCallee(callee);
  return /^(?:boto3|botocore|aioboto3)\./.test(c) || /^@aws-sdk\//.test(c);
});

/** `boto3.client(...)`, `@aws-sdk/client-*` constructors: AWS SDKs, authenticated by the runtime role. */
export function isAwsSdkCall(callee: string | undefined): boolean {
  return callee ? awsSdkVerdict(callee) : false;
}

/** Identity decorators and wrappers that inject a credential from AgentCore Identity. */
export function isIdentityWrapper(name: string): boolean {
  return /(?:^|\.)(?:requires_api_key|requires_access_token|requires_iam_access_token|withApiKey|withAccessToken|withWAT|withIamAccessToken)$/.test(
    normalizeCallee(name),
  );
}

/** The `provider_name` / `providerName` wrappers (AC054). */
export function isProviderWrapper(callee: string | undefined): boolean {
  if (!callee) return false;
  return /(?:^|\.)(?:requires_api_key|requires_access_token|withApiKey|withAccessToken)$/.test(normalizeCallee(callee));
}

// ---------------------------------------------------------------------------------------------------------------
// Names and hosts

/** `AGENTCORE_GATEWAY_<N>_URL`, `GATEWAY_<T>_URL` (connections) and other names that say "gateway URL". */
export function isGatewayUrlEnvName(name: string | undefined): boolean {
  if (!name) return false;
  const upper = name.toUpperCase();
  // Amazon API Gateway stage URLs (`API_GATEWAY_URL`) are APIs, not AgentCore gateways.
  if (/(?:^|_)API_?GATEWAY(?:_|$)/.test(upper) && !upper.startsWith('AGENTCORE_GATEWAY_')) return false;
  return /(?:^|_)GATEWAY(?:_|$)/.test(upper) && /_(?:URL|ENDPOINT|URI)$/.test(upper);
}

/**
 * The machine itself, its containers' host, and link-local addresses: in AWS these are the instance and task
 * metadata services (169.254.169.254, 169.254.170.2, fd00:ec2::254), never an API to put behind a gateway.
 */
const LOCAL_HOSTS =
  /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|[a-z0-9-]+\.localhost|[a-z0-9.-]+\.local|169\.254(?:\.\d{1,3}){2}|\[?fd00:ec2::254\]?)$/i;

/** The host of an absolute URL in a string (or `undefined` when the string does not start with one). */
export function hostOf(url: string): string | undefined {
  return urlPart(url, 'hostname')?.toLowerCase();
}

/** The URL parts a WHATWG `URL` object has that name where a request goes. */
export type UrlPart = 'href' | 'origin' | 'host' | 'hostname';

/**
 * A part of an absolute URL's text (which may hold `{}` for interpolations), as `new URL(text)[part]` would give
 * it; undefined when the text does not start with a scheme and `//`.
 */
export function urlPart(url: string, part: UrlPart): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^@/?#\s]*@)?((\[[^\]]+\]|[^/:?#\s]*)(?::[^/?#\s]*)?)/i.exec(url.trim());
  if (!m) return undefined;
  if (part === 'href') return url.trim();
  if (part === 'origin') return m[1] + m[2];
  return part === 'host' ? m[2] : m[3];
}

export type Destination = 'local' | 'aws' | 'remote' | 'unknown';

/** AWS's service domains; Cognito's own OAuth endpoints (`<prefix>.auth.<region>.amazoncognito.com`) among them. */
const AWS_DOMAINS = '(?:amazonaws\\.com(?:\\.cn)?|api\\.aws|amazoncognito\\.com)';
const AWS_HOST = new RegExp(`(?:^|\\.)${AWS_DOMAINS}$`);
/** The literal end of a host after its last interpolation (`.bedrock-agentcore.{}.amazonaws.com` → `.amazonaws.com`). */
const AWS_DOMAIN_TAIL = new RegExp(`^\\.(?:[a-z0-9-]+\\.)*${AWS_DOMAINS}$`);

/** Where a URL literal points: localhost, an AWS service endpoint, elsewhere, or unknown (built at run time). */
export function destinationOf(url: string): Destination {
  const trimmed = url.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return 'local'; // relative to the app itself
  const host = hostOf(trimmed);
  if (host === undefined) {
    // `http.client.HTTPSConnection("api.example.com")` takes a bare host.
    if (/^[a-z0-9.-]+(?::\d+)?$/i.test(trimmed) && trimmed.includes('.') || /^localhost(?::\d+)?$/i.test(trimmed)) {
      return destinationOfHost(trimmed.replace(/:\d+$/, '').toLowerCase());
    }
    return 'unknown';
  }
  if (host === '') return 'unknown';
  if (host.includes('{}')) {
    // `https://bedrock-agentcore.${region}.amazonaws.com`: an interpolated label in front of a literal AWS domain
    // is still an AWS host (and `{}.execute-api.{}.amazonaws.com` still an API Gateway one).
    const literalTail = host.slice(host.lastIndexOf('{}') + 2);
    return AWS_DOMAIN_TAIL.test(literalTail) ? destinationOfHost(host.replace(/\{\}/g, 'x')) : 'unknown';
  }
  return destinationOfHost(host);
}

function destinationOfHost(host: string): Destination {
  if (LOCAL_HOSTS.test(host)) return 'local';
  // API Gateway and Lambda function URLs are AWS hosts, but exactly what gateway targets are for.
  if (/\.execute-api\.[a-z0-9-]+\.amazonaws\.com$|\.lambda-url\.[a-z0-9-]+\.on\.aws$/.test(host)) return 'remote';
  if (AWS_HOST.test(host)) return 'aws';
  return 'remote';
}

/** The gateway target type that fits a call to this URL. */
export function fittingTargetType(url: string | undefined): string {
  const host = url ? hostOf(url) : undefined;
  if (url && /\/(?:mcp|sse)(?:[/?#]|$)/.test(url)) return 'an MCP server target (targetType "mcpServer")';
  if (host && /\.execute-api\./.test(host)) return 'an API Gateway target (targetType "apiGateway")';
  if (host && /\.lambda-url\./.test(host)) return 'a Lambda target (targetType "lambda" or "lambdaFunctionArn")';
  return 'an OpenAPI target (targetType "openApiSchema", for a REST API) or a Lambda target (for custom logic)';
}

// ---------------------------------------------------------------------------------------------------------------
// Credentials handed to a call

/** A key read only for `agentcore dev`, or one AgentCore Identity put into the environment: not a plain env key. */
export function fromLocalDevOrIdentity(read: EnvReadFact | undefined): boolean {
  return read !== undefined && (read.localDevOnly || read.identityBacked === true);
}

export interface CredentialSource {
  kind: 'literal' | 'env';
  /** Index into `SourceFacts.envReads` for `env`. */
  envRead?: number;
  span: Span;
  /** The variable holding a value built from the read (`headers`), when that is what the call receives. */
  through?: string;
}

const KEY_NAME = /^(?:api_?key|apiKey|token|auth_?token|authToken|access_?token|accessToken|secret|client_?secret|clientSecret|password|aws_secret_access_key|secretAccessKey|x-api-key|authorization)$/i;

/**
 * Where the credential a client call receives comes from, when the facts show it: a literal string, or an
 * environment read (directly as a key argument, or a secret-named variable read whose value is used inside the
 * call: `client_args={"api_key": os.getenv("OPENAI_API_KEY")}`, `headers={"Authorization": f"Bearer {key}"}`, or
 * held by a variable built from it: `headers=headers` after `headers = {"Authorization": f"Bearer {key}"}`).
 * Keys from anywhere else (an identity-decorated function, a parameter) are not reported.
 */
export function credentialSources(facts: SourceFacts, call: CallFact): CredentialSource[] {
  const out: CredentialSource[] = [];
  for (const [name, value] of Object.entries(call.named)) {
    if (!KEY_NAME.test(name)) continue;
    if (value.kind === 'string' && value.value.trim() !== '') out.push({ kind: 'literal', span: value.span });
    if (value.kind === 'env') out.push({ kind: 'env', envRead: value.envRead, span: value.span });
  }
  for (const index of secretReadsWithin(facts, call.span)) {
    if (out.some((s) => s.envRead === index)) continue;
    const read = facts.envReads[index];
    if (within(call.span, read.span)) out.push({ kind: 'env', envRead: index, span: read.span });
    else {
      const use = firstWithin(read.uses, call.span);
      const carried = use ? undefined : firstWithin(read.carriedUses ?? [], call.span);
      if (use) out.push({ kind: 'env', envRead: index, span: use.span });
      else if (carried) out.push({ kind: 'env', envRead: index, span: carried.span, through: carried.through });
    }
  }
  return out;
}

/**
 * The first of `items` (sorted by start, as a read's uses are) that lies within `span`: a binary search, as a read may
 * have thousands of uses and a file thousands of calls. Spans nest, so the first one starting inside is the one.
 */
function firstWithin<T extends { span: Span }>(items: readonly T[], span: Span): T | undefined {
  const first = items[firstStartingAt(items, span.start, (item) => item.span.start)];
  return first && within(span, first.span) ? first : undefined;
}

/** The index of the first of `items` (sorted by `startOf`) that starts at or after `offset`. */
function firstStartingAt<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (startOf(items[middle]) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Where each secret-named environment read, and each of its uses, sits in the file: sorted by start. */
type SecretSpan = { start: number; end: number; envRead: number };
const secretSpansByFile = new WeakMap<SourceFacts['envReads'], SecretSpan[]>();

/**
 * The secret-named environment reads (in index order) that are, or are used (also through a variable built from them
 * or a helper returning them: carried uses), within `span`. The spans are collected once per file and searched by
 * position, so a file with thousands of calls and reads stays linear.
 */
function secretReadsWithin(facts: SourceFacts, span: Span): number[] {
  let spans = secretSpansByFile.get(facts.envReads);
  if (!spans) {
    spans = [];
    facts.envReads.forEach((read, envRead) => {
      if (!read.name || !secretNameStrength(read.name)) return;
      spans!.push({ start: read.span.start, end: read.span.end, envRead });
      for (const use of read.uses) spans!.push({ start: use.span.start, end: use.span.end, envRead });
      for (const use of read.carriedUses ?? []) spans!.push({ start: use.span.start, end: use.span.end, envRead });
    });
    spans.sort((a, b) => a.start - b.start);
    secretSpansByFile.set(facts.envReads, spans);
  }
  const found = new Set<number>();
  for (let i = firstStartingAt(spans, span.start, (s) => s.start); i < spans.length && spans[i].start <= span.end; i++) if (spans[i].end <= span.end) found.add(spans[i].envRead);
  return [...found].sort((a, b) => a - b);
}
