/**
 * Parity with the official `agentcore validate` (CLI 0.30.0): every probe case of
 * ../shared/reference/official-validate.md §5, recreated as a mutation of the GwDemo sample project
 * (fixtures/base/gwdemo). Each case states what the official validator said and what we must report, located
 * at the JSON node concerned — the rc=1 cases (parity) and the "success but wrong" ones (what it misses).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locatePath, parseJsonDocument, rangeOf, resolvePath, type JsonDocument, type JsonPath } from '../src/json/document.js';
import { lint, UsageError } from '../src/lint.js';
import { useTempTrees } from './helpers/cli.js';
import type { Finding, Position, SourceRange } from '../src/types.js';

const BASE = path.resolve(__dirname, '..', 'fixtures', 'base', 'gwdemo');
const CONFIG = path.join('agentcore', 'agentcore.json');

/* eslint-disable @typescript-eslint/no-explicit-any */
type Spec = any;

interface Expected {
  ruleId: string;
  /** The JSON node the finding must point at (in agentcore.json unless `file` says otherwise). */
  path?: JsonPath;
  target?: 'key' | 'value';
  file?: string;
  severity?: Finding['severity'];
}

interface ParityCase {
  id: string;
  title: string;
  /** What the official validator did: 'rejects' (rc=1), 'misses' (rc=0 but wrong), 'accepts' (rc=0, fine). */
  official: 'rejects' | 'misses' | 'accepts';
  mutate?: (spec: Spec) => void;
  /** Raw agentcore.json text instead of a mutation. */
  rawConfig?: string;
  /** Other files to write or (with null) delete, relative to the project root. */
  files?: Record<string, string | null>;
  expected: Expected[];
}

const gw = (i: number) => ['agentCoreGateways', i];
const target = (t: number) => [...gw(0), 'targets', t];

