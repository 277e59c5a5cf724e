import { defineRule } from '../../src/rule.js';
import { isObject } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { shownName } from '../../src/util/refinements.js';

export default defineRule({
  meta: {
    id: 'runtime-lifecycle',
    code: 'AC112',
    category: 'config',
    defaultSeverity: 'error',
    description: 'A runtime\'s idleRuntimeSessionTimeout must not exceed its maxLifetime.',
    rationale:
      '`lifecycleConfiguration` bounds runtime sessions: `idleRuntimeSessionTimeout` ends an idle session, ' +
      '`maxLifetime` ends any instance. An idle timeout longer than the maximum lifetime can never take effect, ' +
      'and the service rejects it; `LifecycleConfigurationSchema.superRefine` ' +
      '(`dist/schema/schemas/agent-env.js` of `@aws/agentcore` 0.30.0) reports ' +
      '"idleRuntimeSessionTimeout must be <= maxLifetime". (The 60–28800 s range of each value is a plain ' +
      'schema check.)',
    messages: {
      idleAboveMax:
        'idleRuntimeSessionTimeout ({{idle}} s) of runtime {{name}} must be <= maxLifetime ({{max}} s); lower the idle timeout or raise maxLifetime.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const runtime of entries(project.spec, 'runtimes')) {
      const lifecycle = runtime.node.lifecycleConfiguration;
      if (!isObject(lifecycle)) continue;
      const idle = lifecycle.idleRuntimeSessionTimeout;
      const max = lifecycle.maxLifetime;
      if (typeof idle !== 'number' || typeof max !== 'number' || idle <= max) continue;
      report({
        messageId: 'idleAboveMax',
        data: { idle, max, name: shownName(runtime.name, runtime.path) },
        path: [...runtime.path, 'lifecycleConfiguration', 'idleRuntimeSessionTimeout'],
      });
    }
  },
});
