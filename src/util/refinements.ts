/**
 * Shared helpers for the rules that reproduce the official CLI's zod refinements (`.refine`/`.superRefine` in
 * `@aws/agentcore` 0.30.0, `dist/schema/schemas/**`). Those checks run on values zod has already parsed, so
 * every helper here is shape-tolerant: a field of the wrong JSON type counts as "not this rule's business"
 * (the schema rule reports it) rather than as present or absent.
 */
import type { JsonPath } from '../json/document.js';
import { asString, hasOwn, isObject, objectsOf, type JsonObject } from '../util/json-value.js';
import { gateways, type Located } from '../util/spec.js';

/** The value at a path inside a parsed JSON value, or undefined when the path leads nowhere. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isObject(current) && hasOwn(current, String(segment))) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

export interface Where {
  path: JsonPath;
  target: 'key' | 'value';
}

/**
 * Where to report: the first candidate path that exists in `root` (agentcore.json's value). Objects and arrays
 * are pointed at by their property name, so the finding is one line rather than the whole block; scalars by
 * their value. When no candidate exists the last one is used (the engine then points at its deepest ancestor).
 */
export function locate(root: unknown, ...candidates: JsonPath[]): Where {
  for (const path of candidates) {
    const value = valueAt(root, path);
    if (value === undefined) continue;
    const container = isObject(value) || Array.isArray(value);
    const parentIsObject = path.length > 0 && typeof path[path.length - 1] === 'string';
    return { path, target: container && parentIsObject ? 'key' : 'value' };
  }
  return { path: candidates[candidates.length - 1] ?? [], target: 'value' };
}

/** A non-empty string (zod's truthiness test on a parsed optional string). */
export function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** zod's `x && x.length > 0` on a parsed optional array. */
export function nonEmptyArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0;
}

/**
 * Optional enum field after zod parsing: the value when it is one of `allowed`, `fallback` when absent, and
 * null when it has another value or type (the schema rule reports that; refinement checks stay silent).
 */
export function enumValue<T extends string>(value: unknown, allowed: readonly T[], fallback?: T): T | undefined | null {
  if (value === undefined) return fallback;
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export const TARGET_TYPES = [
  'lambda',
  'mcpServer',
  'openApiSchema',
  'smithyModel',
  'apiGateway',
  'lambdaFunctionArn',
  'httpRuntime',
  'connector',
  'passthrough',
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export interface AnyTarget extends Located {
  name: string | undefined;
  /** The target type when it is a known one; undefined otherwise (refinements then do not run). */
  targetType: TargetType | undefined;
  /** The gateway holding it; undefined for `unassignedTargets[]`. */
  gateway?: Located & { name: string | undefined };
  /** `target "x" of gateway "g"` / `unassigned target "x"`, for messages. */
  label: string;
}

/**
 * Every gateway target and every `unassignedTargets[]` entry: the official target schema (and its refinement)
 * is the same for both.
 */
export function allTargets(spec: JsonObject | undefined): AnyTarget[] {
  const out: AnyTarget[] = [];
  const make = (node: JsonObject, path: JsonPath, gateway?: AnyTarget['gateway']): AnyTarget => {
    const name = asString(node.name);
    const shown = name === undefined ? `#${String(path[path.length - 1])}` : `"${name}"`;
    const type = enumValue(node.targetType, TARGET_TYPES);
    return {
      node,
      path,
      name,
      targetType: type ?? undefined,
      gateway,
      label: gateway
        ? `target ${shown} of gateway ${gateway.name === undefined ? `#${String(gateway.path[1])}` : `"${gateway.name}"`}`
        : `unassigned target ${shown}`,
    };
  };
  for (const gateway of gateways(spec)) {
    for (const [i, node] of objectsOf(gateway.node.targets)) {
      out.push(make(node, [...gateway.path, 'targets', i], gateway));
    }
  }
  if (spec) {
    for (const [i, node] of objectsOf(spec.unassignedTargets)) out.push(make(node, ['unassignedTargets', i]));
  }
  return out;
}

/** `"name"` or `#index` for an array element, for messages. */
export function shownName(name: string | undefined, path: JsonPath): string {
  return name === undefined ? `#${String(path[path.length - 1])}` : `"${name}"`;
}

/** `LifecycleConfigurationSchema.superRefine` (runtimes, harnesses): both limits, when the idle timeout exceeds the lifetime. */
export function idleAboveMaxLifetime(lifecycle: unknown): { idle: number; max: number } | undefined {
  if (!isObject(lifecycle)) return undefined;
  const idle = lifecycle.idleRuntimeSessionTimeout;
  const max = lifecycle.maxLifetime;
  return typeof idle === 'number' && typeof max === 'number' && idle > max ? { idle, max } : undefined;
}

/** `MAX_CONTAINER_BUILD_SECURITY_GROUPS` in `dist/schema/constants.js`. */
export const MAX_CONTAINER_BUILD_SECURITY_GROUPS = 5;

export type NetworkIssue =
  /** networkMode VPC without networkConfig (report at networkMode). */
  | { kind: 'vpcNeedsConfig' }
  /** networkConfig without networkMode VPC (report at the networkConfig key); `mode` says what the mode is. */
  | { kind: 'configNeedsVpc'; mode: string }
  /** A container build in VPC mode with more security groups than CodeBuild allows (at networkConfig.securityGroups). */
  | { kind: 'containerSecurityGroups'; count: number; max: number };

/**
 * The networkMode/networkConfig refinements that `AgentEnvSpecSchema` and `HarnessSpecSchema` share. `containerBuild`
 * is the CLI's `isContainerBuild()` for the object. An invalid networkMode or a networkConfig that is not an object
 * is the schema rule's finding: nothing here then.
 */
export function networkIssues(node: JsonObject, containerBuild: boolean): NetworkIssue[] {
  const mode = enumValue(node.networkMode, ['PUBLIC', 'VPC'] as const);
  const config = node.networkConfig;
  if (mode === null || (config !== undefined && !isObject(config))) return [];
  const issues: NetworkIssue[] = [];
  if (mode === 'VPC' && config === undefined) issues.push({ kind: 'vpcNeedsConfig' });
  if (mode !== 'VPC' && config !== undefined) issues.push({ kind: 'configNeedsVpc', mode: mode === undefined ? 'unset, so PUBLIC' : mode });
  const groups = config?.securityGroups;
  if (mode === 'VPC' && containerBuild && Array.isArray(groups) && groups.length > MAX_CONTAINER_BUILD_SECURITY_GROUPS) {
    issues.push({ kind: 'containerSecurityGroups', count: groups.length, max: MAX_CONTAINER_BUILD_SECURITY_GROUPS });
  }
  return issues;
}