const CASES: ParityCase[] = [
  { id: '00', title: 'the valid sample', official: 'accepts', expected: [] },
  {
    id: '01', title: 'dangling credentialName', official: 'misses',
    mutate: (s) => { s.agentCoreGateways[0].targets[0].outboundAuth.credentialName = 'does-not-exist'; },
    expected: [{ ruleId: 'credential-reference-exists', path: [...target(0), 'outboundAuth', 'credentialName'] }],
  },
  {
    id: '02', title: 'openApiSchema target without outboundAuth', official: 'rejects',
    mutate: (s) => { delete s.agentCoreGateways[0].targets[1].outboundAuth; },
    expected: [{ ruleId: 'outbound-auth', path: target(1) }],
  },
  {
    id: '03', title: 'mcpServer with API_KEY', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[0].targets[0].outboundAuth = { type: 'API_KEY', credentialName: 'weather-key' }; },
    expected: [{ ruleId: 'outbound-auth', path: [...target(0), 'outboundAuth'] }],
  },
  {
    id: '04', title: 'smithyModel with OAUTH', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[0].targets[4].outboundAuth = { type: 'OAUTH', credentialName: 'github-oauth' }; },
    expected: [{ ruleId: 'outbound-auth', path: [...target(4), 'outboundAuth'] }],
  },
  {
    id: '05', title: 'lambdaFunctionArn with outboundAuth NONE', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[0].targets[3].outboundAuth = { type: 'NONE' }; },
    expected: [{ ruleId: 'outbound-auth', path: [...target(3), 'outboundAuth'] }],
  },
  {
    id: '06', title: 'lambdaFunctionArn with OAUTH', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[0].targets[3].outboundAuth = { type: 'OAUTH', credentialName: 'github-oauth' }; },
    expected: [{ ruleId: 'outbound-auth', path: [...target(3), 'outboundAuth'] }],
  },
  {
    id: '07', title: 'unknown policy engine', official: 'misses',
    mutate: (s) => { s.agentCoreGateways[0].policyEngineConfiguration.policyEngineName = 'NoSuchEngine'; },
    expected: [{ ruleId: 'policy-engine-reference-exists', path: [...gw(0), 'policyEngineConfiguration', 'policyEngineName'] }],
  },
  {
    id: '08', title: 'two gateways with one name', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[1].name = 'my-tools-gw'; },
    expected: [{ ruleId: 'unique-names', path: [...gw(1), 'name'] }],
  },
  {
    id: '09', title: 'gateway name with underscores', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[0].name = 'my_tools_gw'; },
    expected: [{ ruleId: 'schema', path: [...gw(0), 'name'] }],
  },
  {
    id: '10', title: 'unknown top-level key', official: 'rejects',
    mutate: (s) => { s.gateways = []; },
    expected: [{ ruleId: 'schema', path: ['gateways'], target: 'key' }],
  },
  {
    id: '11', title: 'version removed', official: 'rejects',
    mutate: (s) => { delete s.version; },
    expected: [{ ruleId: 'schema', path: ['version'] }],
  },
  {
    id: '12', title: 'runtime name with a hyphen', official: 'rejects',
    mutate: (s) => { s.runtimes[0].name = 'Gw-Demo'; s.agentCoreGateways[2].targets[0].httpRuntime.runtime = 'Gw-Demo'; },
    expected: [{ ruleId: 'schema', path: ['runtimes', 0, 'name'] }],
  },
  {
    id: '13', title: 'CUSTOM_JWT gateway without authorizerConfiguration', official: 'rejects',
    mutate: (s) => { delete s.agentCoreGateways[1].authorizerConfiguration; },
    expected: [{ ruleId: 'custom-jwt-required', path: [...gw(1), 'authorizerType'] }],
  },
  {
    id: '14', title: 'OAUTH without credentialName', official: 'rejects',
    mutate: (s) => { delete s.agentCoreGateways[0].targets[0].outboundAuth.credentialName; },
    expected: [{ ruleId: 'outbound-auth', path: [...target(0), 'outboundAuth', 'credentialName'] }],
  },
  {
    id: '15', title: 'syntactically broken Cedar statement', official: 'misses',
    mutate: (s) => { s.policyEngines[0].policies[0].statement = 'permit(principal, action, resource) when { context.input.amount < };'; },
    expected: [{ ruleId: 'policy-syntax', path: ['policyEngines', 0, 'policies', 0, 'statement'] }],
  },
  {
    id: '16', title: 'httpRuntime target on an MCP gateway', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[2].protocolType = 'MCP'; },
    expected: [{ ruleId: 'gateway-protocol', path: [...gw(2), 'targets', 0] }],
  },
  {
    id: '17', title: 'policy name with a hyphen', official: 'rejects',
    mutate: (s) => { s.policyEngines[0].policies[0].name = 'allow-pets'; },
    expected: [{ ruleId: 'schema', path: ['policyEngines', 0, 'policies', 0, 'name'] }],
  },
  {
    id: '18', title: 'invalid env var name', official: 'rejects',
    mutate: (s) => { s.runtimes[0].envVars = [{ name: '1BAD-NAME', value: 'x' }]; },
    expected: [{ ruleId: 'schema', path: ['runtimes', 0, 'envVars', 0, 'name'] }],
  },
  {
    id: '19', title: 'target name the AgentCore API rejects', official: 'misses',
    mutate: (s) => { s.agentCoreGateways[0].targets[1].name = 'pet_store'; },
    expected: [{ ruleId: 'target-name-api-pattern', path: [...target(1), 'name'] }],
  },
  {
    id: '20', title: 'duplicate target names in one gateway', official: 'misses',
    mutate: (s) => { s.agentCoreGateways[0].targets[2].name = 'petstore'; },
    expected: [{ ruleId: 'unique-target-names', path: [...target(2), 'name'] }],
  },
  {
    id: '21', title: 'missing codeLocation and schema file', official: 'misses',
    mutate: (s) => {
      s.runtimes[0].codeLocation = 'app/DoesNotExist/';
      s.agentCoreGateways[0].targets[1].schemaSource.inline.path = 'schemas/missing.json';
    },
    expected: [
      { ruleId: 'referenced-files-exist', path: ['runtimes', 0, 'codeLocation'] },
      { ruleId: 'referenced-files-exist', path: [...target(1), 'schemaSource', 'inline', 'path'] },
    ],
  },
  { id: '22', title: 'version 2', official: 'accepts', mutate: (s) => { s.version = 2; }, expected: [] },
  {
    id: '23', title: 'inline secret in envVars', official: 'misses',
    mutate: (s) => { s.runtimes[0].envVars = [{ name: 'OPENAI_API_KEY', value: 'sk-proj-Xy7Qw3Lm9Tz2Rb8Kc4Vn6Hd1Jf5Gs0Pa' }]; },
    expected: [{ ruleId: 'no-secrets-in-env-vars', path: ['runtimes', 0, 'envVars', 0, 'value'] }],
  },
  {
    id: '24', title: 'mcpServer endpoint over http', official: 'misses',
    mutate: (s) => { s.agentCoreGateways[0].targets[0].endpoint = 'http://mcp.example.com/mcp'; },
    expected: [{ ruleId: 'mcp-endpoint-https', path: [...target(0), 'endpoint'] }],
  },
  {
    id: '25', title: 'target pointing at a runtime invocation URL (inverted flow)', official: 'misses',
    mutate: (s) => {
      s.agentCoreGateways[0].targets[0].endpoint =
        'https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2FGwDemo_GwDemo-AbCdEf1234/invocations?qualifier=DEFAULT';
    },
    expected: [{ ruleId: 'gateway-target-inverted-flow', path: [...target(0), 'endpoint'], severity: 'warning' }],
  },
  {
    id: '26', title: 'exceptionLevel ALL', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[0].exceptionLevel = 'ALL'; },
    expected: [{ ruleId: 'schema', path: [...gw(0), 'exceptionLevel'] }],
  },
  {
    id: '27', title: 'credentialName directly on a target', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[0].targets[1].credentialName = 'weather-key'; },
    expected: [{ ruleId: 'schema', path: [...target(1), 'credentialName'], target: 'key' }],
  },
  {
    id: '28', title: 'gateway inbound auth NONE', official: 'misses',
    mutate: (s) => { s.agentCoreGateways[0].authorizerType = 'NONE'; },
    expected: [{ ruleId: 'gateway-inbound-auth-none', path: [...gw(0), 'authorizerType'], severity: 'warning' }],
  },
  {
    id: '29', title: 'policy engine attachment removed', official: 'accepts',
    mutate: (s) => { delete s.agentCoreGateways[0].policyEngineConfiguration; },
    expected: [],
  },
  {
    id: '30', title: 'apiGateway target with OAUTH', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[0].targets[2].outboundAuth = { type: 'OAUTH', credentialName: 'github-oauth' }; },
    expected: [{ ruleId: 'outbound-auth', path: [...target(2), 'outboundAuth'] }],
  },
  {
    id: '31', title: 'API_KEY auth naming an OAuth credential', official: 'misses',
    mutate: (s) => { s.agentCoreGateways[0].targets[1].outboundAuth.credentialName = 'github-oauth'; },
    expected: [{ ruleId: 'credential-kind-matches-auth', path: [...target(1), 'outboundAuth', 'credentialName'] }],
  },
  {
    id: '32', title: 'lambda target without compute', official: 'rejects',
    mutate: (s) => { delete s.agentCoreGateways[0].targets[5].compute; },
    expected: [{ ruleId: 'target-type-fields', path: [...target(5), 'compute'] }],
  },
  {
    id: '33', title: 'mcpServer with JWT_PASSTHROUGH (two official messages)', official: 'rejects',
    mutate: (s) => { s.agentCoreGateways[0].targets[0].outboundAuth = { type: 'JWT_PASSTHROUGH' }; },
    expected: [
      { ruleId: 'outbound-auth', path: [...target(0), 'outboundAuth'] },
      { ruleId: 'outbound-auth', path: [...target(0), 'outboundAuth', 'type'] },
    ],
  },
  {
    id: '34', title: 'semantic search off with 25 tools', official: 'misses',
    mutate: (s) => {
      s.agentCoreGateways[0].enableSemanticSearch = false;
      s.agentCoreGateways[0].targets[5].toolDefinitions = Array.from({ length: 25 }, (_, i) => ({
        name: `tool_${i}`, description: `Tool ${i}`, inputSchema: { type: 'object' },
      }));
    },
    expected: [{ ruleId: 'gateway-semantic-search', path: [...gw(0), 'enableSemanticSearch'], severity: 'warning' }],
  },
  {
    id: '40', title: 'truncated agentcore.json', official: 'rejects',
    rawConfig: '{\n  "name": "GwDemo",\n  "version": 1,\n  "runtimes": [',
    expected: [{ ruleId: 'json-syntax' }],
  },
  {
    id: '41', title: 'aws-targets.json missing', official: 'rejects',
    files: { 'agentcore/aws-targets.json': null },
    expected: [{ ruleId: 'aws-targets', severity: 'error' }],
  },
  {
    id: '42', title: 'aws-targets account and region invalid', official: 'rejects',
    files: { 'agentcore/aws-targets.json': '[\n  { "name": "default", "account": "1234", "region": "mars-1" }\n]\n' },
    expected: [
      { ruleId: 'schema', file: 'agentcore/aws-targets.json', path: [0, 'account'] },
      { ruleId: 'schema', file: 'agentcore/aws-targets.json', path: [0, 'region'] },
    ],
  },
  {
    id: '43', title: 'deployed-state target not in aws-targets', official: 'rejects',
    files: { 'agentcore/.cli/deployed-state.json': '{\n  "targets": {\n    "prod": { "resources": {} }\n  }\n}\n' },
    expected: [{ ruleId: 'aws-targets', file: 'agentcore/.cli/deployed-state.json', path: ['targets', 'prod'], target: 'key' }],
  },
  {
    id: '50', title: 'minimal project', official: 'accepts',
    rawConfig: '{"name":"Minimal","version":1}\n',
    expected: [],
  },
  {
    id: '51', title: 'unknown keys in loose objects (silently dropped by the CLI)', official: 'misses',
    mutate: (s) => {
      s.runtimes[0].secretToken = 'tok-3f9a8b7c6d5e4f3a2b1c';
      s.credentials[0].apiKey = 'sk-live-abcdef0123456789';
      s.policyEngines[0].policies[0].cedar = 'permit(principal, action, resource);';
    },
    expected: [
      { ruleId: 'unknown-key', path: ['runtimes', 0, 'secretToken'], target: 'key', severity: 'error' },
      { ruleId: 'unknown-key', path: ['credentials', 0, 'apiKey'], target: 'key', severity: 'error' },
      { ruleId: 'unknown-key', path: ['policyEngines', 0, 'policies', 0, 'cedar'], target: 'key', severity: 'warning' },
    ],
  },
];

