#!/usr/bin/env node
/**
 * Precompiles the committed JSON Schemas into ajv standalone validators (CommonJS) in dist/validators/, so the
 * linter never compiles a schema at start-up (compiling the AgentCore schema costs about a second).
 *
 * Runs offline as the first step of `npm run build`. A validator is rebuilt only when it is older than its
 * schema file or this script.
 *
 * For each AgentCore schema two validators are emitted:
 *  - `<name>.cjs`: the official semantics (what `agentcore validate` accepts);
 *  - `<name>Strict.cjs`: the same schema with every zod "strip" object (has `properties`, no
 *    `additionalProperties`) closed with `additionalProperties: false`. The CLI silently drops unknown keys
 *    in such objects; this variant exists only to find them (rule `unknown-key`).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { _ } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';

const standaloneCode = standaloneCodeModule.default ?? standaloneCodeModule;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemasDir = path.join(root, 'schemas');
const outDir = path.join(root, 'dist', 'validators');
const thisScript = fileURLToPath(import.meta.url);
/** The formats' implementations, copied next to the validators that require them. */
const formatsSource = path.join(root, 'src', 'schema', 'formats.cjs');
const formatsOutput = path.join(outDir, 'formats.cjs');

/** Output name → schema file and whether to derive the strict variant. Names match src/schema/validators.ts. */
const VALIDATORS = [
  { name: 'agentcore', schema: 'agentcore.v1.schema.json' },
  { name: 'agentcoreStrict', schema: 'agentcore.v1.schema.json', strict: true },
  { name: 'awsTargets', schema: 'aws-targets.v1.schema.json' },
  { name: 'awsTargetsStrict', schema: 'aws-targets.v1.schema.json', strict: true },
  { name: 'deployedState', schema: 'deployed-state.v1.schema.json' },
  { name: 'deployedStateStrict', schema: 'deployed-state.v1.schema.json', strict: true },
  { name: 'harness', schema: 'harness.v1.schema.json' },
  { name: 'harnessStrict', schema: 'harness.v1.schema.json', strict: true },
  { name: 'lintConfig', schema: 'agentcore-lint-config.schema.json' },
];

function main() {
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(formatsSource, formatsOutput);
  let built = 0;
  for (const spec of VALIDATORS) {
    const input = path.join(schemasDir, spec.schema);
    const output = path.join(outDir, `${spec.name}.cjs`);
    if (isUpToDate(output, [input, thisScript, formatsSource])) continue;
    const schema = inlineUnionBranchRefs(JSON.parse(fs.readFileSync(input, 'utf8')));
    const compiled = spec.strict ? closeStripObjects(schema) : schema;
    fs.writeFileSync(output, exportRootSchema(compileStandalone(compiled)));
    checkRootSchemaExport(output, compiled);
    built++;
  }
  console.log(`build-validators: ${built} rebuilt, ${VALIDATORS.length - built} up to date (dist/validators/)`);
}

function isUpToDate(output, inputs) {
  if (!fs.existsSync(output)) return false;
  const builtAt = fs.statSync(output).mtimeMs;
  return inputs.every((input) => fs.statSync(input).mtimeMs <= builtAt);
}

function compileStandalone(schema) {
  const ajv = new Ajv({
    strict: true,
    allErrors: true,
    // verbose: errors carry their schema and parentSchema, which the humanizer reads for enum values,
    // allowed property names (did-you-mean) and anyOf/oneOf branch selection.
    verbose: true,
    // Lengths as zod counts them: UTF-16 code units (`string.length`: an emoji is 2), where ajv counts code points by
    // default. Patterns keep ajv's `u` flag: the tag patterns use `\p{L}`, which zod compiles with it.
    unicode: false,
    // Standalone code requires the format functions from the file next to it instead of inlining them.
    code: { source: true, esm: false, formats: _`require("./formats.cjs")` },
    logger: { log() {}, warn: failOnWarningButUnicodeDeprecation, error: failOnStrictWarning },
  });
  const formats = createRequire(import.meta.url)(formatsSource);
  for (const [name, validate] of Object.entries(formats)) ajv.addFormat(name, validate);
  // Annotation added by scripts/sync-schema.mjs: the CLI's own message per keyword. Not a validation keyword.
  ajv.addKeyword({ keyword: 'x-messages', schemaType: 'object' });
  // A zod artefact on `s3.uri`; the same node has `pattern: "^s3://.*"`, so accepting any string loses nothing.
  ajv.addFormat('starts_with', true);
  return standaloneCode(ajv, ajv.compile(schema));
}

/**
 * Also exports the root schema the code already holds (as `rootSchema`), so messages can look up `$ref`ed
 * property schemas. ajv declares it first, right after the exports.
 */
function exportRootSchema(code) {
  const match = /^"use strict";module\.exports = (validate\d+);module\.exports\.default = \1;const (schema\d+) = /.exec(code);
  if (!match) throw new Error('build-validators: unexpected ajv standalone output; cannot export the root schema');
  return `${code}\nmodule.exports.rootSchema = ${match[2]};\n`;
}

