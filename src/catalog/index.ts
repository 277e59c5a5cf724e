/**
 * The tool catalog of each gateway, as far as the project says statically: what AgentCore will list in the
 * gateway's MCP `tools/list` and what it derives the Cedar schema from (agentcore-facts.md §2.5, §5). Shared by
 * the policy rules, the `cedar-schema` command and source rules that check tool names.
 *
 * Per target:
 * - `lambda`: inline `toolDefinitions`;
 * - `lambdaFunctionArn`: a local `toolSchemaFile` (a JSON array; the wrong `{inlinePayload: [...]}` shape is read
 *   too, rule tool-schema-file-shape reports it); `s3://` files are unknown;
 * - `openApiSchema`: `schemaSource.inline.path` (JSON or YAML), one tool per operation named by operationId;
 * - `apiGateway`: `toolOverrides` names are known; other tools come from the REST API export (partial);
 * - `mcpServer`: the server lists its tools at run time (the CLI's single placeholder tool named after the target
 *   is not a catalog), unless `.agentcore-lint.json` maps `"<gateway>/<target>"` in `mcpToolSnapshots` to a saved
 *   `tools/list` response;
 * - Smithy, S3-hosted schemas, connectors, HTTP runtimes and passthrough targets: unknown.
 */
import * as path from 'node:path';
import { findConfigFiles } from '../config.js';
import { parseJsonDocument, type JsonDocument, type JsonPath } from '../json/document.js';
import { DEFAULT_MAX_FILE_SIZE, readTextFile, type AgentCoreProject } from '../project.js';
import { asArray, asObject, asString, isObject, objectsOf, type JsonObject } from '../util/json-value.js';
import { gateways, type GatewayRef, type TargetRef } from '../util/spec.js';
import { isOpenApiDocument, openApiOperations, parseOpenApiFile } from './openapi.js';
import { perProject } from '../util/per-project.js';

export type AuthorizerType = 'NONE' | 'AWS_IAM' | 'CUSTOM_JWT';

export interface CatalogTool {
  name: string;
  description?: string;
  /** The tool's input JSON Schema; undefined when it cannot be known statically. */
  inputSchema?: JsonObject;
  /** Where the tool is defined: an absolute file, and the JSON path of its name when the file is JSON. */
  file: string;
  path?: JsonPath;
  doc?: JsonDocument;
  origin: 'toolDefinitions' | 'toolSchemaFile' | 'openApi' | 'apiGatewayOverride' | 'mcpSnapshot';
}

export interface TargetCatalog {
  target: TargetRef;
  name: string;
  targetType: string | undefined;
  /** complete: every tool is listed; partial: some are (API Gateway overrides); unknown: none statically. */
  status: 'complete' | 'partial' | 'unknown';
  tools: CatalogTool[];
  /** Why the catalog is partial or unknown, for notes ("an MCP server lists its tools at run time ..."). */
  reason?: string;
}

export interface GatewayCatalog {
  gateway: GatewayRef;
  name: string;
  authorizerType: AuthorizerType;
  targets: TargetCatalog[];
  /** False when agentcore.json lists no target: they may be managed outside the project, so nothing is known. */
  declaresTargets: boolean;
}

/** The catalog of every named gateway (computed once per project). */
export const gatewayCatalogs: (project: AgentCoreProject) => GatewayCatalog[] = perProject((project) => {
  const snapshots = mcpToolSnapshotSettings(project);
  return gateways(project.spec)
    .filter((g) => g.name !== undefined)
    .map((gateway) => {
      const auth = asString(gateway.node.authorizerType);
      const targets: TargetCatalog[] = [];
      for (const [i, node] of objectsOf(gateway.node.targets)) {
        const target: TargetRef = { gateway, node, path: [...gateway.path, 'targets', i], name: asString(node.name), targetType: asString(node.targetType) };
        if (target.name === undefined || targets.some((t) => t.name === target.name)) continue;
        targets.push(targetCatalog(project, target, snapshots));
      }
      return {
        gateway,
        name: gateway.name!,
        declaresTargets: Array.isArray(gateway.node.targets) && gateway.node.targets.length > 0,
        authorizerType: auth === 'AWS_IAM' || auth === 'CUSTOM_JWT' ? auth : 'NONE',
        targets,
      };
    });
});

export function gatewayCatalog(project: AgentCoreProject, name: string): GatewayCatalog | undefined {
  return gatewayCatalogs(project).find((g) => g.name === name);
}

/** `<Target>___<tool>`: the MCP tool name and the Cedar action id AgentCore uses. */
export function qualifiedToolName(target: string, tool: string): string {
  return `${target}___${tool}`;
}

