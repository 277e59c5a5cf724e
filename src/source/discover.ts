/**
 * Which source files of a project the source rules scan, and with which role (see roles.ts).
 *
 * Listing: inside a git work tree, one `git ls-files -co --exclude-standard -z` over the project root (tracked
 * files plus untracked files .gitignore does not exclude; far faster than globbing). Outside git, fast-glob plus
 * the project's .gitignore files read with the `ignore` package. Either way dependencies, virtualenvs, build
 * output and the AgentCore CLI's own `agentcore/cdk/` and `agentcore/.cache/` (vendored site-packages) are
 * skipped, and so are the `.agentcore-lint.json` ignores (a predicate from the caller).
 *
 * The same listing yields the project's `.env` / `.env.*` files that git tracks or does not ignore.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from '../util/lazy-modules.js';
import ignore, { type Ignore } from 'ignore';
import type { AgentCoreProject } from '../project.js';
import type { FileRole } from '../rule.js';
import { SOURCE_EXTENSIONS } from './adapters.js';
import { ProjectSources, attachSources } from './project-sources.js';
import { classifyFile, classifyLooseFile, isWithin, LEGACY_TOOLKIT_FILE, legacyToolkitRoots, sourceRoots, type SourceRoot } from './roles.js';
import { posixRelative } from '../util/paths.js';

/** Folder names never scanned, wherever they are. */
const SKIPPED_FOLDER_NAMES = new Set([
  'node_modules', '.venv', 'venv', '.env', '.virtualenv', 'virtualenv', 'site-packages', 'dist-packages', '.git', '.hg',
  'dist', 'build', 'cdk.out', '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache',
  '.next', '.nuxt', '.svelte-kit', '.turbo', '.aws-sam', '.serverless', '.terraform', 'coverage', '.idea', '.vscode',
]);
/** Project-relative folders of the AgentCore CLI itself (CDK app, vendored packages). */
const SKIPPED_PREFIXES = ['agentcore/cdk/', 'agentcore/.cache/', 'agentcore/.cli/'];

/** For fast-glob, which would also drop a `.env` file with a `**\/.env/**` pattern (virtualenvs named `.env` are found by their pyvenv.cfg). */
export const SKIPPED_GLOBS = [...SKIPPED_FOLDER_NAMES].filter((name) => name !== '.env').map((name) => `**/${name}/**`);

/** Whether a project-relative (`/`-separated) path lies in a folder that is never scanned. */
export function isSkippedPath(relative: string): boolean {
  if (SKIPPED_PREFIXES.some((prefix) => relative.startsWith(prefix))) return true;
  const parts = relative.split('/');
  return parts.slice(0, -1).some((p) => SKIPPED_FOLDER_NAMES.has(p));
}

/** `.env`, `.env.production`, `prod.env`: dotenv files (not `.envrc`, not `env.py`). */
export function isDotenvFile(relative: string): boolean {
  const base = relative.slice(relative.lastIndexOf('/') + 1);
  return /^\.env(?:\.[A-Za-z0-9_.-]+)?$/.test(base) || /^[A-Za-z0-9_-]+\.env$/.test(base);
}

export function isSourceFile(relative: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.posix.extname(relative).toLowerCase());
}

/** The roots agentcore.json declares plus the agents of a `.bedrock_agentcore.yaml` at the project root. */
export function projectRoots(project: AgentCoreProject): SourceRoot[] {
  const roots = sourceRoots(project);
  const legacy = project.files.readText(LEGACY_TOOLKIT_FILE);
  if (legacy.ok) roots.push(...legacyToolkitRoots(legacy.text, project.root, project.root));
  return roots;
}

export interface ScanOptions {
  /** `.agentcore-lint.json` ignores (absolute path in). */
  ignored?: (absolute: string) => boolean;
  /** Whether project-wide source checks (e.g. a gateway nobody reads) may run: false when only some files are linted. */
  complete?: boolean;
  /**
   * List and classify every source and dotenv file (default). Off when only named files are linted: their roles are
   * then computed one by one, on demand, without running git or reading the rest of the project.
   */
  listFiles?: boolean;
  /**
   * Without a listing: the files named on the command line (absolute). A named dotenv file is checked as the
   * listing would have it: when git tracks it or does not ignore it.
   */
  namedFiles?: Iterable<string>;
}

/**
 * Discovers the project's source files and dotenv files, classifies them, and attaches the result to the project
 * (see project-sources.ts) so file rules and project rules share one listing, one read and one parse per file.
 */
export function scanProjectSources(project: AgentCoreProject, options: ScanOptions = {}): ProjectSources {
  const roots = projectRoots(project);
  const listed = options.listFiles === false ? namedDotenvFiles(project, options.namedFiles ?? []) : listProjectFiles(project.root, roots.map((r) => r.path));
  // Virtualenvs under any name: the folder holding a pyvenv.cfg.
  const venvs = listed.filter((f) => f === 'pyvenv.cfg' || f.endsWith('/pyvenv.cfg')).map((f) => f.slice(0, -'pyvenv.cfg'.length));
  const roles = new Map<string, FileRole>();
  const envFiles: string[] = [];
  const sources = new ProjectSources(project, roots, roles, envFiles, options.complete ?? true);
  for (const relative of listed) {
    if (isSkippedPath(relative) || venvs.some((venv) => relative.startsWith(venv))) continue;
    const absolute = path.join(project.root, ...relative.split('/'));
    if (options.ignored?.(absolute)) continue;
    if (isDotenvFile(relative)) {
      envFiles.push(absolute);
    } else if (isSourceFile(relative) && roots.some((r) => isWithin(r.path, relative))) {
      roles.set(absolute, classifyFile(relative, roots, () => sources.text(absolute)));
    }
  }
  envFiles.sort();
  attachSources(project, sources);
  return sources;
}

