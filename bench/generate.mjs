#!/usr/bin/env node
/**
 * Synthetic AgentCore projects for the benchmark, deterministic from a seed.
 *
 *   node bench/generate.mjs --files 2000 [--seed 1] [--policies 40] [--out DIR] [--git]
 *
 * Layout: agentcore/agentcore.json (runtimes, credentials, memories, gateways with lambda / lambdaFunctionArn /
 * openApiSchema / mcpServer targets, policy engines with Cedar statements, half of them with a `.cedar`
 * sourceFile), agentcore/aws-targets.json, schemas/ (tool schema files, OpenAPI documents), policies/ (.cedar),
 * app/<Runtime>/ (Python and TypeScript agent code: imports, HTTP clients, env reads with and without guards,
 * identity decorators, a few fake secrets) and app/tools/<target>/ (Lambda tool handlers).
 * `files` counts every file written (except .gitignore); code files average about 1.5 KB.
 *
 * Fake secrets are assembled at run time from the PRNG: this file holds no secret-shaped literal.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    chars: (n, alphabet) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_NUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const WORDS = [
  'flight', 'hotel', 'booking', 'weather', 'invoice', 'order', 'customer', 'ticket', 'payment', 'refund', 'stock',
  'catalog', 'search', 'profile', 'report', 'shipment', 'review', 'quote', 'claim', 'policy', 'account', 'trip',
  'seat', 'route', 'calendar', 'message', 'document', 'summary', 'forecast', 'inventory', 'loyalty', 'coupon',
];
const VERBS = ['get', 'list', 'create', 'update', 'cancel', 'search', 'check', 'fetch', 'compute', 'validate', 'sync', 'resolve'];

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const envName = (name) => name.toUpperCase().replace(/[-.]/g, '_');

/** Fake secrets in formats secret scanners know; prefixes joined at run time. */
function fakeSecret(r) {
  switch (r.int(0, 4)) {
    case 0: return ['A', 'K', 'I', 'A'].join('') + r.chars(16, UPPER_NUM);
    case 1: return ['gh', 'p_'].join('') + r.chars(36, ALNUM);
    case 2: return ['sk', '-proj-'].join('') + r.chars(44, ALNUM);
    case 3: return ['xo', 'xb-'].join('') + r.chars(12, '0123456789') + '-' + r.chars(12, '0123456789') + '-' + r.chars(24, ALNUM);
    default: return ['sk', '-ant-api03-'].join('') + r.chars(80, ALNUM + '-_') + 'AA';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Python

function pyFile(r, ctx, opts) {
  const imports = new Set(['import os', 'import logging']);
  const parts = [];
  const noun = r.pick(WORDS);
  parts.push(`"""${cap(noun)} helpers for the ${ctx.runtime} agent (generated for the agentcore-lint benchmark)."""`);
  const blocks = [];
  const target = opts.size;
  let size = 200;
  const add = (text, ...imps) => {
    blocks.push(text);
    for (const i of imps) imports.add(i);
    size += text.length + 2;
  };
  if (opts.main) {
    add(
      `app = BedrockAgentCoreApp()\nlog = logging.getLogger(__name__)\n\n\n@app.entrypoint\ndef invoke(payload, context=None):\n    agent = Agent(system_prompt="You are the ${ctx.runtime} assistant.", tools=[])\n    prompt = payload.get("prompt", "")\n    log.info("invoke %s", context)\n    return {"result": str(agent(prompt))}`,
      'from bedrock_agentcore.runtime import BedrockAgentCoreApp', 'from strands import Agent',
    );
  }
  while (size < target) {
    const w = r.pick(WORDS);
    const v = r.pick(VERBS);
    const gw = r.pick(ctx.gateways);
    const kind = r.int(0, 11);
    if (kind === 0) {
      add(
        `def ${w}_gateway_url() -> str | None:\n    url = os.environ.get("AGENTCORE_GATEWAY_${envName(gw)}_URL")\n    if not url:\n        logging.warning("gateway ${gw} is not deployed yet")\n        return None\n    return url`,
      );
    } else if (kind === 1 && r.chance(0.3)) {
      // unguarded read: a finding for gateway-url-unguarded
      add(`${w.toUpperCase()}_TOOLS_URL = os.environ["AGENTCORE_GATEWAY_${envName(gw)}_URL"]`);
    } else if (kind === 2) {
      const host = r.pick(WORDS);
      add(
        `def ${v}_${w}(item_id: str, timeout: float = 10.0) -> dict:\n    """${cap(v)} a ${w} from the ${host} service."""\n    response = requests.get(\n        f"https://api.${host}.example.com/v${r.int(1, 3)}/${w}s/{item_id}",\n        params={"expand": "details", "limit": ${r.int(5, 100)}},\n        timeout=timeout,\n    )\n    response.raise_for_status()\n    return response.json()`,
        'import requests',
      );
    } else if (kind === 3) {
      add(
        `async def ${v}_${w}_async(query: str) -> list[dict]:\n    async with httpx.AsyncClient(timeout=httpx.Timeout(15.0)) as client:\n        resp = await client.post(\n            "https://${r.pick(WORDS)}.internal.example.com/${w}/${v}",\n            json={"query": query, "page": 1},\n        )\n        resp.raise_for_status()\n        return [item for item in resp.json().get("items", []) if item.get("active")]`,
        'import httpx',
      );
    } else if (kind === 4) {
      const cred = r.pick(ctx.credentials.apiKey);
      add(
        `@requires_api_key(provider_name="${cred}")\ndef ${w}_api_key(*, api_key: str) -> str:\n    return api_key`,
        'from bedrock_agentcore.identity.auth import requires_api_key',
      );
    } else if (kind === 5) {
      const cred = r.pick(ctx.credentials.oauth);
      add(
        `@requires_access_token(provider_name="${cred}", scopes=["${w}:read"], auth_flow="M2M")\nasync def ${w}_token(*, access_token: str) -> dict:\n    return {"Authorization": f"Bearer {access_token}"}`,
        'from bedrock_agentcore.identity.auth import requires_access_token',
      );
    } else if (kind === 6) {
      const mem = r.pick(ctx.memories);
      add(
        `def ${w}_memory_id() -> str | None:\n    memory_id = os.getenv("MEMORY_${mem.toUpperCase()}_ID")\n    if memory_id is None:\n        return None\n    return memory_id`,
      );
    } else if (kind === 7) {
      add(
        `def ${w}_local_key() -> str | None:\n    if os.getenv("LOCAL_DEV") == "1":\n        return os.getenv("${w.toUpperCase()}_API_KEY")\n    return None`,
      );
    } else if (kind === 8) {
      add(
        `@tool\ndef ${v}_${w}_tool(${w}_id: str, include_history: bool = False) -> dict:\n    """${cap(v)} one ${w} and, optionally, its history.\n\n    Args:\n        ${w}_id: the ${w} identifier.\n        include_history: whether to include past versions.\n    """\n    record = {"id": ${w}_id, "kind": "${w}", "history": []}\n    if include_history:\n        record["history"] = [{"version": n, "status": "archived"} for n in range(${r.int(2, 9)})]\n    return record`,
        'from strands import tool',
      );
    } else if (kind === 9) {
      add(
        `@dataclass\nclass ${cap(w)}${cap(r.pick(WORDS))}:\n    id: str\n    name: str\n    amount: float = 0.0\n    tags: list[str] = field(default_factory=list)\n\n    def label(self) -> str:\n        return f"{self.name} ({self.id})"\n\n    def to_dict(self) -> dict[str, Any]:\n        return {"id": self.id, "name": self.name, "amount": round(self.amount, 2), "tags": list(self.tags)}`,
        'from dataclasses import dataclass, field', 'from typing import Any',
      );
    } else if (kind === 10) {
      add(
        `def ${w}_table():\n    dynamodb = boto3.resource("dynamodb", region_name=os.getenv("AWS_REGION", "us-east-1"))\n    return dynamodb.Table(os.getenv("${w.toUpperCase()}_TABLE", "${w}s"))`,
        'import boto3',
      );
    } else {
      add(
        `def summarize_${w}s(rows: list[dict]) -> dict:\n    total = 0\n    by_status: dict[str, int] = {}\n    for row in rows:\n        total += int(row.get("count", 0))\n        status = row.get("status", "unknown")\n        by_status[status] = by_status.get(status, 0) + 1\n    return {"total": total, "by_status": by_status, "source": json.dumps(rows[:3])}`,
        'import json',
      );
    }
  }
  if (opts.secret) add(`# fallback used by the local smoke test\n${r.pick(WORDS).toUpperCase()}_FALLBACK_TOKEN = "${fakeSecret(r)}"`);
  if (opts.main) add(`if __name__ == "__main__":\n    app.run()`);
  const sorted = [...imports].sort((a, b) => (a.startsWith('from') === b.startsWith('from') ? (a < b ? -1 : 1) : a.startsWith('from') ? 1 : -1));
  return `${parts[0]}\n${sorted.join('\n')}\n\n\n${blocks.join('\n\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// TypeScript

function tsFile(r, ctx, opts) {
  const imports = new Map();
  const imp = (from, name) => {
    if (!imports.has(from)) imports.set(from, new Set());
    imports.get(from).add(name);
  };
  const blocks = [];
  let size = 150;
  const add = (text) => {
    blocks.push(text);
    size += text.length + 2;
  };
  if (opts.main) {
    imp('bedrock-agentcore/runtime', '{ BedrockAgentCoreApp }');
    imp('@strands-agents/sdk', '{ Agent }');
    add(
      `const agent = new Agent({ systemPrompt: "You are the ${ctx.runtime} assistant." });\n\nconst app = new BedrockAgentCoreApp({\n  invocationHandler: {\n    async process(payload: { prompt?: string }) {\n      const answer = await agent.invoke(payload.prompt ?? "");\n      return { result: String(answer) };\n    },\n  },\n});`,
    );
  }
  while (size < opts.size) {
    const w = r.pick(WORDS);
    const v = r.pick(VERBS);
    const gw = r.pick(ctx.gateways);
    const kind = r.int(0, 10);
    if (kind === 0) {
      add(
        `export function ${w}GatewayUrl(): string | undefined {\n  const url = process.env.AGENTCORE_GATEWAY_${envName(gw)}_URL;\n  if (!url) {\n    console.warn("gateway ${gw} is not deployed yet");\n    return undefined;\n  }\n  return url;\n}`,
      );
    } else if (kind === 1 && r.chance(0.3)) {
      add(`const ${w}ToolsUrl = new URL(process.env.AGENTCORE_GATEWAY_${envName(gw)}_URL!);\nexport { ${w}ToolsUrl };`);
    } else if (kind === 2) {
      add(
        `export async function ${v}${cap(w)}(id: string, signal?: AbortSignal): Promise<${cap(w)}Record> {\n  const response = await fetch(\`https://api.${r.pick(WORDS)}.example.com/v${r.int(1, 3)}/${w}s/\${encodeURIComponent(id)}\`, {\n    headers: { accept: "application/json" },\n    signal,\n  });\n  if (!response.ok) throw new Error(\`${v} ${w} failed: \${response.status}\`);\n  return (await response.json()) as ${cap(w)}Record;\n}`,
      );
      add(`export interface ${cap(w)}Record {\n  id: string;\n  name: string;\n  status: "active" | "archived";\n  updatedAt: string;\n  tags?: string[];\n}`);
    } else if (kind === 3) {
      imp('axios', 'axios');
      add(
        `export async function ${v}${cap(w)}s(query: string, page = 1) {\n  const { data } = await axios.get("https://${r.pick(WORDS)}.internal.example.com/${w}s", {\n    params: { q: query, page, limit: ${r.int(10, 100)} },\n    timeout: ${r.int(2, 30) * 1000},\n  });\n  return data.items.filter((item: { active?: boolean }) => item.active);\n}`,
      );
    } else if (kind === 4) {
      imp('bedrock-agentcore/identity', '{ withApiKey }');
      const cred = r.pick(ctx.credentials.apiKey);
      add(
        `export const ${v}${cap(w)}WithKey = withApiKey({ providerName: "${cred}" })(async (query: string, apiKey: string) => {\n  return { query, headers: { "x-api-key": apiKey } };\n});`,
      );
    } else if (kind === 5) {
      imp('bedrock-agentcore/identity', '{ withAccessToken }');
      const cred = r.pick(ctx.credentials.oauth);
      add(
        `export const ${w}Headers = withAccessToken({ providerName: "${cred}", scopes: ["${w}:read"], authFlow: "M2M" })(\n  async (accessToken: string) => ({ Authorization: \`Bearer \${accessToken}\` }),\n);`,
      );
    } else if (kind === 6) {
      const mem = r.pick(ctx.memories);
      add(
        `export function ${w}MemoryId(): string | null {\n  return process.env.MEMORY_${mem.toUpperCase()}_ID ?? null;\n}`,
      );
    } else if (kind === 7) {
      add(
        `function ${w}LocalKey(): string | undefined {\n  if (process.env.LOCAL_DEV === "1") return process.env.${w.toUpperCase()}_API_KEY;\n  return undefined;\n}\nexport { ${w}LocalKey };`,
      );
    } else if (kind === 8) {
      add(
        `export class ${cap(w)}${cap(r.pick(WORDS))}Cache<T> {\n  private readonly entries = new Map<string, { value: T; expires: number }>();\n\n  constructor(private readonly ttlMs = ${r.int(1, 60) * 1000}) {}\n\n  get(key: string): T | undefined {\n    const entry = this.entries.get(key);\n    if (!entry || entry.expires < Date.now()) return undefined;\n    return entry.value;\n  }\n\n  set(key: string, value: T): void {\n    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });\n  }\n}`,
      );
    } else if (kind === 9) {
      add(
        `export function summarize${cap(w)}s(rows: Array<{ count?: number; status?: string }>) {\n  let total = 0;\n  const byStatus: Record<string, number> = {};\n  for (const row of rows) {\n    total += row.count ?? 0;\n    const status = row.status ?? "unknown";\n    byStatus[status] = (byStatus[status] ?? 0) + 1;\n  }\n  return { total, byStatus, sample: JSON.stringify(rows.slice(0, 3)) };\n}`,
      );
    } else {
      add(
        `export const ${w}Region = process.env.AWS_REGION ?? "us-east-1";\nexport const ${w}Table = process.env.${w.toUpperCase()}_TABLE || "${w}s";`,
      );
    }
  }
  if (opts.secret) add(`// fallback used by the local smoke test\nexport const ${r.pick(WORDS)}FallbackToken = "${fakeSecret(r)}";`);
  if (opts.main) add('app.run();');
  const head = [...imports].map(([from, names]) => {
    const list = [...names];
    const def = list.filter((n) => !n.startsWith('{'));
    const named = list.filter((n) => n.startsWith('{')).map((n) => n.slice(1, -1).trim());
    const spec = [...def, ...(named.length ? [`{ ${named.join(', ')} }`] : [])].join(', ');
    return `import ${spec} from "${from}";`;
  });
  return `// ${cap(r.pick(WORDS))} module of the ${ctx.runtime} agent (generated for the agentcore-lint benchmark).\n${head.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Lambda tools, tool schemas, Cedar

function lambdaHandler(r, target, tools) {
  const branches = tools
    .map((t) => `    if tool == "${t}":\n        return {"statusCode": 200, "body": json.dumps({"tool": tool, "input": event})}`)
    .join('\n');
  return `"""Lambda tool handler for the ${target} target: routes on bedrockAgentCoreToolName (<target>___<tool>)."""\nimport json\nimport os\n\nimport requests\n\nUPSTREAM = os.environ.get("UPSTREAM_URL", "https://api.${r.pick(WORDS)}.example.com")\n\n\ndef lambda_handler(event, context):\n    name = context.client_context.custom["bedrockAgentCoreToolName"]\n    tool = name.split("___", 1)[-1]\n${branches}\n    upstream = requests.post(f"{UPSTREAM}/{tool}", json=event, timeout=10)\n    return {"statusCode": upstream.status_code, "body": upstream.text}\n`;
}

function toolDefinition(name, w) {
  return {
    name,
    description: `${cap(name.replace(/_/g, ' '))} for a ${w}`,
    inputSchema: {
      type: 'object',
      properties: { [`${w}Id`]: { type: 'string', description: `The ${w} identifier` }, limit: { type: 'integer' } },
      required: [`${w}Id`],
    },
  };
}

function openApiDoc(r, title, ops) {
  const paths = {};
  for (const op of ops) {
    paths[`/${op.replace(/_/g, '-')}`] = {
      post: {
        operationId: op,
        summary: `${cap(op.replace(/_/g, ' '))}`,
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } } },
        responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    };
  }
  return { openapi: '3.0.3', info: { title, version: `1.${r.int(0, 9)}.0` }, servers: [{ url: `https://api.${title}.example.com` }], paths };
}

function cedarPolicy(r, action, gatewayName) {
  // Specific actions need a specific gateway ARN (AWS rejects a bare `resource` and `resource is AgentCore::Gateway`).
  const gateway = `resource == AgentCore::Gateway::"arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/${gatewayName.toLowerCase().replace(/[^0-9a-z]+/g, '-')}-a1b2c3d4e5"`;
  const shape = r.int(0, 3);
  if (shape === 0) return `permit(principal, action == AgentCore::Action::"${action}", ${gateway});`;
  if (shape === 1) {
    return `permit(\n  principal is AgentCore::IamEntity,\n  action == AgentCore::Action::"${action}",\n  ${gateway}\n)\nwhen { principal.id like "arn:aws:iam::123456789012:role/${r.pick(['admin', 'agent', 'support', 'ops'])}-*" };`;
  }
  if (shape === 2) return `forbid(principal is AgentCore::IamEntity, action == AgentCore::Action::"${action}", ${gateway})\nwhen { principal.id like "arn:aws:iam::*:role/untrusted-*" };`;
  return `permit(principal is AgentCore::IamEntity, action == AgentCore::Action::"${action}", ${gateway})\nwhen { principal.id like "arn:aws:iam::123456789012:*" }; // gateway ${gatewayName}`;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Writes a project of about `files` files into `dir` and returns a manifest.
 * @param {{ dir: string, files: number, seed?: number, policies?: number, git?: boolean }} options
 */
export function generateProject({ dir, files, seed = 1, policies, git = false }) {
  const r = prng(seed * 7919 + files);
  fs.rmSync(dir, { recursive: true, force: true });
  const written = [];
  let bytes = 0;
  const write = (relative, text) => {
    const absolute = path.join(dir, relative);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, text);
    written.push(relative);
    bytes += Buffer.byteLength(text);
  };

  const nRuntimes = Math.max(2, Math.min(60, Math.round(files / 80)));
  const nGateways = Math.max(1, Math.min(12, Math.round(files / 400)));
  const policiesTotal = policies ?? Math.max(4, Math.round(files / 25));
  const project = `Bench${seed}x${files}`.slice(0, 23);

  const credentials = { apiKey: [], oauth: [] };
  const credentialSpecs = [];
  for (let i = 0; i < Math.max(2, nGateways); i++) {
    const k = `${WORDS[i % WORDS.length]}-key${i}`;
    const o = `${WORDS[(i + 7) % WORDS.length]}-oauth${i}`;
    credentials.apiKey.push(k);
    credentials.oauth.push(o);
    credentialSpecs.push({ authorizerType: 'ApiKeyCredentialProvider', name: k });
    credentialSpecs.push({
      authorizerType: 'OAuthCredentialProvider', name: o, vendor: 'CustomOauth2',
      discoveryUrl: `https://auth.${WORDS[i % WORDS.length]}.example.com/.well-known/openid-configuration`, scopes: ['read'],
    });
  }
  const memories = Array.from({ length: Math.max(1, Math.round(nRuntimes / 4)) }, (_, i) => `${cap(WORDS[i % WORDS.length])}Memory${i}`);

  // Gateways, targets, tool schema files, Lambda tool code.
  const gateways = [];
  const actions = [];
  for (let g = 0; g < nGateways; g++) {
    const name = `${WORDS[(g * 3) % WORDS.length]}-tools-${g}`;
    const targets = [];
    const base = WORDS[(g * 5 + 1) % WORDS.length];
    // lambda target with inline toolDefinitions and Python compute
    const lambdaTools = Array.from({ length: r.int(2, 5) }, (_, i) => `${VERBS[(i + g) % VERBS.length]}_${base}${i}`);
    const lambdaTarget = `${base}-fn${g}`;
    const handlerDir = `app/tools/${lambdaTarget}/`;
    write(`${handlerDir}handler.py`, lambdaHandler(r, lambdaTarget, lambdaTools));
    targets.push({
      name: lambdaTarget, targetType: 'lambda',
      toolDefinitions: lambdaTools.map((t) => toolDefinition(t, base)),
      compute: { host: 'Lambda', implementation: { language: 'Python', path: handlerDir, handler: 'handler.lambda_handler' }, pythonVersion: 'PYTHON_3_12' },
    });
    for (const t of lambdaTools) actions.push({ action: `${lambdaTarget}___${t}`, gateway: name });
    // lambdaFunctionArn with a tool schema file
    const arnTarget = `${WORDS[(g * 5 + 2) % WORDS.length]}-arn${g}`;
    const arnTools = Array.from({ length: r.int(2, 6) }, (_, i) => `${VERBS[(i + 3) % VERBS.length]}_${WORDS[(g + i) % WORDS.length]}`);
    write(`schemas/${arnTarget}-tools.json`, JSON.stringify(arnTools.map((t) => toolDefinition(t, base)), null, 2) + '\n');
    targets.push({
      name: arnTarget, targetType: 'lambdaFunctionArn',
      lambdaFunctionArn: { lambdaArn: `arn:aws:lambda:us-east-1:123456789012:function:${arnTarget}`, toolSchemaFile: `schemas/${arnTarget}-tools.json` },
    });
    for (const t of arnTools) actions.push({ action: `${arnTarget}___${t}`, gateway: name });
    // openApiSchema with an inline schema file and an API key
    const apiTarget = `${WORDS[(g * 5 + 3) % WORDS.length]}-api${g}`;
    const ops = Array.from({ length: r.int(2, 5) }, (_, i) => `${VERBS[(i + 5) % VERBS.length]}_${WORDS[(g + i + 4) % WORDS.length]}`);
    write(`schemas/${apiTarget}-openapi.json`, JSON.stringify(openApiDoc(r, apiTarget, ops), null, 2) + '\n');
    targets.push({
      name: apiTarget, targetType: 'openApiSchema', schemaSource: { inline: { path: `schemas/${apiTarget}-openapi.json` } },
      outboundAuth: { type: 'API_KEY', credentialName: credentials.apiKey[g % credentials.apiKey.length] },
    });
    for (const t of ops) actions.push({ action: `${apiTarget}___${t}`, gateway: name });
    // mcpServer
    targets.push({
      name: `${WORDS[(g * 5 + 4) % WORDS.length]}-mcp${g}`, targetType: 'mcpServer', endpoint: `https://mcp.${base}.example.com/mcp`,
      outboundAuth: { type: 'OAUTH', credentialName: credentials.oauth[g % credentials.oauth.length] },
    });
    gateways.push({
      name, protocolType: 'MCP', description: `Tools for ${base}`, targets,
      authorizerType: 'AWS_IAM', enableSemanticSearch: true, exceptionLevel: 'NONE',
      policyEngineConfiguration: { policyEngineName: `Guard${g}`, mode: g % 2 === 0 ? 'ENFORCE' : 'LOG_ONLY' },
    });
  }

  // Policy engines: one per gateway, policies spread over them; every other policy also has a .cedar sourceFile
  // (only while the project has room for them: files stays the budget).
  const engines = gateways.map((gw, g) => ({ name: `Guard${g}`, description: `Guards for ${gw.name}`, policies: [] }));
  const cedarBudget = policies === undefined ? Math.max(1, Math.round(files * 0.04)) : 0;
  let cedarFiles = 0;
  for (let p = 0; p < policiesTotal; p++) {
    const e = p % engines.length;
    const candidates = actions.filter((a) => a.gateway === gateways[e].name);
    const { action, gateway } = candidates[p % candidates.length];
    const statement = cedarPolicy(r, action, gateway);
    const name = `${cap(action.split('___')[1].replace(/_([a-z])/g, (_, c) => c.toUpperCase()))}P${p}`.slice(0, 48);
    const policy = { name, statement };
    if (p % 2 === 0 && cedarFiles < cedarBudget) {
      policy.sourceFile = `policies/${engines[e].name}/${name}.cedar`;
      write(policy.sourceFile, statement + '\n');
      cedarFiles++;
    }
    engines[e].policies.push(policy);
  }

  // Runtimes and their code: every remaining file slot is agent code.
  const runtimeNames = Array.from({ length: nRuntimes }, (_, i) => `${cap(WORDS[i % WORDS.length])}Agent${i}`);
  const ctxBase = { gateways: gateways.map((g) => g.name), credentials, memories };
  const fixed = written.length + 2; // + agentcore.json, aws-targets.json
  const codeFiles = Math.max(nRuntimes, files - fixed);
  const runtimes = [];
  const perRuntime = Array.from({ length: nRuntimes }, (_, i) => Math.floor(codeFiles / nRuntimes) + (i < codeFiles % nRuntimes ? 1 : 0));
  const folders = ['tools', 'clients', 'memory', 'model', 'utils', 'handlers', 'services'];
  const secretEvery = 97;
  let codeIndex = 0;
  let firstPy; let firstTs;
  for (let i = 0; i < nRuntimes; i++) {
    const runtime = runtimeNames[i];
    const python = i % 5 !== 1 && i % 5 !== 3; // 60% Python, 40% TypeScript
    const ext = python ? '.py' : '.ts';
    runtimes.push({
      name: runtime, build: 'CodeZip', entrypoint: python ? 'main.py' : 'main.ts', codeLocation: `app/${runtime}/`,
      runtimeVersion: python ? 'PYTHON_3_13' : 'NODE_22', networkMode: 'PUBLIC', protocol: 'HTTP',
      ...(i % 3 === 0 ? { envVars: [{ name: 'LOG_LEVEL', value: 'info' }] } : {}),
    });
    const ctx = { ...ctxBase, runtime };
    for (let f = 0; f < perRuntime[i]; f++) {
      const main = f === 0;
      const relative = main
        ? `app/${runtime}/main${ext}`
        : `app/${runtime}/${folders[f % folders.length]}/${r.pick(WORDS)}_${r.pick(VERBS)}_${f}${ext}`;
      // ~1.5 KB average once whole blocks are added (0.3–4.5 KB)
      const size = Math.round(300 + r.next() * r.next() * 4000);
      const secret = codeIndex % secretEvery === 50;
      const text = python ? pyFile(r, ctx, { main, size, secret }) : tsFile(r, ctx, { main, size, secret });
      write(relative, text);
      if (!main) {
        if (python) firstPy ??= relative;
        else firstTs ??= relative;
      }
      codeIndex++;
    }
  }

  const spec = {
    $schema: 'https://schema.agentcore.aws.dev/v1/agentcore.json',
    name: project, version: 1, managedBy: 'CDK',
    tags: { 'agentcore:created-by': 'agentcore-cli', 'agentcore:project-name': project },
    runtimes,
    memories: memories.map((name) => ({ name, eventExpiryDuration: 30, strategies: [] })),
    knowledgeBases: [], credentials: credentialSpecs, evaluators: [], onlineEvalConfigs: [],
    agentCoreGateways: gateways, policyEngines: engines,
    configBundles: [], abTests: [], harnesses: [], datasets: [], capacityProviders: [], payments: [],
  };
  write('agentcore/agentcore.json', JSON.stringify(spec, null, 2) + '\n');
  write('agentcore/aws-targets.json', JSON.stringify([{ name: 'default', account: '123456789012', region: 'us-east-1' }], null, 2) + '\n');
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n.venv/\n__pycache__/\n*.pyc\ncdk.out/\n');

  if (git) {
    const run = (args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    run(['init', '-q']);
    run(['add', '-A']); // a staged tree, as in a pre-commit hook; no commit
  }

  const cedar = written.filter((f) => f.endsWith('.cedar'));
  return {
    dir, seed, files: written.length, bytes,
    byExtension: written.reduce((acc, f) => ((acc[path.extname(f)] = (acc[path.extname(f)] ?? 0) + 1), acc), {}),
    runtimes: nRuntimes, gateways: nGateways, policies: policiesTotal,
    sample: { py: firstPy, ts: firstTs, config: 'agentcore/agentcore.json', cedar: cedar[0] },
  };
}

export function benchTempDir(name) {
  return path.join(os.tmpdir(), 'agentcore-lint-bench', name);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: '500' }, seed: { type: 'string', default: '1' },
      policies: { type: 'string' }, out: { type: 'string' }, git: { type: 'boolean', default: false },
    },
  });
  const files = Number(values.files);
  const dir = path.resolve(values.out ?? benchTempDir(`project-${files}`));
  const manifest = generateProject({
    dir, files, seed: Number(values.seed), policies: values.policies === undefined ? undefined : Number(values.policies), git: values.git,
  });
  process.stdout.write(JSON.stringify(manifest, null, 2) + '\n');
}
