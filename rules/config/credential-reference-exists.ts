import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { entries, gatewayTargets } from '../../src/util/spec.js';
import { asObject, asString } from '../../src/util/json-value.js';
import { suggestion } from '../../src/util/did-you-mean.js';
import { listNames } from '../../src/util/list-names.js';

/** Outbound auth types that use a credential from credentials[] (NONE, GATEWAY_IAM_ROLE, JWT_PASSTHROUGH do not). */
const CREDENTIAL_AUTH_TYPES = new Set(['OAUTH', 'API_KEY']);

export default defineRule({
  meta: {
    id: 'credential-reference-exists',
    code: 'AC010',
    category: 'config',
    defaultSeverity: 'error',
    description: 'A gateway target\'s outboundAuth.credentialName must name a credential declared in credentials[].',
    rationale:
      'Outbound OAuth and API-key auth look the credential up by name: `agentcore deploy` fails during synth with ' +
      '"Credential … not found in deployed state" when `credentialName` matches no entry of `credentials[]`, and ' +
      '`agentcore add gateway-target` refuses such a name. `agentcore validate` only checks that a name is present, ' +
      'not that it exists (agentcore-facts.md §2.6, §4; official-validate.md case 01).',
    messages: {
      unknown:
        'Gateway "{{gateway}}" target "{{target}}" uses {{authType}} credential "{{credential}}", but credentials[] has no ' +
        'credential of that name, so deploy fails.{{hint}}',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const declared = entries(project.spec, 'credentials')
      .map((c) => c.name)
      .filter((n): n is string => n !== undefined);
    const names = new Set(declared);
    for (const target of gatewayTargets(project.spec)) {
      const auth = asObject(target.node.outboundAuth);
      if (!auth) continue;
      const authType = asString(auth.type);
      const credential = asString(auth.credentialName);
      if (!authType || !CREDENTIAL_AUTH_TYPES.has(authType) || !credential || names.has(credential)) continue;
      const near = suggestion(credential, declared);
      report({
        messageId: 'unknown',
        path: [...target.path, 'outboundAuth', 'credentialName'],
        data: {
          gateway: target.gateway.name ?? formatPath(target.gateway.path),
          target: target.name ?? formatPath(target.path),
          authType,
          credential,
          hint:
            near ||
            (declared.length === 0 ? ' The project declares no credentials;' : ` Declared: ${listNames(declared)}. Fix the name or`) +
              ' add the credential with `agentcore add credential` (interactive, so the secret stays out of shell history).',
        },
      });
    }
  },
});
