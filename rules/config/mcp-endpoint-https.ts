import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { gatewayTargets } from '../../src/util/spec.js';
import { asString } from '../../src/util/json-value.js';

export default defineRule({
  meta: {
    id: 'mcp-endpoint-https',
    code: 'AC025',
    category: 'config',
    defaultSeverity: 'error',
    description: 'An mcpServer target endpoint must use https://.',
    rationale:
      'AgentCore Gateway only connects to MCP servers over HTTPS: the CreateGatewayTarget API rejects an `http://` ' +
      'endpoint at deploy, although the CLI schema (a plain URL check) and `agentcore add gateway-target` accept it ' +
      '(agentcore-facts.md §2.5, §7; official-validate.md case 24). A local server (`http://localhost…`) is unreachable ' +
      'from the gateway anyway; expose it over HTTPS or host it on AgentCore Runtime.',
    messages: {
      http:
        'Gateway "{{gateway}}" target "{{target}}" endpoint "{{endpoint}}" uses {{scheme}}; AgentCore Gateway only calls MCP ' +
        'servers over HTTPS, so deploy fails. Serve the MCP server over https:// and update the endpoint.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const target of gatewayTargets(project.spec)) {
      if (target.targetType !== 'mcpServer') continue;
      const endpoint = asString(target.node.endpoint)?.trim();
      if (!endpoint) continue;
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]{0,20}):\/\//.exec(endpoint)?.[1];
      // Not a URL at all: the schema rule reports it.
      if (!scheme || scheme.toLowerCase() === 'https') continue;
      report({
        messageId: 'http',
        path: [...target.path, 'endpoint'],
        data: { gateway: target.gateway.name ?? formatPath(target.gateway.path), target: target.name ?? formatPath(target.path), endpoint, scheme: `${scheme}://` },
      });
    }
  },
});
