/**
 * Gateway tools of an OpenAPI target (`schemaSource.inline.path`, JSON or YAML): one tool per operation, named by
 * its `operationId`. The tool input is an object whose properties are the operation's parameters (path, query,
 * header, cookie; `required` as declared) and, when the JSON request body is an object schema, its properties
 * (a non-object body becomes a `body` property). Local `$ref`s (`#/...`) are resolved with a depth bound.
 */
import type { JsonDocument, JsonPath } from '../json/document.js';
import type { YamlDocument } from '../json/yaml-document.js';
import type { ProjectFiles } from '../project.js';
import { asArray, asObject, asString, hasOwn, isObject, type JsonObject } from '../util/json-value.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** How deep `$ref` chains and nested schemas are followed before a schema counts as unknown. */
const MAX_REF_DEPTH = 16;

export interface OpenApiOperation {
  operationId: string | undefined;
  method: string;
  path: string;
  description: string | undefined;
  /** The tool input schema (JSON Schema subset), or undefined when part of it cannot be resolved. */
  inputSchema: JsonObject | undefined;
  /** JSON path of the `operationId` (or of the operation when absent) in the document. */
  at: JsonPath;
}

/** An OpenAPI file parsed once per run, with positions: as JSON when it looks like JSON, else as YAML. */
export type OpenApiFile = { value: unknown; json: JsonDocument; yaml?: undefined } | { value: unknown; json?: undefined; yaml: YamlDocument };

/** `text` is the file's text, already read (`files.readText(file)` succeeded). */
export function parseOpenApiFile(files: ProjectFiles, file: string, text: string): OpenApiFile {
  if (/^\s*[{[]/.test(text)) {
    const json = files.readJson(file);
    if (json) return { value: json.value, json };
  }
  const yaml = files.readYaml(file)!;
  return { value: yaml.value, yaml };
}

export function isOpenApiDocument(value: unknown): value is JsonObject {
  const root = asObject(value);
  return !!root && (root.openapi !== undefined || root.swagger !== undefined) && isObject(root.paths);
}

export function openApiOperations(root: JsonObject): OpenApiOperation[] {
  const out: OpenApiOperation[] = [];
  const paths = asObject(root.paths) ?? {};
  for (const [route, itemValue] of Object.entries(paths)) {
    const item = asObject(resolveRef(root, itemValue, 0));
    if (!item) continue;
    const shared = asArray(item.parameters);
    for (const method of HTTP_METHODS) {
      const op = asObject(item[method]);
      if (!op) continue;
      const operationId = asString(op.operationId);
      out.push({
        operationId,
        method,
        path: route,
        description: asString(op.description) ?? asString(op.summary),
        inputSchema: operationInput(root, [...shared, ...asArray(op.parameters)], op.requestBody),
        at: operationId !== undefined ? ['paths', route, method, 'operationId'] : ['paths', route, method],
      });
    }
  }
  return out;
}

function operationInput(root: JsonObject, parameters: unknown[], requestBody: unknown): JsonObject | undefined {
  const properties: JsonObject = {};
  const required: string[] = [];
  let known = true;
  for (const raw of parameters) {
    const param = asObject(resolveRef(root, raw, 0));
    const name = param ? asString(param.name) : undefined;
    if (!param || name === undefined) continue;
    const schema = resolveSchema(root, param.schema ?? { type: 'string' }, 0);
    if (!schema) known = false;
    else properties[name] = schema;
    if (param.required === true || param.in === 'path') required.push(name);
  }
  const body = asObject(resolveRef(root, requestBody, 0));
  if (body) {
    const content = asObject(body.content) ?? {};
    const mediaKey = Object.keys(content).find((k) => /^application\/([\w.+-]*\+)?json\b/i.test(k));
    const media = mediaKey ? asObject(content[mediaKey]) : undefined;
    if (media && media.schema !== undefined) {
      const schema = resolveSchema(root, media.schema, 0);
      if (!schema) known = false;
      else if (schema.type === 'object' && isObject(schema.properties)) {
        for (const [k, v] of Object.entries(schema.properties)) properties[k] = v;
        for (const r of asArray(schema.required)) if (typeof r === 'string') required.push(r);
      } else {
        properties.body = schema;
        if (body.required === true) required.push('body');
      }
    } else if (Object.keys(content).length > 0) {
      known = false; // a non-JSON body: AgentCore's mapping is not known statically
    }
  }
  if (!known) return undefined;
  return { type: 'object', properties, required: [...new Set(required)] };
}

function resolveRef(root: JsonObject, value: unknown, depth: number): unknown {
  let current = value;
  let d = depth;
  while (isObject(current) && typeof current.$ref === 'string') {
    if (++d > MAX_REF_DEPTH) return undefined;
    current = pointer(root, current.$ref);
  }
  return current;
}

function pointer(root: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined; // remote references are not followed
  let current: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(current) || !hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/** A JSON Schema with every local `$ref` inlined (depth-bounded); undefined when a reference cannot be resolved. */
function resolveSchema(root: JsonObject, value: unknown, depth: number): JsonObject | undefined {
  if (depth > MAX_REF_DEPTH) return undefined;
  const schema = asObject(resolveRef(root, value, depth));
  if (!schema) return undefined;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(schema)) {
    if (key === 'properties' && isObject(v)) {
      const props: JsonObject = {};
      for (const [name, sub] of Object.entries(v)) {
        const resolved = resolveSchema(root, sub, depth + 1);
        if (!resolved) return undefined;
        props[name] = resolved;
      }
      out.properties = props;
    } else if (key === 'items' && v !== undefined) {
      const resolved = resolveSchema(root, v, depth + 1);
      if (!resolved) return undefined;
      out.items = resolved;
    } else if (key !== '$ref') {
      out[key] = v;
    }
  }
  return out;
}
