/**
 * Walks over the parts of agentcore.json that many rules visit, with the JSON path of each part, tolerating
 * any shape (rules run even when the schema check failed).
 */
import type { JsonPath } from '../json/document.js';
import { asString, objectsOf, type JsonObject } from './json-value.js';

export interface Located<T = JsonObject> {
  node: T;
  path: JsonPath;
}

export interface GatewayRef extends Located {
  name: string | undefined;
}

export interface TargetRef extends Located {
  gateway: GatewayRef;
  name: string | undefined;
  targetType: string | undefined;
}

/** Elements of a top-level named array (`runtimes`, `credentials`, ...) that are objects. */
export function entries(spec: JsonObject | undefined, key: string): Array<Located & { name: string | undefined }> {
  if (!spec) return [];
  return objectsOf(spec[key]).map(([i, node]) => ({ node, path: [key, i], name: asString(node.name) }));
}

/**
 * The entries of a top-level named array by name, or undefined when the array cannot be trusted to list every
 * name (it is not an array, or an entry is not an object with a string name): then the schema rule reports the
 * shape and "unknown X" would only be a follow-on error.
 */
export function byName(spec: JsonObject, key: string): Map<string, JsonObject> | undefined {
  const value = spec[key];
  if (value === undefined) return new Map();
  if (!Array.isArray(value)) return undefined;
  const found = entries(spec, key);
  if (found.length !== value.length || found.some((e) => e.name === undefined)) return undefined;
  return new Map(found.map((e) => [e.name!, e.node]));
}

export function gateways(spec: JsonObject | undefined): GatewayRef[] {
  return entries(spec, 'agentCoreGateways');
}

/** Every target of every gateway (not `unassignedTargets`, which deploy nowhere). */
export function gatewayTargets(spec: JsonObject | undefined): TargetRef[] {
  const out: TargetRef[] = [];
  for (const gateway of gateways(spec)) {
    for (const [i, node] of objectsOf(gateway.node.targets)) {
      out.push({
        gateway,
        node,
        path: [...gateway.path, 'targets', i],
        name: asString(node.name),
        targetType: asString(node.targetType),
      });
    }
  }
  return out;
}
