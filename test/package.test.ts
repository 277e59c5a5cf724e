/**
 * What `npm pack` ships (the npm package, and the tarball pre-commit installs): the CLI bundle, the library, the
 * grammar and schemas, and never the V8 code cache a local run leaves in dist/.compile-cache/ (it is made for one
 * Node binary, and regenerated on the user's machine).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_CONFIG, ROOT, useTempTrees } from './helpers/cli.js';

describe('npm package contents', () => {
  it('ships the CLI bundle and its entry points, not the compile cache', () => {
    // make sure there is a compile cache to leave out
    fs.mkdirSync(path.join(ROOT, 'dist', '.compile-cache'), { recursive: true });
    const probe = path.join(ROOT, 'dist', '.compile-cache', 'package-test.bin');
    fs.writeFileSync(probe, 'x');
    try {
      const run = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      const files = (JSON.parse(run.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
      expect(files).toContain('bin/agentcore-lint.js');
      expect(files).toContain('dist/cli/cli.js');
      expect(files).toContain('dist/src/index.js');
      expect(files).toContain('vendor/tree-sitter-python/tree-sitter-python.wasm');
      expect(files.filter((f) => f.includes('.compile-cache'))).toEqual([]);
    } finally {
      fs.rmSync(probe, { force: true });
    }
  }, 120_000);
});

describe('the library entry point (package.json main)', () => {
  it('lints a project and formats the findings', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; types: string };
    expect(fs.existsSync(path.join(ROOT, pkg.types))).toBe(true);
    const api = (await import(path.join(ROOT, pkg.main))) as typeof import('../src/index.js');
    const result = await api.lint({ paths: ['fixtures/demo-project'], cwd: ROOT });
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => api.rules.some((r) => r.meta.id === f.ruleId))).toBe(true);
    const sarif = JSON.parse(api.formatters.sarif(result.findings, { cwd: ROOT, color: false, rules: api.rules.map((r) => r.meta), version: '0' }));
    expect(sarif.runs[0].results).toHaveLength(result.findings.length);
  });
});

describe('the packed package, installed', () => {
  const tree = useTempTrees();

  it('serves the ESLint plugin as agentcore-lint/eslint-plugin, which lints with the installed copy alone', async () => {
    // `npm pack` the package, unpack it as node_modules/agentcore-lint of a fresh project whose other dependencies
    // are this repository's (no network), and lint a file there through the plugin's public entry point.
    const dir = tree({
      'agentcore/agentcore.json': MINIMAL_CONFIG,
      'app/main.ts': "// a GitHub token in code\nexport const token = 'ghp_Zq8Xw3Lp9Vb2Nc7Mk4Jh6Gf1Ds5Aa0QeWt7U';\n",
      'eslint.config.mjs': [
        "import agentcore from 'agentcore-lint/eslint-plugin';",
        "import tsParser from '@typescript-eslint/parser';",
        "export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, agentcore.configs.recommended];",
        '',
      ].join('\n'),
    });
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = path.join(dir, packed.stdout.trim().split('\n').pop()!);
    const installed = path.join(dir, 'node_modules', 'agentcore-lint');
    fs.mkdirSync(installed, { recursive: true });
    expect(spawnSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']).status).toBe(0);
    for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
      if (name === '.bin' || name === '.cache' || name === 'agentcore-lint' || name === 'eslint-plugin-agentcore') continue;
      fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(dir, 'node_modules', name));
    }
    const { ESLint } = (await import(path.join(ROOT, 'node_modules', 'eslint', 'lib', 'api.js'))) as typeof import('eslint');
    const eslint = new ESLint({ cwd: dir });
    const [result] = await eslint.lintFiles(['app/main.ts']);
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['agentcore/no-inline-secrets', 2, 22]]);
  }, 120_000);
});
