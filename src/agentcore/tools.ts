/**
 * The tool catalog agentcore.json makes knowable without calling AWS: inline `toolDefinitions` of `lambda`
 * targets and the entries of a local `lambdaFunctionArn.toolSchemaFile`. (`mcpServer` targets discover their
 * tools at run time; the `toolDefinitions` the CLI writes for them are placeholders named after the target.)
 */
import type { JsonDocument, JsonPath } from '../json/document.js';
import type { AgentCoreProject } from '../project.js';
import { gatewayCatalog } from '../catalog/index.js';
import { asObject, asString, isObject, objectsOf, type JsonObject } from '../util/json-value.js';
import type { TargetRef } from '../util/spec.js';

export interface KnownTool {
  name: string;
  /** The document holding the tool's `name` (agentcore.json or the tool schema file). */
  doc: JsonDocument | undefined;
  /** Path of the tool's `name` value inside `doc`. */
  path: JsonPath;
}

/** `s3://bucket/key` — read by AWS at deploy time, nothing to check locally. */
export function isS3Uri(value: string): boolean {
  return /^s3:\/\//i.test(value);
}

/** `lambdaFunctionArn.toolSchemaFile` when it names a local file (not `s3://`). */
export function localToolSchemaFile(target: TargetRef): { file: string; path: JsonPath } | undefined {
  const config = asObject(target.node.lambdaFunctionArn);
  const file = config ? asString(config.toolSchemaFile) : undefined;
  if (file === undefined || file.trim() === '' || isS3Uri(file)) return undefined;
  return { file, path: [...target.path, 'lambdaFunctionArn', 'toolSchemaFile'] };
}

/**
 * The tool entries of a tool schema file that parsed to a JSON array; undefined when the file cannot be read,
 * does not parse or is not an array (rule `tool-schema-file-shape` reports those).
 */
export function toolSchemaEntries(
  project: AgentCoreProject,
  file: string,
): { doc: JsonDocument; entries: Array<[number, JsonObject]> } | undefined {
  if (project.files.status(file).kind !== 'file') return undefined;
  const doc = project.files.readJson(file);
  if (!doc || !Array.isArray(doc.value)) return undefined;
  return { doc, entries: objectsOf(doc.value) };
}

/**
 * The tools a target exposes, when agentcore.json (or a file it references) says so; undefined when they
 * are only known at run time (MCP servers without a tools/list snapshot, Smithy schemas, API Gateway, connectors).
 * OpenAPI operations (JSON schema files) and MCP `tools/list` snapshots come from the tool catalog (src/catalog).
 */
export function knownTools(project: AgentCoreProject, target: TargetRef): KnownTool[] | undefined {
  if (target.targetType === 'openApiSchema' || target.targetType === 'mcpServer') {
    const catalog = target.gateway.name === undefined ? undefined : gatewayCatalog(project, target.gateway.name);
    const entry = catalog?.targets.find((t) => t.target.path.join('/') === target.path.join('/'));
    // Only tools with a JSON location (a YAML OpenAPI file has none to point at).
    if (!entry || entry.status !== 'complete' || entry.tools.some((t) => !t.doc || !t.path)) return undefined;
    return entry.tools.map((t) => ({ name: t.name, doc: t.doc === project.config ? undefined : t.doc, path: t.path! }));
  }
  if (target.targetType === 'lambda') {
    const out: KnownTool[] = [];
    for (const [i, def] of objectsOf(target.node.toolDefinitions)) {
      const name = asString(def.name);
      if (name) out.push({ name, doc: undefined, path: [...target.path, 'toolDefinitions', i, 'name'] });
    }
    return out;
  }
  if (target.targetType === 'lambdaFunctionArn') {
    const ref = localToolSchemaFile(target);
    if (!ref) return undefined;
    const schema = toolSchemaEntries(project, ref.file);
    if (!schema) return undefined;
    const out: KnownTool[] = [];
    for (const [i, entry] of schema.entries) {
      const name = asString(entry.name);
      if (name) out.push({ name, doc: schema.doc, path: [i, 'name'] });
    }
    return out;
  }
  return undefined;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Operations (= gateway tools) of a local OpenAPI JSON schema (`schemaSource.inline.path`); undefined when the
 * file is absent, not JSON or not an OpenAPI document.
 */
export function openApiOperationCount(project: AgentCoreProject, target: TargetRef): number | undefined {
  if (target.targetType !== 'openApiSchema') return undefined;
  const inline = asObject(asObject(target.node.schemaSource)?.inline);
  const file = inline ? asString(inline.path) : undefined;
  if (!file || project.files.status(file).kind !== 'file') return undefined;
  const doc = project.files.readJson(file);
  const root = asObject(doc?.value);
  const paths = root ? asObject(root.paths) : undefined;
  if (!root || !paths || (root.openapi === undefined && root.swagger === undefined)) return undefined;
  let count = 0;
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) if (isObject(item[method])) count++;
  }
  return count;
}
