/**
 * Collapses failed anyOf/oneOf unions into the errors of the one branch the author most likely meant.
 *
 * With `allErrors`, ajv reports every branch's errors followed by "must match a schema in anyOf". zod emits a
 * union for discriminated unions (credentials by `authorizerType`, connections by `type`, …) and for plain
 * alternatives (`runtimeVersion` is a Python or a Node version). Nobody wants to read all branches, so:
 *  1. a discriminator (a property that is a `const` in the branches) picks the branch, or, when its value fits
 *     no branch, becomes one "must be one of" error on that property;
 *  2. alternatives that are all plain values merge into one "must be one of" (or "must be a …") error;
 *  3. otherwise the branch the value got furthest into wins (fewest errors near the union's own node); when
 *     several tie, one error lists the allowed forms.
 *
 * Branch membership comes from the schemaPath: scripts/build-validators.mjs inlines `$ref`s inside union
 * branches, so each branch error's schemaPath starts with `<union schemaPath>/<branch index>/`.
 */
import type { AjvError } from './validators.js';
import { isAtOrBelow, pointerDepth } from './error-paths.js';
import { andList, choiceList, withArticle } from './wording.js';
import { isPlainObject, requiredKeys, unwrap, type SchemaNode } from './schema-nodes.js';

/** The keyword of the made-up error for a union none of whose branches is clearly closer than the others. */
export const NO_MATCHING_FORM = 'x-no-matching-form';

export function collapseUnions(errors: readonly AjvError[]): AjvError[] {
  const unions = errors.filter(isUnionError);
  const outermost = unions.filter((u) => !unions.some((other) => branchIndexOf(u, other) !== undefined));
  const claimed = new Set<AjvError>();
  const replacements = new Map<AjvError, AjvError[]>();
  for (const union of outermost) {
    const members = errors.filter((e) => branchIndexOf(e, union) !== undefined);
    members.forEach((m) => claimed.add(m));
    replacements.set(union, resolveUnion(union, members));
  }
  const out: AjvError[] = [];
  for (const error of errors) {
    const replacement = replacements.get(error);
    if (replacement) out.push(...replacement);
    else if (!claimed.has(error)) out.push(error);
  }
  return out;
}

function isUnionError(error: AjvError): boolean {
  return error.keyword === 'anyOf' || error.keyword === 'oneOf';
}

/** The branch of `union` that `error` was raised in, or undefined when it is not part of that union. */
function branchIndexOf(error: AjvError, union: AjvError): number | undefined {
  if (error === union || !isAtOrBelow(error.instancePath, union.instancePath)) return undefined;
  const prefix = `${union.schemaPath}/`;
  if (!error.schemaPath.startsWith(prefix)) return undefined;
  const index = Number(error.schemaPath.slice(prefix.length).split('/')[0]);
  return Number.isInteger(index) ? index : undefined;
}

function resolveUnion(union: AjvError, members: AjvError[]): AjvError[] {
  // oneOf can also fail because several branches matched; there is no branch to blame then.
  if (union.keyword === 'oneOf' && Array.isArray(union.params.passingSchemas)) return [union];
  const schemas = branchSchemas(union);
  const branches: AjvError[][] = schemas.map(() => []);
  for (const member of members) branches[branchIndexOf(member, union)!]?.push(member);
  const choice = chooseBranch(union, schemas, branches);
  return typeof choice === 'number' ? collapseUnions(branches[choice]) : [choice];
}

function branchSchemas(union: AjvError): SchemaNode[] {
  return Array.isArray(union.schema) ? (union.schema as SchemaNode[]) : [];
}

