/**
 * The project model rules check: agentcore.json and its sibling files parsed with positions, plus safe,
 * cached, read-only access to the files they reference. Nothing here executes project code or writes.
 */
import { execFileSync } from 'node:child_process';
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJsonDocument, type JsonDocument, type JsonPath } from './json/document.js';
import { parseYamlDocument, type YamlDocument } from './json/yaml-document.js';
import { asString, isObject, objectsOf, type JsonObject } from './util/json-value.js';
import { isInside } from './util/paths.js';

export const CONFIG_RELATIVE = path.join('agentcore', 'agentcore.json');
export const AWS_TARGETS_RELATIVE = path.join('agentcore', 'aws-targets.json');
export const DEPLOYED_STATE_RELATIVE = path.join('agentcore', '.cli', 'deployed-state.json');

/** Default limit for any single file we read (bytes); configurable with `maxFileSize`. */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

export type FileStatus =
  | { kind: 'file'; absolute: string; size: number }
  | { kind: 'directory'; absolute: string }
  | { kind: 'missing'; absolute: string }
  /** The reference escapes the project root (`../../etc`) or is absolute: never read. */
  | { kind: 'outside'; absolute: string };

export type TextRead =
  | { ok: true; text: string; absolute: string }
  | { ok: false; reason: 'missing' | 'directory' | 'outside' | 'too-large' | 'binary' | 'unreadable'; absolute: string; detail: string };

export class ProjectFiles {
  private readonly textCache = new Map<string, TextRead>();
  private readonly jsonCache = new Map<string, JsonDocument>();
  private readonly yamlCache = new Map<string, YamlDocument>();

  constructor(
    readonly root: string,
    readonly maxFileSize: number = DEFAULT_MAX_FILE_SIZE,
  ) {}

  /** Resolves a project-relative reference without following it outside the project. */
  status(relative: string): FileStatus {
    const absolute = path.resolve(this.root, relative);
    if (path.isAbsolute(relative) || !isInside(this.root, absolute)) return { kind: 'outside', absolute };
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      return { kind: 'missing', absolute };
    }
    // A symlink that leads out of the project counts as outside: we never read there.
    try {
      if (!isInside(fs.realpathSync(this.root), fs.realpathSync(absolute))) return { kind: 'outside', absolute };
    } catch {
      return { kind: 'missing', absolute };
    }
    if (stat.isDirectory()) return { kind: 'directory', absolute };
    return { kind: 'file', absolute, size: stat.size };
  }

  /**
   * Serves `text` for this file instead of its content on disk: an editor's unsaved buffer (the ESLint plugin,
   * through `loadProject`'s `editorText`). The CLI never calls it.
   */
  useText(relative: string, text: string): void {
    const absolute = path.resolve(this.root, relative);
    this.textCache.set(absolute, { ok: true, text, absolute });
    this.jsonCache.delete(absolute);
    this.yamlCache.delete(absolute);
  }

  readText(relative: string): TextRead {
    const absolute = path.resolve(this.root, relative);
    const cached = this.textCache.get(absolute);
    if (cached) return cached;
    const result = this.readUncached(relative);
    this.textCache.set(absolute, result);
    return result;
  }

  /** Reads and parses a JSON file once; undefined when it cannot be read (use readText for the reason). */
  readJson(relative: string): JsonDocument | undefined {
    return this.parsedOnce(this.jsonCache, relative, (absolute, text) => parseJsonDocument(absolute, text));
  }

  /** Reads and parses a YAML file once, with positions; undefined when it cannot be read (use readText for the reason). */
  readYaml(relative: string): YamlDocument | undefined {
    return this.parsedOnce(this.yamlCache, relative, (_absolute, text) => parseYamlDocument(text));
  }

  private parsedOnce<T>(cache: Map<string, T>, relative: string, parse: (absolute: string, text: string) => T): T | undefined {
    const absolute = path.resolve(this.root, relative);
    const cached = cache.get(absolute);
    if (cached) return cached;
    const read = this.readText(relative);
    if (!read.ok) return undefined;
    const parsed = parse(absolute, read.text);
    cache.set(absolute, parsed);
    return parsed;
  }

  private readUncached(relative: string): TextRead {
    const status = this.status(relative);
    if (status.kind === 'outside') {
      return { ok: false, reason: 'outside', absolute: status.absolute, detail: 'it points outside the project' };
    }
    if (status.kind === 'missing') return { ok: false, reason: 'missing', absolute: status.absolute, detail: 'it does not exist' };
    if (status.kind === 'directory') {
      return { ok: false, reason: 'directory', absolute: status.absolute, detail: 'it is a directory, not a file' };
    }
    return readTextFile(status.absolute, this.maxFileSize);
  }
}

