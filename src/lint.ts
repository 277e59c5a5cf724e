/**
 * The programmatic entry point: resolve paths to projects, load each project's configuration, run the rules
 * and return sorted findings. The CLI, the tests and (later) the ESLint plugin all go through here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRules } from '../rules/index.js';
import { applyOverrides, ConfigError, isIgnored, loadLintConfig, projectLintConfig, type LintConfig } from './config.js';
import { engineFinding, internalError, isRuleOff, runFileRules, runProjectRules, sortFindings } from './engine.js';
import { CONFIG_RELATIVE, findProjectRoot, GitInfo, loadProject, readTextFile, type AgentCoreProject } from './project.js';
import { withCedarAnswerStore } from './policy/cedar.js';
import { extractFacts, languageOf, prepareAdapters } from './source/adapters.js';
import { globSync } from './util/lazy-modules.js';
import { isInside } from './util/paths.js';
import type { SourceFacts } from './source/facts.js';
import { defaultCacheLocation, FactsCache, type FactsCacheStats } from './source/facts-cache.js';
import { attachSources, ProjectSources, syntaxNote, syntaxProblemOf, type SyntaxProblem } from './source/project-sources.js';
import { findLegacyToolkitRoots, looseFileRole, scanProjectSources, SKIPPED_GLOBS } from './source/discover.js';
import type { FileRole, ProjectRule } from './rule.js';
import { applySuppressions, cedarComments, parseDirectives } from './suppressions.js';
import type { Finding } from './types.js';
import { unreadableConfigFinding } from '../rules/config/unreadable-file.js';
import suppressionDirective from '../rules/source/suppression-directive.js';

export interface LintOptions {
  /** Files or folders; empty means the current directory. */
  paths: string[];
  cwd?: string;
  debug?: boolean;
  rules?: readonly ProjectRule[];
  /** Honour `agentcore-lint-disable-…` comments (default true; `--no-inline-suppressions` turns it off). */
  inlineSuppressions?: boolean;
  /**
   * Keep source files' facts in an on-disk cache between runs (`--cache`): `true` for the default folder,
   * `node_modules/.cache/agentcore-lint` at the repository root (of `cwd`), or a folder of its own (`--cache-location`).
   * Off by default: without it nothing is written.
   */
  cache?: boolean | { location?: string };
}

/** What every part of one lint run shares. */
interface Run {
  rules: readonly ProjectRule[];
  knownRuleIds: ReadonlySet<string>;
  /** Source files that did not parse, for one note at the end. */
  syntaxProblems: SyntaxProblem[];
  /** Files that could not be read (binary, not UTF-8, too large), for one note at the end. */
  skippedFiles: Array<{ file: string; detail: string }>;
  inlineSuppressions: boolean;
  debug?: boolean;
  /** The on-disk facts cache, with --cache. */
  cache?: FactsCache;
}

export interface LintResult {
  findings: Finding[];
  /** One-line notes for the user (skipped checks and the like), not findings. */
  notes: string[];
  /** Project roots that were linted. */
  projects: string[];
  /** With the cache option: where it is, and how many files it served. */
  cache?: FactsCacheStats;
}

/** A problem with how the linter was called (exit code 2). */
export class UsageError extends Error {}

interface ProjectTarget {
  root: string;
  /** Only findings in these files are kept; undefined = the whole project. */
  onlyFiles?: Set<string>;
}

