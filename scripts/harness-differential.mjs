#!/usr/bin/env node
/**
 * Differential check of agentcore-lint's harness.json checks (the `schema` rule's validator plus `harness-config`)
 * against the official CLI's own `HarnessSpecSchema` (zod), on generated harness.json values. Run by hand after
 * `npm run sync-schema` for a new CLI version, or after changing either check; not part of `npm test`:
 *
 *   npm run build && node scripts/harness-differential.mjs [--cli <folder>] [--n 20000] [--seed 1]
 *
 * `--cli` names a folder where `@aws/agentcore` is installed (`<folder>/node_modules/@aws/agentcore`), so its schema
 * runs with the zod the CLI really gets; without it `@aws/agentcore@0.30.0` is `npm pack`ed (needs the npm registry)
 * and loaded with our zod devDependency, as sync-schema does. Three generators, `--n` values each: random harness
 * files from pools of valid and invalid field values; valid harness files with one or two field-level mutations;
 * valid harness files with one or two values anywhere replaced by random JSON. A value is accepted by us when the
 * schema reports nothing and harness-config reports nothing. Prints the counts; exits 1 on any disagreement.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const N = Number(option('n', '20000'));
let seed = Number(option('seed', '1'));

const { validateAgainstSchema } = await import(path.join(ROOT, 'dist', 'src', 'schema', 'validate.js'));
const rule = (await import(path.join(ROOT, 'dist', 'rules', 'config', 'harness-config.js'))).default;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agentcore-lint-harness-diff-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const { HarnessSpecSchema } = loadCliSchema(option('cli'));

function loadCliSchema(cliFolder) {
  const module = 'dist/schema/schemas/primitives/harness.js';
  // The package's `exports` hide dist/schema: require the file itself, which then gets the CLI's own zod.
  if (cliFolder) return createRequire(import.meta.url)(path.resolve(cliFolder, 'node_modules', '@aws', 'agentcore', module));
  const tarball = execFileSync('npm', ['pack', '@aws/agentcore@0.30.0', '--silent', '--pack-destination', work], { cwd: work, encoding: 'utf8' })
    .trim().split('\n').pop();
  execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
  const packageDir = path.join(work, 'package');
  fs.mkdirSync(path.join(packageDir, 'node_modules'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules', 'zod'), path.join(packageDir, 'node_modules', 'zod'), 'dir');
  return createRequire(path.join(packageDir, 'package.json'))(`./${module}`);
}

function ours(value) {
  const schemaIssues = validateAgainstSchema('harness', value);
  const findings = [];
  const doc = { file: path.join(work, 'harness.json'), text: '', value, problems: [] };
  rule.check({ project: { harnesses: [{ name: 'Bot', entryPath: ['harnesses', 0], relative: 'app/Bot/harness.json', doc }] }, report: (d) => findings.push(d) });
  return { accepts: schemaIssues.length === 0 && findings.length === 0, said: [...schemaIssues.map((x) => `${x.path.join('.')}: ${x.message}`), ...findings.map((f) => `${(f.path ?? []).join('.')}: ${f.messageId}`)] };
}

function zod(value) {
  const result = HarnessSpecSchema.safeParse(value);
  return { accepts: result.success, said: result.success ? [] : result.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`) };
}

// A seeded PRNG (mulberry32), so a run can be repeated with --seed.
function rnd() { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
const ABSENT = Symbol('absent');
const clone = (v) => (v === undefined ? v : structuredClone(v));

// ---------------------------------------------------------------------------------------------------------------
// 1. Random harness files from pools of field values
const EFS = 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0';
const S3F = 'arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef01/access-point/fsap-0123456789abcdef01';
const DISC = 'https://idp.example.com/.well-known/openid-configuration';
const many = (n, f) => Object.fromEntries(Array.from({ length: n }, (_, i) => f(i)));
const sgs = (n) => Array.from({ length: n }, (_, i) => `sg-${String(10000000 + i)}`);
const lattice = { selfManagedLatticeResource: { resourceConfigurationIdentifier: 'rcfg-0123456789abcdef0' } };
const vpcRes = { managedVpcResource: { vpcIdentifier: 'vpc-12345678', subnetIds: ['subnet-12345678'], endpointIpAddressType: 'IPV4' } };

const toolConfigs = {
  remoteMcp: [{ url: 'https://mcp.example.com' }, { url: '' }, { url: 'u', headers: { a: 'b' } }, { url: 'u', headers: { a: 1 } }, {}],
  agentCoreBrowser: [{}, { browserArn: 'arn:x' }, { browserArn: 3 }, 'x'],
  agentCoreCodeInterpreter: [{}, { codeInterpreterArn: 'arn:x' }, { codeInterpreterArn: null }],
  agentCoreGateway: [
    { gatewayArn: 'arn:gw' }, { gatewayArn: '' }, { gatewayArn: 'arn:gw', credentialProviderName: 'c' }, { gatewayArn: 'arn:gw', outboundAuth: { awsIam: {} } },
    { gatewayArn: 'arn:gw', outboundAuth: { none: {} } }, { gatewayArn: 'arn:gw', outboundAuth: { oauth: { providerArn: 'p', scopes: ['s'], grantType: 'CLIENT_CREDENTIALS' } } },
    { gatewayArn: 'arn:gw', outboundAuth: { oauth: { providerArn: 'p', scopes: [''] } } }, { gatewayArn: 'arn:gw', outboundAuth: {} }, { gatewayArn: 'arn:gw', extra: 1 },
    { gatewayArn: 'arn:gw', outboundAuth: { oauth: { providerArn: 'p', scopes: [], grantType: 'TOKEN_EXCHANGE' } } }, { credentialProviderName: 'c' },
  ],
  inlineFunction: [{ description: 'd', inputSchema: {} }, { description: '', inputSchema: {} }, { description: 'd', inputSchema: [] }, { description: 'd' }],
};
const TYPES = ['remote_mcp', 'agentcore_browser', 'agentcore_gateway', 'inline_function', 'agentcore_code_interpreter'];
const KEY = { remote_mcp: 'remoteMcp', agentcore_browser: 'agentCoreBrowser', agentcore_gateway: 'agentCoreGateway', inline_function: 'inlineFunction', agentcore_code_interpreter: 'agentCoreCodeInterpreter' };
function toolConfig(type) {
  const r = rnd();
  if (r < 0.15) return ABSENT;
  if (r < 0.6) return { [KEY[type]]: clone(toolConfigs[KEY[type]][chance(0.6) ? 0 : Math.floor(rnd() * toolConfigs[KEY[type]].length)]) };
  if (r < 0.8) { const k = pick(Object.keys(toolConfigs)); return { [k]: clone(pick(toolConfigs[k])) }; }
  if (r < 0.95) { const out = {}; for (const k of Object.keys(toolConfigs)) if (chance(0.35)) out[k] = clone(pick(toolConfigs[k])); if (chance(0.2)) out.other = 1; return out; }
  return pick([null, 'x', [], {}]);
}
function tool() {
  const type = chance(0.93) ? pick(TYPES) : pick(['bad', 3]);
  const t = { type, name: pick(['t1', 't1', 't2', 't3', 'bad name', '']) };
  const c = toolConfig(TYPES.includes(type) ? type : 'remote_mcp');
  if (c !== ABSENT) t.config = c;
  if (chance(0.05)) t.extra = 1;
  return t;
}
function memory() {
  const m = {};
  const f = (k, vals, p) => { if (chance(p)) m[k] = clone(pick(vals)); };
  f('mode', ['managed', 'existing', 'existing', 'disabled', 'x', null], 0.7);
  f('name', ['m', 'm', '', null, 3], 0.5);
  f('arn', ['arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/m', '', null], 0.3);
  f('retrievalConfig', [{}, { topK: 1 }, { relevanceScore: 0.3 }, { topK: 0 }, { foo: 1 }, { topK: 2, relevanceScore: 1 }, null], 0.3);
  f('messagesCount', [1, 0, 2.5], 0.15);
  f('actorId', ['a', 4], 0.1);
  f('strategies', [['SEMANTIC'], [], ['CUSTOM']], 0.15);
  f('eventExpiryDuration', [3, 2, 30], 0.1);
  f('messageCount', [3], 0.05);
  return chance(0.05) ? pick([null, 'm', []]) : m;
}
const POOLS = {
  name: [['Bot'], ['Bot', 'bot_1', '', '1bad', 'a'.repeat(41), 5]],
  systemPrompt: [['You are helpful.', 'Be brief.'], ['', '   ', './prompt.md', 'prompt.md', 'PROMPT.TXT', '../p', 'a b.md', 'x', 5, ' ./p.md ', '\t\n', 'notes.txt\n', '.\\p.md', 'a/b']],
  skills: [[['./skills/a'], [{ s3Uri: 's3://b/k' }]], [[''], [{ gitUrl: 'https://g.example.com/r.git', path: 'p', auth: { credentialName: 'c' } }], [{ path: 'p' }], [{ awsSkills: { paths: ['a'] } }], [{ awsSkills: {} }], [{ x: 1 }], [{ s3Uri: 'http://x' }], 'x']],
  allowedTools: [[['*'], ['@x/y']], [['a/b/c'], [''], ['t'.repeat(65)]]],
  maxIterations: [[1, 10], [0, 1.5, '3']],
  maxTokens: [[1, 100], [0, -1]],
  timeoutSeconds: [[30], [0, 2.5]],
  containerUri: [['123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag', 'public.ecr.aws/x/y'], ['docker.io/x', '', 'public.ecr.aws/X']],
  dockerfile: [['Dockerfile'], ['']],
  executionRoleArn: [['arn:aws:iam::123456789012:role/r'], [3]],
  networkMode: [['PUBLIC', 'VPC'], ['vpc', null]],
  networkConfig: [[{ subnets: ['subnet-12345678'], securityGroups: ['sg-12345678'] }, { subnets: ['subnet-12345678'], securityGroups: sgs(6) }, { subnets: ['subnet-12345678'], securityGroups: sgs(5), vpcId: 'vpc-12345678' }],
    [{ subnets: [], securityGroups: ['sg-12345678'] }, 'x', { subnets: ['subnet-1'], securityGroups: ['sg-12345678'] }]],
  lifecycleConfig: [[{ idleRuntimeSessionTimeout: 100, maxLifetime: 60 }, { idleRuntimeSessionTimeout: 60, maxLifetime: 100 }, { maxLifetime: 60 }], [{ idleRuntimeSessionTimeout: 30 }, { idleRuntimeSessionTimeout: 30000, maxLifetime: 100 }]],
  sessionStoragePath: [['/mnt/data', '/mnt/data/', '/mnt/other'], ['/tmp/x', '', '/mnt/a/b']],
  efsAccessPoints: [[[], [{ accessPointArn: EFS, mountPath: '/mnt/data' }], [{ accessPointArn: EFS, mountPath: '/mnt/efs' }, { accessPointArn: EFS, mountPath: '/mnt/efs/' }], [{ accessPointArn: EFS, mountPath: '/mnt/efs' }]],
    [[{ accessPointArn: 'x', mountPath: '/mnt/e' }], [1, 2, 3].map((i) => ({ accessPointArn: EFS, mountPath: `/mnt/e${i}` }))]],
  s3AccessPoints: [[[], [{ accessPointArn: S3F, mountPath: '/mnt/data/' }], [{ accessPointArn: S3F, mountPath: '/mnt/s3' }]], [[{ accessPointArn: S3F }]]],
  environmentVariables: [[{ A: '1' }, many(50, (i) => [`V${i}`, 'x']), many(51, (i) => [`V${i}`, 'x'])], [{ '': 'x' }, { A: 1 }, { ['K'.repeat(101)]: 'x' }, many(51, (i) => [`V${i}`, i])]],
  authorizerType: [['AWS_IAM', 'CUSTOM_JWT'], ['NONE']],
  authorizerConfiguration: [[{}, { customJwtAuthorizer: { discoveryUrl: DISC, allowedClients: ['c'] } }],
    [{ customJwtAuthorizer: { discoveryUrl: 'http://idp.example.com/.well-known/openid-configuration', allowedClients: ['c'] } },
     { customJwtAuthorizer: { discoveryUrl: DISC } }, { customJwtAuthorizer: { discoveryUrl: DISC, allowedClients: [] } },
     { customJwtAuthorizer: { discoveryUrl: 'https://idp.example.com', allowedAudience: ['a'] } },
     { customJwtAuthorizer: { discoveryUrl: DISC, customClaims: [{ inboundTokenClaimName: 'client_id', inboundTokenClaimValueType: 'STRING', authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'x' } } }] } },
     { customJwtAuthorizer: { discoveryUrl: DISC, customClaims: [{ inboundTokenClaimName: 'grp', inboundTokenClaimValueType: 'STRING', authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'x', matchValueStringList: ['y'] } } }] } },
     { customJwtAuthorizer: { discoveryUrl: DISC, customClaims: [{ inboundTokenClaimName: 'grp', inboundTokenClaimValueType: 'STRING', authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: {} } }] } },
     { customJwtAuthorizer: { discoveryUrl: DISC, allowedClients: ['c'], privateEndpoint: { ...lattice, ...vpcRes } } },
     { customJwtAuthorizer: { discoveryUrl: DISC, allowedClients: ['c'], privateEndpoint: {} } },
     { customJwtAuthorizer: { discoveryUrl: DISC, allowedClients: ['c'], privateEndpointOverrides: [{ domain: 'a.com', privateEndpoint: lattice }] } },
     { customJwtAuthorizer: { discoveryUrl: DISC, allowedClients: ['c'], privateEndpoint: lattice, privateEndpointOverrides: [{ domain: 'a.com', privateEndpoint: vpcRes }] } },
     { customJwtAuthorizer: { discoveryUrl: DISC, allowedClients: ['c'], privateEndpoint: lattice, privateEndpointOverrides: [{ domain: 'a.com', privateEndpoint: lattice }, { domain: 'a.com', privateEndpoint: lattice }] } },
     { customJwtAuthorizer: { discoveryUrl: DISC, allowedClients: ['c'], privateEndpoint: { managedVpcResource: { ...vpcRes.managedVpcResource, tags: { 'aws:x': 'y' } } } } },
     { customJwtAuthorizer: { discoveryUrl: ' ' + DISC + ' ', allowedClients: ['c'] } },
     { other: 1 }, 'x']],
  connections: [[[{ to: { type: 'memory', arn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/m' } }], [{ to: { type: 'browser' } }], [{ id: 'g', to: { type: 'gateway', arn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/g', outboundAuth: { awsIam: {} } } }]],
    [[{ to: { type: 'x' } }], [{ to: { type: 'memory', arn: 'x' } }], [{ to: { type: 'browser' }, extra: 1 }]]],
  tags: [[{ a: 'b' }, many(50, (i) => [`k${i}`, 'v'])], [{ 'aws:x': 'y' }, { ' ': 'y' }, many(51, (i) => [`k${i}`, 'v']), { a: 'b*' }, { '': 'v' }]],
  systemPromt: [[], ['x']],
};
function model() {
  const m = { provider: chance(0.95) ? pick(['bedrock', 'open_ai', 'gemini', 'lite_llm']) : pick(['openai', undefined]), modelId: chance(0.95) ? 'm' : pick(['', 3]) };
  const f = (k, vals, p) => { if (chance(p)) m[k] = clone(pick(vals)); };
  f('apiKeyArn', ['arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/k', ''], 0.5);
  f('apiFormat', ['converse_stream', 'responses', 'chat_completions', 'x'], 0.25);
  f('temperature', [0, 2, 2.5], 0.15);
  f('topP', [0.5, 1.5], 0.1);
  f('topK', [0, 40, 501, 1.5], 0.2);
  f('maxTokens', [1, 0], 0.1);
  f('apiBase', ['https://litellm.example.com', ''], 0.2);
  f('additionalParams', [{}, { a: 1 }, [], 'x'], 0.2);
  f('apiKey', ['sk-x'], 0.03);
  if (m.provider === undefined) delete m.provider;
  return chance(0.03) ? pick([null, 'm']) : m;
}
function harness(invalidRate) {
  const h = {};
  for (const [key, [good, bad]] of Object.entries(POOLS)) {
    if (key !== 'name' && !chance(key === 'systemPromt' ? 0.03 : 0.25)) continue;
    const useBad = bad.length > 0 && chance(invalidRate);
    if (key === 'systemPromt') { h.systemPromt = 'x'; continue; }
    h[key] = clone(pick(useBad ? bad : good));
  }
  h.model = model();
  if (chance(0.5)) h.tools = Array.from({ length: Math.floor(rnd() * 4) }, tool);
  if (chance(0.35)) h.memory = memory();
  if (chance(0.25)) {
    h.truncation = {};
    if (chance(0.95)) h.truncation.strategy = pick(['sliding_window', 'summarization', 'none', 'bad']);
    if (chance(0.7)) h.truncation.config = clone(pick([{ slidingWindow: {} }, { summarization: {} }, { slidingWindow: { messagesCount: 2 } }, { summarization: { summaryRatio: 0.5 } }, { slidingWindow: {}, summarization: {} }, {}, { foo: 1 }, null, { slidingWindow: { messagesCount: 0 } }]));
  }
  if (chance(0.02)) delete h.model;
  return h;
}


// ---------------------------------------------------------------------------------------------------------------
// 2. Valid harness files, then one or two field-level mutations
const GOOD_CFG = { remoteMcp: { url: 'https://mcp.example.com' }, agentCoreBrowser: {}, agentCoreCodeInterpreter: { codeInterpreterArn: 'arn:x' }, agentCoreGateway: { gatewayArn: 'arn:gw', outboundAuth: { awsIam: {} } }, inlineFunction: { description: 'd', inputSchema: { type: 'object' } } };

function validBase() {
  const provider = pick(['bedrock', 'open_ai', 'gemini', 'lite_llm']);
  const m = { provider, modelId: 'm' };
  if (provider === 'open_ai' || provider === 'gemini' || chance(0.2)) m.apiKeyArn = 'arn:aws:x';
  if (provider === 'gemini' && chance(0.5)) m.topK = 40;
  if (provider === 'bedrock' && chance(0.4)) m.apiFormat = pick(['converse_stream', 'responses', 'chat_completions']);
  if (provider === 'open_ai' && chance(0.4)) m.apiFormat = pick(['responses', 'chat_completions']);
  if (provider === 'lite_llm' && chance(0.5)) m.apiBase = 'https://litellm.example.com';
  if (provider === 'lite_llm' && chance(0.5)) m.additionalParams = { a: 1 };
  if (chance(0.3)) m.temperature = 0.7;
  const h = { name: 'Bot', model: m };
  if (chance(0.6)) h.systemPrompt = pick(['You are helpful.', 'Answer briefly.']);
  if (chance(0.6)) h.tools = Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => {
    const type = pick(Object.keys(KEY));
    const t = { type, name: `t${i}` };
    if (['remote_mcp', 'agentcore_gateway', 'inline_function'].includes(type) || chance(0.5)) t.config = { [KEY[type]]: clone(GOOD_CFG[KEY[type]]) };
    return t;
  });
  if (chance(0.4)) h.memory = clone(pick([{ mode: 'managed' }, { mode: 'managed', strategies: ['SEMANTIC'] }, { mode: 'disabled' }, { mode: 'existing', name: 'm' }, { name: 'm' }, { arn: 'arn:m' }, { name: 'm', retrievalConfig: { topK: 3 } }, { mode: 'existing', arn: 'arn:m', messagesCount: 5 }]));
  if (chance(0.3)) h.truncation = clone(pick([{ strategy: 'none' }, { strategy: 'sliding_window', config: { slidingWindow: { messagesCount: 5 } } }, { strategy: 'summarization', config: { summarization: {} } }, { strategy: 'sliding_window' }]));
  const container = pick([undefined, undefined, 'uri', 'dockerfile']);
  if (container === 'uri') h.containerUri = '123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag';
  if (container === 'dockerfile') h.dockerfile = 'Dockerfile';
  const vpc = chance(0.4);
  if (vpc) {
    h.networkMode = 'VPC';
    h.networkConfig = { subnets: ['subnet-12345678'], securityGroups: ['sg-12345678', 'sg-22345678'].slice(0, 1 + Math.floor(rnd() * 2)) };
    if (chance(0.4)) h.efsAccessPoints = [{ accessPointArn: EFS, mountPath: '/mnt/efs' }];
    if (chance(0.4)) h.s3AccessPoints = [{ accessPointArn: S3F, mountPath: '/mnt/s3/' }];
  } else if (chance(0.3)) h.networkMode = 'PUBLIC';
  if (chance(0.3)) h.sessionStoragePath = '/mnt/data';
  if (chance(0.3)) h.lifecycleConfig = { idleRuntimeSessionTimeout: 60, maxLifetime: 120 };
  if (chance(0.3)) h.environmentVariables = { A: '1', B: '2' };
  if (chance(0.3)) { h.authorizerType = 'CUSTOM_JWT'; h.authorizerConfiguration = { customJwtAuthorizer: { discoveryUrl: DISC, allowedClients: ['c'] } }; }
  else if (chance(0.2)) h.authorizerType = 'AWS_IAM';
  if (chance(0.3)) h.tags = { team: 'x' };
  if (chance(0.2)) h.skills = ['./skills/a', { s3Uri: 's3://b/k' }];
  if (chance(0.2)) h.connections = [{ to: { type: 'browser' } }];
  return h;
}

/** Whole authorizers whose private endpoint overrides need a base endpoint (two fields at once). */
const WHOLE_JWTS = [
  { discoveryUrl: DISC, allowedClients: ['c'], privateEndpoint: lattice, privateEndpointOverrides: [{ domain: 'a.example.com', privateEndpoint: lattice }] },
  { discoveryUrl: DISC, allowedClients: ['c'], privateEndpoint: lattice, privateEndpointOverrides: [{ domain: 'a.example.com', privateEndpoint: vpcRes }] },
  { discoveryUrl: DISC, allowedClients: ['c'], privateEndpoint: vpcRes, privateEndpointOverrides: [{ domain: 'a.example.com', privateEndpoint: vpcRes }, { domain: 'a.example.com', privateEndpoint: vpcRes }] },
  { discoveryUrl: DISC, allowedClients: ['c'], privateEndpoint: vpcRes, privateEndpointOverrides: [{ domain: 'a.example.com', privateEndpoint: vpcRes }, { domain: 'b.example.com', privateEndpoint: vpcRes }] },
];