/** Reads a file as UTF-8 text, refusing oversized, binary and non-UTF-8 content with a reason. */
export function readTextFile(absolute: string, maxFileSize: number): TextRead {
  let size: number;
  try {
    size = fs.statSync(absolute).size;
  } catch (error) {
    return { ok: false, reason: 'missing', absolute, detail: 'it does not exist' };
  }
  if (size > maxFileSize) {
    return {
      ok: false, reason: 'too-large', absolute,
      detail: `it is ${formatBytes(size)}, over the ${formatBytes(maxFileSize)} limit (raise "maxFileSize" in .agentcore-lint.json)`,
    };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    return { ok: false, reason: 'unreadable', absolute, detail: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary', absolute, detail: 'it is a binary file, not text' };
  // isUtf8 then toString: the same verdict as a fatal TextDecoder (byte order mark kept), without building a
  // decoder per file.
  if (!isUtf8(bytes)) return { ok: false, reason: 'binary', absolute, detail: 'it is not valid UTF-8 text' };
  return { ok: true, absolute, text: bytes.toString('utf8') };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}


export function findRepositoryRoot(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Git facts about the project, asked lazily and only when a rule needs them. */
export class GitInfo {
  private topLevel: string | null | undefined;

  constructor(private readonly root: string) {}

  /** The repository's top level, or null outside a git work tree (or without git). */
  repositoryRoot(): string | null {
    // The nearest folder holding `.git` (a folder, or a file in worktrees and submodules): found without
    // spawning git, which every run needs for the configuration cascade.
    if (this.topLevel === undefined) this.topLevel = findRepositoryRoot(this.root);
    return this.topLevel;
  }

  /** Whether git tracks the file; undefined outside a repository. */
  isTracked(absolute: string): boolean | undefined {
    if (!this.repositoryRoot()) return undefined;
    const out = this.git(['ls-files', '--error-unmatch', '--', absolute]);
    return out !== undefined;
  }

  /** Whether .gitignore rules ignore the path; undefined outside a repository. */
  isIgnored(absolute: string): boolean | undefined {
    if (!this.repositoryRoot()) return undefined;
    // check-ignore exits 1 when the path is not ignored.
    return this.git(['check-ignore', '-q', '--no-index', '--', absolute]) !== undefined;
  }

  private git(args: string[]): string | undefined {
    try {
      return execFileSync('git', args, { cwd: this.root, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
    } catch {
      return undefined;
    }
  }
}

/** A harness's config file, as `agentcore validate` or deploy reads it (see `loadHarnessFiles`). */
export interface HarnessFile {
  /** The harness's `name` in agentcore.json. */
  name: string;
  /** Where the harness's entry is in agentcore.json (`['harnesses', i]`). */
  entryPath: JsonPath;
  /** Project-relative, with forward slashes: `app/<name>/harness.json`, or `<path>/harness.json`. */
  relative: string;
  /** Parsed with positions (value undefined when unparseable). */
  doc: JsonDocument;
}

/** `HarnessNameSchema`: only such a name reaches the CLI's harness checks, and it is a safe folder name. */
const HARNESS_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

/**
 * The folder `agentcore validate` reads a harness from, `getHarnessConfigPath(name)`: from the name alone. Undefined
 * for a name `HarnessNameSchema` rejects (the CLI stops at agentcore.json's schema before reading harnesses).
 */
export function harnessFolderByName(name: unknown): string | undefined {
  return typeof name === 'string' && HARNESS_NAME.test(name) ? `app/${name}` : undefined;
}

/** A harness `path` as a comparable project-relative folder: forward slashes, no `./`, no trailing slash. */
export function normalizeFolder(folder: string): string {
  return path.posix.normalize(folder.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
}

/**
 * The harness.json files agentcore.json makes the CLI read, each once. `agentcore validate`, and the checks
 * `agentcore deploy` runs before synthesis, read `app/<name>/harness.json` whatever the entry's `path` says
 * (`getHarnessConfigPath(name)` in `@aws/agentcore` 0.30.0); CDK synth then builds the harness from
 * `<path>/harness.json` (`agentcore/cdk/bin/cdk.ts`). `agentcore add harness` writes `path: "app/<name>"`, so
 * normally both are one file; when they differ, both are linted. Missing files are `referenced-files-exist`'s;
 * unreadable ones are added to `unreadable` (rule `unreadable-file`).
 */
function loadHarnessFiles(files: ProjectFiles, spec: JsonObject | undefined, unreadable: UnreadableProjectFile[]): HarnessFile[] {
  const found: HarnessFile[] = [];
  const seen = new Set<string>();
  if (!spec) return found;
  for (const [i, entry] of objectsOf(spec.harnesses)) {
    const name = asString(entry.name);
    const byName = harnessFolderByName(name);
    if (name === undefined || byName === undefined) continue;
    const folders = [byName];
    const declared = asString(entry.path);
    if (declared !== undefined && declared.trim() !== '') folders.push(normalizeFolder(declared));
    for (const folder of folders) {
      const relative = path.posix.join(folder, 'harness.json');
      const status = files.status(relative);
      if (status.kind !== 'file') continue;
      // One file under two spellings (`app/bot` on a case-insensitive disk, a symbolic link) is linted once.
      const key = realpathOr(status.absolute);
      if (seen.has(key)) continue;
      seen.add(key);
      const doc = files.readJson(relative);
      if (doc) found.push({ name, entryPath: ['harnesses', i], relative, doc });
      else unreadable.push(unreadableFile(files, relative));
    }
  }
  return found;
}

/** The real path of an existing file or folder (links and case resolved); the path itself when that fails. */
export function realpathOr(absolute: string): string {
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/**
 * A JSON file of the project that is there but cannot be linted: binary, not UTF-8, over the size limit, a folder,
 * or a link out of the project. agentcore.json itself is not one (the project does not load then).
 */
export interface UnreadableProjectFile {
  /** Project-relative, as the project names it (`agentcore/aws-targets.json`, `app/<name>/harness.json`). */
  relative: string;
  absolute: string;
  reason: Exclude<TextRead, { ok: true }>['reason'];
  detail: string;
}

function unreadableFile(files: ProjectFiles, relative: string): UnreadableProjectFile {
  const read = files.readText(relative);
  if (read.ok) throw new Error(`${relative} was read as text but did not load`); // readJson parses any text
  return { relative: relative.split(path.sep).join('/'), absolute: read.absolute, reason: read.reason, detail: read.detail };
}

export interface AgentCoreProject {
  /** The folder holding `agentcore/agentcore.json`. */
  root: string;
  /** agentcore/agentcore.json, parsed with positions (value undefined when unparseable). */
  config: JsonDocument;
  /** The root object of agentcore.json, or undefined when it is not an object. */
  spec: JsonObject | undefined;
  /** agentcore/aws-targets.json; undefined when the file is absent. */
  awsTargets?: JsonDocument;
  /** agentcore/.cli/deployed-state.json; undefined when absent. */
  deployedState?: JsonDocument;
  /** The harness.json files of agentcore.json's `harnesses[]` that exist (see `loadHarnessFiles`). */
  harnesses: HarnessFile[];
  /** aws-targets.json, deployed-state.json or harness.json files that exist but could not be read (rule unreadable-file). */
  unreadableFiles: UnreadableProjectFile[];
  files: ProjectFiles;
  git: GitInfo;
  /**
   * Set in a named-file run (pre-commit): only findings in these files are kept. Whole-project analyses may skip
   * work that can only report into other files (policies whose text is elsewhere need no Cedar). Undefined: all.
   */
  findingsKeptIn?: ReadonlySet<string>;
}

export type ProjectLoad =
  | { ok: true; project: AgentCoreProject }
  /** agentcore.json exists but cannot be read as text at all (binary, too large, unreadable). */
  | { ok: false; root: string; configFile: string; reason: string; kind: Exclude<TextRead, { ok: true }>['reason'] };

export interface LoadProjectOptions {
  /**
   * Use `text` as the content of `file` (absolute: the project's agentcore.json or one of its harness.json files)
   * instead of what is on disk: an editor's unsaved buffer, for the ESLint plugin's `agentcore/config` rule. Unset,
   * as the CLI leaves it, every file is read from disk.
   */
  editorText?: { file: string; text: string };
}

/** Whether findings in this file are kept in this run (always, unless named files were linted). */
export function findingsKept(project: AgentCoreProject, file: string): boolean {
  return project.findingsKeptIn === undefined || project.findingsKeptIn.has(file);
}

export function loadProject(root: string, maxFileSize = DEFAULT_MAX_FILE_SIZE, options: LoadProjectOptions = {}): ProjectLoad {
  const files = new ProjectFiles(root, maxFileSize);
  if (options.editorText) files.useText(path.relative(root, options.editorText.file), options.editorText.text);
  const configRead = files.readText(CONFIG_RELATIVE);
  if (!configRead.ok) {
    return { ok: false, root, configFile: configRead.absolute, reason: configRead.detail, kind: configRead.reason };
  }
  const config = files.readJson(CONFIG_RELATIVE)!;
  const unreadableFiles: UnreadableProjectFile[] = [];
  const optionalJson = (relative: string): JsonDocument | undefined => {
    if (files.status(relative).kind === 'missing') return undefined;
    const doc = files.readJson(relative);
    if (!doc) unreadableFiles.push(unreadableFile(files, relative));
    return doc;
  };
  const spec = isObject(config.value) ? config.value : undefined;
  return {
    ok: true,
    project: {
      root,
      config,
      spec,
      awsTargets: optionalJson(AWS_TARGETS_RELATIVE),
      deployedState: optionalJson(DEPLOYED_STATE_RELATIVE),
      harnesses: loadHarnessFiles(files, spec, unreadableFiles),
      unreadableFiles,
      files,
      git: new GitInfo(root),
    },
  };
}

/** Walks up from `start` to the nearest folder holding agentcore/agentcore.json. */
export function findProjectRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (fs.statSync(dir).isFile()) dir = path.dirname(dir);
  } catch {
    // A path that does not exist has no project; the caller reports it.
    return undefined;
  }
  for (;;) {
    if (fs.existsSync(path.join(dir, CONFIG_RELATIVE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
