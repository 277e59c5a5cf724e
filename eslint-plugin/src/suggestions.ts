/**
 * Editor suggestions (never automatic fixes), offered only where the edit is unambiguous and cannot make the
 * code worse than the finding says it already is.
 *
 * - unknown-resource-name: when agentcore-lint found exactly one declared name the unknown one is close to (its
 *   "Did you mean …?"), replace the name: the env var in `process.env.X` / `process.env["X"]`, or the
 *   `providerName` string. Offered only when the reported range contains the unknown name exactly once as a whole
 *   word, so the edit touches nothing else.
 * - gateway-url-unguarded: none. A guard must decide what the code does while the gateway is not deployed
 *   (return early, run without the gateway's tools, throw a clearer error), and that changes control flow and
 *   return types; no edit is safe for every program, so offering one would invite accepting a wrong one.
 * - no-inline-secrets, direct-http-call, vendor-key-from-env: none. Moving a secret or a vendor call behind a
 *   gateway or AgentCore Identity is a design change, not a text edit.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { FileReportDescriptor } from '../../dist/src/rule.js';
import type { Position } from '../../dist/src/types.js';

type Suggest = (text: string, report: FileReportDescriptor<string>) => TSESLint.SuggestionReportDescriptor<string>[];

const SUGGESTERS: Record<string, Suggest> = {
  'unknown-resource-name': (text, report) => {
    const data = report.data ?? {};
    const to = /Did you mean "([^"]+)"\?/.exec(String(data.suggestion ?? ''))?.[1];
    const from = String(data.provider ?? data.variable ?? '');
    if (!to || !from || to === from) return [];
    const start = offsetOf(text, report.range.start);
    const end = offsetOf(text, report.range.end);
    const slice = text.slice(start, end);
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const matches = [...slice.matchAll(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'g'))];
    if (matches.length !== 1) return [];
    const at = start + matches[0].index!;
    return [{
      messageId: 'agentcoreReplaceName',
      data: { from, to },
      fix: (fixer) => fixer.replaceTextRange([at, at + from.length], to),
    }];
  },
};

export function suggestionsFor(ruleId: string): Suggest | undefined {
  return SUGGESTERS[ruleId];
}

/** UTF-16 offset of a 1-based position, with agentcore-lint's line breaks (`\n`, `\r\n`, `\r`). */
export function offsetOf(text: string, position: Position): number {
  let line = 1;
  let i = 0;
  while (line < position.line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 10 || (c === 13 && text.charCodeAt(i) !== 10)) line++;
  }
  return Math.min(text.length, i + position.column - 1);
}
