/**
 * Schema checks of the AgentCore files against the official CLI's schemas (precompiled validators):
 * - `validateAgainstSchema`: what `agentcore validate` rejects, worded for a person;
 * - `findDroppedKeys`: keys the CLI accepts but silently drops (zod "strip" objects), found with the Strict
 *   variant of the same schema.
 */
import type { JsonPath } from '../json/document.js';
import { humanizeErrors, type SchemaIssue } from './humanize.js';
import { looksLikeSecretKey, nestedHome, suggestKey } from './key-hints.js';
import { allowedKeys, isPlainObject, type SchemaNode } from './schema-nodes.js';
import { pointerToPath } from './error-paths.js';
import { collapseUnions } from './unions.js';
import { loadValidator, type AjvError, type CompiledValidator, type ValidatorName } from './validators.js';

export type { SchemaIssue } from './humanize.js';

/** The files with a schema: agentcore.json, aws-targets.json, .cli/deployed-state.json, each harness's harness.json. */
export type SchemaKind = 'agentcore' | 'awsTargets' | 'deployedState' | 'harness';

export function validateAgainstSchema(kind: SchemaKind, value: unknown): SchemaIssue[] {
  const validate = loadValidator(kind);
  return humanizeErrors(errorsOf(validate, withoutProtoKeys(value)), value, validate.rootSchema);
}

/**
 * The value without its `__proto__` keys, which zod passes over (`agentcore validate` accepts one anywhere, whatever
 * it holds). The same value when it has none, as nearly always; otherwise a copy of the same shape, so that the
 * errors' paths hold in the original.
 */
function withoutProtoKeys(value: unknown): unknown {
  const stack = [value];
  let found = false;
  while (stack.length > 0 && !found) {
    const current = stack.pop();
    if (Array.isArray(current)) for (const element of current) stack.push(element);
    else if (isPlainObject(current)) {
      found = Object.prototype.hasOwnProperty.call(current, '__proto__');
      for (const key in current) stack.push(current[key]);
    }
  }
  return found ? JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === '__proto__' ? undefined : v))) : value;
}

export interface DroppedKey {
  /** The path of the key itself (point at it with target 'key'). */
  path: JsonPath;
  key: string;
  /** The object the key is in. */
  objectPath: JsonPath;
  /**
   * The key name suggests a secret (`apiKey`, `client_secret`, `token`, …) and its value is text. A list or an
   * object under such a name (`credentials: ["GEMINI_API_KEY"]`) names secrets rather than holding one.
   */
  secretLike: boolean;
  /**
   * The allowed key it probably meant, when that key is not already there: a sibling (`envVars`) or a key of a
   * nested block (`lifecycleConfiguration.maxLifetime`).
   */
  suggestion?: string;
  /** When the value is an object whose keys are allowed right here (`containerConfig: { dockerfile }`): those keys. */
  liftableKeys?: string[];
}

/**
 * Keys in loose objects that the CLI drops without a word. Keys the official schema already rejects are left
 * out: they are schema errors, reported once.
 */
export function findDroppedKeys(kind: SchemaKind, original: unknown): DroppedKey[] {
  const value = withoutProtoKeys(original);
  const strict = loadValidator(`${kind}Strict` as ValidatorName);
  const strictErrors = errorsOf(strict, value);
  if (strictErrors.length === 0) return [];
  const rejected = new Set(unknownKeyErrors(errorsOf(loadValidator(kind), value)).map((e) => keyPointer(e)));
  const dropped = new Map<string, DroppedKey>();
  for (const error of unknownKeyErrors(strictErrors)) {
    const pointer = keyPointer(error);
    if (!rejected.has(pointer) && !dropped.has(pointer)) dropped.set(pointer, toDroppedKey(error, value, strict.rootSchema));
  }
  return [...dropped.values()];
}

function errorsOf(validate: CompiledValidator, value: unknown): AjvError[] {
  // ajv reuses `errors` between calls; copy it before the next validation.
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

function unknownKeyErrors(errors: AjvError[]): AjvError[] {
  return collapseUnions(errors).filter((e) => e.keyword === 'additionalProperties');
}

function keyPointer(error: AjvError): string {
  return `${error.instancePath}/${String(error.params.additionalProperty)}`;
}

function toDroppedKey(error: AjvError, root: unknown, rootSchema?: SchemaNode): DroppedKey {
  const key = String(error.params.additionalProperty);
  const objectPath = pointerToPath(error.instancePath, root);
  const object = isPlainObject(error.data) ? error.data : {};
  const allowed = allowedKeys(error.parentSchema);
  const suggestion = suggestKey(key, allowed) ?? nestedHome(key, error.parentSchema, rootSchema);
  const value = object[key];
  const liftable = isPlainObject(value) ? Object.keys(value).filter((k) => allowed.includes(k)) : [];
  return {
    path: [...objectPath, key],
    key,
    objectPath,
    secretLike: looksLikeSecretKey(key) && typeof value === 'string' && value.trim() !== '',
    suggestion: suggestion !== undefined && !hasDottedPath(object, suggestion) ? suggestion : undefined,
    liftableKeys: liftable.length > 0 ? liftable : undefined,
  };
}

/** Whether `a.b` is already set in the object (then suggesting it would not help). */
function hasDottedPath(object: Record<string, unknown>, dotted: string): boolean {
  let current: unknown = object;
  for (const segment of dotted.split('.')) {
    if (!isPlainObject(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return false;
    current = current[segment];
  }
  return true;
}
