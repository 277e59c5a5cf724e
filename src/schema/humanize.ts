/**
 * Turns ajv errors (from the precompiled, verbose validators) into issues a person can act on:
 * `runtimes[0].build must be "CodeZip" or "Container", got "Zip". Did you mean "CodeZip"?`
 * Each issue says which JSON node it concerns and whether to point at its key or its value.
 */
import type { JsonPath } from '../json/document.js';
import { didYouMean } from '../util/did-you-mean.js';
import { pointerToPath } from './error-paths.js';
import { nestedHome, suggestKey } from './key-hints.js';
import { collapseUnions, NO_MATCHING_FORM } from './unions.js';
import { allowedKeys, isPlainObject, propertySchema, type SchemaNode } from './schema-nodes.js';
import type { AjvError } from './validators.js';
import { choiceList, inPlace, kindOf, subjectOf, plural, showValue, withArticle } from './wording.js';

export interface SchemaIssue {
  /** The node concerned. For a missing property, the path of the property (it points at its parent). */
  path: JsonPath;
  target: 'key' | 'value';
  message: string;
  /** The JSON Schema keyword that failed (or `x-no-matching-form` for a union with no close branch). */
  keyword: string;
}

/** What happens to an unknown key in a strict object (unlike loose ones, where the CLI drops it: unknown-key). */
const REJECTED = 'the CLI rejects it';

/**
 * Collapses union noise, then words each remaining error. `root` is the validated value; `rootSchema` (optional)
 * lets messages look through `$ref`s, e.g. to say what type a missing property should have.
 */
export function humanizeErrors(errors: readonly AjvError[], root: unknown, rootSchema?: SchemaNode): SchemaIssue[] {
  const collapsed = collapseUnions(errors);
  const context: Context = { root, rootSchema, all: collapsed };
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of collapsed) {
    const issue = humanizeError(error, context);
    if (!issue) continue;
    const key = `${JSON.stringify(issue.path)}|${issue.target}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

interface Context {
  /** The validated value. */
  root: unknown;
  rootSchema?: SchemaNode;
  /** All (collapsed) errors, for errors that another one explains. */
  all: readonly AjvError[];
}

/** One error in words, or undefined for errors another error already explains. */
function humanizeError(error: AjvError, context: Context): SchemaIssue | undefined {
  const path = pointerToPath(error.instancePath, context.root);
  if (error.propertyName !== undefined) return keyNameIssue(error, path);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKeyIssue(error, path, context);
    case 'required':
      return missingIssue(error, path, context);
    case 'not':
    case 'false schema':
      return notAllowedIssue(path);
    case 'propertyNames':
      // Explained by the inner error (which carries propertyName); keep this one only if it stands alone.
      return context.all.some((e) => e.propertyName === error.params.propertyName && e !== error)
        ? undefined
        : keyNameIssue({ ...error, propertyName: String(error.params.propertyName) }, path);
    default:
      return { path, target: 'value', keyword: error.keyword, message: valueMessage(error, path) };
  }
}

function unknownKeyIssue(error: AjvError, path: JsonPath, context: Context): SchemaIssue {
  const key = String(error.params.additionalProperty);
  const present = isPlainObject(error.data) ? Object.keys(error.data) : [];
  const sibling = suggestKey(key, allowedKeys(error.parentSchema).filter((k) => !present.includes(k)));
  const nested = sibling ? undefined : nestedHome(key, error.parentSchema, context.rootSchema);
  const advice = sibling
    ? ` Did you mean "${sibling}"?`
    : nested
      ? ` It belongs in \`${nested}\`; move it there.`
      : ' Remove it.';
  return {
    path: [...path, key],
    target: 'key',
    keyword: error.keyword,
    message: `Unknown key "${key}" ${inPlace(path)}; ${REJECTED}.${advice}`,
  };
}

function missingIssue(error: AjvError, path: JsonPath, context: Context): SchemaIssue {
  const key = String(error.params.missingProperty);
  const allowedValues = error.params.allowedValues as unknown[] | undefined;
  const expected = allowedValues
    ? ` (${choiceList(allowedValues)})`
    : expectedOf(propertySchema(error.parentSchema, key, context.rootSchema));
  return {
    path: [...path, key],
    target: 'key',
    keyword: 'required',
    message: `${subjectOf(path)} is missing required "${key}"${expected}; add it.`,
  };
}

function notAllowedIssue(path: JsonPath): SchemaIssue {
  const key = path[path.length - 1];
  const parent = path.slice(0, -1);
  return {
    path,
    target: 'key',
    keyword: 'not',
    message: `"${String(key)}" is not allowed ${inPlace(parent)} in this form; remove it.`,
  };
}

