import { analyzePolicies } from '../../src/policy/analysis.js';
import { defineRule } from '../../src/rule.js';
import { asString, objectsOf } from '../../src/util/json-value.js';

export default defineRule({
  meta: {
    id: 'policy-engine-attachment',
    code: 'AC013',
    category: 'policy',
    defaultSeverity: 'warning',
    description:
      'A policy engine should be attached to a gateway, and an engine a gateway enforces must have at least one active permit policy.',
    rationale:
      'A gateway without a policy engine allows every call; once an engine is attached, every call is denied unless ' +
      'a policy permits it (default deny, forbid wins). An engine no gateway names in ' +
      '`policyEngineConfiguration.policyEngineName` is deployed but never evaluated. An engine attached in ENFORCE ' +
      'mode with no `permit` policy (or only LOG_ONLY ones) denies every tool call of that gateway ' +
      '(agentcore-facts.md §5). Rule policy-engine-reference-exists (AC012) reports the reverse: a gateway naming an ' +
      'engine that does not exist.',
    messages: {
      unattached:
        'Policy engine "{{engine}}" is attached to no gateway: its policies are deployed but never evaluated. Attach it with "policyEngineConfiguration": {"policyEngineName": "{{engine}}", "mode": "LOG_ONLY"} on a gateway (then ENFORCE), or remove it.',
      noPermit:
        'Gateway "{{gateway}}" enforces policy engine "{{engine}}", which has no active permit policy: with an engine attached every call is denied unless a policy permits it, so every tool call of this gateway is denied. Add a permit policy, or attach the engine in LOG_ONLY mode.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const engine of analyzePolicies(project).engines) {
      if (engine.attachments.length === 0) {
        report({ messageId: 'unattached', data: { engine: engine.name }, path: [...engine.path, 'name'] });
        continue;
      }
      const permits = objectsOf(engine.node.policies).some(([, policy]) => {
        if (policy.enforcementMode === 'LOG_ONLY') return false;
        const statement = asString(policy.statement) ?? '';
        // Effects of every policy in the statement, comments and strings aside (also guardrail policies).
        const code = statement.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/[^\n]*/g, '');
        return /(^|;|\))\s*permit\s*\(/.test(code) || /^\s*(@\w+\s*\([^)]*\)\s*)*permit\b/.test(code);
      });
      if (permits) continue;
      for (const attachment of engine.attachments) {
        if (attachment.mode !== 'ENFORCE') continue;
        report({
          messageId: 'noPermit',
          severity: 'error',
          data: { engine: engine.name, gateway: attachment.gateway },
          path: [...attachment.path, 'policyEngineConfiguration', 'mode'],
        });
      }
    }
  },
});