function checkRootSchemaExport(output, schema) {
  const require = createRequire(import.meta.url);
  const exported = require(output).rootSchema;
  if (JSON.stringify(exported) !== JSON.stringify(schema)) {
    throw new Error(`build-validators: ${path.basename(output)} exports the wrong root schema`);
  }
}

/** ajv calls `unicode: false` deprecated, but it is still what makes minLength/maxLength count as zod does. */
function failOnWarningButUnicodeDeprecation(...args) {
  if (!/^DEPRECATED: option unicode\b/.test(String(args[0]))) failOnStrictWarning(...args);
}

function failOnStrictWarning(...args) {
  throw new Error(`build-validators: ajv strict mode complained: ${args.join(' ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Walking schemas
// ---------------------------------------------------------------------------------------------------------------

/** Keywords whose value is one subschema (or, for `items`, possibly a list). */
const SUBSCHEMA_KEYWORDS = ['additionalProperties', 'additionalItems', 'items', 'not', 'propertyNames', 'contains', 'if', 'then', 'else'];
/** Keywords whose value maps names to subschemas. */
const SUBSCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions', 'dependencies'];
/** Keywords whose value is a list of subschemas. */
const SUBSCHEMA_LIST_KEYWORDS = ['anyOf', 'oneOf', 'allOf'];

/**
 * Calls `fn(subschema, keyword)` for each direct subschema of a schema node. It follows schema keywords only, so
 * a property that happens to be called "properties" (tool input schemas have one) is never taken for a keyword.
 */
function forEachSubschema(node, fn) {
  const call = (value, keyword) => isPlainObject(value) && fn(value, keyword);
  for (const keyword of SUBSCHEMA_KEYWORDS) {
    const value = node[keyword];
    if (Array.isArray(value)) value.forEach((v) => call(v, keyword));
    else call(value, keyword);
  }
  for (const keyword of SUBSCHEMA_MAP_KEYWORDS) {
    if (isPlainObject(node[keyword])) Object.values(node[keyword]).forEach((v) => call(v, keyword));
  }
  for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
    if (Array.isArray(node[keyword])) node[keyword].forEach((v) => call(v, keyword));
  }
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Union branches without $ref
// ---------------------------------------------------------------------------------------------------------------

/**
 * ajv reports an error inside a `$ref` with a schemaPath relative to the referenced definition, which hides the
 * anyOf/oneOf branch it came from. Copying definitions into union branches (only there, to keep the code small)
 * makes every branch error's schemaPath start with `<union>/<branch index>/`, which is how src/schema/ collapses
 * a failed union into the one branch the author meant. Recursive references stay references.
 */
function inlineUnionBranchRefs(schema) {
  const copy = structuredClone(schema);
  const definitions = copy.definitions ?? {};
  const inline = (node, expanding) => {
    if (Array.isArray(node)) return node.map((n) => inline(n, expanding));
    if (!isPlainObject(node)) return node;
    const name = typeof node.$ref === 'string' ? node.$ref.match(/^#\/definitions\/([^/]+)$/)?.[1] : undefined;
    if (name !== undefined && definitions[name] && !expanding.has(name)) {
      const { $ref, ...siblings } = node;
      const body = inline(structuredClone(definitions[name]), new Set([...expanding, name]));
      return Object.keys(siblings).length ? { ...siblings, allOf: [body] } : body;
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value, expanding)]));
  };
  // A union's branches are inlined whole, nested unions included, so the walk does not descend into them again.
  const visit = (node) => {
    for (const keyword of ['anyOf', 'oneOf']) {
      if (Array.isArray(node[keyword])) node[keyword] = node[keyword].map((branch) => inline(branch, new Set()));
    }
    forEachSubschema(node, (child, keyword) => keyword !== 'anyOf' && keyword !== 'oneOf' && visit(child));
  };
  visit(copy);
  return copy;
}

// ---------------------------------------------------------------------------------------------------------------
// The strict variant
// ---------------------------------------------------------------------------------------------------------------

/** A deep copy with `additionalProperties: false` on every strip object (`properties` without `additionalProperties`). */
function closeStripObjects(schema) {
  const copy = structuredClone(schema);
  const visit = (node, insideIntersection) => {
    // Each part of a real intersection (allOf with several parts) sees only some of the keys; closing it would
    // reject the other parts' keys. zod emits allOf only as a one-element `$ref` wrapper today.
    if (!insideIntersection && isPlainObject(node.properties) && !('additionalProperties' in node)) {
      node.additionalProperties = false;
    }
    const intersection = Array.isArray(node.allOf) && node.allOf.length > 1;
    forEachSubschema(node, (child, keyword) => visit(child, keyword === 'allOf' && intersection));
  };
  visit(copy, false);
  return copy;
}

main();