function mutateObject(obj, pools) {
  const keys = Object.keys(obj);
  const r = rnd();
  if (r < 0.25 && keys.length) { delete obj[pick(keys)]; return; }
  const [k, vals] = pick(Object.entries(pools));
  obj[k] = clone(pick(vals));
}
const MODEL_POOLS = { provider: ['bedrock', 'open_ai', 'gemini', 'lite_llm', 'x'], apiKeyArn: ['arn:x', ''], apiFormat: ['converse_stream', 'responses', 'chat_completions', 'x'], topK: [0, 40, 501], apiBase: ['https://x', ''], additionalParams: [{}, { a: 1 }, []], temperature: [0, 3], modelId: ['', 'm2'] };
const MEM_POOLS = { mode: ['managed', 'existing', 'disabled', 'x'], name: ['m', ''], arn: ['arn:m', ''], retrievalConfig: [{}, { topK: 1 }, { relevanceScore: 0.2 }, { topK: 0 }], messagesCount: [1, 0], strategies: [['SEMANTIC'], ['CUSTOM']] };
const TRUNC_POOLS = { strategy: ['sliding_window', 'summarization', 'none', 'x'], config: [{ slidingWindow: {} }, { summarization: {} }, { slidingWindow: {}, summarization: {} }, {}] };
const CFG_POOLS = { remoteMcp: [{ url: 'u' }, { url: '' }, {}], agentCoreBrowser: [{}, { browserArn: 1 }], agentCoreCodeInterpreter: [{}], agentCoreGateway: [{ gatewayArn: 'g' }, { gatewayArn: 'g', credentialProviderName: 'c' }, { gatewayArn: 'g', outboundAuth: {} }, { gatewayArn: 'g', outboundAuth: { oauth: { providerArn: 'p', scopes: [] } } }], inlineFunction: [{ description: 'd', inputSchema: {} }, { description: 'd' }], other: [1] };
const TOOL_POOLS = { type: [...Object.keys(KEY), 'x'], name: ['t0', 't1', 'bad name'], config: [{}, null, ...Object.entries(GOOD_CFG).map(([k, v]) => ({ [k]: v }))] };
const claims = (value) => [{ inboundTokenClaimName: 'groups', inboundTokenClaimValueType: 'STRING_ARRAY', authorizingClaimMatchValue: { claimMatchOperator: 'CONTAINS', claimMatchValue: value } }];
const JWT_POOLS = {
  discoveryUrl: ['http://idp.example.com/.well-known/openid-configuration', 'https://idp.example.com/x', ' ' + DISC, DISC],
  allowedClients: [[], ['c']],
  allowedAudience: [[], ['a']],
  customClaims: [
    [{ inboundTokenClaimName: 'client_id', inboundTokenClaimValueType: 'STRING', authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'x' } } }],
    claims({ matchValueString: 'admin' }), claims({ matchValueString: 'admin', matchValueStringList: ['ops'] }), claims({}),
  ],
  privateEndpoint: [{}, lattice, vpcRes, { ...lattice, ...vpcRes }, { managedVpcResource: { ...vpcRes.managedVpcResource, tags: { 'aws:x': 'y' } } }],
  privateEndpointOverrides: [
    [{ domain: 'a.example.com', privateEndpoint: lattice }],
    [{ domain: 'a.example.com', privateEndpoint: vpcRes }],
    [{ domain: 'a.example.com', privateEndpoint: lattice }, { domain: 'a.example.com', privateEndpoint: lattice }],
    [{ domain: 'a.example.com', privateEndpoint: {} }],
  ],
};