export async function lint(options: LintOptions): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const rules = options.rules ?? projectRules;
  const run: Run = {
    rules,
    knownRuleIds: new Set(rules.map((r) => r.meta.id)),
    syntaxProblems: [],
    skippedFiles: [],
    inlineSuppressions: options.inlineSuppressions ?? true,
    debug: options.debug,
  };
  if (options.cache) {
    const location = typeof options.cache === 'object' ? options.cache.location : undefined;
    run.cache = new FactsCache(location ? path.resolve(cwd, location) : defaultCacheLocation(cwd));
  }
  const explicit = options.paths.length > 0;
  const given = explicit ? options.paths : [cwd];

  const targets = new Map<string, ProjectTarget>();
  /** Folders and files outside any project, with the projects found below a folder (a monorepo's root). */
  const loose: Array<{ input: string; projectsBelow: string[] }> = [];
  for (const named of given) {
    const input = path.resolve(cwd, named);
    if (!fs.existsSync(input)) throw new UsageError(`no such file or directory: ${named}`);
    const root = findProjectRoot(input);
    if (!root) {
      const projectsBelow = fs.statSync(input).isDirectory() ? findProjectsBelow(input) : [];
      // Each project below is linted whole, as if named; the files outside them are linted without a project.
      for (const below of projectsBelow) targets.set(below, { root: below });
      loose.push({ input, projectsBelow });
      continue;
    }
    const target = targets.get(root) ?? { root, onlyFiles: new Set<string>() };
    targets.set(root, target);
    const isFile = fs.statSync(input).isFile();
    // A folder lints the whole project; files (as pre-commit passes them) keep only their own findings.
    if (!isFile) target.onlyFiles = undefined;
    else target.onlyFiles?.add(input);
  }
  if (!explicit && targets.size === 0) {
    throw new UsageError(
      `no AgentCore project here: no ${CONFIG_RELATIVE} in ${cwd}, in any folder above it or in any folder below it. ` +
        'Run agentcore-lint inside a project, or name the files or folders to lint.',
    );
  }

  const findings: Finding[] = [];
  const notes: string[] = [];
  for (const target of [...targets.values()].sort((a, b) => (a.root < b.root ? -1 : 1))) {
    findings.push(...(await lintProject(run, target)));
  }
  for (const { input, projectsBelow } of loose) findings.push(...(await lintLoosePath(run, input, projectsBelow)));
  if (run.cache) notes.push(...run.cache.save());
  const syntax = syntaxNote(run.syntaxProblems, cwd);
  if (syntax) notes.push(syntax);
  if (run.skippedFiles.length > 0) {
    const shown = run.skippedFiles.slice(0, 3).map((s) => `${path.relative(cwd, s.file) || s.file} (${s.detail})`);
    const more = run.skippedFiles.length > 3 ? `; and ${run.skippedFiles.length - 3} more` : '';
    notes.push(`Skipped ${run.skippedFiles.length} unreadable file(s): ${shown.join('; ')}${more}.`);
  }
  const withoutProject = loose.filter((l) => l.projectsBelow.length === 0).map((l) => l.input);
  if (withoutProject.length > 0) {
    const shown = withoutProject.map((p) => path.relative(cwd, p) || '.').join(', ');
    notes.push(
      `No ${CONFIG_RELATIVE} above ${shown}: project checks (agentcore.json schema, references and gateway rules) were skipped for ${withoutProject.length === 1 ? 'it' : 'them'}.`,
    );
  }
  return { findings: sortFindings(findings), notes, projects: [...targets.keys()].sort(), ...(run.cache ? { cache: run.cache.stats } : {}) };
}

