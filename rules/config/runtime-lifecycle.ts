import { defineRule } from '../../src/rule.js';
import { entries } from '../../src/util/spec.js';
import { idleAboveMaxLifetime, shownName } from '../../src/util/refinements.js';

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
      'schema check; a harness\'s `lifecycleConfig` is checked by `harness-config`.)',
    messages: {
      idleAboveMax:
        'idleRuntimeSessionTimeout ({{idle}} s) of runtime {{name}} must be <= maxLifetime ({{max}} s); lower the idle timeout or raise maxLifetime.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const runtime of entries(project.spec, 'runtimes')) {
      const conflict = idleAboveMaxLifetime(runtime.node.lifecycleConfiguration);
      if (!conflict) continue;
      report({
        messageId: 'idleAboveMax',
        data: { ...conflict, name: shownName(runtime.name, runtime.path) },
        path: [...runtime.path, 'lifecycleConfiguration', 'idleRuntimeSessionTimeout'],
      });
    }
  },
});