/** Every value of each top-level pool, valid and invalid. */
const FIELD_VALUES = Object.fromEntries(Object.entries(POOLS).map(([key, [good, bad]]) => [key, [...good, ...bad]]));

function mutate(h) {
  const r = rnd();
  if (r < 0.35) { mutateObject(h, { ...FIELD_VALUES, model: [model()], memory: [memory()], tools: [[tool(), tool()]], truncation: [{ strategy: 'none', config: { slidingWindow: {} } }] }); return; }
  if (r < 0.5) { if (typeof h.model === 'object' && h.model) mutateObject(h.model, MODEL_POOLS); return; }
  if (r < 0.65) {
    if (Array.isArray(h.tools) && h.tools.length) { const t = pick(h.tools); if (chance(0.5) || !t.config || typeof t.config !== 'object') mutateObject(t, TOOL_POOLS); else mutateObject(t.config, CFG_POOLS); }
    else h.tools = [tool()];
    return;
  }
  if (r < 0.75) { if (typeof h.memory === 'object' && h.memory) mutateObject(h.memory, MEM_POOLS); else h.memory = memory(); return; }
  if (r < 0.82) { if (typeof h.truncation === 'object' && h.truncation) mutateObject(h.truncation, TRUNC_POOLS); else h.truncation = { strategy: pick(['none', 'summarization']) }; return; }
  if (r < 0.9) { const j = h.authorizerConfiguration?.customJwtAuthorizer; if (j && chance(0.25)) h.authorizerConfiguration.customJwtAuthorizer = clone(pick(WHOLE_JWTS)); else if (j) mutateObject(j, JWT_POOLS); else mutateObject(h, { authorizerType: ['CUSTOM_JWT', 'AWS_IAM'], authorizerConfiguration: [{}, { customJwtAuthorizer: { discoveryUrl: DISC } }] }); return; }
  mutateObject(h, { networkMode: ['VPC', 'PUBLIC'], networkConfig: POOLS.networkConfig[0], efsAccessPoints: POOLS.efsAccessPoints[0], s3AccessPoints: POOLS.s3AccessPoints[0], sessionStoragePath: ['/mnt/efs', '/mnt/s3', '/mnt/data/'], containerUri: POOLS.containerUri[0], dockerfile: ['Dockerfile'] });
}


