/**
 * `agentcore-lint cedar-schema --gateway NAME [path]`: prints the Cedar schema AgentCore derives for a gateway from
 * its tool catalog (src/policy/schema.ts), as Cedar schema text (default) or JSON (`--format json`), so policies can
 * also be checked with the Cedar CLI (`cedar validate --schema ...`).
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { gatewayCatalog, gatewayCatalogs } from '../catalog/index.js';
import type { CliIO } from '../cli.js';
import { loadCedar } from '../policy/cedar.js';
import { buildGatewaySchema, schemaText, type GatewaySchema } from '../policy/schema.js';
import { findProjectRoot } from '../project.js';
import { loadProjectForCommand } from './load-project.js';
import { suggestion } from '../util/did-you-mean.js';

export const CEDAR_SCHEMA_HELP = `Usage: agentcore-lint cedar-schema --gateway NAME [--format text|json] [path]

Prints the Cedar schema AgentCore derives for gateway NAME of the project containing path (default: the
current directory): namespace AgentCore, the principal type of the gateway's inbound auth, one action
"<Target>___<tool>" per tool, context.input typed from each tool's inputSchema. Tools known only at run time
(MCP servers without an mcpToolSnapshots entry, Smithy and S3 schemas) are listed in comments.`;

export function cedarSchemaCommand(argv: string[], io: CliIO): number {
  let values: { gateway?: string; format?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { gateway: { type: 'string', short: 'g' }, format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    io.stderr(`agentcore-lint cedar-schema: ${(error as Error).message}\n${CEDAR_SCHEMA_HELP}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(CEDAR_SCHEMA_HELP + '\n');
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(`agentcore-lint cedar-schema: unknown format "${format}"; use text or json.\n`);
    return 2;
  }
  if (positionals.length > 1) {
    io.stderr('agentcore-lint cedar-schema: give at most one project path.\n');
    return 2;
  }
  const start = path.resolve(io.cwd, positionals[0] ?? '.');
  const root = findProjectRoot(start);
  if (!root) {
    io.stderr(`agentcore-lint cedar-schema: no agentcore/agentcore.json in ${path.relative(io.cwd, start) || '.'} or any folder above it.\n`);
    return 2;
  }
  const project = loadProjectForCommand(root, io, 'cedar-schema');
  if (!project) return 2;
  const names = gatewayCatalogs(project).map((g) => g.name);
  if (!values.gateway) {
    io.stderr(`agentcore-lint cedar-schema: --gateway NAME is required; gateways: ${names.map((n) => `"${n}"`).join(', ') || 'none'}.\n`);
    return 2;
  }
  const catalog = gatewayCatalog(project, values.gateway);
  if (!catalog) {
    io.stderr(
      `agentcore-lint cedar-schema: no gateway "${values.gateway}" in agentcore.json.${suggestion(values.gateway, names)} ` +
        `Gateways: ${names.map((n) => `"${n}"`).join(', ') || 'none'}.\n`,
    );
    return 2;
  }
  const schema = buildGatewaySchema(catalog);
  const text = schemaText(schema, true);
  if (format === 'text') {
    io.stdout(text);
    return 0;
  }
  const json = schemaJson(schema);
  if (typeof json === 'string') {
    io.stderr(`agentcore-lint cedar-schema: the derived schema does not parse: ${json}\n`);
    return 3;
  }
  io.stdout(JSON.stringify(json, null, 2) + '\n');
  return 0;
}

type JsonNamespace = { commonTypes?: Record<string, unknown>; entityTypes?: Record<string, unknown>; actions?: Record<string, unknown> };

/**
 * The schema as Cedar's JSON schema format, converted by cedar-wasm a slice of actions at a time: its conversion
 * grows faster than the schema (about 2 minutes for a gateway of 9,000 tools in one call). Each slice holds every
 * entity type and action group; the slices' actions and common types are merged in Cedar's own (sorted) key order,
 * so the result is the one a single call gives. A clash between slices falls back to a single call.
 */
export function schemaJson(schema: GatewaySchema, sliceSize = 500): Record<string, JsonNamespace> | string {
  const tools = [...schema.actions, ...schema.opaque];
  const convert = (part: GatewaySchema): Record<string, JsonNamespace> | string => {
    const answer = loadCedar().schemaToJson(schemaText(part, true));
    return answer.type === 'success' ? (answer.json as Record<string, JsonNamespace>) : answer.errors.map((e) => e.message).join('; ');
  };
  if (tools.length <= sliceSize) return convert(schema);
  const merged: Record<string, JsonNamespace> = {};
  for (let i = 0; i < tools.length; i += sliceSize) {
    const slice = new Set(tools.slice(i, i + sliceSize));
    const json = convert({ ...schema, actions: schema.actions.filter((a) => slice.has(a)), opaque: schema.opaque.filter((a) => slice.has(a)) });
    if (typeof json === 'string') return json;
    for (const [name, namespace] of Object.entries(json)) {
      const into = (merged[name] ??= { commonTypes: {}, entityTypes: namespace.entityTypes, actions: {} });
      for (const key of ['commonTypes', 'actions'] as const) {
        for (const [id, value] of Object.entries(namespace[key] ?? {})) {
          const known = into[key]![id];
          if (known !== undefined && JSON.stringify(known) !== JSON.stringify(value)) return convert(schema); // a type name reused
          into[key]![id] = value;
        }
      }
    }
  }
  for (const namespace of Object.values(merged)) {
    for (const key of ['commonTypes', 'actions'] as const) namespace[key] = sortedByKey(namespace[key]!);
    if (Object.keys(namespace.commonTypes!).length === 0) delete namespace.commonTypes;
  }
  return merged;
}

function sortedByKey(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key];
  return out;
}
