/**
 * Real projects must not get false errors. ../shared/corpus/real-configs/ (present in CI, never copied into the
 * project) holds 77 agentcore.json files from public repositories, with the official validator's verdict in
 * its README: 72 accepted, 5 legacy shapes rejected.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRules } from '../rules/index.js';
import { lint } from '../src/lint.js';

const CORPUS = path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'real-configs');
const present = fs.existsSync(path.join(CORPUS, 'README.md'));

/** folder → 'accepted' | 'rejected (legacy shape)', from the README's provenance table. */
function verdicts(): Map<string, string> {
  const table = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(CORPUS, 'README.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 6 && cells[1].includes('+') && !cells[1].startsWith('-')) table.set(cells[1], cells[4]);
  }
  return table;
}

const parityRuleIds = new Set(projectRules.filter((r) => r.meta.officialParity).map((r) => r.meta.id));

describe.skipIf(!present)('real-world corpus (../shared/corpus/real-configs)', () => {
  const table = present ? verdicts() : new Map<string, string>();

  it('has a verdict for every folder', () => {
    const folders = fs.readdirSync(CORPUS).filter((f) => fs.statSync(path.join(CORPUS, f)).isDirectory());
    expect(folders.length).toBe(77);
    expect(folders.filter((f) => !table.has(f))).toEqual([]);
  });

  const accepted = [...table].filter(([, v]) => v === 'accepted').map(([f]) => f);
  const legacy = [...table].filter(([, v]) => v.startsWith('rejected')).map(([f]) => f);

  it('lists 72 accepted and 5 legacy files', () => {
    expect(accepted.length).toBe(72);
    expect(legacy.length).toBe(5);
  });

  it.each(accepted)('%s (accepted by agentcore validate): no schema or refinement error', async (folder) => {
    const result = await lint({ paths: [path.join(CORPUS, folder)] });
    const falseErrors = result.findings
      .filter((f) => f.severity === 'error' && (parityRuleIds.has(f.ruleId) || f.ruleId === 'internal-error'))
      // The corpus keeps only agentcore.json (and files beside it); the official verdict was made on the full
      // repository, with its aws-targets.json.
      .filter((f) => !(f.ruleId === 'aws-targets' && f.message.startsWith('agentcore/aws-targets.json is missing')))
      .map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`);
    expect(falseErrors).toEqual([]);
  });

  it.each(legacy)('%s (legacy shape): one clear message, not a wall of schema errors', async (folder) => {
    const result = await lint({ paths: [path.join(CORPUS, folder)] });
    const config = result.findings.filter((f) => f.file.endsWith(path.join('agentcore', 'agentcore.json')));
    expect(config.map((f) => f.ruleId)).toEqual(['legacy-project-file']);
  });
});