// ---------------------------------------------------------------------------------------------------------------
// 3. Valid harness files, then one or two values anywhere replaced by random JSON (or removed)
const VALUES = [null, true, 0, -1, 1, 1.5, 51, 1e6, '', ' ', 'x', 'VPC', 'CUSTOM_JWT', 'gemini', './p.md', '/mnt/data', [], ['x'], [{}], {}, { a: 1 }, { mode: 'existing' }];
function nodes(v, path = [], out = []) {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => nodes(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) nodes(v[k], [...path, k], out);
  return out;
}
function setAt(root, path, value, del) {
  let cur = root; for (const seg of path.slice(0, -1)) cur = cur[seg];
  const last = path[path.length - 1];
  if (del) { if (Array.isArray(cur)) cur.splice(last, 1); else delete cur[last]; } else cur[last] = value;
}

function mutateAnywhere(v) {
  const steps = 1 + Math.floor(rnd() * 2);
  for (let s = 0; s < steps; s++) {
    const p = pick(nodes(v).filter((q) => q.length > 0));
    if (chance(0.3)) setAt(v, p, undefined, true);
    else if (chance(0.15) && typeof p[p.length - 1] === 'string') {
      const sibling = pick(['extra', 'credentialProviderName', 'mode', 'arn', 'name', 'config', 'topK', 'apiBase', 'networkConfig', 'dockerfile', 'retrievalConfig']);
      setAt(v, [...p.slice(0, -1), sibling], clone(pick(VALUES)));
    } else setAt(v, p, clone(pick(VALUES)));
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------

const GENERATORS = {
  'random fields': () => harness(chance(0.5) ? 0.04 : 0.25),
  'valid + field mutations': () => { const v = validBase(); const steps = Math.floor(rnd() * 3); for (let s = 0; s < steps; s++) mutate(v); return v; },
  'valid + random JSON': () => mutateAnywhere(validBase()),
};
let disagreements = 0;
for (const [name, generate] of Object.entries(GENERATORS)) {
  const counts = { total: 0, bothAccept: 0, bothReject: 0, onlyZodRejects: 0, onlyWeReject: 0 };
  const examples = [];
  for (let i = 0; i < N; i++) {
    const value = generate();
    const [z, o] = [zod(value), ours(value)];
    counts.total++;
    if (z.accepts === o.accepts) counts[z.accepts ? 'bothAccept' : 'bothReject']++;
    else {
      counts[z.accepts ? 'onlyWeReject' : 'onlyZodRejects']++;
      if (examples.length < 5) examples.push({ value, zod: z.said, ours: o.said });
    }
  }
  disagreements += counts.onlyZodRejects + counts.onlyWeReject;
  console.log(`${name}: ${JSON.stringify(counts)}`);
  for (const example of examples) console.log(JSON.stringify(example));
}
process.exitCode = disagreements > 0 ? 1 : 0;