/** The named files that are dotenv files git tracks or does not ignore, project-relative (as a listing gives them). */
function namedDotenvFiles(project: AgentCoreProject, named: Iterable<string>): string[] {
  const out: string[] = [];
  for (const absolute of named) {
    const relative = posixRelative(project.root, absolute);
    if (relative.startsWith('..') || !isDotenvFile(relative)) continue;
    if (project.git.isIgnored(absolute) !== true) out.push(relative);
  }
  return out.sort();
}

/**
 * Project-relative paths of the files worth looking at: everything git tracks or does not ignore; outside git,
 * source files under the roots and dotenv files anywhere, minus .gitignore matches. Only regular files that exist.
 */
export function listProjectFiles(root: string, rootPaths: readonly string[]): string[] {
  let files = gitListFiles(root);
  // A project git does not see (inside an ignored folder, e.g. a vendored example): list it like a plain folder.
  if (files && !files.includes('agentcore/agentcore.json')) files = undefined;
  files ??= globListFiles(root, rootPaths);
  return files.filter((relative) => {
    try {
      return fs.lstatSync(path.join(root, relative)).isFile();
    } catch {
      return false; // deleted in the work tree but still in the index
    }
  }).sort();
}

function gitListFiles(root: string): string[] | undefined {
  let out: string;
  try {
    const inside = execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
    if (inside.trim() !== 'true') return undefined;
    out = execFileSync('git', ['-c', 'core.quotepath=off', 'ls-files', '-co', '--exclude-standard', '-z', '--', '.'], {
      cwd: root, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
  return [...new Set(out.split('\0').filter((f) => f.length > 0))];
}

function globListFiles(root: string, rootPaths: readonly string[]): string[] {
  const extensions = SOURCE_EXTENSIONS.map((e) => e.slice(1)).join(',');
  // Fixed patterns only, filtered by root afterwards: user-chosen folder names never become glob bases
  // (fast-glob 3 keys a plain object by base folder, so a folder named "constructor" crashes it).
  const found = globSync(['**/.env', '**/.env.*', '**/*.env', '**/pyvenv.cfg', `**/*.{${extensions}}`], {
    cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: false, unique: true, suppressErrors: true,
    ignore: [...SKIPPED_GLOBS, 'agentcore/cdk/**', 'agentcore/.cache/**'],
  });
  const roots = [...new Set(rootPaths)];
  const underRoot = (relative: string): boolean =>
    isDotenvOrVenvMarker(relative) || roots.some((dir) => dir === '' || relative === dir || relative.startsWith(`${dir}/`));
  const gitignores = loadGitignores(root);
  return found.filter((relative) => underRoot(relative) && !gitignored(relative, gitignores));
}

function isDotenvOrVenvMarker(relative: string): boolean {
  const name = path.posix.basename(relative);
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env') || name === 'pyvenv.cfg';
}

interface GitignoreFile {
  /** Project-relative folder of the .gitignore ('' for the root). */
  dir: string;
  rules: Ignore;
}

/** Every .gitignore in the project (outside skipped folders), for projects that are not in a git work tree. */
function loadGitignores(root: string): GitignoreFile[] {
  const files = globSync('**/.gitignore', {
    cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true, ignore: SKIPPED_GLOBS,
  });
  const out: GitignoreFile[] = [];
  for (const relative of files.sort()) {
    try {
      const text = fs.readFileSync(path.join(root, relative), 'utf8');
      out.push({ dir: path.posix.dirname(relative) === '.' ? '' : path.posix.dirname(relative), rules: ignore().add(text) });
    } catch {
      // unreadable .gitignore: ignore nothing
    }
  }
  return out;
}

function gitignored(relative: string, gitignores: readonly GitignoreFile[]): boolean {
  for (const { dir, rules } of gitignores) {
    if (!isWithin(dir, relative) || dir === relative) continue;
    const inner = dir === '' ? relative : relative.slice(dir.length + 1);
    if (rules.ignores(inner)) return true;
  }
  return false;
}

/**
 * Roles for files linted without a project (loose paths): inside a starter-toolkit project (a
 * `.bedrock_agentcore.yaml` in the folder or above it, up to `stopAt`), its agents' folders are agent code and the
 * rest is `other`; elsewhere files are classified by name and content (see classifyLooseFile).
 */
export function findLegacyToolkitRoots(start: string, stopAt?: string): { base: string; roots: SourceRoot[] } | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, LEGACY_TOOLKIT_FILE);
    if (fs.existsSync(candidate)) {
      try {
        const text = fs.readFileSync(candidate, 'utf8');
        if (text.length <= 1024 * 1024) return { base: dir, roots: legacyToolkitRoots(text, dir, dir) };
      } catch {
        return undefined;
      }
      return undefined;
    }
    const parent = path.dirname(dir);
    if (parent === dir || (stopAt && path.resolve(dir) === path.resolve(stopAt))) return undefined;
    dir = parent;
  }
}

/** The role of a loose file: by the starter-toolkit agents around it when there are some, else by name and content. */
export function looseFileRole(
  file: string,
  text: string,
  toolkit: { base: string; roots: SourceRoot[] } | undefined,
  baseDir: string,
): FileRole {
  if (toolkit) {
    const relative = posixRelative(toolkit.base, file);
    if (!relative.startsWith('../')) return classifyFile(relative, toolkit.roots, () => text);
  }
  const relative = posixRelative(baseDir, file);
  return classifyLooseFile(relative.startsWith('../') ? path.basename(file) : relative, () => text);
}
