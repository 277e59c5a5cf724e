import { defineRule } from '../../src/rule.js';
import { entries, gateways } from '../../src/util/spec.js';
import { asString } from '../../src/util/json-value.js';

/** AWS limit for runtime, memory and policy-engine names (`[a-zA-Z][a-zA-Z0-9_]{0,47}`). */
const MAX_UNDERSCORE_NAME = 48;
/** The CLI's deploy pre-flight limit for `<project>-<gateway>` (the gateway ARN allows 48 name characters). */
const MAX_GATEWAY_NAME = 48;
/** The CDK's limit for `<project>_<harness>` (CloudFormation HarnessName). */
const MAX_HARNESS_NAME = 40;

export default defineRule({
  meta: {
    id: 'physical-name-length',
    code: 'AC028',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'AWS resource names built from the project name must fit: <project>_<runtime>, <project>_<memory>, ' +
      '<project>_<engine> and <project>-<gateway> ≤ 48 characters, <project>_<harness> ≤ 40.',
    rationale:
      'The CLI and its CDK constructs name AWS resources after the project: runtime `<project>_<runtime>`, memory ' +
      '`<project>_<memory>`, policy engine `<project>_<engine>`, harness `<project>_<harness>`, gateway ' +
      '`<project>-<gateway>` (unless `resourceName` is set). The schema checks each part alone (project ≤ 23, ' +
      'runtime ≤ 48), not the combination, so `agentcore validate` passes and then `agentcore deploy` stops ("Runtime ' +
      'name too long", "Gateway name too long": its pre-flight allows 48 characters for both), CDK synth stops (harness ' +
      'names over 40) or the AgentCore API rejects the memory or engine name (48 characters, ' +
      '`[a-zA-Z][a-zA-Z0-9_]{0,47}`) (agentcore-facts.md §2.4, §2.7, §2.9; `@aws/agentcore-cdk` physical names).',
    messages: {
      tooLong:
        '{{kind}} "{{name}}" is deployed as "{{physical}}" ({{length}} characters), over the AWS limit of {{max}}; ' +
        '`agentcore deploy` fails. Shorten the {{kindLower}} name or the project name "{{project}}" by {{excess}} characters.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const projectName = asString(project.spec?.name);
    if (!projectName) return;
    const check = (kind: string, name: string | undefined, separator: string, max: number, path: Array<string | number>): void => {
      if (!name) return;
      const physical = `${projectName}${separator}${name}`;
      if (physical.length <= max) return;
      report({
        messageId: 'tooLong',
        path,
        data: { kind, kindLower: kind.toLowerCase(), name, physical, length: physical.length, max, project: projectName, excess: physical.length - max },
      });
    };
    for (const runtime of entries(project.spec, 'runtimes')) {
      check('Runtime', runtime.name, '_', MAX_UNDERSCORE_NAME, [...runtime.path, 'name']);
    }
    for (const memory of entries(project.spec, 'memories')) {
      check('Memory', memory.name, '_', MAX_UNDERSCORE_NAME, [...memory.path, 'name']);
    }
    for (const harness of entries(project.spec, 'harnesses')) {
      check('Harness', harness.name, '_', MAX_HARNESS_NAME, [...harness.path, 'name']);
    }
    for (const engine of entries(project.spec, 'policyEngines')) {
      check('Policy engine', engine.name, '_', MAX_UNDERSCORE_NAME, [...engine.path, 'name']);
    }
    for (const gateway of gateways(project.spec)) {
      if (asString(gateway.node.resourceName)) continue; // Imported gateways keep their own AWS name.
      check('Gateway', gateway.name, '-', MAX_GATEWAY_NAME, [...gateway.path, 'name']);
    }
  },
});
