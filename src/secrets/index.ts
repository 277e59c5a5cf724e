/**
 * Secret detection shared by every rule that looks for pasted credentials: agentcore.json values today,
 * agent source code later. Two questions:
 *
 * - `findProviderSecrets(text)`: does the text contain a credential with a recognisable format (vendor key
 *   prefixes, AWS key IDs, JWTs, private key blocks, passwords in URLs)? Works on whole files.
 * - `classifyAssignment(name, value)`: is this literal value, assigned to this name, a secret? Combines the
 *   formats with names that announce a secret (`DB_PASSWORD`), after discarding placeholders and references.
 *
 * Findings must never echo a secret: use `maskSecret` for anything shown to the user.
 */
import { hasUrlPassword, isPlaceholder, isPlainSetting, isReference } from './placeholders.js';
import { secretNameStrength, type SecretNameStrength } from './names.js';
import { PROVIDER_PATTERNS, type ProviderPattern } from './providers.js';

export { isPlaceholder, isReference, isPlainSetting } from './placeholders.js';
export { secretNameStrength, nameSegments, type SecretNameStrength } from './names.js';
export { PROVIDER_PATTERNS, type ProviderPattern } from './providers.js';

export interface SecretMatch {
  /** Provider pattern id (`openai-project-key`, …) or `secret-name` for name-based findings. */
  kind: string;
  /** For messages: "an OpenAI project API key". */
  label: string;
  /** Offsets of the secret in the scanned text (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** The matched secret itself: never print it; pass it to `maskSecret`. */
  secret: string;
}

/** Texts longer than this are scanned in full but matches are capped, so one huge file cannot flood output. */
const MAX_MATCHES = 100;

/** Every recognisable credential in `text`, in order, placeholders (`sk-proj-xxxx…`, `…EXAMPLE`) excluded. */
export function findProviderSecrets(text: string): SecretMatch[] {
  const out: SecretMatch[] = [];
  for (const pattern of PROVIDER_PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (;;) {
      const m = pattern.regex.exec(text);
      if (!m) break;
      if (m[0].length === 0) {
        pattern.regex.lastIndex++;
        continue;
      }
      const match = toMatch(pattern, m[0], m.index);
      if (match) out.push(match);
      if (out.length >= MAX_MATCHES) break;
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping matches describe one secret: keep the first, longest one (sk-proj-… is also an sk-… key).
  const kept: SecretMatch[] = [];
  let keptEnd = -1;
  for (const m of out) {
    if (m.start < keptEnd) continue;
    kept.push(m);
    keptEnd = m.end;
  }
  return kept;
}

function toMatch(pattern: ProviderPattern, text: string, index: number): SecretMatch | undefined {
  if (pattern.id === 'url-credentials') {
    // Report the password only; `postgres://user:password@host` and `${DB_PASSWORD}` stay silent.
    const colon = text.indexOf(':', text.indexOf('://') + 3);
    const password = text.slice(colon + 1, -1);
    if (isPlaceholder(password) || isReference(password) || password.length < 3) return undefined;
    return { kind: pattern.id, label: pattern.label, start: index + colon + 1, end: index + text.length - 1, secret: password };
  }
  if (pattern.id === 'private-key') {
    return { kind: pattern.id, label: pattern.label, start: index, end: index + text.length, secret: text };
  }
  if (isPlaceholder(text)) return undefined;
  return { kind: pattern.id, label: pattern.label, start: index, end: index + text.length, secret: text };
}

export interface AssignmentSecret extends SecretMatch {
  /** How it was recognised: by its format, or because the name says it is a secret. */
  reason: 'format' | SecretNameStrength;
}

/**
 * Whether `value`, assigned to a variable or key called `name`, is a literal secret. Returns the match
 * (by format first, then by name), or undefined for placeholders, references, ARNs, URLs without
 * credentials, numbers, booleans and empty values.
 */
export function classifyAssignment(name: string, value: string): AssignmentSecret | undefined {
  const format = findProviderSecrets(value)[0];
  if (format) return { ...format, reason: 'format' };
  const strength = secretNameStrength(name);
  if (!strength) return undefined;
  const trimmed = value.trim();
  if (!isLiteralSecretValue(trimmed, strength)) return undefined;
  const start = value.indexOf(trimmed);
  return {
    kind: 'secret-name',
    label: 'a literal secret',
    start,
    end: start + trimmed.length,
    secret: trimmed,
    reason: strength,
  };
}

function isLiteralSecretValue(value: string, strength: SecretNameStrength): boolean {
  if (value.length < 4 || value.length > 4096) return false;
  if (isPlaceholder(value) || isReference(value)) return false;
  if (isPlainSetting(value) && !hasUrlPassword(value)) return false;
  // Prose ("Bearer token from the login flow") is a description, not a credential.
  if (/\s/.test(value)) return false;
  if (strength === 'weak') {
    // `*_KEY` alone: only values that look generated — long, letters and digits, not a path or a name.
    return value.length >= 16 && /[A-Za-z]/.test(value) && /[0-9]/.test(value) && !/[/.]/.test(value);
  }
  return true;
}

/**
 * A safe rendering of a secret for messages: at most its first 4 characters, then `…`. Short secrets show
 * fewer characters (a quarter of their length), so nothing close to the whole value is ever printed.
 */
export function maskSecret(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}…`;
}