/** A key that breaks the rule for key names (a record's keys, such as deployment target names). */
function keyNameIssue(error: AjvError, objectPath: JsonPath): SchemaIssue {
  const key = String(error.propertyName);
  const detail = error.keyword === 'propertyNames' ? 'it is not a valid name' : customMessage(error) ?? ruleOf(error);
  return {
    path: [...objectPath, key],
    target: 'key',
    keyword: 'propertyNames',
    message: `Key "${key}" ${inPlace(objectPath)} is invalid: ${detail}.`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Value errors
// ---------------------------------------------------------------------------------------------------------------

function valueMessage(error: AjvError, path: JsonPath): string {
  const where = subjectOf(path);
  const got = `got ${showValue(error.data)}`;
  const custom = customMessage(error);
  switch (error.keyword) {
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]) ?? [];
      return `${where} must be ${choiceList(allowed)}, ${got}.${valueSuggestion(error.data, allowed)}`;
    }
    case 'const':
      return `${where} must be ${JSON.stringify(error.params.allowedValue)}, ${got}.`;
    case 'type':
      return `${where} must be ${typeNames(String(error.params.type))}, got ${describeGot(error.data)}.`;
    case NO_MATCHING_FORM: {
      const scalar = error.data === null || typeof error.data !== 'object';
      const gotScalar = scalar ? `, got ${describeGot(error.data)}` : '';
      return `${where} matches none of the allowed forms: ${(error.params.forms as string[]).join('; ')}${gotScalar}.`;
    }
    case 'oneOf':
      return `${where} matches more than one of the allowed forms; make it match exactly one.`;
    case 'anyOf':
      return `${where} matches none of the allowed forms.`;
    default:
      if (custom) return `${where}${scalarShown(error.data)} is invalid: ${withFullStop(custom)}`;
      return SIZE_KEYWORDS.has(error.keyword)
        ? `${where} ${withSize(error, ruleOf(error))}.`
        : `${where} ${ruleOf(error)}, ${got}.`;
  }
}

/** `"1" (a string)` for scalars, `an object` / `an array` otherwise. */
function describeGot(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? kindOf(value) : `${showValue(value)} (${kindOf(value)})`;
}

const SIZE_KEYWORDS = new Set(['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']);

/** ` "Gw-Demo"` for a scalar value worth quoting in the sentence, nothing for objects and arrays. */
function scalarShown(value: unknown): string {
  return value !== null && typeof value === 'object' ? '' : ` ${showValue(value)}`;
}

/** The rule a value broke, in words (without the CLI's own wording). */
function ruleOf(error: AjvError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'pattern':
      return `must match the pattern ${String(p.pattern)}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${plural(Number(p.limit), 'character')} long`;
    case 'maxLength':
      return `must be at most ${plural(Number(p.limit), 'character')} long`;
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `must be greater than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(p.limit)}`;
    case 'minItems':
      return `must have at least ${plural(Number(p.limit), 'item')}`;
    case 'maxItems':
      return `must have at most ${plural(Number(p.limit), 'item')}`;
    case 'minProperties':
      return `must have at least ${plural(Number(p.limit), 'entry')}`;
    case 'maxProperties':
      return `must have at most ${plural(Number(p.limit), 'entry')}`;
    case 'uniqueItems':
      return `must not repeat items (items ${String(p.j)} and ${String(p.i)} are equal)`;
    case 'format':
      return `must be a valid ${FORMAT_NAMES[String(p.format)] ?? String(p.format)}`;
    case 'multipleOf':
      return `must be a multiple of ${String(p.multipleOf)}`;
    default:
      return error.message ?? `breaks the schema rule "${error.keyword}"`;
  }
}

const FORMAT_NAMES: Record<string, string> = {
  uri: 'URL', url: 'URL', email: 'email address', 'date-time': 'date and time (ISO 8601)', date: 'date (YYYY-MM-DD)',
  uuid: 'UUID', hostname: 'host name', ipv4: 'IPv4 address', ipv6: 'IPv6 address',
};

/** Lengths and item counts read better with the actual size. */
function withSize(error: AjvError, text: string): string {
  const data = error.data;
  if ((error.keyword === 'maxLength' || error.keyword === 'minLength') && typeof data === 'string') {
    return `${text} (it has ${data.length})`;
  }
  if ((error.keyword === 'maxItems' || error.keyword === 'minItems') && Array.isArray(data)) {
    return `${text} (it has ${data.length})`;
  }
  return text;
}

/** The CLI's own wording for this keyword, kept by scripts/sync-schema.mjs as `x-messages`. */
function customMessage(error: AjvError): string | undefined {
  const messages = error.parentSchema?.['x-messages'];
  if (!messages || typeof messages !== 'object') return undefined;
  const message = (messages as Record<string, unknown>)[error.keyword];
  return typeof message === 'string' ? withSize(error, message) : undefined;
}

function valueSuggestion(value: unknown, allowed: unknown[]): string {
  if (typeof value !== 'string') return '';
  const best = didYouMean(value, allowed.filter((a): a is string => typeof a === 'string'));
  return best ? ` Did you mean "${best}"?` : '';
}

/** `string` → `a string`; `object,string` → `an object or a string`; `integer` → `an integer`. */
function typeNames(types: string): string {
  return types
    .split(',')
    .map((t) => withArticle(t))
    .join(' or ');
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** ` (a string)`, ` (an integer, at least 1)`, ` ("CodeZip" or "Container")`, or nothing when unknown. */
function expectedOf(schema: SchemaNode | undefined): string {
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return ` (${choiceList(schema.enum)})`;
  if ('const' in schema) return ` (${JSON.stringify(schema.const)})`;
  if (typeof schema.type !== 'string') return '';
  const minimum = typeof schema.minimum === 'number' && schema.minimum > 0 ? `, at least ${schema.minimum}` : '';
  return ` (${withArticle(schema.type)}${minimum})`;
}
