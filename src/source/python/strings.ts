/** Python string literal decoding: prefixes, escapes, f-string brace escapes. */
import { ownValue } from '../../util/json-value.js';

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const TEXT_ESCAPE = /\\(\r\n|\n|\r|[\\'"abfnrtv]|[0-7]{1,3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}\n]*\})/g;
const BYTES_ESCAPE = /\\(\r\n|\n|\r|[\\'"abfnrtv]|[0-7]{1,3}|x[0-9a-fA-F]{2})/g;

function decodeEscape(match: string, body: string): string {
  const first = body[0];
  if (first === '\n' || first === '\r') return ''; // line continuation inside the literal
  const simple = ownValue(SIMPLE_ESCAPES, body);
  if (simple !== undefined) return simple;
  if (first === 'x' || first === 'u' || first === 'U') {
    const code = parseInt(body.slice(1), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : match;
  }
  if (first === 'N') return match; // \N{NAME}: no Unicode name table here; keep it as written
  return String.fromCharCode(parseInt(body, 8) & 0x1ff);
}

export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  format: boolean;
}

/** `string_start` text such as `rb"`, `f'''`, `"` → its prefix flags. */
export function parsePrefix(stringStart: string): StringPrefix {
  const letters = stringStart.replace(/["']/g, '').toLowerCase();
  return {
    raw: letters.includes('r'),
    bytes: letters.includes('b'),
    format: letters.includes('f') || letters.includes('t'),
  };
}

/** Decodes one `string_content` piece as Python would (bytes literals decode to Latin-1 code points). */
export function decodeContent(content: string, prefix: StringPrefix): string {
  // Python reads source with universal newlines: CRLF inside a triple-quoted literal is `\n`
  let value = content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content;
  if (!prefix.raw && value.includes('\\')) value = value.replace(prefix.bytes ? BYTES_ESCAPE : TEXT_ESCAPE, decodeEscape);
  if (prefix.format) value = value.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  return value;
}
