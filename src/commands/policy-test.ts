/**
 * `agentcore-lint policy-test CASES.json [--project path]`: evaluates authorization cases offline with Cedar's
 * `isAuthorized`, against the policies of the engine each case's gateway attaches and the schema AgentCore derives
 * for that gateway. Reports each mismatch with the policies that decided. Exit 0 all pass, 1 a mismatch, 2 usage.
 *
 * CASES.json: `{ "cases": [ { "name", "gateway", "principal": { "type": "OAuthUser"|"IamEntity", "id",
 * "tags"?: { claim: "value" } }, "tool": "<Target>___<tool>", "input": { ... }, "resource"?: "<gateway ARN>",
 * "now"?: "<UTC datetime>", "expect": "allow"|"deny" } ] }` (or the bare array). `now` is `context.system.now`, the
 * time of the call that time-based policies read; without it, the time the case runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { CedarValueJson, EntityJson } from '@cedar-policy/cedar-wasm/nodejs';
import { gatewayCatalog, gatewayCatalogs } from '../catalog/index.js';
import type { CliIO } from '../cli.js';
import { askCedar, CedarCrash, nonCedarForm } from '../policy/cedar.js';
import { buildGatewaySchema, schemaText } from '../policy/schema.js';
import { splitPolicies } from '../policy/split.js';
import { findProjectRoot, type AgentCoreProject } from '../project.js';
import { loadProjectForCommand } from './load-project.js';
import { suggestion } from '../util/did-you-mean.js';
import { asArray, asObject, asString, isObject, objectsOf, type JsonObject } from '../util/json-value.js';
import { entries } from '../util/spec.js';

export const POLICY_TEST_HELP = `Usage: agentcore-lint policy-test CASES.json [--project path]

Evaluates authorization cases offline with Cedar, against the policies of the engine each case's gateway
attaches (ACTIVE policies; guardrail and Dogwood temporal policies are skipped) and the schema AgentCore
derives for the gateway.

CASES.json:
  { "cases": [ { "name": "admins may refund", "gateway": "my-gw",
      "principal": { "type": "OAuthUser", "id": "user-1", "tags": { "role": "admin" } },
      "tool": "Refunds___process_refund", "input": { "orderId": "o-1", "amount": 50 },
      "expect": "allow" } ] }

Optional per case: "resource" (the gateway ARN; default: the deployed one, else the one ARN the policies
name) and "now" (context.system.now for time-based policies, e.g. "2025-01-15T18:13:00Z"; default: the
current time).

Exit codes: 0 every case passed, 1 a case did not, 2 usage error.`;

interface Case {
  name: string;
  gateway: string;
  principal: { type: string; id: string; tags: Record<string, string> };
  tool: string;
  input: JsonObject;
  resource?: string;
  /** context.system.now, a Cedar datetime string. */
  now?: string;
  expect: 'allow' | 'deny';
}

