/**
 * Why a source file is in the project (`FileRole`), which decides what is legitimate in it: direct HTTP is
 * normal in tool, Lambda and MCP-server code, not in agent runtime code.
 *
 * Roles come from agentcore.json first (the "source roots": every runtime's `codeLocation`, gateway tool code,
 * `mcpRuntimeTools` code, the entrypoints of `.bedrock_agentcore.yaml` agents) and are then refined per file,
 * because real projects often set `codeLocation: "."`, so the packaged folder also holds tests, Lambda handlers,
 * web front ends and infrastructure code. Classify, do not flood.
 */
import * as path from 'node:path';
import { parseYaml } from '../util/lazy-modules.js';
import type { AgentCoreProject } from '../project.js';
import type { FileRole } from '../rule.js';
import { asObject, asString, type JsonObject } from '../util/json-value.js';
import { entries, gatewayTargets } from '../util/spec.js';

export type RootRole = 'agent' | 'mcp-server' | 'tool';

/** A folder (or single file) agentcore.json says holds code of one kind. */
export interface SourceRoot {
  /** Project-relative, `/`-separated, no trailing slash; '' for the project root. */
  path: string;
  role: RootRole;
  /** For messages and debugging: `runtime "Agent"`, `gateway target "gw/tools"`. */
  owner: string;
  /** Project-relative path of the entrypoint file, when known (never reclassified). */
  entrypoint?: string;
}

