/**
 * agentcore.json and harness.json parity over every fixture project: `agentcore/config` (with @eslint/json) reports
 * exactly the CLI's findings located in each project's agentcore.json and harness.json files. The only differences
 * are files @eslint/json cannot parse: ESLint then reports its own parsing error and runs no rule (asserted below,
 * so a new divergence fails).
 */
import * as path from 'node:path';
import json from '@eslint/json';
import { ESLint } from 'eslint';
import fastGlob from 'fast-glob';
import { beforeAll, describe, expect, it } from 'vitest';
// The CLI's compiled code, the same build the plugin runs (npm test builds first): no src/dist skew.
import { lint } from '../dist/src/lint.js';
import plugin from '../eslint-plugin/index.js';

const REPO = path.resolve('.');

describe('agentcore/config parity with the CLI on every fixture project', () => {
  const glob = (patterns: string[]): string[] => fastGlob.sync(patterns, { cwd: REPO, absolute: true }).map((f) => path.normalize(f)).sort();
  const configs = glob(['fixtures/rules/*/*/agentcore/agentcore.json', 'fixtures/demo-project/agentcore/agentcore.json']);
  // Every harness.json, also those no harness reads (they must get no finding in either).
  const harnessFiles = glob(['fixtures/rules/*/*/**/harness.json', 'fixtures/demo-project/**/harness.json']);
  const files = [...configs, ...harnessFiles];
  /** The fixture case a file belongs to (`invalid-binary`). */
  const caseOf = (file: string): string => /fixtures[\\/]rules[\\/][^\\/]+[\\/]([^\\/]+)/.exec(file)?.[1] ?? file;
  let cli: string[] = [];
  let eslint: string[] = [];

  beforeAll(async () => {
    const wanted = new Set(files);
    const result = await lint({ paths: configs.map((c) => path.dirname(path.dirname(c))), cwd: REPO });
    cli = result.findings
      .filter((f) => wanted.has(f.file))
      .map((f) => `${path.relative(REPO, f.file)}:${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.message}`)
      .sort();
    const engine = new ESLint({ cwd: REPO, overrideConfigFile: true, overrideConfig: [{ plugins: { json } }, plugin.configs.json] });
    eslint = (await engine.lintFiles(files))
      .flatMap((r) => r.messages.map((m) => {
        const match = /^(.*) \[([a-z0-9-]+)\]$/s.exec(m.message);
        const what = m.fatal || !match ? `(parse) ${m.message}` : `${match[2]} ${match[1]}`;
        return `${path.relative(REPO, r.filePath)}:${m.line}:${m.column} ${what}`;
      }))
      .sort();
  }, 300_000);

  it('reports the CLI findings, except where @eslint/json cannot parse the file', () => {
    expect(configs.length).toBeGreaterThan(100);
    expect(harnessFiles.length).toBeGreaterThan(20);
    expect(cli.filter((r) => r.includes('harness.json:')).length).toBeGreaterThan(20);
    const unparsable = new Set(eslint.filter((r) => r.includes(' (parse) ')).map((r) => r.slice(0, r.indexOf(':'))));
    expect([...unparsable].map((f) => `${caseOf(f)}/${path.basename(f)}`).sort()).toEqual([
      'invalid-binary/agentcore.json', 'invalid-comment/agentcore.json', 'invalid-companion-files/harness.json',
      'invalid-harness-trailing-comma/harness.json', 'invalid-trailing-comma/agentcore.json', 'invalid-truncated/agentcore.json',
    ]);
    const inParsable = (r: string) => !unparsable.has(r.slice(0, r.indexOf(':')));
    expect(eslint.filter(inParsable)).toEqual(cli.filter(inParsable));
    // In the unparsable files the CLI reports the syntax (or encoding) problem itself.
    expect(cli.filter((r) => !inParsable(r)).every((r) => / (json-syntax|unreadable-file) /.test(r))).toBe(true);
    // A byte order mark and a non-UTF-8 file are reported from the saved file, as the CLI does.
    expect(eslint.some((r) => r.includes('invalid-bom/') && r.includes(' json-syntax '))).toBe(true);
    expect(eslint.some((r) => r.includes('invalid-latin1/') && r.includes(' unreadable-file '))).toBe(true);
  });
});
