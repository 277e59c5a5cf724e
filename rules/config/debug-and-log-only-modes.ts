import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { entries, gateways } from '../../src/util/spec.js';
import { asObject, asString, objectsOf } from '../../src/util/json-value.js';

export default defineRule({
  meta: {
    id: 'debug-and-log-only-modes',
    code: 'AC032',
    category: 'config',
    defaultSeverity: 'info',
    description:
      'Notes settings meant for development: gateway exceptionLevel DEBUG, policies that skip validation findings, and ' +
      'policy engines or policies in LOG_ONLY mode.',
    rationale:
      'These settings are right while building and wrong if forgotten: `exceptionLevel: "DEBUG"` returns verbose error ' +
      'details to callers; `validationMode: "IGNORE_ALL_FINDINGS"` skips the automated-reasoning checks that reject ' +
      'overly permissive or ineffective policies; `LOG_ONLY` (engine attachment `mode`, or a policy\'s ' +
      '`enforcementMode`) only logs decisions, so nothing is denied. Starting an engine in LOG_ONLY is recommended; ' +
      'switch to ENFORCE/ACTIVE before production (agentcore-facts.md §2.4, §2.7, §5, §7).',
    messages: {
      debug:
        'Gateway "{{gateway}}" has exceptionLevel DEBUG: callers receive detailed error messages about targets and ' +
        'tools instead of generic ones. Set "NONE" (the default) before production.',
      ignoreFindings:
        'Policy "{{policy}}" of engine "{{engine}}" uses validationMode IGNORE_ALL_FINDINGS: AWS skips the checks that ' +
        'reject overly permissive, overly restrictive or ineffective policies. Use FAIL_ON_ANY_FINDINGS (the default) once ' +
        'the policy is stable.',
      engineLogOnly:
        'Gateway "{{gateway}}" attaches policy engine "{{engine}}" in LOG_ONLY mode: decisions are only logged and no tool ' +
        'call is denied. Switch to "ENFORCE" when the logs show the policies behave as intended.',
      policyLogOnly:
        'Policy "{{policy}}" of engine "{{engine}}" has enforcementMode LOG_ONLY: it is evaluated and logged but not enforced. ' +
        'Switch to "ACTIVE" (the default) when it behaves as intended.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const gateway of gateways(project.spec)) {
      const name = gateway.name ?? formatPath(gateway.path);
      if (gateway.node.exceptionLevel === 'DEBUG') {
        report({ messageId: 'debug', path: [...gateway.path, 'exceptionLevel'], data: { gateway: name } });
      }
      const config = asObject(gateway.node.policyEngineConfiguration);
      if (config?.mode === 'LOG_ONLY') {
        report({
          messageId: 'engineLogOnly',
          path: [...gateway.path, 'policyEngineConfiguration', 'mode'],
          data: { gateway: name, engine: asString(config.policyEngineName) ?? '?' },
        });
      }
    }
    for (const engine of entries(project.spec, 'policyEngines')) {
      for (const [i, policy] of objectsOf(engine.node.policies)) {
        const data = { policy: asString(policy.name) ?? formatPath([...engine.path, 'policies', i]), engine: engine.name ?? formatPath(engine.path) };
        const at = [...engine.path, 'policies', i];
        if (policy.validationMode === 'IGNORE_ALL_FINDINGS') report({ messageId: 'ignoreFindings', path: [...at, 'validationMode'], data });
        if (policy.enforcementMode === 'LOG_ONLY') report({ messageId: 'policyLogOnly', path: [...at, 'enforcementMode'], data });
      }
    }
  },
});