/** A branch index, or one made-up error that stands for the whole union. */
function chooseBranch(union: AjvError, schemas: SchemaNode[], branches: AjvError[][]): number | AjvError {
  const discriminated = discriminate(schemas, union.data);
  if (discriminated.kind === 'wrong-value') return wrongDiscriminator(union, discriminated.key, discriminated.allowed);
  if (discriminated.kind === 'missing') return missingDiscriminator(union, discriminated.key, discriminated.allowed);
  const candidates = discriminated.kind === 'match' ? discriminated.branches : schemas.map((_, i) => i);
  if (candidates.length === 1) return candidates[0];
  return mergedScalarAlternatives(union, branches) ?? closestBranch(union, schemas, branches, candidates);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Discriminators
// ---------------------------------------------------------------------------------------------------------------

type Discrimination =
  | { kind: 'none' }
  | { kind: 'match'; branches: number[] }
  | { kind: 'wrong-value'; key: string; allowed: unknown[] }
  | { kind: 'missing'; key: string; allowed: unknown[] };

function discriminate(schemas: SchemaNode[], data: unknown): Discrimination {
  if (!isPlainObject(data)) return { kind: 'none' };
  const consts = schemas.map(constProperties);
  const matching = consts.flatMap((c, i) => (constsMatch(c, data) ? [i] : []));
  if (matching.length > 0) return { kind: 'match', branches: matching };
  const key = discriminatorKey(consts);
  if (key === undefined) return { kind: 'none' };
  const allowed = [...new Set(consts.filter((c) => c.has(key)).map((c) => c.get(key)))];
  if (Object.prototype.hasOwnProperty.call(data, key)) return { kind: 'wrong-value', key, allowed };
  const requiredEverywhere = schemas.every((s) => requiredKeys(s).includes(key));
  return requiredEverywhere ? { kind: 'missing', key, allowed } : { kind: 'none' };
}

/** A branch matches when the data has at least one of its const properties and all it has agree. */
function constsMatch(consts: Map<string, unknown>, data: Record<string, unknown>): boolean {
  let seen = 0;
  for (const [key, value] of consts) {
    if (!Object.prototype.hasOwnProperty.call(data, key)) continue;
    if (!sameJson(data[key], value)) return false;
    seen++;
  }
  return seen > 0;
}

/** A property that is a const in every branch that has consts, and in at least two of them. */
function discriminatorKey(consts: Array<Map<string, unknown>>): string | undefined {
  const withConsts = consts.filter((c) => c.size > 0);
  if (withConsts.length < 2) return undefined;
  return [...withConsts[0].keys()].find((key) => withConsts.every((c) => c.has(key)));
}

/** Properties whose schema allows exactly one value (`const`, or an `enum` of one). */
function constProperties(branch: SchemaNode): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const properties = unwrap(branch).properties;
  if (!isPlainObject(properties)) return out;
  for (const [key, raw] of Object.entries(properties)) {
    const schema = unwrap(raw);
    if ('const' in schema) out.set(key, schema.const);
    else if (Array.isArray(schema.enum) && schema.enum.length === 1) out.set(key, schema.enum[0]);
  }
  return out;
}

function wrongDiscriminator(union: AjvError, key: string, allowed: unknown[]): AjvError {
  const data = union.data as Record<string, unknown>;
  return {
    instancePath: `${union.instancePath}/${escapePointer(key)}`,
    schemaPath: union.schemaPath,
    keyword: 'enum',
    params: { allowedValues: allowed },
    data: data[key],
  };
}