function targetCatalog(
  project: AgentCoreProject,
  target: TargetRef,
  snapshots: Map<string, { file: string; configDir: string }>,
): TargetCatalog {
  const base = { target, name: target.name!, targetType: target.targetType };
  const unknown = (reason: string): TargetCatalog => ({ ...base, status: 'unknown', tools: [], reason });
  switch (target.targetType) {
    case 'lambda':
      return { ...base, status: 'complete', tools: toolList(target.node.toolDefinitions, project.config, [...target.path, 'toolDefinitions'], 'toolDefinitions') };
    case 'lambdaFunctionArn': {
      const config = asObject(target.node.lambdaFunctionArn);
      const file = config ? asString(config.toolSchemaFile) : undefined;
      if (!file || /^s3:\/\//i.test(file)) return unknown('its tool schema file is in S3');
      const doc = project.files.readJson(file);
      if (!doc || doc.value === undefined) return unknown(`its tool schema file ${file} cannot be read`);
      let list: unknown = doc.value;
      let prefix: JsonPath = [];
      const wrapped = asObject(doc.value);
      if (wrapped && Array.isArray(wrapped.inlinePayload)) {
        list = wrapped.inlinePayload;
        prefix = ['inlinePayload'];
      }
      if (!Array.isArray(list)) return unknown(`its tool schema file ${file} is not a JSON array`);
      return { ...base, status: 'complete', tools: toolList(list, doc, prefix, 'toolSchemaFile') };
    }
    case 'openApiSchema': {
      const inline = asObject(asObject(target.node.schemaSource)?.inline);
      const file = inline ? asString(inline.path) : undefined;
      if (!file) return unknown('its OpenAPI schema is in S3');
      const read = project.files.readText(file);
      if (!read.ok) return unknown(`its OpenAPI schema ${file} cannot be read`);
      const { value, json: doc } = parseOpenApiFile(project.files, file, read.text);
      if (!isOpenApiDocument(value)) return unknown(`${file} is not an OpenAPI document`);
      const tools: CatalogTool[] = [];
      let missingIds = false;
      for (const op of openApiOperations(value)) {
        if (op.operationId === undefined) {
          missingIds = true;
          continue;
        }
        tools.push({
          name: op.operationId,
          description: op.description,
          inputSchema: op.inputSchema,
          file: read.absolute,
          path: doc ? op.at : undefined,
          doc,
          origin: 'openApi',
        });
      }
      return missingIds
        ? { ...base, status: 'partial', tools, reason: `some operations of ${file} have no operationId` }
        : { ...base, status: 'complete', tools };
    }
    case 'apiGateway': {
      const config = asObject(asObject(target.node.apiGateway)?.apiGatewayToolConfiguration);
      const tools: CatalogTool[] = [];
      for (const [i, override] of objectsOf(config?.toolOverrides)) {
        const name = asString(override.name);
        if (!name) continue;
        tools.push({
          name,
          description: asString(override.description),
          file: project.config.file,
          path: [...target.path, 'apiGateway', 'apiGatewayToolConfiguration', 'toolOverrides', i, 'name'],
          doc: project.config,
          origin: 'apiGatewayOverride',
        });
      }
      return {
        ...base,
        status: 'partial',
        tools,
        reason: 'its other tools and every input schema come from the REST API stage export, read only at deploy',
      };
    }
    case 'mcpServer': {
      const key = `${target.gateway.name}/${target.name}`;
      const snapshot = snapshots.get(key);
      if (!snapshot) {
        return unknown(
          `an MCP server lists its tools at run time; to check them, save its tools/list response and set "mcpToolSnapshots": {"${key}": "<file>"} in .agentcore-lint.json`,
        );
      }
      const relative = path.relative(project.root, path.resolve(snapshot.configDir, snapshot.file));
      const doc = project.files.readJson(relative);
      if (!doc || doc.value === undefined) return unknown(`its tools/list snapshot ${snapshot.file} cannot be read`);
      // Accept the JSON-RPC response, its `result`, or the bare tools array.
      const root = asObject(doc.value);
      const result = asObject(root?.result);
      if (result && Array.isArray(result.tools)) return { ...base, status: 'complete', tools: toolList(result.tools, doc, ['result', 'tools'], 'mcpSnapshot') };
      if (root && Array.isArray(root.tools)) return { ...base, status: 'complete', tools: toolList(root.tools, doc, ['tools'], 'mcpSnapshot') };
      if (Array.isArray(doc.value)) return { ...base, status: 'complete', tools: toolList(doc.value, doc, [], 'mcpSnapshot') };
      return unknown(`its tools/list snapshot ${snapshot.file} has no "tools" array`);
    }
    case 'smithyModel':
      return unknown('Smithy models are not read');
    case 'connector':
      return unknown('connector tools are defined by AgentCore');
    case 'httpRuntime':
    case 'passthrough':
      return unknown('it forwards HTTP requests rather than listing MCP tools');
    default:
      return unknown('its target type is not known');
  }
}

function toolList(list: unknown, doc: JsonDocument, prefix: JsonPath, origin: CatalogTool['origin']): CatalogTool[] {
  const out: CatalogTool[] = [];
  asArray(list).forEach((entry, i) => {
    if (!isObject(entry)) return;
    const name = asString(entry.name);
    if (!name || out.some((t) => t.name === name)) return;
    out.push({
      name,
      description: asString(entry.description),
      inputSchema: asObject(entry.inputSchema),
      file: doc.file,
      path: [...prefix, i, 'name'],
      doc,
      origin,
    });
  });
  return out;
}

/**
 * `mcpToolSnapshots` of the `.agentcore-lint.json` files that apply to the project (repository root first, the
 * closest wins, paths relative to each file), as src/config.ts merges them; the lint run has validated them.
 */
function mcpToolSnapshotSettings(project: AgentCoreProject): Map<string, { file: string; configDir: string }> {
  const out = new Map<string, { file: string; configDir: string }>();
  for (const configFile of findConfigFiles(project.root, project.git.repositoryRoot() ?? undefined)) {
    const read = readTextFile(configFile, DEFAULT_MAX_FILE_SIZE);
    if (!read.ok) continue;
    const settings = asObject(asObject(parseJsonDocument(configFile, read.text).value)?.mcpToolSnapshots);
    for (const [key, value] of Object.entries(settings ?? {})) {
      if (typeof value === 'string') out.set(key, { file: value, configDir: path.dirname(configFile) });
    }
  }
  return out;
}
