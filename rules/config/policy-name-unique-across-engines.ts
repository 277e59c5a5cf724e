import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { entries } from '../../src/util/spec.js';
import { asString, objectsOf } from '../../src/util/json-value.js';

export default defineRule({
  meta: {
    id: 'policy-name-unique-across-engines',
    code: 'AC030',
    category: 'config',
    defaultSeverity: 'warning',
    description: 'Policy names should be unique across all policy engines of the project.',
    rationale:
      'A policy is created in AWS under its own `name` (not prefixed with the engine or project), and the AgentCore ' +
      'Policy API documents policy names as unique within the account, so two engines with a policy of the same name ' +
      'conflict at deploy. The schema only checks uniqueness within one engine (agentcore-facts.md §2.7).',
    messages: {
      duplicate:
        'Policy "{{policy}}" in engine "{{engine}}" has the same name as a policy in engine "{{otherEngine}}"; policy names ' +
        'are account-wide in AgentCore, so the second one conflicts at deploy. Rename one of them.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const seen = new Map<string, string>();
    for (const engine of entries(project.spec, 'policyEngines')) {
      const engineName = engine.name ?? formatPath(engine.path);
      const local = new Set<string>();
      for (const [i, policy] of objectsOf(engine.node.policies)) {
        const name = asString(policy.name);
        if (!name || local.has(name)) continue; // Duplicates within one engine are the schema's uniqueness error.
        local.add(name);
        const other = seen.get(name);
        if (other === undefined) {
          seen.set(name, engineName);
          continue;
        }
        report({
          messageId: 'duplicate',
          path: [...engine.path, 'policies', i, 'name'],
          data: { policy: name, engine: engineName, otherEngine: other },
        });
      }
    }
  },
});
