import { defineRule } from '../../src/rule.js';
import type { JsonPath } from '../../src/json/document.js';
import { isObject } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { shownName } from '../../src/util/refinements.js';
import { checkCustomJwtAuthorizer, CUSTOM_JWT_MESSAGES } from '../../src/agentcore/custom-jwt.js';

export default defineRule({
  meta: {
    id: 'custom-jwt-config',
    code: 'AC106',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'A customJwtAuthorizer (gateways and runtimes) needs an https OIDC discovery URL, at least one allow list, and consistent claims and private endpoints.',
    rationale:
      'The CUSTOM_JWT inbound authorizer of a gateway or runtime is configured by ' +
      '`authorizerConfiguration.customJwtAuthorizer`. `dist/schema/schemas/auth.js` of `@aws/agentcore` 0.30.0 ' +
      'refines it beyond its shape: the `discoveryUrl` must use HTTPS and end with ' +
      '`/.well-known/openid-configuration` (OIDC Discovery 1.0); at least one of `allowedAudience`, ' +
      '`allowedClients`, `allowedScopes` or `customClaims` must be non-empty (otherwise any token from the issuer ' +
      'is accepted and the service rejects the configuration); a custom claim cannot be the reserved `client_id` ' +
      'and its `claimMatchValue` needs exactly one of `matchValueString`/`matchValueStringList`; a ' +
      '`privateEndpoint` sets exactly one of `selfManagedLatticeResource`/`managedVpcResource`; ' +
      '`privateEndpointOverrides` need a base `privateEndpoint` of the same kind and unique domains (these mirror ' +
      'the AgentCore Identity service\'s deploy-time validation). `agentcore validate` rejects violations ("OIDC ' +
      'discovery URL must use HTTPS"). A harness\'s authorizer, in its harness.json, gets the same checks from ' +
      '`harness-config`.',
    messages: CUSTOM_JWT_MESSAGES,
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    if (!spec) return;
    const owners: Array<[string, JsonPath, unknown]> = [];
    for (const gateway of entries(spec, 'agentCoreGateways')) {
      owners.push([`gateway ${shownName(gateway.name, gateway.path)}`, gateway.path, gateway.node.authorizerConfiguration]);
    }
    for (const runtime of entries(spec, 'runtimes')) {
      owners.push([`runtime ${shownName(runtime.name, runtime.path)}`, runtime.path, runtime.node.authorizerConfiguration]);
    }
    for (const [owner, ownerPath, config] of owners) {
      if (!isObject(config) || !isObject(config.customJwtAuthorizer)) continue;
      checkCustomJwtAuthorizer(spec, owner, [...ownerPath, 'authorizerConfiguration', 'customJwtAuthorizer'], config.customJwtAuthorizer, report);
    }
  },
});