/** Normalises a project-relative reference: `/` separators, no `./`, no trailing slash; undefined if it escapes. */
export function normalizeRelative(reference: string): string | undefined {
  const trimmed = reference.trim();
  if (trimmed === '' || path.isAbsolute(trimmed) || /^[A-Za-z]:[\\/]/.test(trimmed)) return undefined;
  const normal = path.posix.normalize(trimmed.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return undefined;
  return normal === '.' ? '' : normal;
}

function join(dir: string, file: string): string | undefined {
  return normalizeRelative(dir === '' ? file : `${dir}/${file}`);
}

/** The source roots agentcore.json (and a `.bedrock_agentcore.yaml` beside it) declares. */
export function sourceRoots(project: AgentCoreProject): SourceRoot[] {
  const roots: SourceRoot[] = [];
  for (const runtime of entries(project.spec, 'runtimes')) {
    const location = asString(runtime.node.codeLocation);
    const dir = location === undefined ? undefined : normalizeRelative(location);
    if (dir === undefined) continue;
    const protocol = asString(runtime.node.protocol);
    const entrypoint = asString(runtime.node.entrypoint)?.replace(/:[A-Za-z_][A-Za-z0-9_]*$/, '');
    roots.push({
      path: dir,
      role: protocol === 'MCP' ? 'mcp-server' : 'agent',
      owner: `runtime "${runtime.name ?? '?'}"`,
      entrypoint: entrypoint ? join(dir, entrypoint) : undefined,
    });
  }
  const implementationPath = (node: JsonObject): string | undefined => {
    const p = asString(asObject(asObject(node.compute)?.implementation)?.path);
    return p === undefined ? undefined : normalizeRelative(p);
  };
  for (const target of gatewayTargets(project.spec)) {
    const dir = implementationPath(target.node);
    if (dir === undefined) continue;
    roots.push({
      path: dir,
      role: target.targetType === 'mcpServer' ? 'mcp-server' : 'tool',
      owner: `gateway target "${target.gateway.name ?? '?'}/${target.name ?? '?'}"`,
    });
  }
  for (const key of ['mcpRuntimeTools', 'unassignedTargets']) {
    for (const tool of entries(project.spec, key)) {
      const dir = implementationPath(tool.node);
      if (dir === undefined) continue;
      roots.push({ path: dir, role: key === 'mcpRuntimeTools' ? 'mcp-server' : 'tool', owner: `${key} "${tool.name ?? '?'}"` });
    }
  }
  return roots;
}

export const LEGACY_TOOLKIT_FILE = '.bedrock_agentcore.yaml';

/**
 * The agent folders of a starter-toolkit `.bedrock_agentcore.yaml` (`agents: { <name>: { entrypoint, source_path? } }`),
 * relative to `baseDir` (the folder holding the YAML). Parsed with the `yaml` package's core schema:
 * plain data only (no custom tags, nothing executed), aliases capped; anything unexpected yields no roots.
 */
export function legacyToolkitRoots(yamlText: string, baseDir: string, projectRoot: string): SourceRoot[] {
  let doc: unknown;
  try {
    doc = parseYaml(yamlText, { schema: 'core', maxAliasCount: 50, uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
  } catch {
    return [];
  }
  const agents = asObject(asObject(doc)?.agents);
  if (!agents) return [];
  const roots: SourceRoot[] = [];
  for (const [name, value] of Object.entries(agents)) {
    const agent = asObject(value);
    const entrypoint = asString(agent?.entrypoint);
    if (!entrypoint) continue;
    const absolute = path.resolve(baseDir, entrypoint);
    const relativeEntry = normalizeRelative(path.relative(projectRoot, absolute));
    if (relativeEntry === undefined) continue;
    // `source_path` (newer toolkits) names the packaged folder; otherwise the entrypoint's folder.
    const source = asString(agent?.source_path);
    const dirAbsolute = source ? path.resolve(baseDir, source) : path.dirname(absolute);
    const dir = normalizeRelative(path.relative(projectRoot, dirAbsolute));
    if (dir === undefined) continue;
    roots.push({ path: dir, role: 'agent', owner: `starter-toolkit agent "${name}"`, entrypoint: relativeEntry });
  }
  return roots;
}

/** Whether `relative` is `root` or inside it. */
export function isWithin(root: string, relative: string): boolean {
  return root === '' || relative === root || relative.startsWith(`${root}/`);
}

/** The most specific root holding the file (tool code inside a `codeLocation: "."` wins over the runtime). */
export function rootOf(relative: string, roots: readonly SourceRoot[]): SourceRoot | undefined {
  let best: SourceRoot | undefined;
  for (const root of roots) {
    if (!isWithin(root.path, relative)) continue;
    if (!best || root.path.length > best.path.length || (root.path.length === best.path.length && rank(root) > rank(best))) best = root;
  }
  return best;
}

/** At equal depth, the role where direct calls are legitimate wins (one folder deployed twice). */
function rank(root: SourceRoot): number {
  return root.role === 'tool' ? 2 : root.role === 'mcp-server' ? 1 : 0;
}

const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', '__test__', 'testing', 'spec', 'specs', 'e2e', 'integ', 'integration_tests', 'fixtures', '__mocks__']);
/** Folders of web front ends, infrastructure code, docs and scripts: packaged along, but not agent runtime code. */
const OTHER_FOLDERS = new Set([
  'frontend', 'front-end', 'web', 'webapp', 'web-app', 'ui', 'client', 'public', 'static', 'www', 'site', 'website',
  'components', 'pages', 'styles', 'docs', 'doc', 'examples', 'example', 'samples', 'notebooks', 'scripts', 'bin',
  'infra', 'infrastructure', 'cdk', 'terraform', 'deploy', 'deployment', 'migrations', 'tools-dev', '.github',
]);
const TOOL_FOLDERS = new Set(['lambda', 'lambdas', 'lambda_functions', 'functions', 'handlers']);

/** Test files by name or folder: `tests/`, `test_*.py`, `*_test.py`, `conftest.py`, `*.test.ts`, `*.spec.js`. */
export function isTestPath(relative: string): boolean {
  const parts = relative.split('/');
  const base = parts[parts.length - 1];
  if (parts.slice(0, -1).some((p) => TEST_FOLDERS.has(p.toLowerCase()))) return true;
  return /^test_.*\.py$|_test\.py$|^conftest\.py$|\.(?:test|spec)\.[cm]?[jt]sx?$/i.test(base);
}

/** Front ends, build/tool configuration, type declarations, infrastructure: code that is not the agent's. */
export function isOtherPath(relative: string): boolean {
  const parts = relative.split('/');
  const base = parts[parts.length - 1];
  if (parts.slice(0, -1).some((p) => OTHER_FOLDERS.has(p.toLowerCase()))) return true;
  // Next.js: src/app/** and app/** hold pages and route handlers (page.tsx, layout.tsx, route.ts).
  if (/^(?:page|layout|route|middleware|loading|error|not-found)\.[cm]?[jt]sx?$/.test(base)) return true;
  if (/\.d\.[cm]?ts$|\.min\.[cm]?js$|\.bundle\.[cm]?js$/.test(base)) return true;
  // JSX is a user interface; `*.config.js` is build tooling (next, vite, jest, eslint, tailwind ...).
  if (/\.[jt]sx$/.test(base)) return true;
  if (/\.config\.[cm]?[jt]s$|^(?:setup|noxfile|fabfile|manage)\.py$/.test(base)) return true;
  return false;
}

const PYTHON_LAMBDA = /^[ \t]*(?:async[ \t]+)?def[ \t]+(?:lambda_handler|handler)[ \t]*\([ \t]*_?event\b/m;
const JS_LAMBDA = /^[ \t]*export[ \t]+(?:const|let|var|async[ \t]+function|function)[ \t]+handler\b|\b(?:module\.)?exports\.handler[ \t]*=/m;

/** A Lambda handler by its signature: `def lambda_handler(event, context)`, `export const handler`, `exports.handler =`. */
export function looksLikeLambdaHandler(file: string, text: string): boolean {
  return file.endsWith('.py') ? PYTHON_LAMBDA.test(text) : JS_LAMBDA.test(text);
}

const PYTHON_MCP_SERVER = /\bFastMCP[ \t]*\(|^[ \t]*(?:from[ \t]+mcp\.server\b|import[ \t]+mcp\.server\b)/m;
const JS_MCP_SERVER = /@modelcontextprotocol\/sdk\/server\b|\bnew[ \t]+McpServer[ \t]*\(/;

/** An MCP server (FastMCP, the MCP SDKs' server classes): tool code, where direct calls are its job. */
export function looksLikeMcpServer(file: string, text: string): boolean {
  return file.endsWith('.py') ? PYTHON_MCP_SERVER.test(text) : JS_MCP_SERVER.test(text);
}

/** Minified or generated bundles (a web front end's `index.js`): lines thousands of characters long. */
export function looksMinified(text: string): boolean {
  if (text.length < 5000) return false;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', start)) {
    const end = i < 0 ? text.length : i;
    longest = Math.max(longest, end - start);
    if (i < 0 || longest > 2000) break;
    start = i + 1;
  }
  return longest > 2000;
}

/**
 * The role of one file. `relative` is project-relative with `/`; `text` is read only for the Lambda check.
 * Files outside every root are `other` (a project's scripts and notebooks are not deployed agent code).
 */
export function classifyFile(relative: string, roots: readonly SourceRoot[], text: () => string | undefined): FileRole {
  const root = rootOf(relative, roots);
  if (!root) return 'other';
  if (root.entrypoint === relative) return root.role;
  const inside = root.path === '' ? relative : relative.slice(root.path.length + 1);
  if (isTestPath(inside)) return 'test';
  if (root.role !== 'agent') return root.role;
  if (isOtherPath(inside)) return 'other';
  const folders = inside.split('/').slice(0, -1);
  if (folders.some((p) => TOOL_FOLDERS.has(p.toLowerCase()))) return 'tool';
  const content = text();
  if (content === undefined) return 'agent';
  if (looksLikeLambdaHandler(relative, content)) return 'tool';
  if (looksLikeMcpServer(relative, content)) return 'mcp-server';
  if (!relative.endsWith('.py') && looksMinified(content)) return 'other';
  return 'agent';
}

/** Files linted without a project: tests, front ends and Lambda handlers are recognised, the rest is agent code. */
export function classifyLooseFile(relative: string, text: () => string | undefined): FileRole {
  return classifyFile(relative, [{ path: '', role: 'agent', owner: 'loose files' }], text);
}
