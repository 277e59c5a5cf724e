/**
 * The bridge between ESLint and agentcore-lint's own rules: for one linted file it finds the project (walking
 * up from the file like the CLI), loads and caches it, computes the file's role exactly as the CLI does, and
 * extracts the file's source facts with the same TS/JS adapter. The ESLint rules (rules.ts) then call the very
 * same `files.check` the CLI runs; nothing here re-implements a check.
 *
 * Caches (process lifetime, which for an editor is the ESLint server's lifetime):
 * - projects per root, reloaded when agentcore/agentcore.json's mtime or size changes (or the nearest
 *   .agentcore-lint.json changes);
 * - the git repository root per folder (one `git rev-parse` per folder);
 * - the facts of the last linted file text, so the five source rules share one parse per file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyOverrides, defaultConfig, findConfigFiles, isIgnored, loadLintConfig, type LintConfig } from '../../dist/src/config.js';
import { normalizeSeverity } from '../../dist/src/engine.js';
import { CONFIG_RELATIVE, findProjectRoot, GitInfo, loadProject, type AgentCoreProject, type ProjectLoad } from '../../dist/src/project.js';
import type { FileRole, ProjectRule } from '../../dist/src/rule.js';
import { extractFacts, prepareAdapters } from '../../dist/src/source/adapters.js';
import { findLegacyToolkitRoots, looseFileRole, projectRoots } from '../../dist/src/source/discover.js';
import type { SourceFacts } from '../../dist/src/source/facts.js';
import type { Finding, SourceRange } from '../../dist/src/types.js';
import { classifyFile, type SourceRoot } from '../../dist/src/source/roles.js';
import { parseDirectives, type SuppressionDirective } from '../../dist/src/suppressions.js';
import { projectRules } from '../../dist/rules/index.js';
import { posixRelative } from '../../dist/src/util/paths.js';

// Extraction is synchronous (ESLint rules are), but the adapters are loaded asynchronously once, when the plugin
// is imported: the TypeScript compiler for TS/JS files and tree-sitter for the Python runtime files that the
// project rules of `agentcore/config` read (gateway-url-unread). ESLint imports plugins with `import()`, so the
// module's top-level await is fine.
await prepareAdapters(['adapter.ts']);
try {
  await prepareAdapters(['adapter.py']);
} catch {
  // Without tree-sitter, project checks that need Python facts stay silent (they do not guess).
}

export const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(projectRules.map((r) => r.meta.id));

// ---------------------------------------------------------------------------------------------------------------
// Git roots and .agentcore-lint.json

const repoRoots = new Map<string, string | undefined>();

function repositoryRoot(dir: string): string | undefined {
  if (!repoRoots.has(dir)) repoRoots.set(dir, new GitInfo(dir).repositoryRoot() ?? undefined);
  return repoRoots.get(dir);
}

const lintConfigs = new Map<string, { key: string; config: LintConfig }>();

/**
 * The `.agentcore-lint.json` files that apply to a folder, merged as the CLI merges them (`loadLintConfig`, from the
 * repository root down), cached until one of them changes, appears or disappears. An invalid file, which makes the
 * CLI stop with a usage error, is treated as absent here: an editor integration must not crash ESLint.
 */
export function lintConfigFor(start: string): LintConfig {
  const stopAt = repositoryRoot(start);
  const key = findConfigFiles(start, stopAt).map((file) => `${file}@${stampOf(file) ?? '-'}`).join('|');
  const cached = lintConfigs.get(start);
  if (cached && cached.key === key) return cached.config;
  let config: LintConfig;
  try {
    config = loadLintConfig(start, stopAt, KNOWN_RULE_IDS);
  } catch {
    config = defaultConfig();
  }
  lintConfigs.set(start, { key, config });
  return config;
}

/** Whether `.agentcore-lint.json` per-path `overrides` turn this finding off (the CLI drops it then). */
export function offByOverride(config: LintConfig, ruleId: string, file: string, range: SourceRange): boolean {
  const finding: Finding = { ruleId, severity: 'error', file, range, message: '', docsUrl: '' };
  return applyOverrides(config, [finding]).length === 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Projects

export interface CachedProject {
  root: string;
  load: ProjectLoad;
  /** Source roots (agentcore.json plus a `.bedrock_agentcore.yaml`), for roles. */
  roots: SourceRoot[];
  config: LintConfig;
}

interface ProjectEntry extends CachedProject {
  stamp: string;
}

const projects = new Map<string, ProjectEntry>();

function stampOf(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return undefined;
  }
}

