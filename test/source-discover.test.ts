/**
 * Source discovery and file roles: which files of a project the source rules scan, and as what.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject, type AgentCoreProject } from '../src/project.js';
import { scanProjectSources, isDotenvFile, isSkippedPath } from '../src/source/discover.js';
import { classifyFile, legacyToolkitRoots, normalizeRelative, sourceRoots } from '../src/source/roles.js';
import { projectSources } from '../src/source/project-sources.js';
import { useTempTrees } from './helpers/cli.js';

const tree = useTempTrees();

function load(root: string): AgentCoreProject {
  const result = loadProject(root);
  if (!result.ok) throw new Error(result.reason);
  return result.project;
}

function roles(root: string, ignored?: (file: string) => boolean): Record<string, string> {
  const sources = scanProjectSources(load(root), { ignored });
  return Object.fromEntries([...sources.roles].map(([file, role]) => [path.relative(root, file).split(path.sep).join('/'), role]).sort());
}

const AGENT = 'from bedrock_agentcore.runtime import BedrockAgentCoreApp\napp = BedrockAgentCoreApp()\n';

const SPEC = {
  name: 'Disc',
  version: 1,
  runtimes: [
    { name: 'Agent', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/Agent/', protocol: 'HTTP' },
    { name: 'Tools', build: 'CodeZip', entrypoint: 'server.py', codeLocation: './app/Tools', protocol: 'MCP' },
  ],
  agentCoreGateways: [
    { name: 'gw', targets: [{ name: 'calc', targetType: 'lambda', compute: { host: 'Lambda', implementation: { path: 'app/lambda/calc', language: 'Python', handler: 'handler.lambda_handler' } } }] },
  ],
  mcpRuntimeTools: [{ name: 'search', compute: { host: 'AgentCoreRuntime', implementation: { path: 'app/mcp/search' } } }],
};

describe('source discovery outside git', () => {
  it('lists source files under every root with their roles and skips dependencies, build output and ignores', () => {
    const root = tree({
      'agentcore/agentcore.json': JSON.stringify(SPEC),
      'agentcore/cdk/bin/cdk.ts': 'export {};\n',
      'agentcore/.cache/site-packages/x.py': '',
      'app/Agent/main.py': AGENT,
      'app/Agent/tools/weather.py': 'import requests\n',
      'app/Agent/tests/test_main.py': '',
      'app/Agent/frontend/app.tsx': '',
      'app/Agent/node_modules/pkg/index.js': '',
      'app/Agent/.venv/lib/python3.12/site-packages/requests/api.py': '',
      'app/Agent/dist/main.js': '',
      'app/Agent/__pycache__/main.cpython-312.py': '',
      'app/Agent/generated.py': '',
      'app/Agent/pyenv/pyvenv.cfg': 'home = /usr/bin\n',
      'app/Agent/pyenv/bin/activate_this.py': '',
      'app/Agent/local_only.py': '',
      'app/Agent/.gitignore': 'generated.py\n',
      'app/Agent/README.md': '',
      'app/Tools/server.py': '',
      'app/lambda/calc/handler.py': 'def lambda_handler(event, context):\n    return {}\n',
      'app/mcp/search/server.py': '',
      'scripts/deploy.py': '',
      '.env': 'OPENAI_API_KEY=x\n',
    });
    expect(roles(root, (f) => f.endsWith('local_only.py'))).toEqual({
      'app/Agent/frontend/app.tsx': 'other',
      'app/Agent/main.py': 'agent',
      'app/Agent/tests/test_main.py': 'test',
      'app/Agent/tools/weather.py': 'agent',
      'app/Tools/server.py': 'mcp-server',
      'app/lambda/calc/handler.py': 'tool',
      'app/mcp/search/server.py': 'mcp-server',
    });
    const project = load(root);
    const sources = scanProjectSources(project);
    expect(projectSources(project)).toBe(sources);
    expect(sources.envFiles.map((f) => path.relative(root, f))).toEqual(['.env']);
    // Files outside every root are 'other' when named explicitly.
    expect(sources.roleOf(path.join(root, 'scripts', 'deploy.py'))).toBe('other');
  });

  it('classifies a codeLocation "." project: Lambda handlers, tests, front ends, infrastructure', () => {
    const root = tree({
      'agentcore/agentcore.json': JSON.stringify({ name: 'Dot', version: 1, runtimes: [{ name: 'A', build: 'CodeZip', entrypoint: 'main.py', codeLocation: '.' }] }),
      'main.py': AGENT,
      'agent/graph.py': '',
      'handlers.py': 'import json\n\ndef lambda_handler(event: dict, context):\n    return json.dumps(event)\n',
      'mcp/server.py': 'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("tools")\n',
      'mcp/server.ts': 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\n',
      'inspector/index.js': `(function(){${'var a=1;'.repeat(800)}})();\n`,
      'notify.ts': 'export const handler = async (event: unknown) => event;\n',
      'legacy.js': 'exports.handler = async function (event) { return event; };\n',
      'test_agent.py': '',
      'src/agent.test.ts': '',
      'web/src/api.ts': '',
      'src/app/page.tsx': '',
      'infra/lib/stack.ts': '',
      'next.config.js': '',
      'types/env.d.ts': '',
    });
    expect(roles(root)).toEqual({
      'agent/graph.py': 'agent',
      'handlers.py': 'tool',
      'infra/lib/stack.ts': 'other',
      'inspector/index.js': 'other',
      'mcp/server.py': 'mcp-server',
      'mcp/server.ts': 'mcp-server',
      'legacy.js': 'tool',
      'main.py': 'agent',
      'next.config.js': 'other',
      'notify.ts': 'tool',
      'src/agent.test.ts': 'test',
      'src/app/page.tsx': 'other',
      'test_agent.py': 'test',
      'types/env.d.ts': 'other',
      'web/src/api.ts': 'other',
    });
  });

  it('adds the agents of a starter-toolkit .bedrock_agentcore.yaml', () => {
    const root = tree({
      'agentcore/agentcore.json': JSON.stringify({ name: 'Legacy', version: 1 }),
      '.bedrock_agentcore.yaml': [
        'default_agent: support',
        'agents:',
        '  support:',
        '    name: support',
        '    entrypoint: src/support/agent.py',
        '    platform: linux/arm64',
        '    bedrock_agentcore:',
        '      agent_id: null',
      ].join('\n'),
      'src/support/agent.py': AGENT,
      'src/support/util.py': '',
      'src/other/x.py': '',
    });
    expect(roles(root)).toEqual({ 'src/support/agent.py': 'agent', 'src/support/util.py': 'agent' });
  });
});

describe('source discovery in a git work tree', () => {
  it('uses git ls-files: tracked and untracked-but-not-ignored files', () => {
    const root = tree({
      'agentcore/agentcore.json': JSON.stringify(SPEC),
      '.gitignore': 'app/Agent/secret_config.py\n.env\n',
      'app/Agent/main.py': AGENT,
      'app/Agent/secret_config.py': '',
      'app/Agent/forced.py': '',
      'app/Agent/.env': 'A=b\n',
      'app/Agent/.env.production': 'A=b\n',
    });
    try {
      execFileSync('git', ['init', '-q'], { cwd: root, stdio: 'ignore' });
    } catch {
      return; // no git: covered by the other tests
    }
    const sources = scanProjectSources(load(root));
    expect([...sources.roles.keys()].map((f) => path.relative(root, f)).sort()).toEqual([
      path.join('app', 'Agent', 'forced.py'),
      path.join('app', 'Agent', 'main.py'),
    ]);
    expect(sources.envFiles.map((f) => path.relative(root, f))).toEqual([path.join('app', 'Agent', '.env.production')]);
  });
});

describe('a project inside a folder git ignores', () => {
  it('falls back to listing the folder', () => {
    const repo = tree({
      '.gitignore': 'examples/\n',
      'examples/demo/agentcore/agentcore.json': JSON.stringify(SPEC),
      'examples/demo/app/Agent/main.py': AGENT,
    });
    try {
      execFileSync('git', ['init', '-q'], { cwd: repo, stdio: 'ignore' });
    } catch {
      return;
    }
    const root = path.join(repo, 'examples', 'demo');
    expect(Object.keys(roles(root))).toEqual(['app/Agent/main.py']);
  });
});

describe('roles helpers', () => {
  it('normalises references and refuses ones that escape the project', () => {
    expect(normalizeRelative('./app/Agent/')).toBe('app/Agent');
    expect(normalizeRelative('.')).toBe('');
    expect(normalizeRelative('../elsewhere')).toBeUndefined();
    expect(normalizeRelative('/abs/path')).toBeUndefined();
  });

  it('knows skipped folders and dotenv names', () => {
    expect(isSkippedPath('agentcore/cdk/lib/x.ts')).toBe(true);
    expect(isSkippedPath('app/A/.venv/x.py')).toBe(true);
    expect(isSkippedPath('app/A/build/x.js')).toBe(true);
    expect(isSkippedPath('app/A/builder.py')).toBe(false);
    expect(isDotenvFile('app/.env')).toBe(true);
    expect(isDotenvFile('.env.local')).toBe(true);
    expect(isDotenvFile('prod.env')).toBe(true);
    expect(isDotenvFile('.envrc')).toBe(false);
    expect(isDotenvFile('env.py')).toBe(false);
  });

  it('keeps the entrypoint in its runtime role and prefers the deeper, tool root', () => {
    const roots = [
      { path: '', role: 'agent' as const, owner: 'runtime', entrypoint: 'tests/main.py' },
      { path: 'tools', role: 'tool' as const, owner: 'target' },
    ];
    expect(classifyFile('tests/main.py', roots, () => '')).toBe('agent');
    expect(classifyFile('tools/a.py', roots, () => '')).toBe('tool');
    expect(classifyFile('tools/tests/test_a.py', roots, () => '')).toBe('test');
  });

  it('reads a starter-toolkit YAML safely: absolute entrypoints, source_path, junk', () => {
    expect(legacyToolkitRoots('agents:\n  a:\n    entrypoint: /proj/x/agent.py\n', '/proj', '/proj')).toEqual([
      { path: 'x', role: 'agent', owner: 'starter-toolkit agent "a"', entrypoint: 'x/agent.py' },
    ]);
    expect(legacyToolkitRoots('agents:\n  a:\n    entrypoint: agent.py\n    source_path: src\n', '/proj', '/proj')[0].path).toBe('src');
    expect(legacyToolkitRoots('agents:\n  a:\n    entrypoint: /etc/passwd\n', '/proj', '/proj')).toEqual([]);
    expect(legacyToolkitRoots(': : [unclosed', '/proj', '/proj')).toEqual([]);
    expect(legacyToolkitRoots('!!python/object:os.system "x"', '/proj', '/proj')).toEqual([]);
  });

  it('derives roots from agentcore.json', () => {
    const root = tree({ 'agentcore/agentcore.json': JSON.stringify(SPEC) });
    expect(sourceRoots(load(root)).map((r) => [r.path, r.role])).toEqual([
      ['app/Agent', 'agent'], ['app/Tools', 'mcp-server'], ['app/lambda/calc', 'tool'], ['app/mcp/search', 'mcp-server'],
    ]);
  });
});
