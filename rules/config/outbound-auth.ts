import { defineRule } from '../../src/rule.js';
import { isObject } from '../../src/util/json-value.js';
import { allTargets, enumValue, locate, type TargetType } from '../../src/util/refinements.js';

const AUTH_TYPES = ['OAUTH', 'API_KEY', 'NONE', 'GATEWAY_IAM_ROLE', 'JWT_PASSTHROUGH'] as const;
type AuthType = (typeof AUTH_TYPES)[number];

/** `TARGET_TYPE_AUTH_CONFIG` in `dist/schema/schemas/mcp.js` of @aws/agentcore 0.30.0. */
const AUTH_CONFIG: Record<TargetType, { authRequired: boolean; validAuthTypes: AuthType[] }> = {
  openApiSchema: { authRequired: true, validAuthTypes: ['OAUTH', 'API_KEY'] },
  smithyModel: { authRequired: false, validAuthTypes: [] },
  apiGateway: { authRequired: false, validAuthTypes: ['API_KEY', 'NONE'] },
  mcpServer: { authRequired: false, validAuthTypes: ['OAUTH', 'NONE'] },
  lambda: { authRequired: false, validAuthTypes: ['OAUTH', 'NONE'] },
  lambdaFunctionArn: { authRequired: false, validAuthTypes: ['OAUTH', 'NONE'] },
  httpRuntime: { authRequired: false, validAuthTypes: ['OAUTH', 'NONE'] },
  connector: { authRequired: false, validAuthTypes: [] },
  passthrough: { authRequired: true, validAuthTypes: ['GATEWAY_IAM_ROLE', 'OAUTH', 'JWT_PASSTHROUGH'] },
};

/** Types that need no credential provider. */
const NO_CREDENTIAL: readonly AuthType[] = ['NONE', 'GATEWAY_IAM_ROLE', 'JWT_PASSTHROUGH'];

export default defineRule({
  meta: {
    id: 'outbound-auth',
    code: 'AC103',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'A target\'s outboundAuth must be one its targetType supports, with a credentialName (or service) where the type needs one.',
    rationale:
      'How the gateway authenticates to a target depends on the target type. The `superRefine` of ' +
      '`AgentCoreGatewayTargetSchema` (`dist/schema/schemas/mcp.js` of `@aws/agentcore` 0.30.0) enforces the ' +
      '`TARGET_TYPE_AUTH_CONFIG` matrix: OpenAPI targets require `OAUTH` or `API_KEY`; passthrough targets ' +
      'require `GATEWAY_IAM_ROLE`, `OAUTH` or `JWT_PASSTHROUGH`; API Gateway targets allow `API_KEY`/`NONE`; MCP ' +
      'server, Lambda and HTTP runtime targets allow `OAUTH`/`NONE`; Smithy and connector targets use the gateway ' +
      'IAM role and take no outbound auth; `lambdaFunctionArn` targets must not have an `outboundAuth` block at ' +
      'all. `OAUTH` and `API_KEY` need a `credentialName` (the credential provider that holds the secret), ' +
      '`GATEWAY_IAM_ROLE` on a passthrough target needs the SigV4 `service` name, and `JWT_PASSTHROUGH` is only ' +
      'valid on passthrough targets. `agentcore validate` rejects any other combination ("mcpServer targets do ' +
      'not support API_KEY outbound auth"). Whether the named credential exists is not checked by the CLI; ' +
      'agentcore-lint checks that in a separate rule.',
    messages: {
      notApplicableOnLambdaArn:
        'outboundAuth is not applicable for lambdaFunctionArn targets: the gateway invokes the function with its IAM role. Remove "outboundAuth" from {{target}}.',
      required:
        '{{type}} targets require outbound auth ({{valid}}); {{target}} has {{current}}. Set "outboundAuth": {"type": …{{credentialHint}}}.',
      iamOnly:
        '{{type}} targets use the gateway IAM role; outboundAuth {{authType}} is not applicable. Remove "outboundAuth" from {{target}} (or set its type to NONE).',
      unsupported: '{{type}} targets do not support {{authType}} outbound auth ({{target}}); use {{valid}}.',
      credentialRequired:
        '{{authType}} outbound auth requires a credentialName: set outboundAuth.credentialName of {{target}} to a credential in credentials[].',
      serviceRequired:
        'GATEWAY_IAM_ROLE outbound auth on passthrough targets requires a service name (the SigV4 signing service, e.g. "execute-api"): set outboundAuth.service of {{target}}.',
      jwtPassthroughScope:
        'JWT_PASSTHROUGH outbound auth is only valid for passthrough targets; {{target}} is {{type}}. Use OAUTH with a credential instead.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    if (!spec) return;
    for (const target of allTargets(spec)) {
      const type = target.targetType;
      if (!type) continue;
      const raw = target.node.outboundAuth;
      if (raw !== undefined && !isObject(raw)) continue; // the schema rule reports the type
      const auth = isObject(raw) ? raw : undefined;
      const authType = enumValue(auth?.type, AUTH_TYPES, 'NONE');
      if (authType === null || authType === undefined) continue;

      const authPath = [...target.path, 'outboundAuth'];
      const typePath = [...authPath, 'type'];
      const config = AUTH_CONFIG[type];
      const valid = config.validAuthTypes.filter((t) => t !== 'NONE').join(' or ');

      if (type === 'lambdaFunctionArn' && auth) {
        report({ messageId: 'notApplicableOnLambdaArn', data: { target: target.label }, path: authPath, target: 'key' });
      }
      if (config.authRequired && authType === 'NONE') {
        report({
          messageId: 'required',
          data: {
            type,
            valid,
            target: target.label,
            current: auth ? 'type NONE' : 'no outboundAuth',
            credentialHint: type === 'openApiSchema' ? ', "credentialName": …' : '',
          },
          ...locate(spec, typePath, authPath, [...target.path, 'targetType']),
        });
      }
      if (config.validAuthTypes.length === 0 && authType !== 'NONE') {
        report({ messageId: 'iamOnly', data: { type, authType, target: target.label }, path: authPath, target: 'key' });
      }
      if (config.validAuthTypes.length > 0 && authType !== 'NONE' && !config.validAuthTypes.includes(authType)) {
        report({
          messageId: 'unsupported',
          data: { type, authType, target: target.label, valid: config.validAuthTypes.join(' or ') },
          path: authPath,
          target: 'key',
        });
      }
      if (auth && !NO_CREDENTIAL.includes(authType)) {
        const credentialName = auth.credentialName;
        if (credentialName === undefined || credentialName === '') {
          report({
            messageId: 'credentialRequired',
            data: { authType, target: target.label },
            ...locate(spec, [...authPath, 'credentialName'], typePath, authPath),
          });
        }
      }
      if (type === 'passthrough' && authType === 'GATEWAY_IAM_ROLE' && (auth?.service === undefined || auth.service === '')) {
        report({
          messageId: 'serviceRequired',
          data: { target: target.label },
          ...locate(spec, [...authPath, 'service'], typePath, authPath),
        });
      }
      if (authType === 'JWT_PASSTHROUGH' && type !== 'passthrough') {
        report({ messageId: 'jwtPassthroughScope', data: { target: target.label, type }, path: typePath });
      }
    }
  },
});