async function lintProject(run: Run, target: ProjectTarget): Promise<Finding[]> {
  const { rules, debug } = run;
  const config = projectLintConfig(target.root, run.knownRuleIds);
  const load = loadProject(target.root, config.maxFileSize);
  let findings: Finding[];
  if (!load.ok) {
    const unreadable = unreadableConfigFinding(load, config.severities);
    findings = unreadable ? [unreadable] : [];
  } else {
    // Source files: discovered once, with roles; text and facts cached per run and shared with project rules.
    // Whole-project source analysis (a gateway no code reads) needs every source file parsed: only when a whole
    // project is linted, not for named files, so a pre-commit run on a staged agentcore.json stays fast.
    const complete = !target.onlyFiles;
    findings = [];
    let discovered = true;
    let sources: ProjectSources;
    try {
      sources = scanProjectSources(load.project, { ignored: (f) => isIgnored(config, f), complete, listFiles: complete, namedFiles: target.onlyFiles });
    } catch (error) {
      // Fault isolation: without discovery the config and policy checks still run; source checks cannot.
      findings.push(internalError('source discovery', load.project.config.file, error, debug));
      discovered = false;
      sources = new ProjectSources(load.project, [], new Map(), [], false);
      attachSources(load.project, sources);
    }
    const files = projectFileTargets(load.project, rules, target.onlyFiles, sources.roles.keys());
    const parsed = complete ? [...new Set([...files, ...sources.roles.keys()])] : files;
    // With --cache, unchanged files take their facts from the cache: only the others need a parser loaded.
    await prepareAdapters(run.cache ? sources.preload(parsed, run.cache) : parsed);
    if (run.cache && complete && discovered) run.cache.coverAll(target.root);
    // Project checks report only into non-source files (JSON, Cedar, .env: see ProjectRule.check); when only source
    // files are named, as in most pre-commit runs, none of their findings could be kept.
    const onlySourceFiles = target.onlyFiles !== undefined && [...target.onlyFiles].every((f) => languageOf(f) !== undefined);
    load.project.findingsKeptIn = target.onlyFiles;
    // File by file: rules, then the digests project rules keep (whole-project runs), then the facts are released.
    // Project rules run last, on the digests: the run never holds every file's facts at once.
    const digests = complete ? rules.flatMap((rule) => (isRuleOff(rule, config.severities) ? [] : (rule.sourceDigests ?? []))) : [];
    const project = load.project;
    // With --cache, cedar-wasm's answers for this project's policies are kept too (one store per project).
    withCedarAnswerStore(run.cache?.cedarAnswers(project.config.file), () => {
      for (const file of files) {
        const read = sources.read(file);
        if (!read.ok) {
          if (!isIgnored(config, file)) run.skippedFiles.push({ file, detail: read.detail });
          continue;
        }
        const source = () => sources.facts(file, read.text);
        findings.push(...lintFile(run, config, file, read.text, { project, role: sources.roleOf(file), source }));
        if (sources.roles.has(file)) for (const digest of digests) sources.digest(file, digest);
        const syntax = sources.parsed(file) ? syntaxProblemOf(file, read.text, source()) : undefined;
        if (syntax && !isIgnored(config, file)) run.syntaxProblems.push(syntax);
        sources.release(file);
      }
      if (!onlySourceFiles) findings.push(...runProjectRules(project, rules, { severities: config.severities, debug }));
    });
  }
  return applyOverrides(config, findings).filter(
    (f) => !isIgnored(config, f.file) && (!target.onlyFiles || target.onlyFiles.has(f.file)),
  );
}

/**
 * The files file-level rules check inside a project: when the whole project is linted, those it references (policy
 * sourceFiles ...) and its discovered source files; otherwise those named on the command line. Each once.
 */
function projectFileTargets(
  project: AgentCoreProject,
  rules: readonly ProjectRule[],
  onlyFiles: Set<string> | undefined,
  sourceFiles: Iterable<string>,
): string[] {
  const extensions = new Set(rules.flatMap((r) => r.files?.extensions ?? []));
  const files = new Set<string>();
  for (const rule of rules) {
    for (const relative of rule.files?.referencedBy?.(project) ?? []) {
      const status = project.files.status(relative);
      // In a named-file run, a referenced file's findings would be dropped unless it is named itself.
      if (status.kind === 'file' && (!onlyFiles || onlyFiles.has(status.absolute))) files.add(status.absolute);
    }
  }
  if (!onlyFiles) for (const file of sourceFiles) files.add(file);
  for (const file of onlyFiles ?? []) if (extensions.has(path.extname(file).toLowerCase())) files.add(file);
  return [...files].sort();
}

/**
 * The AgentCore projects below a folder that is in none (a monorepo's root): folders holding agentcore/agentcore.json,
 * outside dependencies, virtualenvs and build output, not through symbolic links, and at most ten folders down (so
 * that running it with no path in a home folder answers quickly).
 */
function findProjectsBelow(folder: string): string[] {
  const configs = globSync(`**/${CONFIG_RELATIVE}`, {
    cwd: folder, absolute: true, dot: false, onlyFiles: true, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false, suppressErrors: true,
    deep: 12,
  });
  return configs.map((config) => path.dirname(path.dirname(path.normalize(config)))).sort();
}

