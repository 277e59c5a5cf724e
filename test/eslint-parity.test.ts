/**
 * ESLint parity: the CLI's `lint()` and ESLint's Node API with eslint-plugin-agentcore report the same findings
 * (rule, line, column, message) on every TS/JS file of the rule fixtures and the demo project, and the same
 * agentcore.json findings for the demo project. Runs under the ESLint installed as a devDependency (10.x).
 */
import * as path from 'node:path';
import json from '@eslint/json';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import fastGlob from 'fast-glob';
import { beforeAll, describe, expect, it } from 'vitest';
// The CLI's compiled code, the same build the plugin runs (npm test builds first): no src/dist skew.
import { lint } from '../dist/src/lint.js';
import plugin from '../eslint-plugin/index.js';

const REPO = path.resolve('.');
const SCRIPT_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/** The agentcore-lint rules the plugin exposes for TS/JS files (from its recommended config). */
const pluginRuleIds = Object.keys(plugin.configs.recommended.rules).map((id) => id.replace(/^agentcore\//, ''));

function eslintFor(): ESLint {
  return new ESLint({
    cwd: REPO,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
      plugin.configs.recommended,
      { plugins: { json } },
      plugin.configs.json,
    ],
  });
}

type Row = string;
const row = (file: string, ruleId: string, line: number, column: number, message: string): Row =>
  `${path.relative(REPO, file)}:${line}:${column} ${ruleId} ${message}`;

describe('ESLint parity with the CLI (TS/JS source rules)', () => {
  const files = fastGlob
    .sync([`fixtures/rules/*/**/${SCRIPT_GLOB}`, `fixtures/demo-project/${SCRIPT_GLOB}`], { cwd: REPO, absolute: true, ignore: ['**/node_modules/**'] })
    .map((f) => path.normalize(f))
    .sort();
  let cli: Row[] = [];
  let eslint: Row[] = [];

  beforeAll(async () => {
    const result = await lint({ paths: files, cwd: REPO });
    const wanted = new Set(files);
    cli = result.findings
      .filter((f) => wanted.has(f.file) && pluginRuleIds.includes(f.ruleId))
      .map((f) => row(f.file, f.ruleId, f.range.start.line, f.range.start.column, f.message))
      .sort();
    const results = await eslintFor().lintFiles(files);
    eslint = results
      .flatMap((r) => r.messages.map((m) => {
        expect(m.fatal, `${r.filePath}: ${m.message}`).toBeFalsy();
        return row(r.filePath, (m.ruleId ?? '').replace(/^agentcore\//, ''), m.line, m.column, m.message);
      }))
      .sort();
  }, 120_000);

  it('lints a meaningful set of files and findings', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(cli.length).toBeGreaterThanOrEqual(20);
    // Every source rule is exercised by at least one finding.
    for (const id of pluginRuleIds.filter((id) => id !== 'suppression-directive')) {
      expect(cli.some((r) => r.includes(` ${id} `)), id).toBe(true);
    }
  });

  it('reports identical (file, rule, line, column, message) sets', () => {
    expect(eslint).toEqual(cli);
  });
});

describe('ESLint parity with the CLI (agentcore.json with @eslint/json)', () => {
  const project = path.join(REPO, 'fixtures', 'demo-project');
  const configFile = path.join(project, 'agentcore', 'agentcore.json');

  it('agentcore/config reports the CLI findings located in the demo project\'s agentcore.json', async () => {
    const result = await lint({ paths: [project], cwd: REPO });
    const cli = result.findings
      .filter((f) => f.file === configFile)
      .map((f) => row(f.file, f.ruleId, f.range.start.line, f.range.start.column, f.message))
      .sort();
    const [eslintResult] = await eslintFor().lintFiles([configFile]);
    const eslint = eslintResult.messages
      .map((m) => {
        expect(m.ruleId).toBe('agentcore/config');
        const match = /^(.*) \[([a-z0-9-]+)\]$/s.exec(m.message);
        expect(match, m.message).not.toBeNull();
        return row(eslintResult.filePath, match![2], m.line, m.column, match![1]);
      })
      .sort();
    expect(cli.length).toBeGreaterThanOrEqual(10);
    expect(eslint).toEqual(cli);
  });
});
