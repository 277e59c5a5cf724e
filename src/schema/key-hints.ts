/** What an unknown key probably meant, and whether it looks like it holds a secret. */
import { didYouMean } from '../util/did-you-mean.js';
import { ownValue } from '../util/json-value.js';
import { allowedKeys, resolveRefs, unwrap, type SchemaNode } from './schema-nodes.js';

/** Lower case without separators, so `API_KEY`, `api-key` and `apiKey` compare equal. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Names people use for a key the schema spells differently; too far apart for edit distance. Only suggested
 * when the target is allowed where the key is (so `environment` → `envVars` only inside a runtime).
 */
const KNOWN_ALIASES: Record<string, string> = {
  environment: 'envVars',
  environmentvariables: 'envVars',
  environmentvars: 'envVars',
  envvariables: 'envVars',
  env: 'envVars',
  envs: 'envVars',
  variables: 'envVars',
  gateways: 'agentCoreGateways',
  gateway: 'agentCoreGateways',
  mcpgateways: 'agentCoreGateways',
  agents: 'runtimes',
  agent: 'runtimes',
  memory: 'memories',
  policyengine: 'policyEngines',
  cedar: 'statement',
  policy: 'statement',
  entrypointfile: 'entrypoint',
  handler: 'entrypoint',
  codepath: 'codeLocation',
  path: 'codeLocation',
};

/** The allowed key the user most likely meant, if any: a known alias, a near spelling, or a unique longer name. */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  // Own properties only: a key named "constructor" must not find Object.prototype.constructor.
  const alias = ownValue(KNOWN_ALIASES, normalizeKey(key));
  if (alias && allowed.includes(alias)) return alias;
  const near = didYouMean(key, allowed);
  if (near) return near;
  return uniqueContaining(key, allowed);
}

/** `gateways` → `agentCoreGateways`: the only allowed key that contains the unknown one (4+ letters). */
function uniqueContaining(key: string, allowed: readonly string[]): string | undefined {
  const needle = normalizeKey(key);
  if (needle.length < 4) return undefined;
  const hits = allowed.filter((candidate) => normalizeKey(candidate).includes(needle));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Keys people put on an object that belong in one of its blocks, under another name. */
const NESTED_ALIASES: Record<string, string> = {
  idletimeout: 'lifecycleConfiguration.idleRuntimeSessionTimeout',
  idlesessiontimeout: 'lifecycleConfiguration.idleRuntimeSessionTimeout',
  sessiontimeout: 'lifecycleConfiguration.idleRuntimeSessionTimeout',
  maxsessionlifetime: 'lifecycleConfiguration.maxLifetime',
  subnets: 'networkConfig.subnets',
  securitygroups: 'networkConfig.securityGroups',
  enableotel: 'instrumentation.enableOtel',
};

/**
 * `maxLifetime` on a runtime belongs in `lifecycleConfiguration`: the dotted path of a block of this object
 * that has the key (same name, or a known alias), if exactly one does.
 */
export function nestedHome(key: string, objectSchema: unknown, rootSchema?: SchemaNode): string | undefined {
  const properties = unwrap(objectSchema).properties as Record<string, unknown> | undefined;
  if (!properties) return undefined;
  const alias = ownValue(NESTED_ALIASES, normalizeKey(key));
  const homes: string[] = [];
  for (const [block, raw] of Object.entries(properties)) {
    const inner = allowedKeys(resolveRefs(raw, rootSchema));
    const same = inner.find((k) => normalizeKey(k) === normalizeKey(key));
    if (same) homes.push(`${block}.${same}`);
    else if (alias?.startsWith(`${block}.`) && inner.includes(alias.slice(block.length + 1))) homes.push(alias);
  }
  return homes.length === 1 ? homes[0] : undefined;
}

/** Parts of a normalized key name that suggest its value is a secret. */
const SECRET_WORDS = [
  'apikey', 'secret', 'token', 'password', 'passwd', 'passphrase', 'credential', 'privatekey', 'accesskey',
  'clientsecret', 'bearer', 'authorization',
];

/**
 * Key names that merely point at a secret (a name, ARN, id, URL, file or type), not hold one: `credentialName`,
 * `clientSecretArn`, `tokenUrl`. Their value is not sensitive, so they are not reported as secrets.
 */
const REFERENCE_SUFFIXES = ['name', 'names', 'arn', 'id', 'ids', 'url', 'uri', 'endpoint', 'file', 'path', 'type', 'provider', 'ref'];

/** Whether a key name suggests its value is a secret (`apiKey`, `client_secret`, `authToken`, `DB_PASSWORD`). */
export function looksLikeSecretKey(key: string): boolean {
  const normalized = normalizeKey(key);
  if (!SECRET_WORDS.some((word) => normalized.includes(word))) return false;
  const words = key.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  return !REFERENCE_SUFFIXES.includes(last);
}
