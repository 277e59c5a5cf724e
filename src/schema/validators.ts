/**
 * Loads the ajv validators that `scripts/build-validators.mjs` precompiles (ajv standalone, CommonJS) into
 * dist/validators/, so start-up never pays for schema compilation. Each is loaded on first use only.
 */
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  | 'lintConfig';

const require = createRequire(import.meta.url);
const validatorsDir = path.join(packageRoot(), 'dist', 'validators');
const loaded = new Map<ValidatorName, CompiledValidator>();

export function loadValidator(name: ValidatorName): CompiledValidator {
  let validator = loaded.get(name);
  if (!validator) {
    const mod = require(path.join(validatorsDir, `${name}.cjs`)) as CompiledValidator | { default: CompiledValidator };
    validator = typeof mod === 'function' ? mod : mod.default;
    loaded.set(name, validator);
  }
  return validator;
}

/** The folder holding our package.json, whether running from dist/ or (in tests) from the TypeScript sources. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'schemas'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('agentcore-lint: cannot find its package root');
    dir = parent;
  }
  return dir;
}
