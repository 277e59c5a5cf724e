/**
 * Parity with `agentcore validate` (reference/official-validate.md §5): each schema case the official CLI
 * rejects is found by our rules, located at the key or value concerned, and worded with the CLI's own text
 * where it has one. The fixtures are the rule fixtures; their expected.json snapshots hold the full findings.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'rules');

interface OfficialCase {
  case: string;
  fixture: string;
  rule: string;
  /** File (relative to the project), line and column of the finding. */
  at: [string, number, number];
  /** Text the message must contain (the official wording where we reuse it). */
  says: string;
}

const CASES: OfficialCase[] = [
  { case: '09', fixture: 'schema/invalid-gateway-name', rule: 'schema', at: ['agentcore/agentcore.json', 7, 15], says: 'Gateway name must be alphanumeric with optional hyphens (max 100 chars)' },
  { case: '10', fixture: 'schema/invalid-unknown-top-level-key', rule: 'schema', at: ['agentcore/agentcore.json', 5, 3], says: 'Unknown key "gateways" at the top level' },
  { case: '11', fixture: 'schema/invalid-missing-version', rule: 'schema', at: ['agentcore/agentcore.json', 1, 1], says: 'missing required "version"' },
  { case: '12', fixture: 'schema/invalid-runtime-name', rule: 'schema', at: ['agentcore/agentcore.json', 7, 15], says: 'Must begin with a letter and contain only alphanumeric characters and underscores (max 48 chars)' },
  { case: '17', fixture: 'schema/invalid-policy-name', rule: 'schema', at: ['agentcore/agentcore.json', 10, 19], says: 'policyEngines[0].policies[0].name "allow-pets" is invalid' },
  { case: '18', fixture: 'schema/invalid-env-var-name', rule: 'schema', at: ['agentcore/agentcore.json', 16, 19], says: 'Must start with a letter or underscore, contain only letters, digits, and underscores' },
  { case: '26', fixture: 'schema/invalid-exception-level', rule: 'schema', at: ['agentcore/agentcore.json', 11, 25], says: 'must be "NONE" or "DEBUG", got "ALL"' },
  { case: '27', fixture: 'schema/invalid-unknown-target-key', rule: 'schema', at: ['agentcore/agentcore.json', 17, 11], says: 'Unknown key "credentialName" in agentCoreGateways[0].targets[0]' },
  { case: '41', fixture: 'aws-targets/invalid-missing-aws-targets', rule: 'aws-targets', at: ['agentcore/agentcore.json', 1, 1], says: 'Required file not found: aws-targets.json' },
  { case: '42', fixture: 'schema/invalid-aws-targets-values', rule: 'schema', at: ['agentcore/aws-targets.json', 4, 16], says: 'AWS account ID must be exactly 12 digits' },
  { case: '42', fixture: 'schema/invalid-aws-targets-values', rule: 'schema', at: ['agentcore/aws-targets.json', 5, 15], says: 'got "mars-1"' },
  { case: '43', fixture: 'aws-targets/invalid-deployed-target-not-in-aws-targets', rule: 'aws-targets', at: ['agentcore/.cli/deployed-state.json', 4, 5], says: 'Deployed state contains target names not present in aws-targets' },
  { case: '51', fixture: 'unknown-key/invalid-secret-and-stray-keys', rule: 'unknown-key', at: ['agentcore/agentcore.json', 14, 7], says: 'Unknown key "secretToken" in runtimes[0] looks like it holds a secret' },
  { case: '51', fixture: 'unknown-key/invalid-secret-and-stray-keys', rule: 'unknown-key', at: ['agentcore/agentcore.json', 21, 7], says: 'Unknown key "apiKey" in credentials[0] looks like it holds a secret' },
  { case: '51', fixture: 'unknown-key/invalid-secret-and-stray-keys', rule: 'unknown-key', at: ['agentcore/agentcore.json', 31, 11], says: 'Unknown key "cedar" in policyEngines[0].policies[0]' },
];

describe('official validate cases (§5) are found and located', () => {
  it.each(CASES)('case $case: $fixture', async ({ fixture, rule, at, says }) => {
    const root = path.join(FIXTURES, fixture);
    const findings = (await lint({ paths: [root] })).findings
      .filter((f) => f.ruleId === rule)
      .map((f) => ({ at: [path.relative(root, f.file).split(path.sep).join('/'), f.range.start.line, f.range.start.column], message: f.message }));
    expect(findings).toContainEqual({ at, message: expect.stringContaining(says) });
  });
});
