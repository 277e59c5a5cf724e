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
