/**
 * Loads the ajv validators that `scripts/build-validators.mjs` precompiles (ajv standalone, CommonJS) into
 * dist/validators/, so start-up never pays for schema compilation. Each is loaded on first use only.
 */
import * as path from 'node:path';
import { requireWithCodeCache } from '../util/compile-cache.js';
import { packageRoot } from '../util/package-root.js';

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** The validators are built with ajv's `verbose`: the failing keyword's value, its schema node and the data. */
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
  data?: unknown;
  /** Set on errors raised while checking an object's key names (`propertyNames`): the offending key. */
  propertyName?: string;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
  /** The schema it was compiled from (exported by scripts/build-validators.mjs), to resolve `$ref`s in messages. */
  rootSchema?: Record<string, unknown>;
}

/** The precompiled validators, by name; the file is dist/validators/<name>.cjs. */
export type ValidatorName =
  | 'agentcore'
  | 'agentcoreStrict'
  | 'awsTargets'
  | 'awsTargetsStrict'
  | 'deployedState'
  | 'deployedStateStrict'
  | 'harness'
  | 'harnessStrict'
  | 'lintConfig';

const validatorsDir = path.join(packageRoot(), 'dist', 'validators');
const loaded = new Map<ValidatorName, CompiledValidator>();

export function loadValidator(name: ValidatorName): CompiledValidator {
  let validator = loaded.get(name);
  if (!validator) {
    // 0.3-0.8 MB of generated code each: worth a V8 code cache, of all of it (which parts a run calls depends on
    // the file it validates).
    const mod = requireWithCodeCache(path.join(validatorsDir, `${name}.cjs`), import.meta.url, { eager: true }) as CompiledValidator | { default: CompiledValidator };
    validator = typeof mod === 'function' ? mod : mod.default;
    loaded.set(name, validator);
  }
  return validator;
}
