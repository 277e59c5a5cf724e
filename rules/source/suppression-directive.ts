import { defineRule } from '../../src/rule.js';

/** Reported by the engine (src/lint.ts) while applying inline suppressions; listed here for docs and config. */
export default defineRule({
  meta: {
    id: 'suppression-directive',
    code: 'AC059',
    category: 'source',
    defaultSeverity: 'warning',
    description: 'Inline `agentcore-lint-disable-…` directives must name known rules, give a reason and suppress something.',
    rationale:
      'A finding can be silenced where it occurs with `agentcore-lint-disable-next-line <rule-id> -- <reason>` (or ' +
      '`agentcore-lint-disable-line`) in a Python, TS/JS or Cedar comment. A suppression hides a security finding ' +
      'from every later reader, so it must say which rule it silences and why; a directive with a typo in the rule ' +
      'id silences nothing, and one whose problem is gone only misleads. Missing reasons and unused directives are ' +
      'warnings, unknown or missing rule ids errors; set this rule to "error" to make a missing reason fail the run. ' +
      '`--no-inline-suppressions` ignores every directive, for audits.',
    messages: {
      missingReason:
        'Suppression of {{ruleIds}} gives no reason: add one after " -- " (for example `-- the key is a public test fixture`) so reviewers know why it is safe.',
      unknownRule:
        'Suppression names an unknown rule "{{ruleId}}", so it silences nothing. Fix the id (`agentcore-lint --list-rules` shows them) or remove the directive.',
      noRule:
        'Suppression names no rule: write the id(s) to silence, e.g. `agentcore-lint-disable-next-line no-inline-secrets -- <reason>`; blanket suppressions are not supported.',
      unused: 'Suppression of {{ruleIds}} silences nothing on its line: remove it (the problem is gone, or is on another line).',
    },
    officialParity: false,
    requiresProject: false,
  },
});
