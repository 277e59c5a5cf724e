import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { gateways } from '../../src/util/spec.js';
import { asArray, hasOwn } from '../../src/util/json-value.js';

export default defineRule({
  meta: {
    id: 'gateway-inbound-auth-none',
    code: 'AC022',
    category: 'config',
    defaultSeverity: 'warning',
    description: 'Gateways should not use authorizerType NONE (the default): anyone with the URL can call every tool.',
    rationale:
      'A gateway with `authorizerType: "NONE"` accepts unauthenticated MCP requests: whoever learns its URL can list and ' +
      'call every tool with the gateway\'s own outbound credentials. NONE is the schema default (and `agentcore add ' +
      'gateway` without `--authorizer-type`), so it is easy to deploy by accident. The AgentCore inbound-auth guidance ' +
      'keeps NONE for development or a deliberately public gateway; use AWS_IAM (SigV4 with the agent\'s role) or ' +
      'CUSTOM_JWT otherwise (agentcore-facts.md §2.4, §7; official-validate.md case 28).',
    messages: {
      none:
        'Gateway "{{gateway}}" has no inbound authorization (authorizerType NONE{{defaulted}}): anyone with its URL can ' +
        'list and call all {{targets}}. Use "AWS_IAM" or "CUSTOM_JWT", or keep NONE only for a deliberately public or ' +
        'development gateway.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const gateway of gateways(project.spec)) {
      const explicit = hasOwn(gateway.node, 'authorizerType');
      if (explicit && gateway.node.authorizerType !== 'NONE') continue;
      const count = asArray(gateway.node.targets).length;
      report({
        messageId: 'none',
        path: explicit ? [...gateway.path, 'authorizerType'] : [...gateway.path, 'name'],
        data: {
          gateway: gateway.name ?? formatPath(gateway.path),
          defaulted: explicit ? '' : ', the default when authorizerType is omitted',
          targets: count === 1 ? 'tools of its 1 target' : `tools of its ${count} targets`,
        },
      });
    }
  },
});
