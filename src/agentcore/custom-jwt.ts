/**
 * The refinements of `CustomJwtAuthorizerConfigSchema` (`dist/schema/schemas/auth.js` of `@aws/agentcore` 0.30.0),
 * shared by every place that takes an `authorizerConfiguration.customJwtAuthorizer`: gateways and runtimes in
 * agentcore.json (rule `custom-jwt-config`) and a harness's harness.json (rule `harness-config`). Both rules use
 * these message templates, so the two files get the same words for the same problem.
 */
import type { JsonPath } from '../json/document.js';
import { isObject, objectsOf, type JsonObject } from '../util/json-value.js';
import { locate, nonEmptyArray } from '../util/refinements.js';

const WELL_KNOWN_SUFFIX = '/.well-known/openid-configuration';
const RESERVED_CLAIM_NAMES = ['client_id'];
const ARMS = ['selfManagedLatticeResource', 'managedVpcResource'] as const;

/** Message templates; `{{owner}}` is what holds the authorizer (`gateway "g"`, `runtime "r"`, `harness "h"`). */
export const CUSTOM_JWT_MESSAGES = {
  discoveryHttps: 'The OIDC discovery URL of {{owner}} must use HTTPS: "{{url}}".',
  discoverySuffix:
    "The OIDC discovery URL of {{owner}} must end with '/.well-known/openid-configuration': \"{{url}}\" (use the issuer's discovery document URL).",
  noAllowList:
    'The customJwtAuthorizer of {{owner}} must set at least one of allowedAudience, allowedClients, allowedScopes or customClaims; otherwise every token from the issuer would be accepted.',
  reservedClaim:
    'Custom claim "{{claim}}" of {{owner}} is reserved by the service and cannot be validated this way; use allowedClients to restrict client ids.',
  matchValueMissing: 'claimMatchValue of {{owner}} must provide either matchValueString or matchValueStringList.',
  matchValueBoth: 'claimMatchValue of {{owner}} may provide only one of matchValueString or matchValueStringList; remove one.',
  privateEndpointArms:
    'A private endpoint of {{owner}} must set exactly one of selfManagedLatticeResource or managedVpcResource (it sets {{count}}).',
  overridesNeedBase:
    'privateEndpointOverrides of {{owner}} can only be used when privateEndpoint is also set; add privateEndpoint or remove the overrides.',
  overrideArm:
    'privateEndpoint and privateEndpointOverrides of {{owner}} must all be the same kind: the base uses {{base}}, this override {{other}}.',
  overrideDomain: 'Duplicate privateEndpointOverride domain "{{domain}}" in {{owner}}; each domain may appear once.',
} as const;

export type CustomJwtMessageId = keyof typeof CUSTOM_JWT_MESSAGES;

/** A finding in the file `root` was parsed from, by JSON path. */
export interface RefinementReport<MessageId extends string> {
  (finding: { messageId: MessageId; data?: Record<string, string | number>; path: JsonPath; target?: 'key' | 'value' }): void;
}

/** `privateEndpointArm` of `auth.js`: the first arm set (truthy), if any. */
function arm(privateEndpoint: unknown): string | undefined {
  if (!isObject(privateEndpoint)) return undefined;
  return ARMS.find((a) => Boolean(privateEndpoint[a]));
}

/**
 * Checks one `customJwtAuthorizer` object at `path` in `root` (the parsed file), shape-tolerant: a field of the wrong
 * type is the schema rule's.
 */
export function checkCustomJwtAuthorizer(
  root: unknown,
  owner: string,
  path: JsonPath,
  jwt: Record<string, unknown>,
  report: RefinementReport<CustomJwtMessageId>,
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
      const where = locate(root, [...claimPath, 'authorizingClaimMatchValue', 'claimMatchValue']);
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

/**
 * Where `TagsSchema` records sit inside a customJwtAuthorizer at `path`: the `managedVpcResource.tags` of its
 * private endpoint and of each override.
 */
export function customJwtTagPaths(path: JsonPath, jwt: Record<string, unknown>): JsonPath[] {
  const out: JsonPath[] = [[...path, 'privateEndpoint', 'managedVpcResource', 'tags']];
  for (const [i] of objectsOf(jwt.privateEndpointOverrides)) {
    out.push([...path, 'privateEndpointOverrides', i, 'privateEndpoint', 'managedVpcResource', 'tags']);
  }
  return out;
}

/**
 * The authorizer configuration as zod reads `x.authorizerConfiguration?.<key>`: 'missing' when that is
 * undefined, 'present' when set, null when `authorizerConfiguration` has the wrong type (schema finding).
 */
export function authorizerConfigState(node: JsonObject, key: string): 'missing' | 'present' | null {
  const config = node.authorizerConfiguration;
  if (config === undefined) return 'missing';
  if (!isObject(config)) return null;
  return config[key] === undefined ? 'missing' : 'present';
}
