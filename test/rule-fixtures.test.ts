/**
 * Good/bad fixture projects per rule, with snapshot results (the cfn-lint/Ruff pattern).
 *
 * fixtures/rules/<rule-id>/<valid|invalid>-<case>/ is a project (it holds agentcore/agentcore.json).
 * - valid-*: the rule reports nothing;
 * - invalid-*: the rule reports at least once.
 * Every finding of every rule is snapshotted in the case's expected.json, so noise from other rules shows too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import { snapshotFindings } from './helpers/findings.js';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'rules');

const ruleDirs = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).sort() : [];

describe.each(ruleDirs)('rule %s', (ruleId) => {
  const cases = fs
    .readdirSync(path.join(FIXTURES, ruleId))
    .filter((c) => /^(valid|invalid)-/.test(c))
    .sort();
  it.each(cases)('%s', async (caseName) => {
    const root = path.join(FIXTURES, ruleId, caseName);
    const result = await lint({ paths: [root] });
    const findings = snapshotFindings(root, result.findings);
    const own = findings.filter((f) => f.ruleId === ruleId);
    if (caseName.startsWith('valid-')) expect(own).toEqual([]);
    else expect(own.length).toBeGreaterThan(0);
    await expect(JSON.stringify(findings, null, 2) + '\n').toMatchFileSnapshot(path.join(root, 'expected.json'));
  });
});
