/**
 * The policy rules on the real-world corpus (../shared/corpus/real-configs): projects the official CLI accepts
 * must get no crash, and every policy finding is pinned so a change in Cedar's wording or in our rules shows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRules } from '../rules/index.js';
import { lint } from '../src/lint.js';

const CORPUS = path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'real-configs');
const present = fs.existsSync(path.join(CORPUS, 'README.md'));
const policyRuleIds = new Set(projectRules.filter((r) => r.meta.category === 'policy').map((r) => r.meta.id));

describe.skipIf(!present)('policy rules on the corpus', () => {
  const folders = present
    ? fs.readdirSync(CORPUS).filter((f) => {
        const config = path.join(CORPUS, f, 'agentcore', 'agentcore.json');
        return fs.existsSync(config) && /"policyEngines"\s*:\s*\[\s*\{/.test(fs.readFileSync(config, 'utf8'));
      })
    : [];

  it.each(folders)('%s', async (folder) => {
    const root = path.join(CORPUS, folder);
    const result = await lint({ paths: [root] });
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    const shown = result.findings
      .filter((f) => policyRuleIds.has(f.ruleId))
      .map((f) => `${path.relative(root, f.file)}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.ruleId}: ${f.message}`);
    expect(shown).toMatchSnapshot();
  });
});
