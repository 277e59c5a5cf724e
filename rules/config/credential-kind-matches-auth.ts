import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { entries, gatewayTargets } from '../../src/util/spec.js';
import { asObject, asString } from '../../src/util/json-value.js';

const EXPECTED: Record<string, { kind: string; flag: string }> = {
  API_KEY: { kind: 'ApiKeyCredentialProvider', flag: 'api-key' },
  OAUTH: { kind: 'OAuthCredentialProvider', flag: 'oauth' },
};

export default defineRule({
  meta: {
    id: 'credential-kind-matches-auth',
    code: 'AC011',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'outboundAuth API_KEY must use an ApiKeyCredentialProvider and OAUTH an OAuthCredentialProvider that is not the ' +
      'CLI-managed inbound credential of a gateway.',
    rationale:
      'The CDK wires `API_KEY` outbound auth to an API-key credential provider (sent as the `x-api-key` header) and ' +
      '`OAUTH` to an OAuth2 provider (client-credentials grant); a credential of the other kind gives the gateway ' +
      'nothing it can use, and deploy or the first tool call fails. `agentcore validate` does not compare the kinds ' +
      '(agentcore-facts.md §2.3, §2.6; official-validate.md case 31). Credentials with `usage: "inbound"` are created ' +
      'by the CLI (`<gateway>-oauth`) for callers of a CUSTOM_JWT gateway; reusing one for outbound calls sends that ' +
      'client\'s identity to an unrelated target.',
    messages: {
      wrongKind:
        'Gateway "{{gateway}}" target "{{target}}" uses {{authType}} outbound auth with credential "{{credential}}", whose ' +
        'type is {{actual}}; {{authType}} needs an {{expected}}. Point credentialName at an {{expected}} or create one with ' +
        '`agentcore add credential` (type {{flag}}).',
      inbound:
        'Gateway "{{gateway}}" target "{{target}}" uses "{{credential}}" for outbound OAuth, but it is the CLI-managed inbound ' +
        'credential{{owner}} (usage "inbound"): its client is the one callers use to get tokens for that resource. Create a ' +
        'separate outbound OAuth credential for the target with `agentcore add credential` (type oauth).',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const credentials = new Map(entries(project.spec, 'credentials').map((c) => [c.name, c.node] as const));
    const runtimes = new Set(entries(project.spec, 'runtimes').map((r) => r.name));
    const gatewayNames = new Set(entries(project.spec, 'agentCoreGateways').map((g) => g.name));
    const harnesses = new Set(entries(project.spec, 'harnesses').map((h) => h.name));
    for (const target of gatewayTargets(project.spec)) {
      const auth = asObject(target.node.outboundAuth);
      const authType = auth ? asString(auth.type) : undefined;
      const credentialName = auth ? asString(auth.credentialName) : undefined;
      if (!authType || !credentialName || !(authType in EXPECTED)) continue;
      const credential = credentials.get(credentialName);
      if (!credential) continue; // credential-reference-exists reports it.
      const actual = asString(credential.authorizerType);
      if (!actual) continue; // The schema rule reports a credential without a kind.
      const data = { gateway: target.gateway.name ?? formatPath(target.gateway.path), target: target.name ?? formatPath(target.path), authType, credential: credentialName };
      const path = [...target.path, 'outboundAuth', 'credentialName'];
      const expected = EXPECTED[authType];
      if (actual !== expected.kind) {
        report({ messageId: 'wrongKind', path, data: { ...data, actual, expected: expected.kind, flag: expected.flag } });
        continue;
      }
      if (authType === 'OAUTH' && credential.usage === 'inbound') {
        const owner = credentialName.endsWith('-oauth') ? credentialName.slice(0, -'-oauth'.length) : undefined;
        // A runtime's own inbound client is the intended way for a gateway to call that JWT-protected runtime.
        if (owner !== undefined && runtimes.has(owner)) continue;
        const ownerText =
          owner !== undefined && gatewayNames.has(owner) ? ` of gateway "${owner}"`
          : owner !== undefined && harnesses.has(owner) ? ` of harness "${owner}"`
          : '';
        report({ messageId: 'inbound', path, data: { ...data, owner: ownerText }, severity: 'warning' });
      }
    }
  },
});