export function policyTestCommand(argv: string[], io: CliIO): number {
  let values: { project?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { project: { type: 'string', short: 'p' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    io.stderr(`agentcore-lint policy-test: ${(error as Error).message}\n${POLICY_TEST_HELP}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(POLICY_TEST_HELP + '\n');
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(`agentcore-lint policy-test: give one CASES.json file.\n${POLICY_TEST_HELP}\n`);
    return 2;
  }
  const casesFile = path.resolve(io.cwd, positionals[0]);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
  } catch (error) {
    io.stderr(`agentcore-lint policy-test: cannot read ${positionals[0]}: ${(error as Error).message}\n`);
    return 2;
  }
  const root = findProjectRoot(values.project ? path.resolve(io.cwd, values.project) : path.dirname(casesFile));
  if (!root) {
    io.stderr('agentcore-lint policy-test: no agentcore/agentcore.json above the cases file; pass --project.\n');
    return 2;
  }
  const project = loadProjectForCommand(root, io, 'policy-test');
  if (!project) return 2;
  const parsed = parseCases(raw);
  if (typeof parsed === 'string') {
    io.stderr(`agentcore-lint policy-test: ${positionals[0]}: ${parsed}\n`);
    return 2;
  }
  let failed = 0;
  for (const c of parsed) {
    const result = evaluate(project, c);
    if (result.usage) {
      io.stderr(`agentcore-lint policy-test: case "${c.name}": ${result.usage}\n`);
      return 2;
    }
    const ok = result.decision === c.expect;
    if (!ok) failed++;
    const why = result.reasons.length ? ` (decided by ${result.reasons.map((r) => `"${r}"`).join(', ')})` : result.decision === 'deny' ? ' (no policy permits it)' : '';
    const notes = result.notes.map((n) => `\n    note: ${n}`).join('');
    io.stdout(`${ok ? 'PASS' : 'FAIL'} ${c.name}: expected ${c.expect}, got ${result.decision}${why}${notes}\n`);
  }
  io.stdout(`${parsed.length - failed} of ${parsed.length} case(s) passed.\n`);
  return failed > 0 ? 1 : 0;
}

function parseCases(raw: unknown): Case[] | string {
  const list = Array.isArray(raw) ? raw : asArray(asObject(raw)?.cases);
  if (list.length === 0) return 'expected {"cases": [...]} with at least one case';
  const out: Case[] = [];
  for (const [i, c] of list.entries()) {
    if (!isObject(c)) return `case #${i} is not an object`;
    const principal = asObject(c.principal);
    const expectValue = asString(c.expect);
    const name = asString(c.name) ?? `#${i}`;
    if (!asString(c.gateway) || !asString(c.tool) || !principal || !asString(principal.id) || (expectValue !== 'allow' && expectValue !== 'deny')) {
      return `case "${name}" needs "gateway", "tool", "principal" {type, id} and "expect" ("allow" or "deny")`;
    }
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(asObject(principal.tags) ?? {})) tags[k] = typeof v === 'string' ? v : JSON.stringify(v);
    out.push({
      name,
      gateway: asString(c.gateway)!,
      principal: { type: (asString(principal.type) ?? 'OAuthUser').replace(/^AgentCore::/, ''), id: asString(principal.id)!, tags },
      tool: asString(c.tool)!,
      input: asObject(c.input) ?? {},
      resource: asString(c.resource),
      now: asString(c.now),
      expect: expectValue,
    });
  }
  return out;
}

interface Outcome {
  decision: 'allow' | 'deny';
  reasons: string[];
  notes: string[];
  usage?: string;
}

function evaluate(project: AgentCoreProject, c: Case): Outcome {
  const catalog = gatewayCatalog(project, c.gateway);
  if (!catalog) {
    const names = gatewayCatalogs(project).map((g) => g.name);
    return { decision: 'deny', reasons: [], notes: [], usage: `no gateway "${c.gateway}".${suggestion(c.gateway, names)}` };
  }
  const config = asObject(catalog.gateway.node.policyEngineConfiguration);
  const engineName = config ? asString(config.policyEngineName) : undefined;
  const notes: string[] = [];
  if (!engineName) return { decision: 'allow', reasons: [], notes: ['the gateway has no policy engine: every call is allowed'] };
  if (config?.mode === 'LOG_ONLY') notes.push(`engine "${engineName}" is attached in LOG_ONLY mode: the decision is only logged, the call goes through`);
  const engine = entries(project.spec, 'policyEngines').find((e) => e.name === engineName);
  if (!engine) return { decision: 'deny', reasons: [], notes, usage: `the gateway names policy engine "${engineName}", which does not exist` };
  const policies: Record<string, string> = {};
  for (const [i, policy] of objectsOf(engine.node.policies)) {
    const statement = asString(policy.statement);
    const name = asString(policy.name) ?? `#${i}`;
    if (!statement || nonCedarForm(statement) || policy.enforcementMode === 'LOG_ONLY') continue;
    const spans = splitPolicies(statement);
    spans.forEach((span, k) => (policies[spans.length > 1 ? `${name}#${k + 1}` : name] = statement.slice(span.start, span.end)));
  }
  const schema = buildGatewaySchema(catalog);
  const typed = schema.actions.find((a) => a.id === c.tool);
  const target = schema.groups.filter((g) => c.tool.startsWith(`${g}___`)).sort((a, b) => b.length - a.length)[0];
  if (!typed) notes.push(`tool "${c.tool}" is not in the gateway's known catalog: evaluated without the schema (input not type-checked)`);
  const tool = catalog.targets.find((t) => t.name === target)?.tools.find((t) => `${target}___${t.name}` === c.tool);
  const principal = { type: `AgentCore::${c.principal.type}`, id: c.principal.id };
  const resource = { type: 'AgentCore::Gateway', id: c.resource ?? deployedArn(project, c.gateway) ?? namedArn(Object.values(policies)) ?? `arn:aws:bedrock-agentcore:us-east-1:000000000000:gateway/${c.gateway}` };
  const action = { type: 'AgentCore::Action', id: c.tool };
  const entities: EntityJson[] = [
    { uid: principal, attrs: { id: c.principal.id }, parents: [], ...(c.principal.type === 'OAuthUser' ? { tags: c.principal.tags } : {}) },
    { uid: resource, attrs: {}, parents: [] },
  ];
  if (!typed) {
    const group = (id: string) => ({ type: 'AgentCore::Action', id });
    entities.push(
      { uid: action, attrs: {}, parents: target ? [group(target)] : [group('CallTool')] },
      ...(target ? [{ uid: group(target), attrs: {}, parents: [group('CallTool')] }] : []),
      { uid: group('CallTool'), attrs: {}, parents: [group('Mcp')] },
      { uid: group('Mcp'), attrs: {}, parents: [] },
    );
  }
  const input = toCedarValue(c.input, tool?.inputSchema) as Record<string, CedarValueJson>;
  let answer;
  try {
    answer = askCedar('isAuthorized', {
      principal, action, resource,
      context: { input, system: { now: { __extn: { fn: 'datetime', arg: c.now ?? new Date().toISOString() } } } },
      policies: { staticPolicies: policies },
      entities,
      // The request is checked against its own action only: a gateway's whole schema can take seconds to build.
      ...(typed ? { schema: schemaText({ ...schema, actions: [typed] }, false), validateRequest: true } : {}),
    });
  } catch (error) {
    if (!(error instanceof CedarCrash)) throw error;
    return { decision: 'deny', reasons: [], notes, usage: 'cedar-wasm crashed on these policies (ran out of stack: a policy nests its expressions too deeply; agentcore-lint reports which)' };
  }
  if (answer.type !== 'success') {
    return { decision: 'deny', reasons: [], notes, usage: answer.errors.map((e) => e.message).join('; ') };
  }
  for (const e of answer.response.diagnostics.errors) notes.push(`policy "${e.policyId}" errored and was skipped: ${e.error.message}`);
  return { decision: answer.response.decision, reasons: answer.response.diagnostics.reason, notes };
}

/** JSON input → Cedar JSON value: JSON "number" fields (Cedar decimals) become decimal extension values. */
function toCedarValue(value: unknown, schema: JsonObject | undefined): CedarValueJson {
  if (schema?.type === 'number' && typeof value === 'number') return { __extn: { fn: 'decimal', arg: decimalText(value) } };
  if (Array.isArray(value)) return value.map((v) => toCedarValue(v, asObject(schema?.items)));
  if (isObject(value)) {
    const props = asObject(schema?.properties) ?? {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCedarValue(v, asObject(props[k]))]));
  }
  return value as CedarValueJson;
}

function decimalText(n: number): string {
  const fixed = n.toFixed(4).replace(/0+$/, '');
  return fixed.endsWith('.') ? `${fixed}0` : fixed;
}

/**
 * Before the first deploy there is no recorded ARN: the one gateway ARN the engine's policies name
 * (`resource == AgentCore::Gateway::"<ARN>"`, the form AWS requires next to specific actions) stands for it.
 */
function namedArn(policies: string[]): string | undefined {
  const named = new Set<string>();
  for (const text of policies) {
    for (const m of text.matchAll(/\bresource\s*==\s*AgentCore::Gateway::"((?:[^"\\]|\\.)*)"/g)) named.add(m[1]);
  }
  return named.size === 1 ? [...named][0] : undefined;
}

function deployedArn(project: AgentCoreProject, gateway: string): string | undefined {
  const targets = asObject(asObject(project.deployedState?.value)?.targets) ?? {};
  for (const t of Object.values(targets)) {
    const arn = asString(asObject(asObject(asObject(asObject(asObject(t)?.resources)?.mcp)?.gateways)?.[gateway])?.gatewayArn);
    if (arn) return arn;
  }
  return undefined;
}
