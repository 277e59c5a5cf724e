import { defineRule, type ProjectRuleContext } from '../../src/rule.js';
import type { JsonPath } from '../../src/json/document.js';
import { isObject, objectsOf, type JsonObject } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { locate, nonEmptyArray, shownName } from '../../src/util/refinements.js';

const WELL_KNOWN_SUFFIX = '/.well-known/openid-configuration';
const RESERVED_CLAIM_NAMES = ['client_id'];
const ARMS = ['selfManagedLatticeResource', 'managedVpcResource'] as const;

type MessageId =
  | 'discoveryHttps'
  | 'discoverySuffix'
  | 'noAllowList'
  | 'reservedClaim'
  | 'matchValueMissing'
  | 'matchValueBoth'
  | 'privateEndpointArms'
  | 'overridesNeedBase'
  | 'overrideArm'
  | 'overrideDomain';

/** `privateEndpointArm` of `dist/schema/schemas/auth.js`: the first arm set (truthy), if any. */
function arm(privateEndpoint: unknown): string | undefined {
  if (!isObject(privateEndpoint)) return undefined;
  return ARMS.find((a) => Boolean(privateEndpoint[a]));
}

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
      'discovery URL must use HTTPS").',
    messages: {
      discoveryHttps: 'The OIDC discovery URL of {{owner}} must use HTTPS: "{{url}}".',
      discoverySuffix:
        "The OIDC discovery URL of {{owner}} must end with '/.well-known/openid-configuration': \"{{url}}\" (use the issuer's discovery document URL).",
      noAllowList:
        'The customJwtAuthorizer of {{owner}} must set at least one of allowedAudience, allowedClients, allowedScopes or customClaims; otherwise every token from the issuer would be accepted.',
      reservedClaim:
        'Custom claim "{{claim}}" of {{owner}} is reserved by the service and cannot be validated this way; use allowedClients to restrict client ids.',
      matchValueMissing:
        'claimMatchValue of {{owner}} must provide either matchValueString or matchValueStringList.',
      matchValueBoth:
        'claimMatchValue of {{owner}} may provide only one of matchValueString or matchValueStringList; remove one.',
      privateEndpointArms:
        'A private endpoint of {{owner}} must set exactly one of selfManagedLatticeResource or managedVpcResource (it sets {{count}}).',
      overridesNeedBase:
        'privateEndpointOverrides of {{owner}} can only be used when privateEndpoint is also set; add privateEndpoint or remove the overrides.',
      overrideArm:
        'privateEndpoint and privateEndpointOverrides of {{owner}} must all be the same kind: the base uses {{base}}, this override {{other}}.',
      overrideDomain: 'Duplicate privateEndpointOverride domain "{{domain}}" in {{owner}}; each domain may appear once.',
    },
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
      checkAuthorizer(spec, owner, [...ownerPath, 'authorizerConfiguration', 'customJwtAuthorizer'], config.customJwtAuthorizer, report);
    }
  },
});

function checkAuthorizer(
  spec: JsonObject,
  owner: string,
  path: JsonPath,
  jwt: JsonObject,
  report: ProjectRuleContext<MessageId>['report'],
): void {
  const written = jwt.discoveryUrl;
  if (typeof written === 'string') {
    // zod's url() hands the refinements the trimmed string when it parses as a URL (a pasted trailing space passes).
    const url = URL.canParse(written.trim()) ? written.trim() : written;
    if (!url.startsWith('https://')) {
      report({ messageId: 'discoveryHttps', data: { owner, url }, path: [...path, 'discoveryUrl'] });
    }
    if (!url.endsWith(WELL_KNOWN_SUFFIX)) {
      report({ messageId: 'discoverySuffix', data: { owner, url }, path: [...path, 'discoveryUrl'] });
    }
  }

  const lists = ['allowedAudience', 'allowedClients', 'allowedScopes', 'customClaims'];
  if (lists.every((key) => jwt[key] === undefined || (Array.isArray(jwt[key]) && jwt[key].length === 0))) {
    report({ messageId: 'noAllowList', data: { owner }, path, target: 'key' });
  }

  for (const [i, claim] of objectsOf(jwt.customClaims)) {
    const claimPath = [...path, 'customClaims', i];
    const name = claim.inboundTokenClaimName;
    if (typeof name === 'string' && RESERVED_CLAIM_NAMES.includes(name)) {
      report({ messageId: 'reservedClaim', data: { owner, claim: name }, path: [...claimPath, 'inboundTokenClaimName'] });
    }
    const match = isObject(claim.authorizingClaimMatchValue) ? claim.authorizingClaimMatchValue.claimMatchValue : undefined;
    if (isObject(match)) {
      const where = locate(spec, [...claimPath, 'authorizingClaimMatchValue', 'claimMatchValue']);
      const hasString = match.matchValueString !== undefined;
      const hasList = match.matchValueStringList !== undefined;
      if (!hasString && !hasList) report({ messageId: 'matchValueMissing', data: { owner }, ...where });
      if (hasString && hasList) report({ messageId: 'matchValueBoth', data: { owner }, ...where });
    }
  }

  const checkEndpoint = (endpoint: unknown, endpointPath: JsonPath): void => {
    if (!isObject(endpoint)) return;
    const count = ARMS.filter((a) => endpoint[a] !== undefined).length;
    if (count !== 1) {
      report({ messageId: 'privateEndpointArms', data: { owner, count }, path: endpointPath, target: 'key' });
    }
  };
  checkEndpoint(jwt.privateEndpoint, [...path, 'privateEndpoint']);

  const overrides = objectsOf(jwt.privateEndpointOverrides);
  for (const [i, override] of overrides) {
    checkEndpoint(override.privateEndpoint, [...path, 'privateEndpointOverrides', i, 'privateEndpoint']);
  }
  if (!nonEmptyArray(jwt.privateEndpointOverrides)) return;
  if (jwt.privateEndpoint === undefined) {
    report({ messageId: 'overridesNeedBase', data: { owner }, path: [...path, 'privateEndpointOverrides'], target: 'key' });
  } else if (isObject(jwt.privateEndpoint)) {
    const base = arm(jwt.privateEndpoint);
    for (const [i, override] of overrides) {
      if (!isObject(override.privateEndpoint)) continue;
      const other = arm(override.privateEndpoint);
      if (other === base) continue;
      report({
        messageId: 'overrideArm',
        data: { owner, base: base ?? 'neither kind', other: other ?? 'neither kind' },
        path: [...path, 'privateEndpointOverrides', i, 'privateEndpoint'],
        target: 'key',
      });
    }
  }
  const seen = new Set<string>();
  for (const [i, override] of overrides) {
    if (typeof override.domain !== 'string') continue;
    if (seen.has(override.domain)) {
      report({
        messageId: 'overrideDomain',
        data: { owner, domain: override.domain },
        path: [...path, 'privateEndpointOverrides', i, 'domain'],
      });
    }
    seen.add(override.domain);
  }
}