/**
 * Files and folders outside any project: only rules that do not need a project apply. Files inside `projectsBelow`
 * are left to those projects' own runs.
 */
async function lintLoosePath(run: Run, input: string, projectsBelow: readonly string[] = []): Promise<Finding[]> {
  const { rules, knownRuleIds } = run;
  const extensions = [...new Set(rules.flatMap((r) => r.files?.extensions ?? []))];
  if (extensions.length === 0) return [];
  const isDirectory = fs.statSync(input).isDirectory();
  const repoRoot = new GitInfo(isDirectory ? input : path.dirname(input)).repositoryRoot() ?? undefined;
  const config = loadLintConfig(isDirectory ? input : path.dirname(input), repoRoot, knownRuleIds);
  const files = isDirectory
    ? globSync(extensions.map((e) => `**/*${e}`), {
        // A symlinked folder is not followed (as in project discovery): `loop -> .` would list every file 40 times.
        cwd: input, absolute: true, dot: false, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false, suppressErrors: true,
      })
        .map((f) => path.normalize(f))
        .filter((f) => !projectsBelow.some((root) => isInside(root, f)))
        .sort()
    : extensions.includes(path.extname(input).toLowerCase()) ? [input] : [];
  const findings: Finding[] = [];
  const reads = new Map(files.filter((f) => !isIgnored(config, f)).map((f) => [f, readTextFile(f, config.maxFileSize)] as const));
  // With --cache, unchanged files take their facts from the cache: only the others need a parser loaded.
  const cached = new Map<string, SourceFacts>();
  for (const [file, read] of run.cache ? reads : []) {
    const hit = read.ok ? run.cache!.get(file, read.text) : undefined;
    if (hit) cached.set(file, hit);
  }
  await prepareAdapters([...reads.keys()].filter((f) => !cached.has(f)));
  if (run.cache && isDirectory) run.cache.coverAll(input);
  const toolkit = findLegacyToolkitRoots(isDirectory ? input : path.dirname(input), repoRoot);
  for (const [file, read] of reads) {
    if (!read.ok) {
      run.skippedFiles.push({ file, detail: read.detail });
      continue;
    }
    const role = looseFileRole(file, read.text, toolkit, isDirectory ? input : path.dirname(input));
    let facts: { value: SourceFacts | undefined } | undefined;
    const extract = (): SourceFacts | undefined => {
      const extracted = extractFacts(file, read.text);
      if (extracted) run.cache?.put(file, read.text, extracted);
      return extracted;
    };
    const source = () => (facts ??= { value: cached.get(file) ?? extract() }).value;
    findings.push(...lintFile(run, config, file, read.text, { role, source }));
    const syntax = facts ? syntaxProblemOf(file, read.text, facts.value) : undefined;
    if (syntax) run.syntaxProblems.push(syntax);
  }
  return applyOverrides(config, findings);
}

/** Folders never worth linting: dependencies, virtualenvs, build output, the AgentCore CLI's own caches. */
const SKIPPED_FOLDERS = [...SKIPPED_GLOBS, '**/agentcore/cdk/**', '**/agentcore/.cache/**'];

/** Runs the file-level rules on one file, then applies the file's inline suppressions. */
function lintFile(
  run: Run,
  config: LintConfig,
  file: string,
  text: string,
  context: { project?: AgentCoreProject; role?: FileRole; source: () => SourceFacts | undefined },
): Finding[] {
  const found = runFileRules(file, text, run.rules, { severities: config.severities, debug: run.debug, ...context });
  if (!run.inlineSuppressions) return found;
  const comments = path.extname(file).toLowerCase() === '.cedar' ? cedarComments(text) : context.source()?.comments;
  const directives = comments?.length ? parseDirectives(comments, text) : [];
  if (directives.length === 0) return found;
  const { kept, problems } = applySuppressions(found, directives, run.knownRuleIds);
  const problemFindings = problems.map((p) =>
    engineFinding(suppressionDirective, p.messageId, { file, range: p.range, data: p.data, severity: p.severity }, config.severities),
  );
  return [...kept, ...problemFindings.filter((f): f is Finding => f !== undefined)];
}



export { ConfigError };
