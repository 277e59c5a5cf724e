import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { gateways } from '../../src/util/spec.js';
import { repeatedNames } from '../../src/util/json-value.js';

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
      for (const { index, name, first } of repeatedNames(gateway.node.targets)) {
        report({
          messageId: 'duplicate',
          path: [...gateway.path, 'targets', index, 'name'],
          data: { gateway: gateway.name ?? formatPath(gateway.path), target: name, first },
        });
      }
    }
  },
});
