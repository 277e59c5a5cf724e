import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { gateways } from '../../src/util/spec.js';
import { asObject, asString } from '../../src/util/json-value.js';

export default defineRule({
  meta: {
    id: 'gateway-authorizer-config-ignored',
    code: 'AC023',
    category: 'config',
    defaultSeverity: 'warning',
    description: 'A gateway\'s authorizerConfiguration is ignored unless authorizerType is CUSTOM_JWT.',
    rationale:
      'The gateway schema accepts `authorizerConfiguration` with any authorizer type and only requires it for ' +
      'CUSTOM_JWT; the CDK reads it only for CUSTOM_JWT gateways. With NONE (the default) or AWS_IAM the JWT settings ' +
      'are silently dropped, so a gateway the author believes is JWT-protected is open or IAM-only ' +
      '(agentcore-facts.md §2.4, §8). Runtimes are different: `agentcore validate` already rejects the same mistake there.',
    messages: {
      ignored:
        'Gateway "{{gateway}}" has authorizerConfiguration but authorizerType is {{type}}, so the configuration is ignored and ' +
        'no JWT is checked. Set "authorizerType": "CUSTOM_JWT" if callers should present a JWT, or remove authorizerConfiguration.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const gateway of gateways(project.spec)) {
      const config = asObject(gateway.node.authorizerConfiguration);
      if (!config || Object.keys(config).length === 0) continue;
      const type = gateway.node.authorizerType === undefined ? 'NONE (the default)' : asString(gateway.node.authorizerType);
      if (type === undefined || type === 'CUSTOM_JWT') continue;
      report({
        messageId: 'ignored',
        path: [...gateway.path, 'authorizerConfiguration'],
        target: 'key',
        data: { gateway: gateway.name ?? formatPath(gateway.path), type },
      });
    }
  },
});
