import { defineRule } from '../../src/rule.js';
import { asString, objectsOf } from '../../src/util/json-value.js';
import { gateways } from '../../src/util/spec.js';
import { enumValue, shownName } from '../../src/util/refinements.js';

/** `NON_MCP_TARGET_TYPES` in `dist/schema/schemas/mcp.js`: targets that speak plain HTTP, not MCP. */
const HTTP_ONLY_TARGET_TYPES = ['httpRuntime', 'passthrough'];

export default defineRule({
  meta: {
    id: 'gateway-protocol',
    code: 'AC104',
    category: 'config',
    defaultSeverity: 'error',
    description: 'httpRuntime and passthrough targets must be on a gateway with protocolType "None".',
    rationale:
      'An MCP gateway (`protocolType` `MCP`, or no `protocolType`, which CDK deploys as MCP) only exposes MCP ' +
      'tools; HTTP runtime and passthrough targets forward plain HTTP and only work on an HTTP gateway ' +
      '(`protocolType: "None"`, which can host every target type). The `superRefine` of `AgentCoreGatewaySchema` ' +
      '(`dist/schema/schemas/mcp.js` of `@aws/agentcore` 0.30.0, `NON_MCP_TARGET_TYPES`) rejects such a target ' +
      '("Target \\"rt\\" is httpRuntime but gateway does not have protocolType: \\"None\\""). The finding is on ' +
      'the target\'s `targetType`.',
    messages: {
      needsNone:
        'Target "{{target}}" is {{type}} but gateway "{{gateway}}" does not have protocolType "None" ({{current}}). Set "protocolType": "None" on the gateway (an HTTP gateway can host every target type; agentcore add gateway --protocol-type None) or move the target to such a gateway.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const gateway of gateways(project.spec)) {
      const protocol = enumValue(gateway.node.protocolType, ['MCP', 'None'] as const);
      if (protocol === null || protocol === 'None') continue;
      for (const [i, target] of objectsOf(gateway.node.targets)) {
        const type = asString(target.targetType);
        if (type === undefined || !HTTP_ONLY_TARGET_TYPES.includes(type)) continue;
        const targetPath = [...gateway.path, 'targets', i];
        report({
          messageId: 'needsNone',
          data: {
            target: asString(target.name) ?? `#${i}`,
            type,
            gateway: gateway.name ?? shownName(undefined, gateway.path),
            current: protocol === undefined ? 'it has none, which means MCP' : 'it is "MCP"',
          },
          path: [...targetPath, 'targetType'],
        });
      }
    }
  },
});
