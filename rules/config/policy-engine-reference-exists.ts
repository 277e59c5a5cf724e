import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { entries, gateways } from '../../src/util/spec.js';
import { asObject, asString } from '../../src/util/json-value.js';
import { suggestion } from '../../src/util/did-you-mean.js';
import { listNames } from '../../src/util/list-names.js';

export default defineRule({
  meta: {
    id: 'policy-engine-reference-exists',
    code: 'AC012',
    category: 'config',
    defaultSeverity: 'error',
    description: 'A gateway\'s policyEngineConfiguration.policyEngineName must name an engine declared in policyEngines[].',
    rationale:
      'The CDK attaches the engine by name and stops synth with "references policy engine … not defined" when it is ' +
      'missing, so nothing deploys. `agentcore validate` does not cross-check the name (agentcore-facts.md §2.4, §4; ' +
      'official-validate.md case 07).',
    messages: {
      unknown:
        'Gateway "{{gateway}}" attaches policy engine "{{engine}}", but policyEngines[] has no engine of that name, so ' +
        'deploy fails.{{hint}}',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const declared = entries(project.spec, 'policyEngines')
      .map((e) => e.name)
      .filter((n): n is string => n !== undefined);
    const names = new Set(declared);
    for (const gateway of gateways(project.spec)) {
      const config = asObject(gateway.node.policyEngineConfiguration);
      const engine = config ? asString(config.policyEngineName) : undefined;
      if (!engine || names.has(engine)) continue;
      const near = suggestion(engine, declared);
      report({
        messageId: 'unknown',
        path: [...gateway.path, 'policyEngineConfiguration', 'policyEngineName'],
        data: {
          gateway: gateway.name ?? formatPath(gateway.path),
          engine,
          hint:
            near ||
            (declared.length === 0 ? ' The project declares no policy engines;' : ` Declared: ${listNames(declared)}. Fix the name or`) +
              ` add the engine with \`agentcore add policy-engine --name ${engine}\`.`,
        },
      });
    }
  },
});