const tree = useTempTrees();

function materialize(c: ParityCase): string {
  const dir = tree();
  fs.cpSync(BASE, dir, { recursive: true });
  // The official probe fixtures all carried an empty deployed state.
  fs.mkdirSync(path.join(dir, 'agentcore', '.cli'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'agentcore', '.cli', 'deployed-state.json'), '{ "targets": {} }\n');
  const configFile = path.join(dir, CONFIG);
  if (c.rawConfig !== undefined) {
    fs.writeFileSync(configFile, c.rawConfig);
  } else {
    const spec = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    c.mutate?.(spec);
    fs.writeFileSync(configFile, JSON.stringify(spec, null, 2) + '\n');
  }
  for (const [relative, content] of Object.entries(c.files ?? {})) {
    const file = path.join(dir, relative);
    if (content === null) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, content);
  }
  return dir;
}

/**
 * The span of the node a finding must point into: from the property name through its value (or only the name,
 * for unknown keys). A path that does not exist (a missing block) means its deepest existing ancestor.
 */
function nodeSpan(doc: JsonDocument, at: JsonPath, target?: 'key' | 'value'): SourceRange {
  const key = locatePath(doc, at, 'key');
  if (target === 'key') return key;
  const value = locatePath(doc, at, 'value');
  const resolved = resolvePath(doc, at);
  const whole = resolved ? rangeOf(resolved.value) : value;
  return { start: key.start, end: whole.end };
}

