/**
 * `.agentcore-lint.json`: per-rule severities, ignore globs (gitignore syntax) and the file size limit.
 * Only JSON is ever read: configuration from a scanned repository must not be able to run code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { locatePath, parseJsonDocument } from './json/document.js';
import { DEFAULT_MAX_FILE_SIZE, readTextFile } from './project.js';
import { loadValidator } from './schema/validators.js';
import type { SeveritySetting, SourceRange } from './types.js';

export const CONFIG_FILE_NAME = '.agentcore-lint.json';

export interface LintConfig {
  /** The file it came from, if any. */
  file?: string;
  severities: Map<string, SeveritySetting>;
  /** Matches paths relative to `baseDir`. */
  ignore: Ignore;
  ignorePatterns: string[];
  baseDir: string;
  maxFileSize: number;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly range?: SourceRange,
  ) {
    super(message);
  }
}

export function defaultConfig(baseDir: string): LintConfig {
  return { severities: new Map(), ignore: ignore(), ignorePatterns: [], baseDir, maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

/** The nearest `.agentcore-lint.json` from `start` upwards, not above `stopAt` (the repository root) when given. */
export function findConfigFile(start: string, stopAt?: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir || (stopAt && path.resolve(dir) === path.resolve(stopAt))) return undefined;
    dir = parent;
  }
}

/** Loads and validates a config file; throws ConfigError (a usage error, exit 2) when it is invalid. */
export function loadConfigFile(file: string, knownRuleIds: ReadonlySet<string>): LintConfig {
  const read = readTextFile(file, DEFAULT_MAX_FILE_SIZE);
  if (!read.ok) throw new ConfigError(`cannot read ${CONFIG_FILE_NAME}: ${read.detail}`, file);
  const doc = parseJsonDocument(file, read.text);
  const syntax = doc.problems.find((p) => p.kind !== 'duplicate-key');
  if (syntax || doc.value === undefined) {
    throw new ConfigError(syntax?.message ?? 'invalid JSON', file, syntax?.range);
  }
  const validate = loadValidator('lintConfig');
  if (!validate(doc.value)) {
    const error = validate.errors![0];
    const at = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const where = extra ? [...at, extra] : at;
    const what = extra ? `unknown setting "${extra}"` : `${at.join('.') || 'root'} ${error.message}`;
    throw new ConfigError(`invalid ${CONFIG_FILE_NAME}: ${what}`, file, locatePath(doc, where, extra ? 'key' : 'value'));
  }
  const value = doc.value as { rules?: Record<string, SeveritySetting>; ignore?: string[]; maxFileSize?: number };
  const severities = new Map<string, SeveritySetting>();
  for (const [id, setting] of Object.entries(value.rules ?? {})) {
    if (!knownRuleIds.has(id)) {
      throw new ConfigError(`unknown rule "${id}" in ${CONFIG_FILE_NAME} (agentcore-lint --list-rules shows them all)`, file, locatePath(doc, ['rules', id], 'key'));
    }
    severities.set(id, setting);
  }
  const patterns = value.ignore ?? [];
  return {
    file,
    severities,
    ignore: ignore().add(patterns),
    ignorePatterns: patterns,
    baseDir: path.dirname(file),
    maxFileSize: value.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  };
}

/** True when the config's ignore globs exclude this file. */
export function isIgnored(config: LintConfig, file: string): boolean {
  const rel = path.relative(config.baseDir, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return config.ignore.ignores(rel.split(path.sep).join('/'));
}
