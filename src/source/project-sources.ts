/**
 * The per-run source cache of one project: the discovered source files with their roles, the project's dotenv
 * files, and each file's text and `SourceFacts`, read and parsed at most once per run.
 *
 * Why: file rules see one file at a time (`ctx.source()`), but some checks need every runtime file at once
 * (a gateway nobody reads: AC055). lint.ts discovers the files (discover.ts), attaches a `ProjectSources` to the
 * project, passes `sources.facts(file, text)` as the file rules' `source()`, and project rules reach the same
 * cache with `projectSources(project)`. A file is therefore read once and parsed once whether a file rule, a
 * project rule or both ask for it. Project rules take per-file *digests* (`ProjectRule.sourceDigests`): in a
 * whole-project run lint.ts computes them right after the file's own rules and then releases its facts, so memory
 * holds one file's facts at a time. The cache lives as long as the project object (one lint run): a WeakMap, no
 * global state. With `--cache`, `preload` first takes the facts of unchanged files from the on-disk facts cache
 * (facts-cache.ts), so only the other files need a parser, and facts extracted here are handed to it.
 */
import * as path from 'node:path';
import type { AgentCoreProject, TextRead } from '../project.js';
import { readTextFile } from '../project.js';
import type { FileRole, SourceDigest } from '../rule.js';
import { extractFacts, languageOf } from './adapters.js';
import type { FactsCache } from './facts-cache.js';
import type { SourceFacts } from './facts.js';
import { classifyFile, type SourceRoot } from './roles.js';
import { positionOf } from './vocabulary.js';
import { posixRelative } from '../util/paths.js';

export class ProjectSources {
  private readonly reads = new Map<string, TextRead>();
  private readonly factsCache = new Map<string, SourceFacts | undefined>();
  /** Per digest, per file: what project rules keep of each file's facts (see `ProjectRule.sourceDigests`). */
  private readonly digests = new Map<SourceDigest<unknown>, Map<string, unknown>>();
  /** Files whose facts were released: `facts` refuses them, since answering would mean parsing the file again. */
  private readonly released = new Set<string>();
  /** The on-disk facts cache of a `--cache` run. */
  private diskCache: FactsCache | undefined;

  constructor(
    readonly project: AgentCoreProject,
    readonly roots: readonly SourceRoot[],
    /** Discovered source files (absolute) and their roles. */
    readonly roles: ReadonlyMap<string, FileRole>,
    /** Dotenv files git tracks or does not ignore (absolute). */
    readonly envFiles: readonly string[],
    /** False when only some files are linted: project-wide source checks then stay silent. */
    readonly complete: boolean,
  ) {}

  /** The role of any file of the project, discovered or named on the command line. */
  roleOf(file: string): FileRole {
    const known = this.roles.get(file);
    if (known) return known;
    const relative = posixRelative(this.project.root, file);
    return classifyFile(relative, this.roots, () => this.text(file));
  }

  /** Discovered files with one of these roles. */
  filesWith(...roles: FileRole[]): string[] {
    return [...this.roles].filter(([, role]) => roles.includes(role)).map(([file]) => file);
  }

  /** The file read as text, once per run (with the reason when it is too large, binary or unreadable). */
  read(file: string): TextRead {
    let read = this.reads.get(file);
    if (!read) {
      read = readTextFile(file, this.project.files.maxFileSize);
      this.reads.set(file, read);
    }
    return read;
  }

  /** The file's text (undefined when too large, binary or unreadable). */
  text(file: string): string | undefined {
    const read = this.read(file);
    return read.ok ? read.text : undefined;
  }

  /**
   * With the on-disk facts cache: takes the facts of these files from it where their text is unchanged, and
   * returns the source files that still need parsing (prepare the adapters for those only). Reads each file once.
   */
  preload(files: Iterable<string>, cache: FactsCache): string[] {
    this.diskCache = cache;
    const misses: string[] = [];
    for (const file of files) {
      if (languageOf(file) === undefined || this.factsCache.has(file)) continue;
      const text = this.text(file);
      if (text === undefined) continue;
      const facts = cache.get(file, text);
      if (facts) this.factsCache.set(file, facts);
      else misses.push(file);
    }
    return misses;
  }

  /** Whether the file's facts were already extracted (by a rule or a project rule) in this run. */
  parsed(file: string): boolean {
    return this.factsCache.has(file);
  }

  /**
   * The digest of the file's facts (parsing the file if no rule did yet), computed once; undefined when the file
   * cannot be read or parsed.
   */
  digest<T>(file: string, digest: SourceDigest<T>): T | undefined {
    let byFile = this.digests.get(digest);
    if (!byFile) this.digests.set(digest, (byFile = new Map()));
    if (!byFile.has(file)) {
      const facts = this.facts(file);
      byFile.set(file, facts === undefined ? undefined : digest.of(facts));
    }
    return byFile.get(file) as T | undefined;
  }

  /**
   * Drops the file's facts once its rules ran and its digests are taken (lint.ts), so a whole-project run does not
   * hold every file's facts at once: on the 4,000-file benchmark project they are about 45 MB.
   */
  release(file: string): void {
    if (this.factsCache.delete(file)) this.released.add(file);
  }

  /** The file's facts, parsed once (the adapters must have been prepared for it). */
  facts(file: string, text?: string): SourceFacts | undefined {
    if (this.released.has(file)) throw new Error(`internal: the facts of ${file} were asked for after they were released`);
    if (!this.factsCache.has(file)) {
      if (text !== undefined && !this.reads.has(file)) this.reads.set(file, { ok: true, text, absolute: file });
      const content = text ?? this.text(file);
      const facts = content === undefined ? undefined : extractFacts(file, content);
      if (facts && content !== undefined) this.diskCache?.put(file, content, facts);
      this.factsCache.set(file, facts);
    }
    return this.factsCache.get(file);
  }
}

const attached = new WeakMap<AgentCoreProject, ProjectSources>();

export function attachSources(project: AgentCoreProject, sources: ProjectSources): void {
  attached.set(project, sources);
}

/** The project's source cache, when the caller (lint.ts) scanned its sources; undefined otherwise. */
export function projectSources(project: AgentCoreProject): ProjectSources | undefined {
  return attached.get(project);
}

/** A file whose parser reported syntax errors (the first one, located), for the run's notes. */
export interface SyntaxProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  count: number;
}

/** The first syntax problem of a file's facts, located, or undefined when it parsed cleanly. */
export function syntaxProblemOf(file: string, text: string, facts: SourceFacts | undefined): SyntaxProblem | undefined {
  const first = facts?.parseProblems[0];
  if (!first) return undefined;
  const { line, column } = positionOf(text, first.span.start);
  return { file, line, column, message: first.message, count: facts.parseProblems.length };
}

/**
 * One note for the run: which source files did not parse (the rules still checked what the parser recovered).
 * Shows the first three, located; undefined when every file parsed.
 */
export function syntaxNote(problems: readonly SyntaxProblem[], cwd: string): string | undefined {
  if (problems.length === 0) return undefined;
  const sorted = [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // TypeScript's messages end in a full stop ("Expression expected."); here they are items of one sentence.
  const shown = sorted.slice(0, 3).map((p) => `${path.relative(cwd, p.file) || p.file}:${p.line}:${p.column} ${p.message.replace(/\.$/, '')}`);
  const more = sorted.length > 3 ? `; and ${sorted.length - 3} more` : '';
  const files = sorted.length === 1 ? '1 source file' : `${sorted.length} source files`;
  return `Syntax errors in ${files}; source rules checked what the parser recovered: ${shown.join('; ')}${more}.`;
}