function within(p: Position, r: SourceRange): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.column >= r.start.column);
  const before = p.line < r.end.line || (p.line === r.end.line && p.column <= r.end.column);
  return after && before;
}

const describeFinding = (f: Finding, root: string) =>
  `${path.relative(root, f.file)}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.ruleId}: ${f.message}`;

describe('parity with agentcore validate (official-validate.md §5)', () => {
  it.each(CASES.map((c) => [`${c.id} ${c.title} (official: ${c.official})`, c] as const))('%s', async (_, c) => {
    const root = materialize(c);
    const { findings } = await lint({ paths: [root] });
    const shown = findings.map((f) => describeFinding(f, root));

    if (c.expected.length === 0) {
      // Accepted by the official validator and correct: no error of any kind.
      expect(findings.filter((f) => f.severity === 'error').map((f) => describeFinding(f, root))).toEqual([]);
      return;
    }
    for (const expected of c.expected) {
      const file = path.join(root, expected.file ?? CONFIG);
      const candidates = findings.filter((f) => f.ruleId === expected.ruleId && f.file === file);
      expect(candidates.length, `${expected.ruleId} not reported in ${expected.file ?? CONFIG}; got:\n${shown.join('\n')}`).toBeGreaterThan(0);
      if (expected.path) {
        const doc = parseJsonDocument(file, fs.readFileSync(file, 'utf8'));
        const span = nodeSpan(doc, expected.path, expected.target);
        const located = candidates.filter((f) => within(f.range.start, span));
        const where = `${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`;
        expect(located.length, `${expected.ruleId} not within ${where} (${expected.path.join('.')}); got:\n${shown.join('\n')}`).toBeGreaterThan(0);
        if (expected.severity) expect(located[0].severity).toBe(expected.severity);
      } else if (expected.severity) {
        expect(candidates[0].severity).toBe(expected.severity);
      }
    }
    // Officially rejected cases must fail our run too (exit 1): at least one error.
    if (c.official === 'rejects') expect(findings.some((f) => f.severity === 'error')).toBe(true);
  });

  it('44 a directory without agentcore/ is a usage error, as "No agentcore project found"', async () => {
    const dir = tree();
    await expect(lint({ paths: [], cwd: dir })).rejects.toThrow(UsageError);
  });
});
