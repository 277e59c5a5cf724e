import { defineRule } from '../../src/rule.js';
import { isObject } from '../../src/util/json-value.js';
import { authorizerConfigState } from '../../src/agentcore/custom-jwt.js';
import { entries } from '../../src/util/spec.js';
import type { JsonPath } from '../../src/json/document.js';
import { enumValue, locate, shownName } from '../../src/util/refinements.js';

export default defineRule({
  meta: {
    id: 'custom-jwt-required',
    code: 'AC105',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'authorizerType CUSTOM_JWT needs a JWT authorizer configuration (gateways, runtimes, payment managers); runtimes allow one only with CUSTOM_JWT.',
    rationale:
      'With `authorizerType: "CUSTOM_JWT"` the resource validates bearer tokens against an OIDC provider, and ' +
      'the provider (discovery URL, allowed audiences/clients/scopes/claims) comes from ' +
      '`authorizerConfiguration.customJwtAuthorizer`. Without it there is nothing to validate tokens against. ' +
      'The official schema (`@aws/agentcore` 0.30.0) requires it for gateways (`AgentCoreGatewaySchema.refine` in ' +
      '`dist/schema/schemas/mcp.js`), for runtimes (`AgentEnvSpecSchema.superRefine` in ' +
      '`dist/schema/schemas/agent-env.js`, which also rejects an `authorizerConfiguration` on a runtime whose ' +
      'authorizer is not CUSTOM_JWT) and for payment managers (`authorizerConfiguration.customJWTAuthorizer`, ' +
      '`PaymentManagerSchema.superRefine` in `primitives/payment.js`). `agentcore validate` reports ' +
      '"customJwtAuthorizer configuration is required when authorizerType is CUSTOM_JWT". (A gateway with an ' +
      'unused `authorizerConfiguration` is accepted by the CLI and silently ignored. A harness\'s authorizer, in its ' +
      'harness.json, is checked the same way by `harness-config`.)',
    messages: {
      gatewayMissing:
        'Gateway {{name}} has authorizerType CUSTOM_JWT but no authorizerConfiguration.customJwtAuthorizer: add {"customJwtAuthorizer": {"discoveryUrl": "https://…/.well-known/openid-configuration", "allowedClients": […]}} (or choose another authorizerType).',
      runtimeMissing:
        'Runtime {{name}} has authorizerType CUSTOM_JWT but no authorizerConfiguration.customJwtAuthorizer: add {"customJwtAuthorizer": {"discoveryUrl": "https://…/.well-known/openid-configuration", "allowedClients": […]}} (or use AWS_IAM).',
      runtimeNotJwt:
        'Runtime {{name}} has an authorizerConfiguration, which is only allowed when authorizerType is CUSTOM_JWT (it is {{current}}). Set "authorizerType": "CUSTOM_JWT" or remove authorizerConfiguration.',
      paymentMissing:
        'Payment manager {{name}} has authorizerType CUSTOM_JWT but no authorizerConfiguration.customJWTAuthorizer: add {"customJWTAuthorizer": {"discoveryUrl": "https://…"}} (or use AWS_IAM).',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    if (!spec) return;
    const where = (path: JsonPath): ReturnType<typeof locate> =>
      locate(spec, [...path, 'authorizerConfiguration'], [...path, 'authorizerType']);

    for (const gateway of entries(spec, 'agentCoreGateways')) {
      const type = enumValue(gateway.node.authorizerType, ['NONE', 'AWS_IAM', 'CUSTOM_JWT'] as const, 'NONE');
      if (type === 'CUSTOM_JWT' && authorizerConfigState(gateway.node, 'customJwtAuthorizer') === 'missing') {
        report({ messageId: 'gatewayMissing', data: { name: shownName(gateway.name, gateway.path) }, ...where(gateway.path) });
      }
    }
    for (const runtime of entries(spec, 'runtimes')) {
      const type = enumValue(runtime.node.authorizerType, ['AWS_IAM', 'CUSTOM_JWT'] as const);
      if (type === null) continue;
      const config = authorizerConfigState(runtime.node, 'customJwtAuthorizer');
      const name = shownName(runtime.name, runtime.path);
      if (type === 'CUSTOM_JWT' && config === 'missing') {
        report({ messageId: 'runtimeMissing', data: { name }, ...where(runtime.path) });
      }
      if (type !== 'CUSTOM_JWT' && isObject(runtime.node.authorizerConfiguration)) {
        report({
          messageId: 'runtimeNotJwt',
          data: { name, current: type === undefined ? 'unset, so AWS_IAM' : type },
          path: [...runtime.path, 'authorizerConfiguration'],
          target: 'key',
        });
      }
    }
    for (const payment of entries(spec, 'payments')) {
      const type = enumValue(payment.node.authorizerType, ['AWS_IAM', 'CUSTOM_JWT'] as const, 'AWS_IAM');
      if (type === 'CUSTOM_JWT' && authorizerConfigState(payment.node, 'customJWTAuthorizer') === 'missing') {
        report({ messageId: 'paymentMissing', data: { name: shownName(payment.name, payment.path) }, ...where(payment.path) });
      }
    }
  },
});
