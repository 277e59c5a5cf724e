import { defineRule } from '../../src/rule.js';
import { isObject } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { enumValue, shownName } from '../../src/util/refinements.js';

export default defineRule({
  meta: {
    id: 'runtime-capacity-provider',
    code: 'AC109',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'capacityProviderConfiguration names exactly one capacity provider (by ARN or by name) and excludes networkMode/networkConfig.',
    rationale:
      'A runtime attached to a capacity provider (customer-managed EC2 compute) refers to it either by ' +
      '`capacityProviderArn` (external) or by `capacityProviderName` (a `capacityProviders[]` entry of the ' +
      'project) — exactly one (`CapacityProviderConfigurationSchema.superRefine` in ' +
      '`dist/schema/schemas/primitives/capacity-provider.js` of `@aws/agentcore` 0.30.0). The capacity provider ' +
      'supplies the network topology, so `networkMode` (even PUBLIC) and `networkConfig` cannot be set on such a ' +
      'runtime (`AgentEnvSpecSchema.superRefine` in `agent-env.js`). Whether the named capacity provider and its ' +
      'volumes exist is checked by cross-references; capacity-provider volume mounts by runtime-filesystem.',
    messages: {
      exactlyOne:
        'capacityProviderConfiguration of runtime {{name}} must set exactly one of capacityProviderArn or capacityProviderName (it sets {{count}}).',
      noNetworking:
        'capacityProviderConfiguration of runtime {{name}} cannot be combined with {{fields}}: a capacity provider supplies its own network topology, so leave networkMode/networkConfig unset.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const runtime of entries(project.spec, 'runtimes')) {
      const cp = runtime.node.capacityProviderConfiguration;
      if (!isObject(cp)) continue;
      const name = shownName(runtime.name, runtime.path);
      const path = [...runtime.path, 'capacityProviderConfiguration'];
      const count = ['capacityProviderArn', 'capacityProviderName'].filter((k) => cp[k] !== undefined).length;
      if (count !== 1) report({ messageId: 'exactlyOne', data: { name, count }, path, target: 'key' });
      const mode = enumValue(runtime.node.networkMode, ['PUBLIC', 'VPC'] as const);
      if (mode === null) continue; // an invalid networkMode is the schema rule's finding
      const fields = [
        mode !== undefined ? 'networkMode' : undefined,
        isObject(runtime.node.networkConfig) ? 'networkConfig' : undefined,
      ].filter((f) => f !== undefined);
      if (fields.length > 0) {
        report({ messageId: 'noNetworking', data: { name, fields: fields.join(' and ') }, path, target: 'key' });
      }
    }
  },
});
