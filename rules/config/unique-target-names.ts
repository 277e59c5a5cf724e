import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { gateways } from '../../src/util/spec.js';
import { asString, objectsOf } from '../../src/util/json-value.js';

export default defineRule({
  meta: {
    id: 'unique-target-names',
    code: 'AC014',
    category: 'config',
    defaultSeverity: 'error',
    description: 'Target names must be unique within a gateway.',
    rationale:
      'A gateway routes tool calls by target name (`<target>___<tool>`) and the AgentCore API requires target names ' +
      'to be unique per gateway; `agentcore add gateway-target` refuses a duplicate, but `agentcore validate` does ' +
      'not check hand-edited files, so the second target fails at deploy (agentcore-facts.md §2.4; ' +
      'official-validate.md case 20).',
    messages: {
      duplicate:
        'Gateway "{{gateway}}" already has a target named "{{target}}" (targets[{{first}}]); target names must be unique ' +
        'within a gateway. Rename this one or merge the two targets.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const gateway of gateways(project.spec)) {
      const seen = new Map<string, number>();
      for (const [i, target] of objectsOf(gateway.node.targets)) {
        const name = asString(target.name);
        if (name === undefined) continue;
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, i);
          continue;
        }
        report({
          messageId: 'duplicate',
          path: [...gateway.path, 'targets', i, 'name'],
          data: { gateway: gateway.name ?? formatPath(gateway.path), target: name, first },
        });
      }
    }
  },
});
