import { defineRule } from '../../src/rule.js';
import { legacyKeyOf, legacyMigrationSteps } from '../../src/schema/legacy.js';

export default defineRule({
  meta: {
    id: 'legacy-project-file',
    code: 'AC002',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'agentcore.json must be a current AgentCore CLI project file, not a pre-release one with `agents` or ' +
      '`resources` at the top level.',
    rationale:
      'Early AgentCore CLI previews wrote `agents: [...]` (or `resources: { runtimes: {...}, credentials: {...} }`) ' +
      'where the current format (agentcore.json v1, `@aws/agentcore` 0.30.0) has top-level `runtimes`, ' +
      '`credentials`, `memories` … arrays and a numeric `version`. The CLI rejects such a file outright (its root ' +
      'object is strict), so `validate`, `dev` and `deploy` all stop. Checking it against the current schema ' +
      'would only produce a wall of errors that all mean "old format", so agentcore-lint reports it once, with ' +
      'the migration steps that apply to this file, and the `schema` and `unknown-key` rules skip it.',
    messages: {
      legacy:
        'This is not a current AgentCore CLI project file (agentcore.json v1): the top-level "{{key}}" comes from a ' +
        'pre-release format that `agentcore validate`, `dev` and `deploy` reject. To migrate: {{steps}}. Or run ' +
        '`agentcore create` in an empty folder and move your agent code into the new project. Schema checks ' +
        'skip this file until it is migrated.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const key = legacyKeyOf(project.config.value);
    if (key === undefined) return;
    const steps = legacyMigrationSteps(project.config.value).join('; ');
    report({ messageId: 'legacy', data: { key, steps }, path: [key], target: 'key' });
  },
});
