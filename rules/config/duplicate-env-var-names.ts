import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { entries } from '../../src/util/spec.js';
import { repeatedNames } from '../../src/util/json-value.js';

export default defineRule({
  meta: {
    id: 'duplicate-env-var-names',
    code: 'AC029',
    category: 'config',
    defaultSeverity: 'warning',
    description: 'A runtime should not define the same envVars name twice.',
    rationale:
      'The schema does not check `runtimes[].envVars` names for uniqueness (agentcore-facts.md §2.2), but the runtime ' +
      'receives a map: only one of the values survives, and which one is an implementation detail. The other entry ' +
      'is dead configuration that misleads readers.',
    messages: {
      duplicate:
        'Runtime "{{runtime}}" sets env var {{name}} again (first in envVars[{{first}}]); only one value reaches the runtime. ' +
        'Remove one of the entries.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const runtime of entries(project.spec, 'runtimes')) {
      for (const { index, name, first } of repeatedNames(runtime.node.envVars)) {
        report({
          messageId: 'duplicate',
          path: [...runtime.path, 'envVars', index, 'name'],
          data: { runtime: runtime.name ?? formatPath(runtime.path), name, first },
        });
      }
    }
  },
});
