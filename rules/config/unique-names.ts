import { defineRule } from '../../src/rule.js';
import { repeatedNames } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { locate } from '../../src/util/refinements.js';

/** Top-level arrays the official schema checks for unique `name`s, with the word its message uses. */
const NAMED_ARRAYS: ReadonlyArray<[key: string, kind: string]> = [
  ['runtimes', 'agent (runtime)'],
  ['memories', 'memory'],
  ['knowledgeBases', 'knowledge base'],
  ['credentials', 'credential'],
  ['evaluators', 'evaluator'],
  ['onlineEvalConfigs', 'online eval config'],
  ['agentCoreGateways', 'gateway'],
  ['mcpRuntimeTools', 'MCP runtime tool'],
  ['unassignedTargets', 'unassigned target'],
  ['policyEngines', 'policy engine'],
  ['configBundles', 'config bundle'],
  ['abTests', 'AB test'],
  ['harnesses', 'harness'],
  ['datasets', 'dataset'],
  ['capacityProviders', 'capacity provider'],
  ['payments', 'payment manager'],
];

export default defineRule({
  meta: {
    id: 'unique-names',
    code: 'AC100',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'Names must be unique within each named array of agentcore.json, policy names within a policy engine, and deployment target names in aws-targets.json.',
    rationale:
      'Every named resource array of agentcore.json is checked for unique `name`s by the official schema ' +
      '(`uniqueBy` superRefines in `dist/schema/schemas/agentcore-project.js` of `@aws/agentcore` 0.30.0: ' +
      '`runtimes`, `memories`, `knowledgeBases`, `credentials`, `evaluators`, `onlineEvalConfigs`, ' +
      '`agentCoreGateways`, `mcpRuntimeTools`, `unassignedTargets`, `policyEngines`, `configBundles`, `abTests`, ' +
      '`harnesses`, `datasets`, `capacityProviders`, `payments`; and `policies` inside each policy engine in ' +
      '`primitives/policy.js`), and the deployment targets of `aws-targets.json` (`AwsDeploymentTargetsSchema` in ' +
      '`aws-targets.js`; `agentcore deploy` selects a target by name). Names become logical ids, physical resource names and environment variable names ' +
      '(`AGENTCORE_GATEWAY_<NAME>_URL`, `MEMORY_<NAME>_ID`), so two entries with one name cannot both exist; ' +
      '`agentcore validate`, `dev` and `deploy` refuse the project ("Duplicate gateway name: …"). The finding is ' +
      'on the second (and any later) entry. Gateway target names are not checked by the CLI schema; see the ' +
      'target rules for those.',
    messages: {
      duplicate:
        'Duplicate {{kind}} name "{{name}}": {{array}}[{{first}}] already uses it, and names must be unique. Rename or remove one of them.',
      duplicateDeploymentTarget:
        'Duplicate deployment target name "{{name}}" in aws-targets.json: entry [{{first}}] already uses it, and `agentcore deploy` picks targets by name. Rename or remove one of them.',
      duplicatePolicy:
        'Duplicate policy name "{{name}}" in policy engine {{engine}}: policies[{{first}}] already uses it. Rename or remove one of them.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const targetsDoc = project.awsTargets;
    if (targetsDoc) {
      for (const { index, name, first } of repeatedNames(targetsDoc.value)) {
        report({ messageId: 'duplicateDeploymentTarget', data: { name, first }, doc: targetsDoc, path: [index, 'name'] });
      }
    }
    const spec = project.spec;
    if (!spec) return;
    for (const [key, kind] of NAMED_ARRAYS) {
      for (const { index, name, first } of repeatedNames(spec[key])) {
        report({ messageId: 'duplicate', data: { kind, name, array: key, first }, ...locate(spec, [key, index, 'name']) });
      }
    }
    for (const engine of entries(spec, 'policyEngines')) {
      for (const { index, name, first } of repeatedNames(engine.node.policies)) {
        report({
          messageId: 'duplicatePolicy',
          data: { name, engine: engine.name === undefined ? `#${String(engine.path[1])}` : `"${engine.name}"`, first },
          ...locate(spec, [...engine.path, 'policies', index, 'name']),
        });
      }
    }
  },
});
