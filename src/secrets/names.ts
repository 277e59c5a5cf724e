/**
 * Variable and key names that announce a secret (`OPENAI_API_KEY`, `DB_PASSWORD`, `GITHUB_TOKEN`, `GITHUB_PAT`,
 * `clientSecret`), and the look-alikes that do not (`MAX_TOKENS`, `AURORA_SECRET_ARN`, `KMS_KEY_ID`).
 */

import { perString } from '../util/per-string.js';

export type SecretNameStrength =
  /** The name says "secret": any literal, non-placeholder value is one. */
  | 'strong'
  /** Ends in `_KEY` without saying which kind: only random-looking values count (`S3_KEY=uploads/a.json` does not). */
  | 'weak';

/** Last name segments that make the variable a pointer to a secret or a setting about one, not the secret. */
const NON_SECRET_SUFFIXES = new Set([
  'ARN', 'ID', 'IDS', 'NAME', 'NAMES', 'PATH', 'FILE', 'DIR', 'URL', 'URI', 'URLS', 'ENDPOINT', 'HOST', 'PORT',
  'REGION', 'HEADER', 'TYPE', 'ENABLED', 'DISABLED', 'ENABLE', 'DISABLE', 'TTL', 'EXPIRY', 'EXPIRATION',
  'EXPIRES', 'TIMEOUT', 'LENGTH', 'LEN', 'LIMIT', 'COUNT', 'MAX', 'MIN', 'SIZE', 'MODE', 'VERSION', 'PROVIDER',
  'LOCATION', 'ALIAS', 'FIELD', 'PARAM', 'PREFIX', 'SUFFIX', 'BUCKET', 'TABLE', 'REF', 'SOURCE', 'STORE',
  'MANAGER', 'FORMAT', 'ALGORITHM', 'ALG', 'KIND', 'SCOPE', 'SCOPES', 'AUDIENCE', 'ISSUER', 'USE', 'USED',
  'REQUIRED', 'ROTATION', 'LOOKUP', 'VAR', 'ENV', 'LABEL', 'TAG',
]);

/** Key kinds that are secrets when a name ends in `<KIND>_KEY` or `<KIND>KEY`. */
const SECRET_KEY_KINDS = ['API', 'ACCESS', 'SECRET', 'PRIVATE', 'SIGNING', 'ENCRYPTION', 'AUTH', 'MASTER', 'SERVICE', 'LICENSE', 'CLIENT', 'APP'];

/**
 * Splits `clientSecret`, `client-secret`, `CLIENT_SECRET` and `client.secret` into upper-case segments
 * (`CLIENT`, `SECRET`).
 */
export function nameSegments(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((s) => s.length > 0);
}

/**
 * Whether a variable or key name says its value is a secret. Remembered per name (perString): every string
 * assignment and environment read asks, and the names repeat.
 */
export const secretNameStrength: (name: string) => SecretNameStrength | undefined = perString(strengthOfName);

function strengthOfName(name: string): SecretNameStrength | undefined {
  const segments = nameSegments(name);
  if (segments.length === 0) return undefined;
  const last = segments[segments.length - 1];
  if (NON_SECRET_SUFFIXES.has(last)) return undefined;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.includes('PASSWORD') || s.includes('PASSWD') || s.includes('PASSPHRASE') || s === 'PASS' || s === 'PWORD') return 'strong';
    if (s.includes('SECRET')) return 'strong';
    // TOKEN, ACCESSTOKEN, GHTOKEN — but not TOKENS (MAX_TOKENS) or TOKENIZER.
    if (s.endsWith('TOKEN')) return 'strong';
    if (s === 'CREDENTIAL' || s === 'CREDENTIALS' || s === 'CREDS') return 'strong';
    if (s.endsWith('APIKEY') || s.endsWith('ACCESSKEY') || s.endsWith('PRIVATEKEY')) return 'strong';
    if (s === 'KEY' && i > 0 && SECRET_KEY_KINDS.includes(segments[i - 1])) return 'strong';
  }
  // A personal access token: GITHUB_PAT, AZURE_DEVOPS_PAT (not a bare `pat`, which may be a name).
  if (last === 'PAT' && segments.length > 1) return 'strong';
  if (last === 'KEY' || last.endsWith('KEY')) return 'weak';
  return undefined;
}
