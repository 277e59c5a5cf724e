/**
 * Values that are not secrets even where a secret is expected: placeholders from templates and docs,
 * references resolved elsewhere (`${VAR}`, CloudFormation dynamic references, ARNs) and plain settings.
 * A linter that reports `your-api-key-here` teaches people to ignore it, so these checks err on the side of
 * calling a value a placeholder.
 */

/** Words that mark a value as a stand-in. Matched case-insensitively anywhere in the value. */
const PLACEHOLDER_WORDS = [
  'your',
  'replace',
  'placeholder',
  'changeme',
  'change_me',
  'change-me',
  'example',
  'dummy',
  'fake',
  'sample',
  'redacted',
  'insert',
  'todo',
  'tbd',
  'fixme',
  'xxxx',
  '****',
  '....',
  '…',
  'secret-here',
  'key-here',
  'token-here',
  '-here',
  '_here',
  'goes-here',
  'notreal',
  'not-real',
  'not_a_real',
  'not-a-real',
];

/** Whole values that are defaults or words, not credentials. */
const PLACEHOLDER_VALUES = new Set([
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'api-key',
  'api_key',
  'key',
  'test',
  'testing',
  'none',
  'null',
  'nil',
  'undefined',
  'empty',
  'default',
  'unset',
  'n/a',
  'na',
  'tbd',
  'xxx',
  'abc',
  'abc123',
  '123',
  '1234',
  '12345',
  '123456',
  'foo',
  'bar',
  'foobar',
  'local',
  'dev',
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'enabled',
  'disabled',
]);

/** Long ordered runs that only a person typing a fake value produces. */
const FAKE_RUNS = ['1234567890', '0123456789', 'abcdefghij', 'ABCDEFGHIJ', 'qwertyuiop'];

/**
 * A placeholder: a template word (`your-api-key-here`, `<API_KEY>`, `changeme`, `...EXAMPLE`), a bracketed
 * name, a run of one repeated character (`xxxx`, `****`, `0000`), or an obviously fake sequence.
 */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  const lower = trimmed.toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower)) return true;
  // <API_KEY>, [token], {secret}, (password): a name in brackets.
  if (/^[<[{(][^<>[\]{}()]{0,200}[>\]})]$/.test(trimmed)) return true;
  if (trimmed.includes('<') && trimmed.includes('>')) return true;
  for (const word of PLACEHOLDER_WORDS) if (containsPlaceholderWord(lower, word)) return true;
  for (const run of FAKE_RUNS) if (trimmed.includes(run)) return true;
  if (lowVariety(trimmed)) return true;
  return false;
}

/** Short words that also turn up by chance inside long random keys (`…MtbDU…` holds "tbd"). */
const SHORT_WORD = /^[a-z]{3,6}$/;

/**
 * Whether the value holds the placeholder word. In long values (20+ characters, the length of real keys) a short
 * word counts only standing on its own, between non-letters (`sk-your-key-here`, `YOUR_API_KEY`), so a generated
 * key that happens to contain "tbd" or "fake" is still reported.
 */
function containsPlaceholderWord(lower: string, word: string): boolean {
  if (!lower.includes(word)) return false;
  if (lower.length < 20 || !SHORT_WORD.test(word) || new Set(word).size === 1) return true;
  for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
    const before = i === 0 ? '' : lower[i - 1];
    const after = lower[i + word.length] ?? '';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
  }
  return false;
}

/**
 * Too few distinct characters to be random: `xxxxxxxx`, `aaaa1111`, `sk-000000000000`. Looks at the part
 * after the last `-`/`_` separated prefix so vendor prefixes do not count.
 */
function lowVariety(value: string): boolean {
  const tail = value.replace(/^[A-Za-z]{1,12}[-_](?:[A-Za-z]{1,12}[-_])?/, '');
  const distinct = new Set(tail).size;
  return tail.length === 0 || distinct <= 3 || (tail.length >= 16 && distinct <= 5);
}

/**
 * A reference resolved somewhere else, not a literal: `${VAR}`, `$VAR`, `%VAR%`, `{{resolve:secretsmanager:…}}`
 * and other `{{…}}` templates, `resolve:`/`ssm:`/`secretsmanager:` prefixes, and ARNs.
 */
export function isReference(value: string): boolean {
  const trimmed = value.trim();
  if (/^\$\{[^}]{1,300}\}$/.test(trimmed)) return true;
  if (/^\$[A-Za-z_][A-Za-z0-9_]{0,200}$/.test(trimmed)) return true;
  if (/^%[A-Za-z_][A-Za-z0-9_]{0,200}%$/.test(trimmed)) return true;
  if (/^\{\{.{1,1000}\}\}$/.test(trimmed)) return true;
  if (/^#\{[^}]{1,300}\}$/.test(trimmed)) return true;
  if (/^(?:arn|resolve|ssm|secretsmanager|ssm-secure):/i.test(trimmed)) return true;
  // A value built from references: "Bearer ${TOKEN}".
  if (/\$\{[A-Za-z_][A-Za-z0-9_.:-]{0,200}\}/.test(trimmed)) return true;
  return false;
}

/** Plain settings: booleans, numbers, durations, URLs and paths without credentials. */
export function isPlainSetting(value: string): boolean {
  const trimmed = value.trim();
  if (/^(?:true|false|yes|no|on|off)$/i.test(trimmed)) return true;
  if (/^-?[0-9]{1,30}(?:\.[0-9]{1,30})?(?:ms|s|m|h|d|kb|mb|gb|%)?$/i.test(trimmed)) return true;
  if (/^[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\//.test(trimmed) && !hasUrlPassword(trimmed)) return true;
  if (/^\.{0,2}\//.test(trimmed)) return true;
  return false;
}

/** scheme://user:password@host with a non-empty password. */
export function hasUrlPassword(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s/:@]{1,256}:[^\s/@]{1,256}@/.test(value.trim());
}
