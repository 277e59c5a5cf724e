/**
 * `.agentcore-lint.json`: per-rule severities, per-path overrides, ignore globs (gitignore syntax), the file
 * size limit and MCP tool snapshots. Files cascade from the repository root down to each project (monorepos): a
 * setting closer to the project wins, ignores add up. Only JSON is ever read: configuration from a scanned
 * repository must not be able to run code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { locatePath, parseJsonDocument, type JsonDocument } from './json/document.js';
import { DEFAULT_MAX_FILE_SIZE, GitInfo, readTextFile } from './project.js';
import { loadValidator } from './schema/validators.js';
import type { Finding, Severity, SeveritySetting, SourceRange } from './types.js';
import { relativeInside } from './util/paths.js';

export const CONFIG_FILE_NAME = '.agentcore-lint.json';

interface PathRules {
  matcher: Ignore;
  severities: Map<string, SeveritySetting>;
}

/** One `.agentcore-lint.json`. */
export interface ConfigLayer {
  file: string;
  /** The folder holding the file: its paths are relative to it. */
  baseDir: string;
  severities: Map<string, SeveritySetting>;
  ignore: Ignore;
  overrides: PathRules[];
  maxFileSize?: number;
  mcpToolSnapshots?: Record<string, string>;
}

export interface LintConfig {
  /** The files that apply, repository root first. */
  layers: ConfigLayer[];
  /** Rule severities of all layers merged, closest last. */
  severities: Map<string, SeveritySetting>;
  maxFileSize: number;
  /** `"<gateway>/<target>"` → absolute path of a saved MCP tools/list response (closest layer wins). */
  mcpToolSnapshots: Map<string, string>;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly range?: SourceRange,
  ) {
    super(message);
  }

  /** `file[:line:col]: message`, the file relative to `cwd` (for a line on stderr). */
  describe(cwd: string): string {
    const where = this.range ? `:${this.range.start.line}:${this.range.start.column}` : '';
    return `${path.relative(cwd, this.file) || this.file}${where}: ${this.message}`;
  }
}

export function defaultConfig(): LintConfig {
  return { layers: [], severities: new Map(), maxFileSize: DEFAULT_MAX_FILE_SIZE, mcpToolSnapshots: new Map() };
}

/** Every `.agentcore-lint.json` from `start` upwards, not above `stopAt` (the repository root) when given; root first. */
export function findConfigFiles(start: string, stopAt?: string): string[] {
  const found: string[] = [];
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) found.push(candidate);
    const parent = path.dirname(dir);
    if (parent === dir || (stopAt && path.resolve(dir) === path.resolve(stopAt))) break;
    dir = parent;
  }
  return found.reverse();
}

/** The nearest `.agentcore-lint.json` (the one whose settings win). */
export function findConfigFile(start: string, stopAt?: string): string | undefined {
  return findConfigFiles(start, stopAt).at(-1);
}

/** The merged configuration for a folder; throws ConfigError (a usage error, exit 2) when a file is invalid. */
/** The settings that apply to a project: every `.agentcore-lint.json` from its git repository's root down to it. */
export function projectLintConfig(root: string, knownRuleIds: ReadonlySet<string>): LintConfig {
  return loadLintConfig(root, new GitInfo(root).repositoryRoot() ?? undefined, knownRuleIds);
}

export function loadLintConfig(start: string, stopAt: string | undefined, knownRuleIds: ReadonlySet<string>): LintConfig {
  const config = defaultConfig();
  for (const file of findConfigFiles(start, stopAt)) {
    const layer = loadConfigFile(file, knownRuleIds);
    config.layers.push(layer);
    for (const [id, setting] of layer.severities) config.severities.set(id, setting);
    if (layer.maxFileSize !== undefined) config.maxFileSize = layer.maxFileSize;
    for (const [key, snapshot] of Object.entries(layer.mcpToolSnapshots ?? {})) {
      config.mcpToolSnapshots.set(key, path.resolve(layer.baseDir, snapshot));
    }
  }
  return config;
}

interface ConfigFileValue {
  rules?: Record<string, SeveritySetting>;
  ignore?: string[];
  overrides?: Array<{ files: string[]; rules: Record<string, SeveritySetting> }>;
  maxFileSize?: number;
  mcpToolSnapshots?: Record<string, string>;
}

/** Loads and validates one config file; throws ConfigError when it is invalid. */
export function loadConfigFile(file: string, knownRuleIds: ReadonlySet<string>): ConfigLayer {
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
  const value = doc.value as ConfigFileValue;
  return {
    file,
    baseDir: path.dirname(file),
    severities: ruleSeverities(doc, value.rules ?? {}, ['rules'], knownRuleIds),
    ignore: ignore().add(value.ignore ?? []),
    overrides: (value.overrides ?? []).map((o, i) => ({
      matcher: ignore().add(o.files),
      severities: ruleSeverities(doc, o.rules, ['overrides', i, 'rules'], knownRuleIds),
    })),
    maxFileSize: value.maxFileSize,
    mcpToolSnapshots: value.mcpToolSnapshots,
  };
}

function ruleSeverities(
  doc: JsonDocument,
  rules: Record<string, SeveritySetting>,
  at: Array<string | number>,
  knownRuleIds: ReadonlySet<string>,
): Map<string, SeveritySetting> {
  const severities = new Map<string, SeveritySetting>();
  for (const [id, setting] of Object.entries(rules)) {
    if (!knownRuleIds.has(id)) {
      throw new ConfigError(
        `unknown rule "${id}" in ${CONFIG_FILE_NAME} (agentcore-lint --list-rules shows them all)`,
        doc.file,
        locatePath(doc, [...at, id], 'key'),
      );
    }
    severities.set(id, setting);
  }
  return severities;
}

/** True when the ignore globs of any layer exclude this file. */
export function isIgnored(config: LintConfig, file: string): boolean {
  return config.layers.some((layer) => {
    const rel = relativeInside(layer.baseDir, file);
    return rel !== undefined && layer.ignore.ignores(rel);
  });
}

/**
 * Applies per-path `overrides` (root layer first, later entries win) to findings: a finding takes the severity
 * its file's last matching override gives its rule, or is dropped for "off".
 */
export function applyOverrides(config: LintConfig, findings: Finding[]): Finding[] {
  if (!config.layers.some((l) => l.overrides.length > 0)) return findings;
  const out: Finding[] = [];
  for (const finding of findings) {
    let setting: SeveritySetting | undefined;
    for (const layer of config.layers) {
      const rel = relativeInside(layer.baseDir, finding.file);
      if (rel === undefined) continue;
      for (const override of layer.overrides) {
        if (override.matcher.ignores(rel) && override.severities.has(finding.ruleId)) setting = override.severities.get(finding.ruleId);
      }
    }
    if (setting === undefined) out.push(finding);
    else if (setting !== 'off') out.push({ ...finding, severity: (setting === 'warn' ? 'warning' : setting) as Severity });
  }
  return out;
}
