/**
 * ESLint 9 and 10: eslint-plugin-agentcore's flat configs give the same findings under ESLint 9 (the `eslint-v9`
 * devDependency, an npm alias of eslint@9) as under ESLint 10 (`eslint`), which eslint-parity.test.ts holds to the
 * CLI. Compared per finding: file, rule, line, column, end, severity, message and suggestions.
 *
 * - the ESLint class over every TS/JS fixture (`@typescript-eslint/parser` for TS, the default parser for JS) and
 *   every fixture agentcore.json (`@eslint/json`, which needs ESLint ≥ 9.15);
 * - the Linter class on a small project with plain JavaScript agent code and no TypeScript parser configured.
 *
 * ESLint 9 runs first in each comparison, so the plugin's per-file and per-project caches are filled under ESLint 9
 * and not carried over from an ESLint 10 run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import json from '@eslint/json';
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10, Linter as Linter10 } from 'eslint';
import { ESLint as ESLint9, Linter as Linter9 } from 'eslint-v9';
import fastGlob from 'fast-glob';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin/index.js';
import { useTempTrees } from './helpers/cli.js';

const REPO = path.resolve('.');

interface Message {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
}

/** One comparable line per message. */
function rows(filePath: string, root: string, messages: Message[]): string[] {
  return messages.map((m) => {
    const suggestions = (m.suggestions ?? []).map((s) => `${s.desc} ${JSON.stringify(s.fix)}`).join(' | ');
    const where = `${path.relative(root, filePath)}:${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;
    return `${where} ${m.ruleId} ${m.fatal ? 'fatal' : m.severity} ${m.message}${suggestions ? ` suggestions: ${suggestions}` : ''}`;
  });
}

/** The configuration the README shows: TS parser for TS files, default parser for JS, @eslint/json for agentcore.json. */
function flatConfig(): unknown[] {
  return [
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
    plugin.configs.recommended,
    { plugins: { json } },
    plugin.configs.json,
  ];
}

describe('ESLint 9 and ESLint 10 report the same findings (ESLint class, every fixture)', () => {
  const scripts = fastGlob
    .sync(['fixtures/rules/*/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', 'fixtures/demo-project/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], {
      cwd: REPO,
      absolute: true,
      ignore: ['**/node_modules/**'],
    })
    .map((f) => path.normalize(f))
    .sort();
  const configs = fastGlob
    .sync(['fixtures/rules/*/*/agentcore/agentcore.json', 'fixtures/demo-project/agentcore/agentcore.json'], { cwd: REPO, absolute: true })
    .map((f) => path.normalize(f))
    .sort();
  const found: Record<'v9' | 'v10', { version: string; scripts: string[]; configs: string[] }> = {
    v9: { version: '', scripts: [], configs: [] },
    v10: { version: '', scripts: [], configs: [] },
  };

  beforeAll(async () => {
    for (const [key, ESLint] of [['v9', ESLint9], ['v10', ESLint10]] as const) {
      // Both classes take the same options; the alias has its own (9.x) types.
      const engine = new (ESLint as typeof ESLint10)({ cwd: REPO, overrideConfigFile: true, overrideConfig: flatConfig() as never });
      const lintRows = async (files: string[]) =>
        (await engine.lintFiles(files)).flatMap((r) => rows(r.filePath, REPO, r.messages as Message[])).sort();
      found[key] = { version: ESLint.version, scripts: await lintRows(scripts), configs: await lintRows(configs) };
    }
  }, 300_000);

  it('runs the two major versions', () => {
    expect(found.v9.version).toMatch(/^9\./);
    expect(found.v10.version).toMatch(/^10\./);
  });

  it('TS/JS source rules: identical findings, suggestions included', () => {
    expect(scripts.some((f) => f.endsWith('.ts'))).toBe(true);
    expect(scripts.some((f) => f.endsWith('.js'))).toBe(true);
    expect(found.v10.scripts.length).toBeGreaterThanOrEqual(20);
    expect(found.v10.scripts.some((r) => r.includes(' suggestions: '))).toBe(true); // at least one finding with a suggestion
    expect(found.v9.scripts.filter((r) => / fatal /.test(r))).toEqual([]);
    expect(found.v9.scripts).toEqual(found.v10.scripts);
  });

  it('agentcore.json with @eslint/json: identical findings', () => {
    expect(configs.length).toBeGreaterThan(100);
    expect(found.v10.configs.filter((r) => / agentcore\/config /.test(r)).length).toBeGreaterThanOrEqual(100);
    expect(found.v9.configs).toEqual(found.v10.configs);
  });
});

describe('ESLint 9 and ESLint 10 report the same findings (Linter class)', () => {
  const tree = useTempTrees();
  const project = tree({
    'agentcore/agentcore.json': `${JSON.stringify(
      {
        name: 'PlainJs',
        version: 1,
        runtimes: [{ name: 'Agent', build: 'CodeZip', entrypoint: 'main.js', codeLocation: 'app/Agent/', runtimeVersion: 'NODE_22', protocol: 'HTTP' }],
        agentCoreGateways: [{ name: 'travel-tools', authorizerType: 'NONE', targets: [] }],
      },
      null,
      2,
    )}\n`,
    'app/Agent/main.js': [
      'import { BedrockAgentCoreApp } from "bedrock-agentcore/runtime";',
      'import axios from "axios";',
      '',
      'const apiKey = "sk-proj-Qm9vR3kP2xT7wLz8NcY4bHd1FgJ6sVa0Ue5Wq";',
      'const gatewayUrl = process.env.AGENTCORE_GATEWAY_TRAVEL_TOOLS_URL ?? "";',
      '',
      'async function forecast(city) {',
      '  const response = await fetch(`https://api.weather.example.com/v1/forecast?q=${city}`);',
      '  return response.json();',
      '}',
      '',
      'const app = new BedrockAgentCoreApp({',
      '  invocationHandler: {',
      '    async process(payload) {',
      '      await axios.post(new URL(gatewayUrl).href, { apiKey });',
      '      return { result: await forecast(payload.prompt ?? "") };',
      '    },',
      '  },',
      '});',
      '',
      'app.run();',
      '',
    ].join('\n'),
    'app/Agent/tools.ts': [
      'const token: string = "ghp_Zq8Xw3Lp9Vb2Nc7Mk4Jh6Gf1Ds5Aa0QeWt7U";',
      'export async function lookup(id: string): Promise<unknown> {',
      '  return (await fetch(`https://api.example.com/items/${id}`, { headers: { authorization: token } })).json();',
      '}',
      '',
    ].join('\n'),
  });

  /** Lints each file's saved text with both Linter classes and the given configuration. */
  function bothLinters(config: unknown[], files: string[]): Record<'v9' | 'v10', string[]> {
    const result = { v9: [] as string[], v10: [] as string[] };
    for (const [key, Linter] of [['v9', Linter9], ['v10', Linter10]] as const) {
      const linter = new (Linter as typeof Linter10)({ cwd: project });
      for (const relative of files) {
        const file = path.join(project, relative);
        const text = fs.readFileSync(file, 'utf8');
        result[key].push(...rows(file, project, linter.verify(text, config as never, { filename: file }) as Message[]));
      }
      result[key].sort();
    }
    return result;
  }

  it('plain JavaScript with the default parser (no TypeScript parser configured)', () => {
    const { v9, v10 } = bothLinters([plugin.configs.recommended], ['app/Agent/main.js']);
    const ruleIds = [...new Set(v10.map((r) => r.split(' ')[1]))].sort();
    expect(ruleIds).toEqual(['agentcore/direct-http-call', 'agentcore/gateway-url-unguarded', 'agentcore/no-inline-secrets']);
    expect(v9.filter((r) => / fatal /.test(r))).toEqual([]);
    expect(v9).toEqual(v10);
  });

  it('TypeScript with @typescript-eslint/parser, and agentcore.json with @eslint/json', () => {
    const { v9, v10 } = bothLinters(flatConfig(), ['app/Agent/tools.ts', 'agentcore/agentcore.json']);
    expect(v10.some((r) => r.startsWith(`${path.join('app', 'Agent', 'tools.ts')}:1:`) && r.includes(' agentcore/no-inline-secrets '))).toBe(true);
    expect(v10.some((r) => r.startsWith(`${path.join('agentcore', 'agentcore.json')}:`) && r.includes('[gateway-inbound-auth-none]'))).toBe(true);
    expect(v9.filter((r) => / fatal /.test(r))).toEqual([]);
    expect(v9).toEqual(v10);
  });
});