function missingDiscriminator(union: AjvError, key: string, allowed: unknown[]): AjvError {
  return {
    instancePath: union.instancePath,
    schemaPath: union.schemaPath,
    keyword: 'required',
    params: { missingProperty: key, allowedValues: allowed },
    data: union.data,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Alternatives that are plain values
// ---------------------------------------------------------------------------------------------------------------

const VALUE_KEYWORDS = new Set(['type', 'enum', 'const']);

/**
 * When every branch failed only on its type or allowed values at the union's own node (e.g. `runtimeVersion`
 * is neither a Python nor a Node version), one error with all allowed values (or types) says it best.
 */
function mergedScalarAlternatives(union: AjvError, branches: AjvError[][]): AjvError | undefined {
  const all = branches.flat();
  const onlyValueErrors = branches.every((b) => b.length > 0) &&
    all.every((e) => e.instancePath === union.instancePath && VALUE_KEYWORDS.has(e.keyword));
  if (!onlyValueErrors) return undefined;
  const allowed = all.flatMap((e) => {
    if (e.keyword === 'enum') return (e.params.allowedValues as unknown[]) ?? [];
    if (e.keyword === 'const') return [e.params.allowedValue];
    return [];
  });
  const base = { instancePath: union.instancePath, schemaPath: union.schemaPath, data: union.data };
  if (allowed.length > 0) {
    return { ...base, keyword: 'enum', params: { allowedValues: uniqueJson(allowed) } };
  }
  const types = [...new Set(all.flatMap((e) => String(e.params.type).split(',')))];
  if (types.length === 1 && types[0] === 'object') {
    // Alternative object shapes (`schemaSource` is `{ inline }` or `{ s3 }`): show the shapes, not just "an object".
    return { ...base, keyword: NO_MATCHING_FORM, params: { forms: branchSchemas(union).map(describeForm) } };
  }
  return { ...base, keyword: 'type', params: { type: types.join(',') } };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. The branch the value got furthest into
// ---------------------------------------------------------------------------------------------------------------

const SHAPE_KEYWORDS = new Set(['type', 'required', 'additionalProperties', 'not', 'false schema', 'const', 'enum']);

interface BranchScore {
  index: number;
  /** The value is not even of the branch's type. */
  wrongType: number;
  /** Errors about the shape of the union's node or its direct children: wrong form rather than a typo inside. */
  shape: number;
  total: number;
}

function closestBranch(union: AjvError, schemas: SchemaNode[], branches: AjvError[][], candidates: number[]): number | AjvError {
  const depth = pointerDepth(union.instancePath);
  const scores = candidates.map((index) => scoreBranch(index, branches[index], union.instancePath, depth));
  scores.sort((a, b) => a.wrongType - b.wrongType || a.shape - b.shape || a.total - b.total || a.index - b.index);
  const [best] = scores;
  const tied = scores.filter((s) => s.wrongType === best.wrongType && s.shape === best.shape);
  if (best.shape > 0 && tied.length > 1) {
    return {
      instancePath: union.instancePath,
      schemaPath: union.schemaPath,
      keyword: NO_MATCHING_FORM,
      params: { forms: tied.sort((a, b) => a.index - b.index).map((s) => describeForm(schemas[s.index])) },
      data: union.data,
    };
  }
  return best.index;
}

function scoreBranch(index: number, errors: AjvError[], unionPath: string, unionDepth: number): BranchScore {
  const near = errors.filter((e) => SHAPE_KEYWORDS.has(e.keyword) && pointerDepth(e.instancePath) <= unionDepth + 1);
  return {
    index,
    wrongType: errors.some((e) => e.keyword === 'type' && e.instancePath === unionPath) ? 1 : 0,
    shape: near.length,
    total: errors.length,
  };
}

/** A short description of one branch, for "matches none of the allowed forms: …". */
export function describeForm(branch: SchemaNode): string {
  const schema = unwrap(branch);
  const consts = constProperties(schema);
  if (consts.size > 0) {
    return `an object with ${[...consts].map(([k, v]) => `"${k}": ${JSON.stringify(v)}`).join(', ')}`;
  }
  const required = requiredKeys(schema);
  if (required.length > 0) return `an object with ${andList(required)}`;
  if (Array.isArray(schema.enum)) return choiceList(schema.enum);
  if ('const' in schema) return JSON.stringify(schema.const);
  if (typeof schema.type === 'string') return withArticle(schema.type);
  return 'another form';
}

// ---------------------------------------------------------------------------------------------------------------
// Schema and JSON helpers
// ---------------------------------------------------------------------------------------------------------------

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function uniqueJson(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
