import { defineRule } from '../../src/rule.js';
import { entries } from '../../src/util/spec.js';
import { locate, nonEmptyArray, shownName } from '../../src/util/refinements.js';

export default defineRule({
  meta: {
    id: 'online-eval-config',
    code: 'AC118',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'An online eval config monitors either a project agent or custom log groups, and runs either evaluators or insights.',
    rationale:
      'An online evaluation config reads traces either of a managed AgentCore agent of the project (`agent`, ' +
      'optionally scoped to an `endpoint`) or of a custom/third-party agent (`logGroupNames`, optionally filtered ' +
      'by `serviceNames`), and applies either `evaluators` or `insights` (a preview constraint; ' +
      '`clusteringConfig` only makes sense with insights). The `.refine` chain of `OnlineEvalConfigSchema` ' +
      '(`dist/schema/schemas/primitives/online-eval-config.js` of `@aws/agentcore` 0.30.0) enforces these ' +
      'combinations ("Either \\"agent\\" or \\"logGroupNames\\" must be provided"). Whether `agent` and the ' +
      'evaluators exist is checked by cross-references.',
    messages: {
      noSource: 'Online eval config {{name}} needs either "agent" (a project runtime) or "logGroupNames" (custom agents).',
      bothSources: 'Online eval config {{name}}: "agent" and "logGroupNames" are mutually exclusive; keep one.',
      endpointNeedsAgent: 'Online eval config {{name}}: "endpoint" requires "agent" (it scopes monitoring to an endpoint of that runtime).',
      serviceNamesNeedLogGroups: 'Online eval config {{name}}: "serviceNames" requires "logGroupNames".',
      noEvaluation: 'Online eval config {{name}} needs at least one of "evaluators" or "insights".',
      bothEvaluations: 'Online eval config {{name}} cannot have both evaluators and insights (preview constraint); keep one.',
      clusteringNeedsInsights: 'Online eval config {{name}}: "clusteringConfig" requires "insights" to be set.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    for (const config of entries(spec, 'onlineEvalConfigs')) {
      const n = config.node;
      const p = config.path;
      const data = { name: shownName(config.name, p) };
      // Only values the schema accepts take part; a wrong type is the schema rule's finding.
      const agent = n.agent === undefined || typeof n.agent === 'string' ? n.agent : null;
      const logGroups = n.logGroupNames === undefined || Array.isArray(n.logGroupNames) ? n.logGroupNames : null;
      if (agent === null || logGroups === null) continue;
      // `data.agent ?? data.logGroupNames` must be truthy.
      if (agent !== undefined ? agent === '' : logGroups === undefined) {
        report({ messageId: 'noSource', data, ...locate(spec, [...p, 'agent'], [...p, 'name']) });
      }
      if (agent && logGroups) report({ messageId: 'bothSources', data, ...locate(spec, [...p, 'logGroupNames']) });
      if (typeof n.endpoint === 'string' && n.endpoint !== '' && !agent) {
        report({ messageId: 'endpointNeedsAgent', data, ...locate(spec, [...p, 'endpoint']) });
      }
      if (Array.isArray(n.serviceNames) && !logGroups) {
        report({ messageId: 'serviceNamesNeedLogGroups', data, ...locate(spec, [...p, 'serviceNames']) });
      }
      const evaluators = n.evaluators === undefined || Array.isArray(n.evaluators);
      const insights = n.insights === undefined || Array.isArray(n.insights);
      if (!evaluators || !insights) continue;
      if (!nonEmptyArray(n.evaluators) && !nonEmptyArray(n.insights)) {
        report({ messageId: 'noEvaluation', data, ...locate(spec, [...p, 'evaluators'], [...p, 'insights'], [...p, 'name']) });
      }
      if (nonEmptyArray(n.evaluators) && nonEmptyArray(n.insights)) {
        report({ messageId: 'bothEvaluations', data, ...locate(spec, [...p, 'insights']) });
      }
      if (n.clusteringConfig !== undefined && n.clusteringConfig !== null && !nonEmptyArray(n.insights)) {
        report({ messageId: 'clusteringNeedsInsights', data, ...locate(spec, [...p, 'clusteringConfig']) });
      }
    }
  },
});
