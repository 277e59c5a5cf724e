import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { gatewayTargets, gateways } from '../../src/util/spec.js';
import { knownTools, openApiOperationCount } from '../../src/agentcore/tools.js';

/** Above about this many tools, the guidance is to turn semantic tool search on. */
const TOOL_THRESHOLD = 20;
/** Target types that speak MCP to the gateway (their tools can be searched). */
const MCP_TARGET_TYPES = new Set(['lambda', 'mcpServer', 'openApiSchema', 'smithyModel', 'apiGateway', 'lambdaFunctionArn', 'connector']);

export default defineRule({
  meta: {
    id: 'gateway-semantic-search',
    code: 'AC024',
    category: 'config',
    defaultSeverity: 'warning',
    description:
      'Gateways with more than 20 known tools should keep semantic search on; semantic search has no effect on protocolType ' +
      '"None" gateways.',
    rationale:
      'With semantic search (`enableSemanticSearch`, default true → search type SEMANTIC) the gateway offers ' +
      '`x_amz_bedrock_agentcore_search`, so an agent fetches the few relevant tools instead of the whole catalog; AWS ' +
      'guidance recommends it beyond about 20 tools, and it can only be enabled when the gateway is created ' +
      '(agentcore-facts.md §2.4, §7; official-validate.md case 34). The count here is the tools the project declares ' +
      '(lambda `toolDefinitions`, local tool schema files, local OpenAPI operations). Search is an MCP protocol ' +
      'setting: on a `protocolType: "None"` (HTTP) gateway it is not applied.',
    messages: {
      disabled:
        'Gateway "{{gateway}}" has semantic search off but exposes at least {{count}} tools; agents choose worse and every ' +
        'tools/list returns the whole catalog. Set "enableSemanticSearch": true (the guidance is to enable it when the ' +
        'gateway is created; turning it on later may replace the gateway and change its URL).',
      noEffect:
        'Gateway "{{gateway}}" enables semantic search, but it is a protocolType "None" (HTTP) gateway, where tool search ' +
        'is not applied to its MCP targets. Use protocolType "MCP" if agents need tool search, or drop enableSemanticSearch.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const targets = gatewayTargets(project.spec);
    for (const gateway of gateways(project.spec)) {
      const own = targets.filter((t) => t.gateway.path[1] === gateway.path[1]);
      if (gateway.node.enableSemanticSearch === false) {
        let count = 0;
        for (const target of own) {
          count += knownTools(project, target)?.length ?? openApiOperationCount(project, target) ?? 0;
        }
        if (count > TOOL_THRESHOLD) {
          report({ messageId: 'disabled', path: [...gateway.path, 'enableSemanticSearch'], data: { gateway: gateway.name ?? formatPath(gateway.path), count } });
        }
      } else if (
        gateway.node.enableSemanticSearch === true &&
        gateway.node.protocolType === 'None' &&
        own.some((t) => t.targetType !== undefined && MCP_TARGET_TYPES.has(t.targetType))
      ) {
        report({
          messageId: 'noEffect',
          path: [...gateway.path, 'enableSemanticSearch'],
          data: { gateway: gateway.name ?? formatPath(gateway.path) },
          severity: 'info',
        });
      }
    }
  },
});
