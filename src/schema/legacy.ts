/**
 * Pre-release AgentCore CLI project files: `agents` (a list) or `resources` (maps of runtimes and credentials)
 * at the top level instead of the current `runtimes`, `credentials`, … arrays. The CLI (0.30.0) rejects them.
 * Linting them against the current schema gives a wall of errors that all say "this is the old format", so
 * rules skip such a file and `legacy-project-file` says it once, with what to migrate.
 */
import { asArray, asObject, hasOwn, isObject } from '../util/json-value.js';

/** The top-level keys that mark a legacy file. */
export const LEGACY_TOP_LEVEL_KEYS = ['agents', 'resources'] as const;
export type LegacyKey = (typeof LEGACY_TOP_LEVEL_KEYS)[number];

/**
 * Whether agentcore.json's value is a legacy (pre-CLI) project file: it has `agents` or `resources` at the top
 * level and no current `runtimes`. (With `runtimes` present, a stray `agents` is just an unknown key.)
 */
export function isLegacyProjectFile(value: unknown): boolean {
  return legacyKeyOf(value) !== undefined;
}

/** The legacy key the file is built on, or undefined for a current file. */
export function legacyKeyOf(value: unknown): LegacyKey | undefined {
  if (!isObject(value) || hasOwn(value, 'runtimes')) return undefined;
  return LEGACY_TOP_LEVEL_KEYS.find((key) => hasOwn(value, key));
}

/** Plain-words migration steps for this particular file, most important first. */
export function legacyMigrationSteps(value: unknown): string[] {
  const spec = asObject(value) ?? {};
  const steps: string[] = [];
  if (hasOwn(spec, 'agents')) {
    steps.push('rename `agents` to `runtimes` (keep `name`, `build`, `entrypoint`, `codeLocation`, `runtimeVersion`, `networkMode`, `protocol`)');
  }
  if (hasOwn(spec, 'resources')) steps.push(...resourcesSteps(asObject(spec.resources) ?? {}));
  steps.push(...runtimeEntrySteps(legacyRuntimeEntries(spec)));
  if (hasOwn(spec, 'resources')) steps.push('remove `resources`');
  if (spec.version !== 1) steps.push('set `"version": 1` (the number, not a string)');
  steps.push(...nameSteps(spec));
  if (asArray(spec.memories).some((m) => asArray(asObject(m)?.strategies).some((s) => typeof s === 'string'))) {
    steps.push('write each `memories[].strategies` entry as an object such as `{ "type": "SEMANTIC" }` and give each memory an `eventExpiryDuration` (days, 3–365)');
  }
  return steps;
}

/** The runtime definitions of a legacy file: `agents[]` entries and `resources.runtimes` values. */
function legacyRuntimeEntries(spec: Record<string, unknown>): Array<Record<string, unknown>> {
  const fromResources = Object.values(asObject(asObject(spec.resources)?.runtimes) ?? {});
  return [...asArray(spec.agents), ...fromResources].filter(isObject);
}

/** Per-agent fields that no longer exist: the CLI generates the code; the config only says how to build and run it. */
const DROPPED_RUNTIME_FIELDS = ['type', 'language', 'framework', 'modelProvider', 'memory', 'credentials'];

function runtimeEntrySteps(entries: Array<Record<string, unknown>>): string[] {
  const steps: string[] = [];
  const dropped = DROPPED_RUNTIME_FIELDS.filter((field) => entries.some((entry) => hasOwn(entry, field)));
  if (dropped.length > 0) {
    steps.push(`remove ${dropped.map((f) => `\`${f}\``).join(', ')} from each runtime (no longer runtime settings)`);
  }
  if (entries.some((entry) => hasOwn(asObject(entry.instrumentation) ?? {}, 'enabled'))) {
    steps.push('rename `instrumentation.enabled` to `instrumentation.enableOtel`');
  }
  return steps;
}

function resourcesSteps(resources: Record<string, unknown>): string[] {
  const steps: string[] = [];
  if (hasOwn(resources, 'runtimes')) {
    steps.push('move `resources.runtimes` to a top-level `runtimes` array, one object per runtime with its key as `"name"` and a `codeLocation` (e.g. `app/<Name>/`)');
  }
  if (hasOwn(resources, 'credentials')) {
    steps.push('move `resources.credentials` to a top-level `credentials` array of `{ "authorizerType": "ApiKeyCredentialProvider", "name": … }` (the secret values go in `agentcore/.env.local`)');
  }
  const others = Object.keys(resources).filter((k) => k !== 'runtimes' && k !== 'credentials');
  if (others.length > 0) steps.push(`move ${others.map((k) => `\`resources.${k}\``).join(', ')} to the matching top-level arrays`);
  return steps;
}

/** Current name rules that legacy names often break (the CLI checks them once the file is migrated). */
const PROJECT_NAME = /^[A-Za-z][A-Za-z0-9]{0,22}$/;
const RESOURCE_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/;

function nameSteps(spec: Record<string, unknown>): string[] {
  const steps: string[] = [];
  const projectName = spec.name;
  if (typeof projectName === 'string' && !PROJECT_NAME.test(projectName)) {
    steps.push(`rename the project: \`name\` "${projectName}" must start with a letter and hold only letters and digits (max 23)`);
  }
  const runtimeNames = legacyRuntimeNames(spec);
  const memoryNames = asArray(spec.memories).map((m) => asObject(m)?.name);
  const badNames = [...runtimeNames, ...memoryNames].filter((n): n is string => typeof n === 'string' && !RESOURCE_NAME.test(n));
  if (badNames.length > 0) {
    steps.push(`rename ${badNames.map((n) => `"${n}"`).join(', ')}: runtime and memory names start with a letter and hold only letters, digits and underscores (max 48)`);
  }
  return steps;
}

function legacyRuntimeNames(spec: Record<string, unknown>): unknown[] {
  const fromAgents = asArray(spec.agents).map((a) => asObject(a)?.name);
  return [...fromAgents, ...Object.keys(asObject(asObject(spec.resources)?.runtimes) ?? {})];
}
