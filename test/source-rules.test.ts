/**
 * Source rules over hand-built SourceFacts (independent of the language adapters): each rule's logic, its
 * negatives, and that no message prints a secret.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runFileRules } from '../src/engine.js';
import type { CallFact, EnvReadFact, SourceFacts, Span, StringContext, StringFact, ValueFact } from '../src/source/facts.js';
import type { FileRole, ProjectRule } from '../src/rule.js';
import type { AgentCoreProject } from '../src/project.js';
import { parseJsonDocument } from '../src/json/document.js';
import noInlineSecrets, { looksGenerated, parseDotenv, stringSecret } from '../rules/source/no-inline-secrets.js';
import directHttpCall from '../rules/source/direct-http-call.js';
import vendorKeyFromEnv from '../rules/source/vendor-key-from-env.js';
import gatewayUrlUnguarded from '../rules/source/gateway-url-unguarded.js';
import unknownResourceName from '../rules/source/unknown-resource-name.js';
import { gatewayReads } from '../rules/source/gateway-url-unread.js';
import { destinationOf, isGatewayUrlEnvName, isHttpCall, normalizeCallee, positionOf, vendorClient } from '../src/source/vocabulary.js';

// Secret-shaped test values are assembled at run time so no literal in this file looks like a credential.
const R = 'Zq8Xw3Lp9Vb2Nc7Mk4Jh6Gf1Ds5Aa0Qe';
const OPENAI = ['sk', 'proj', R + R.slice(0, 10)].join('-');
const GITHUB = 'ghp' + '_' + R + 'abcd';

function span(text: string, needle: string, nth = 0): Span {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not in text`);
  }
  return { start: index, end: index + needle.length };
}

function empty(language: SourceFacts['language'] = 'python'): SourceFacts {
  return { language, comments: [], strings: [], calls: [], envReads: [], directives: [], parseProblems: [] };
}

function str(text: string, literal: string, context: StringContext, nth = 0): StringFact {
  const s = span(text, literal, nth);
  const quoted = literal.replace(/^[rbuf]*["'`]|["'`]$/g, '');
  return { span: s, value: quoted, interpolated: false, context };
}

function call(text: string, calleeText: string, callee: string | undefined, extra: Partial<CallFact> = {}): CallFact {
  const calleeSpan = span(text, calleeText);
  const end = text.indexOf('\n', calleeSpan.end);
  const s = { start: calleeSpan.start, end: end < 0 ? text.length : end };
  return { span: s, calleeText, calleeSpan, callee, isNew: false, args: [], named: {}, enclosingDecorators: [], statementSpan: s, ...extra };
}

function env(text: string, readText: string, name: string, extra: Partial<EnvReadFact> = {}): EnvReadFact {
  return { span: span(text, readText), form: 'os.environ.get', name, unsafe: undefined, hasDefault: false, boundTo: undefined, uses: [], localDevOnly: false, ...extra };
}

function run(rule: ProjectRule, file: string, text: string, facts: SourceFacts, options: { role?: FileRole; project?: AgentCoreProject } = {}) {
  return runFileRules(file, text, [rule], { source: () => facts, ...options }).map((f) => ({
    line: f.range.start.line, column: f.range.start.column, message: f.message, severity: f.severity,
  }));
}

function project(spec: unknown): AgentCoreProject {
  const config = parseJsonDocument('/p/agentcore/agentcore.json', JSON.stringify(spec));
  return { root: '/p', config, spec: spec as never, files: undefined as never, git: undefined as never };
}

describe('vocabulary', () => {
  it('recognises HTTP callees of both languages and normalises module spellings', () => {
    for (const c of ['requests.get', 'requests.Session().post', 'httpx.AsyncClient().post', 'aiohttp.ClientSession().get',
      'urllib.request.urlopen', 'urllib3.PoolManager().request', 'http.client.HTTPSConnection', 'fetch', 'node-fetch',
      'axios', 'axios.post', 'axios.create().get', 'got', 'got.extend().post', 'ky.post', 'superagent.get', 'undici.request',
      'undici.Client', 'node:https.request', 'https.get']) {
      expect(isHttpCall(c), c).toBe(true);
    }
    // Constructors that only configure a client, and methods on a response, are not requests.
    for (const c of ['httpx.AsyncClient', 'boto3.client', 'requests.exceptions.HTTPError', 'json.loads', 'streamablehttp_client',
      'fetch().json', 'axios.get().data.map', 'console.log', 'openai.OpenAI', 'http.createServer', 'URL']) {
      expect(isHttpCall(c), c).toBe(false);
    }
    expect(normalizeCallee('@anthropic-ai/sdk.default')).toBe('anthropic');
    expect(vendorClient('openai.OpenAI')?.vendor).toBe('OpenAI');
    expect(vendorClient('strands.models.openai.OpenAIModel')?.vendor).toBe('Strands model-provider');
    expect(vendorClient('@ai-sdk/openai.createOpenAI')?.vendor).toBe('OpenAI (AI SDK)');
  });

  it('knows gateway URL variables, and that an Amazon API Gateway URL is not one', () => {
    for (const name of ['AGENTCORE_GATEWAY_TOOLS_URL', 'GATEWAY_TOOLS_URL', 'MCP_GATEWAY_ENDPOINT', 'AGENTCORE_GATEWAY_API_GATEWAY_URL']) {
      expect(isGatewayUrlEnvName(name), name).toBe(true);
    }
    for (const name of ['API_GATEWAY_URL', 'REST_API_GATEWAY_ENDPOINT', 'APIGATEWAY_URL', 'GATEWAY_ID', 'GATEWAYS_URL']) {
      expect(isGatewayUrlEnvName(name), name).toBe(false);
    }
  });

  it('judges adversarial URLs quickly (interpolated labels, long dotted hosts)', () => {
    const piece = fc.constantFrom('https://', 'http://', '{}', '.', 'amazonaws', '.com', '.cn', 'api', '.aws', 'execute-api', 'a', '-', ':', '/', '@', 'localhost');
    const run = fc.tuple(fc.constantFrom('a.', '{}.', 'a-', '.a'), fc.integer({ min: 1, max: 2000 })).map(([s, n]) => s.repeat(n));
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, run), { maxLength: 20 }).map((parts) => parts.join('')), (url) => {
        const started = performance.now();
        expect(['local', 'aws', 'remote', 'unknown']).toContain(destinationOf(url));
        expect(performance.now() - started, `time for a URL of ${url.length}`).toBeLessThan(250);
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });

  it('tells local, AWS and remote destinations apart', () => {
    expect(destinationOf('http://localhost:8080/x')).toBe('local');
    expect(destinationOf('http://127.0.0.1/x')).toBe('local');
    expect(destinationOf('/api/items')).toBe('local');
    // Instance and task metadata services: link-local, not APIs.
    expect(destinationOf('http://169.254.169.254/latest/meta-data/')).toBe('local');
    expect(destinationOf('http://169.254.170.2/v2/credentials')).toBe('local');
    expect(destinationOf('http://[fd00:ec2::254]/latest/api/token')).toBe('local');
    expect(destinationOf('http://169.255.1.1/x')).toBe('remote');
    expect(destinationOf('https://bedrock-runtime.us-east-1.amazonaws.com/')).toBe('aws');
    expect(destinationOf('https://abc.execute-api.us-east-1.amazonaws.com/prod')).toBe('remote');
    expect(destinationOf('https://api.weather.example.com/v1')).toBe('remote');
    expect(destinationOf('api.weather.example.com')).toBe('remote');
    expect(destinationOf('{}/items')).toBe('unknown');
    // Interpolated labels: an AWS host when the domain after them is literal AWS, unknown otherwise.
    expect(destinationOf('https://bedrock-agentcore.{}.amazonaws.com/runtimes/x/invocations')).toBe('aws');
    expect(destinationOf('https://{}.execute-api.{}.amazonaws.com/prod')).toBe('remote');
    expect(destinationOf('https://{}.example.com/v1')).toBe('unknown');
    expect(destinationOf('https://{}amazonaws.com/v1')).toBe('unknown');
    expect(destinationOf('https://api.{}/v1')).toBe('unknown');
  });

  it('converts offsets to 1-based lines and columns', () => {
    expect(positionOf('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2 });
  });
});

describe('no-inline-secrets (AC050)', () => {
  it('reports provider formats anywhere, but never in inert positions', () => {
    const fact = (value: string, context: StringContext): StringFact => ({ span: { start: 0, end: 1 }, value, interpolated: false, context });
    expect(stringSecret(fact(OPENAI, { kind: 'other' }))?.kind).toBe('openai-project-key');
    expect(stringSecret(fact(GITHUB, { kind: 'argument', callee: 'f', index: 0 }))?.kind).toBe('github-token');
    expect(stringSecret(fact(OPENAI, { kind: 'inert' }))).toBeUndefined();
    expect(stringSecret({ ...fact(`Bearer ${OPENAI}`, { kind: 'other' }), interpolated: true })?.kind).toBe('openai-project-key');
  });

  it('reports generated-looking values only in secret-named contexts', () => {
    const fact = (value: string, context: StringContext): StringFact => ({ span: { start: 0, end: 1 }, value, interpolated: false, context });
    const generic = 'q8Xw3Lp9Vb2Nc7Mk4Jh6';
    expect(stringSecret(fact(generic, { kind: 'assignment', name: 'api_key' }))?.kind).toBe('secret-name');
    expect(stringSecret(fact(generic, { kind: 'keyword-argument', name: 'client_secret', callee: 'f' }))?.kind).toBe('secret-name');
    expect(stringSecret(fact(generic, { kind: 'property', name: 'apiKey' }))?.kind).toBe('secret-name');
    expect(stringSecret(fact(`Bearer ${generic}`, { kind: 'property', name: 'Authorization' }))?.kind).toBe('secret-name');
    expect(stringSecret(fact(generic, { kind: 'env-default', envName: 'COGNITO_CLIENT_SECRET' }))?.kind).toBe('secret-name');
    // Not secret contexts, or not secrets.
    expect(stringSecret(fact(generic, { kind: 'assignment', name: 'request_id' }))).toBeUndefined();
    expect(stringSecret(fact(generic, { kind: 'env-default', envName: 'MODEL_ID' }))).toBeUndefined();
    for (const value of ['your-api-key-here', '<API_KEY>', 'xxxxxxxxxxxx', 'changeme', 'AKIAIOSFODNN7EXAMPLE', 'OPENAI_API_KEY',
      'client_secret', 'bearer', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x', 'https://api.example.com/v1',
      'anthropic.claude-3-5-sonnet-20240620-v1:0', 'gpt-4o-mini', '${API_KEY}']) {
      expect(stringSecret(fact(value, { kind: 'assignment', name: 'api_key' })), value).toBeUndefined();
    }
    expect(looksGenerated('9f86d081884c7d659a2feaa0c55ad015')).toBe(true);
    for (const word of ['Credential', 'AccessToken', 'My-Secret-Name', 'BearerTokenValue']) expect(looksGenerated(word), word).toBe(false);
    expect(looksGenerated('hunter22x')).toBe(true);
    expect(looksGenerated('qXwLpVbNcMkJhGfDsAaQ')).toBe(true);
  });

  it('skips interpolated values without a provider format', () => {
    const fact: StringFact = { span: { start: 0, end: 1 }, value: 'Bearer {}', interpolated: true, context: { kind: 'property', name: 'Authorization' } };
    expect(stringSecret(fact)).toBeUndefined();
  });

  it('reports in Python and TS with a masked value', () => {
    const py = `OPENAI_KEY = "${OPENAI}"\nclient_secret = os.environ.get("COGNITO_CLIENT_SECRET", "q8Xw3Lp9Vb2Nc7Mk4Jh6")\n`;
    const facts = empty('python');
    facts.strings.push(str(py, `"${OPENAI}"`, { kind: 'assignment', name: 'OPENAI_KEY' }));
    facts.strings.push(str(py, '"q8Xw3Lp9Vb2Nc7Mk4Jh6"', { kind: 'env-default', envName: 'COGNITO_CLIENT_SECRET' }));
    const found = run(noInlineSecrets, '/x/agent.py', py, facts);
    expect(found.map((f) => [f.line, f.column])).toEqual([[1, 14], [2, 57]]);
    expect(found[0].message).toContain('an OpenAI project API key (sk-p…)');
    expect(found[1].message).toContain('COGNITO_CLIENT_SECRET');
    for (const f of found) {
      expect(f.message).not.toContain(OPENAI.slice(0, 8));
      expect(f.message).not.toContain('q8Xw3');
    }
    const ts = `const client = new Octokit({ auth: "${GITHUB}" });\n`;
    const tsFacts = empty('typescript');
    tsFacts.strings.push(str(ts, `"${GITHUB}"`, { kind: 'property', name: 'auth' }));
    const tsFound = run(noInlineSecrets, '/x/agent.ts', ts, tsFacts);
    expect(tsFound).toHaveLength(1);
    expect(tsFound[0].message).toContain('a GitHub token (ghp_…)');
  });

  it('parses dotenv lines without keeping comments or quotes', () => {
    const text = `# comment\nexport A="quoted value"\nB=plain # trailing\nC='single'\n`;
    expect(parseDotenv(text).map((e) => [e.key, e.value, text.slice(e.start, e.start + e.value.length)])).toEqual([
      ['A', 'quoted value', 'quoted value'], ['B', 'plain', 'plain'], ['C', 'single', 'single'],
    ]);
  });
});

describe('direct-http-call (AC051)', () => {
  const py = [
    'import requests',
    'r = requests.get("https://api.weather.example.com/v1/forecast")',
    'l = requests.get("http://localhost:8080/health")',
    'a = requests.post(url)',
    'g = requests.post(os.environ.get("AGENTCORE_GATEWAY_TOOLS_URL"))',
    '# agentcore-lint: direct-call streaming',
    's = httpx.stream("GET", "https://stream.example.com")',
    '# agentcore-lint: direct-call because',
    'b = boto3.client("s3")',
  ].join('\n');

  function facts(): SourceFacts {
    const f = empty('python');
    f.envReads.push(env(py, 'os.environ.get("AGENTCORE_GATEWAY_TOOLS_URL")', 'AGENTCORE_GATEWAY_TOOLS_URL'));
    const s = (needle: string): ValueFact => ({ kind: 'string', value: needle.slice(1, -1), span: span(py, needle) });
    f.calls.push(call(py, 'requests.get', 'requests.get', { args: [s('"https://api.weather.example.com/v1/forecast"')] }));
    f.calls.push({ ...call(py, 'requests.get("http://localhost', 'requests.get'), calleeText: 'requests.get', args: [s('"http://localhost:8080/health"')] });
    f.calls.push(call(py, 'requests.post(url)', 'requests.post', { calleeText: 'requests.post', args: [{ kind: 'identifier', name: 'url', span: span(py, 'url)') }] }));
    f.calls.push(call(py, 'requests.post(os', 'requests.post', { calleeText: 'requests.post', args: [{ kind: 'env', envRead: 0, span: span(py, 'os.environ.get("AGENTCORE') }] }));
    f.calls.push(call(py, 'httpx.stream', 'httpx.stream', { args: [s('"GET"')] }));
    f.calls.push(call(py, 'boto3.client', 'boto3.client', { args: [s('"s3"')] }));
    f.directives.push({ span: span(py, '# agentcore-lint: direct-call streaming'), reason: 'streaming', covers: span(py, 's = httpx.stream("GET", "https://stream.example.com")') });
    f.directives.push({ span: span(py, '# agentcore-lint: direct-call because'), reason: 'because', covers: span(py, 'b = boto3.client("s3")') });
    return f;
  }

  it('reports non-local calls in agent code, names the target type, honours directives, reports unknown reasons', () => {
    const found = run(directHttpCall, '/x/main.py', py, facts(), { role: 'agent' }).sort((a, b) => a.line - b.line);
    expect(found.map((f) => f.line)).toEqual([2, 4, 8]);
    expect(found[0].message).toContain('to api.weather.example.com');
    expect(found[0].message).toContain('OpenAPI target');
    expect(found[0].message).toContain('# agentcore-lint: direct-call');
    expect(found[2].message).toContain('Unknown direct-call reason "because"');
  });

  it('is silent in tool, MCP-server, test and other code', () => {
    for (const role of ['tool', 'mcp-server', 'test', 'other'] as const) {
      expect(run(directHttpCall, '/x/main.py', py, facts(), { role })).toEqual([]);
    }
  });

  it('reports vendor clients given a key from code or env, not from an identity decorator', () => {
    const ts = [
      'const a = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
      'const b = withApiKey({ providerName: "openai" })(async (key) => new OpenAI({ apiKey: key }));',
      'const c = new OpenAI();',
    ].join('\n');
    const f = empty('typescript');
    f.envReads.push({ ...env(ts, 'process.env.OPENAI_API_KEY', 'OPENAI_API_KEY'), form: 'process.env.X' });
    f.calls.push(call(ts, 'OpenAI({ apiKey: process', 'openai', { calleeText: 'OpenAI', isNew: true, named: { apiKey: { kind: 'env', envRead: 0, span: span(ts, 'process.env.OPENAI_API_KEY') } } }));
    f.calls.push(call(ts, 'OpenAI({ apiKey: key', 'openai', { calleeText: 'OpenAI', isNew: true, named: { apiKey: { kind: 'identifier', name: 'key', span: span(ts, 'key })') } }, enclosingDecorators: ['bedrock-agentcore/identity.withApiKey'] }));
    f.calls.push(call(ts, 'OpenAI();', 'openai', { calleeText: 'OpenAI', isNew: true }));
    const found = run(directHttpCall, '/x/main.ts', ts, f, { role: 'agent' });
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('OpenAI client');
    expect(found[0].message).toContain('// agentcore-lint: direct-call vendor-sdk');
  });
});

describe('vendor-key-from-env (AC052)', () => {
  const py = [
    'client = OpenAI(api_key=os.getenv("OPENAI_API_KEY"))',
    'if os.getenv("LOCAL_DEV") == "1":',
    '    dev = Anthropic(api_key=os.getenv("ANTHROPIC_API_KEY"))',
    'model = OpenAIModel(client_args={"api_key": os.environ["GEMINI_API_KEY"]})',
    'r = requests.get(u, headers={"Authorization": f"Bearer {os.getenv(\'WEATHER_TOKEN\')}"})',
  ].join('\n');

  it('reports secret env reads handed to clients outside LOCAL_DEV and identity decorators', () => {
    const f = empty('python');
    f.envReads.push(env(py, 'os.getenv("OPENAI_API_KEY")', 'OPENAI_API_KEY', { form: 'os.getenv' }));
    f.envReads.push(env(py, 'os.getenv("ANTHROPIC_API_KEY")', 'ANTHROPIC_API_KEY', { form: 'os.getenv', localDevOnly: true }));
    f.envReads.push(env(py, 'os.environ["GEMINI_API_KEY"]', 'GEMINI_API_KEY', { form: 'os.environ[]', unsafe: 'key-error' }));
    f.envReads.push(env(py, "os.getenv('WEATHER_TOKEN')", 'WEATHER_TOKEN', { form: 'os.getenv' }));
    f.calls.push(call(py, 'OpenAI(api_key', 'openai.OpenAI', { calleeText: 'OpenAI', named: { api_key: { kind: 'env', envRead: 0, span: span(py, 'os.getenv("OPENAI_API_KEY")') } } }));
    f.calls.push(call(py, 'Anthropic(', 'anthropic.Anthropic', { calleeText: 'Anthropic', named: { api_key: { kind: 'env', envRead: 1, span: span(py, 'os.getenv("ANTHROPIC_API_KEY")') } } }));
    f.calls.push(call(py, 'OpenAIModel(', 'strands.models.openai.OpenAIModel', { calleeText: 'OpenAIModel', named: { client_args: { kind: 'other', span: span(py, '{"api_key": os.environ["GEMINI_API_KEY"]}') } } }));
    f.calls.push(call(py, 'requests.get(u', 'requests.get', { calleeText: 'requests.get' }));
    const found = run(vendorKeyFromEnv, '/x/main.py', py, f, { role: 'agent' });
    expect(found.map((x) => x.line)).toEqual([1, 4, 5]);
    expect(found[0].message).toContain('OPENAI_API_KEY');
    expect(found[0].message).toContain('@requires_api_key');
    expect(found[2].message).toContain('an HTTP call');
    expect(run(vendorKeyFromEnv, '/x/main.py', py, f, { role: 'tool' })).toEqual([]);
  });
});

describe('gateway-url-unguarded (AC053)', () => {
  const py = [
    'URL = os.environ["AGENTCORE_GATEWAY_TOOLS_URL"]',
    'def a():',
    '    url = os.getenv("AGENTCORE_GATEWAY_TOOLS_URL")',
    '    return streamablehttp_client(url)',
    'def b():',
    '    url = os.getenv("AGENTCORE_GATEWAY_TOOLS_URL")',
    '    if not url:',
    '        return None',
    '    return streamablehttp_client(url)',
    'x = os.getenv("AGENTCORE_GATEWAY_TOOLS_URL", "")',
    'print(x + "/mcp")',
    'y = os.getenv("MODEL_URL")',
    'z = requests.get(y)',
  ].join('\n');

  it('reports unsafe reads and unguarded uses at the use, mentioning the read', () => {
    const f = empty('python');
    f.envReads.push(env(py, 'os.environ["AGENTCORE_GATEWAY_TOOLS_URL"]', 'AGENTCORE_GATEWAY_TOOLS_URL', { form: 'os.environ[]', unsafe: 'key-error', boundTo: 'URL' }));
    f.envReads.push(env(py, 'os.getenv("AGENTCORE_GATEWAY_TOOLS_URL")', 'AGENTCORE_GATEWAY_TOOLS_URL', { form: 'os.getenv', boundTo: 'url', uses: [{ span: span(py, 'url)'), kind: 'constructor-argument', guarded: false }] }));
    f.envReads.push({ ...env(py, 'os.getenv("AGENTCORE_GATEWAY_TOOLS_URL")', 'AGENTCORE_GATEWAY_TOOLS_URL', { form: 'os.getenv' }), span: span(py, 'os.getenv("AGENTCORE_GATEWAY_TOOLS_URL")', 1), uses: [{ span: span(py, 'url)', 1), kind: 'constructor-argument', guarded: true }] });
    f.envReads.push(env(py, 'os.getenv("AGENTCORE_GATEWAY_TOOLS_URL", "")', 'AGENTCORE_GATEWAY_TOOLS_URL', { form: 'os.getenv', unsafe: 'empty-default', uses: [{ span: span(py, 'x + "/mcp"'), kind: 'string-building', guarded: false }] }));
    f.envReads.push(env(py, 'os.getenv("MODEL_URL")', 'MODEL_URL', { form: 'os.getenv', uses: [{ span: span(py, 'y)'), kind: 'http-call', guarded: false }] }));
    const found = run(gatewayUrlUnguarded, '/x/main.py', py, f, { role: 'agent' });
    expect(found.map((x) => [x.line, x.severity])).toEqual([[1, 'error'], [4, 'error'], [11, 'error']]);
    expect(found[0].message).toContain('KeyError');
    expect(found[1].message).toContain('(read on line 3) reaches a client constructor');
    expect(found[2].message).toContain('defaults to an empty string (line 10)');
    expect(run(gatewayUrlUnguarded, '/x/test_main.py', py, f, { role: 'test' })).toEqual([]);
  });

  it('treats runtimes[].envVars names that mention a gateway as gateway URLs', () => {
    const ts = 'const u = process.env.TOOLS_GW!;\nnew URL(u);\n';
    const f = empty('typescript');
    f.envReads.push({ ...env(ts, 'process.env.TOOLS_GW!', 'TOOLS_GW'), form: 'process.env.X', unsafe: 'non-null-assertion', uses: [{ span: span(ts, 'u)'), kind: 'url', guarded: false }] });
    expect(run(gatewayUrlUnguarded, '/x/main.ts', ts, f, { role: 'agent' })).toEqual([]);
    const p = project({ name: 'P', version: 1, runtimes: [{ name: 'A', envVars: [{ name: 'TOOLS_GW', value: 'https://x.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp' }] }] });
    const found = run(gatewayUrlUnguarded, '/x/main.ts', ts, f, { role: 'agent', project: p });
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('non-null assertion');
  });
});

describe('unknown-resource-name (AC054)', () => {
  const spec = {
    name: 'P', version: 1,
    agentCoreGateways: [{ name: 'travel-tools', targets: [] }, { name: 'secure', authorizerType: 'CUSTOM_JWT', targets: [] }],
    memories: [{ name: 'TripMemory' }],
    credentials: [{ name: 'flights-key', authorizerType: 'ApiKeyCredentialProvider' }],
    runtimes: [{ name: 'A', envVars: [{ name: 'MEMORY_LEGACY_ID', value: 'x' }] }],
  };
  const py = [
    'a = os.getenv("AGENTCORE_GATEWAY_TRAVEL_TOOL_URL")',
    'b = os.getenv("AGENTCORE_GATEWAY_TRAVEL_TOOLS_URL")',
    'c = os.getenv("MEMORY_TRIPMEMORY_ID")',
    'd = os.getenv("MEMORY_TRIPMEMROY_ID")',
    'e = os.getenv("MEMORY_LEGACY_ID")',
    'f = os.getenv("CREDENTIAL_FLIGHTS_KEY_NAME")',
    '@requires_api_key(provider_name="flight-key")',
    '@requires_access_token(provider_name="secure-oauth")',
  ].join('\n');

  function facts(): SourceFacts {
    const f = empty('python');
    for (const name of ['AGENTCORE_GATEWAY_TRAVEL_TOOL_URL', 'AGENTCORE_GATEWAY_TRAVEL_TOOLS_URL', 'MEMORY_TRIPMEMORY_ID', 'MEMORY_TRIPMEMROY_ID', 'MEMORY_LEGACY_ID', 'CREDENTIAL_FLIGHTS_KEY_NAME']) {
      f.envReads.push(env(py, `os.getenv("${name}")`, name, { form: 'os.getenv' }));
    }
    f.calls.push(call(py, 'requires_api_key', 'bedrock_agentcore.identity.auth.requires_api_key', { named: { provider_name: { kind: 'string', value: 'flight-key', span: span(py, '"flight-key"') } } }));
    f.calls.push(call(py, 'requires_access_token', 'bedrock_agentcore.identity.requires_access_token', { named: { provider_name: { kind: 'string', value: 'secure-oauth', span: span(py, '"secure-oauth"') } } }));
    return f;
  }

  it('reports names no declared resource derives, with did-you-mean', () => {
    const found = run(unknownResourceName, '/x/main.py', py, facts(), { role: 'agent', project: project(spec) });
    expect(found.map((f) => f.line)).toEqual([1, 4, 7]);
    expect(found[0].message).toContain('Did you mean "AGENTCORE_GATEWAY_TRAVEL_TOOLS_URL"?');
    expect(found[1].message).toContain('Did you mean "MEMORY_TRIPMEMORY_ID"?');
    expect(found[2].message).toContain('Credential provider "flight-key"');
    expect(found[2].message).toContain('Did you mean "flights-key"?');
  });

  it('is silent without a project', () => {
    expect(run(unknownResourceName, '/x/main.py', py, facts(), { role: 'agent' })).toEqual([]);
  });
});

describe('gateway-url-unread (AC055)', () => {
  it('collects read names, names held in strings, and dynamic enumeration', () => {
    const f = empty('python');
    f.envReads.push({ ...env('os.getenv("AGENTCORE_GATEWAY_A_URL")', 'os.getenv("AGENTCORE_GATEWAY_A_URL")', 'AGENTCORE_GATEWAY_A_URL') });
    f.strings.push({ span: { start: 0, end: 1 }, value: 'AGENTCORE_GATEWAY_B_URL', interpolated: false, context: { kind: 'assignment', name: 'GW_ENV' } });
    const reads = gatewayReads([f]);
    expect([...reads.names].sort()).toEqual(['AGENTCORE_GATEWAY_A_URL', 'AGENTCORE_GATEWAY_B_URL']);
    expect(reads.dynamic).toBe(false);
    f.strings.push({ span: { start: 0, end: 1 }, value: 'AGENTCORE_GATEWAY_', interpolated: false, context: { kind: 'argument', callee: 'k.startswith', index: 0 } });
    expect(gatewayReads([f]).dynamic).toBe(true);
  });
});

describe('placeholder words inside generated keys', () => {
  it('still reports a key whose random part happens to contain "tbd" or "fake"', () => {
    const fact = (value: string): StringFact => ({ span: { start: 0, end: 1 }, value, interpolated: false, context: { kind: 'other' } });
    expect(stringSecret(fact(['sk', 'proj', `Qm9vR3kP2xT7wLz8NcY4bHMtbDUEHd1FgJ6sVa0Ue5Wq`].join('-')))?.kind).toBe('openai-project-key');
    expect(stringSecret(fact(['sk', 'proj', `Qm9vR3kP2xT7wLz8NcfakeY4bHd1FgJ6sVa0Ue5Wq`].join('-')))?.kind).toBe('openai-project-key');
    expect(stringSecret(fact(['sk', 'your', 'api', 'key', 'here'].join('-')))).toBeUndefined();
    expect(stringSecret(fact(['sk', 'proj', 'x'.repeat(40)].join('-')))).toBeUndefined();
  });

  it('does not report Stripe publishable keys given to a key receiver', () => {
    const value = ['pk', 'live', 'EeYFrPKUo0qmrzrrmRlKGW7h'].join('_');
    expect(stringSecret({ span: { start: 0, end: 1 }, value, interpolated: false, context: { kind: 'property', name: 'apiKey' } })).toBeUndefined();
  });
});

describe('no-inline-secrets in test files', () => {
  it('skips sample JWTs in tests but still reports other formats there', () => {
    const jwt = [Buffer.from('{"alg":"HS256"}').toString('base64url'), Buffer.from('{"sub":"user-1234"}').toString('base64url'), 'Xb3kP9mQ2vR7tW1zL8nC4yH6dF0gJ5sA'].join('.');
    const text = `TOKEN = "${jwt}"\nGH = "${GITHUB}"\n`;
    const facts = empty('python');
    facts.strings.push(str(text, `"${jwt}"`, { kind: 'assignment', name: 'TOKEN' }));
    facts.strings.push(str(text, `"${GITHUB}"`, { kind: 'assignment', name: 'GH' }));
    expect(run(noInlineSecrets, '/x/tests/test_auth.py', text, facts, { role: 'test' }).map((f) => f.line)).toEqual([2]);
    expect(run(noInlineSecrets, '/x/auth.py', text, facts, { role: 'agent' }).map((f) => f.line)).toEqual([1, 2]);
  });
});