/** The project whose root holds agentcore/agentcore.json, loaded from disk and cached until that file changes. */
export function cachedProject(root: string): CachedProject | undefined {
  const configFile = path.join(root, CONFIG_RELATIVE);
  const stamp = stampOf(configFile);
  if (stamp === undefined) {
    projects.delete(root);
    return undefined;
  }
  const config = lintConfigFor(root);
  const known = projects.get(root);
  if (known && known.stamp === stamp && known.config === config) return known;
  const load = loadProject(root, config.maxFileSize);
  const roots = load.ok ? projectRoots(load.project) : [];
  const entry: ProjectEntry = { root, load, roots, config, stamp };
  projects.set(root, entry);
  return entry;
}

/** For tests: forget every cached project and configuration. */
export function clearCaches(): void {
  projects.clear();
  lintConfigs.clear();
  repoRoots.clear();
  lastFile = undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// One linted file

export interface FileContext {
  /** Absolute path. */
  file: string;
  text: string;
  project?: AgentCoreProject;
  role: FileRole;
  config: LintConfig;
  /** Whether `.agentcore-lint.json` ignores the file, or it is over `maxFileSize` (the CLI skips it then). */
  skipped: boolean;
  source(): SourceFacts | undefined;
  /** The file's `agentcore-lint-disable-…` directives (from real comments, as the CLI reads them). */
  directives(): SuppressionDirective[];
  /** Whether a directive suppresses this rule's finding starting on this line (the CLI's applySuppressions test). */
  suppressed(ruleId: string, line: number): boolean;
}

let lastFile: (FileContext & { entry: CachedProject | undefined }) | undefined;

/** Resolves ESLint's `context.filename` (absolute, or relative to `context.cwd`); undefined for `<input>` and the like. */
export function absoluteFilename(filename: string, cwd: string): string | undefined {
  if (!filename || filename.startsWith('<')) return undefined;
  return path.resolve(cwd, filename);
}

/** The folder itself or its nearest existing parent: a new file in a folder not yet on disk still has a project. */
function existingAncestor(dir: string): string {
  let current = dir;
  while (!fs.existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/** Everything agentcore-lint's file check needs for this file, computed like the CLI does for a file it is given. */
export function fileContext(file: string, text: string): FileContext {
  const dir = path.dirname(file);
  const root = findProjectRoot(existingAncestor(dir));
  const cached = root ? cachedProject(root) : undefined;
  // The rules of one file share one context (and one parse), as long as the project did not change meanwhile.
  if (lastFile && lastFile.file === file && lastFile.text === text && lastFile.entry === cached && cached) return lastFile;
  let context: Pick<FileContext, 'file' | 'text' | 'project' | 'role' | 'config'>;
  if (cached?.load.ok) {
    const project = cached.load.project;
    const relative = posixRelative(project.root, file);
    context = { file, text, project, config: cached.config, role: classifyFile(relative, cached.roots, () => text) };
  } else if (cached) {
    // agentcore.json exists but cannot be read: the CLI reports that and runs no file rule on the project.
    context = { file, text, config: cached.config, role: 'other' };
  } else {
    const existing = existingAncestor(dir);
    const config = lintConfigFor(existing);
    const toolkit = findLegacyToolkitRoots(existing, repositoryRoot(existing));
    context = { file, text, config, role: looseFileRole(file, text, toolkit, dir) };
  }
  let facts: { value: SourceFacts | undefined } | undefined;
  const skipped =
    (cached !== undefined && !cached.load.ok) ||
    isIgnored(context.config, file) ||
    Buffer.byteLength(text, 'utf8') > context.config.maxFileSize;
  const source = (): SourceFacts | undefined => (facts ??= { value: extractFacts(file, text) }).value;
  let directives: SuppressionDirective[] | undefined;
  const directivesOf = (): SuppressionDirective[] => {
    const comments = source()?.comments;
    return (directives ??= comments?.length ? parseDirectives(comments, text) : []);
  };
  lastFile = {
    ...context,
    entry: cached,
    skipped,
    source,
    directives: directivesOf,
    suppressed: (ruleId, line) => directivesOf().some((d) => d.line === line && d.ruleIds.includes(ruleId)),
  };
  return lastFile;
}

/** Whether `.agentcore-lint.json` turns the rule off (the CLI then does not run it). */
export function ruleIsOff(rule: ProjectRule, config: LintConfig): boolean {
  const setting = config.severities.get(rule.meta.id);
  return setting !== undefined && normalizeSeverity(setting) === 'off';
}
