/**
 * Splits a Cedar policy-set text into its policies, with their spans, without a parser: a policy ends at a `;`
 * outside strings and `//` comments (Cedar has no other `;`). Only used on text that already parsed.
 */
export interface PolicySpan {
  /** UTF-16 index of the policy's first token (an annotation or the effect). */
  start: number;
  /** One past its closing `;`. */
  end: number;
}

export function splitPolicies(text: string): PolicySpan[] {
  return scan(text).spans;
}

/**
 * The span of the only policy in `text` when everything else is whitespace and `//` comments (no second policy,
 * no unterminated rest); undefined otherwise. Such a text parses exactly when that policy does.
 */
export function singlePolicy(text: string): PolicySpan | undefined {
  const { spans, rest } = scan(text);
  return spans.length === 1 && !rest ? spans[0] : undefined;
}

function scan(text: string): { spans: PolicySpan[]; rest: boolean } {
  const out: PolicySpan[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (start < 0) start = i;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === ';') {
      out.push({ start, end: i + 1 });
      start = -1;
    }
  }
  return { spans: out, rest: start >= 0 };
}

/** Indices of code (not strings, not comments) where `needle` starts, inside [from, to). */
export function findInCode(text: string, needle: string, from = 0, to = text.length): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < to && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '"') {
      for (i++; i < to && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (text.startsWith(needle, i)) out.push(i);
  }
  return out;
}
