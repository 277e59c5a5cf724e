/**
 * Inline suppressions: `agentcore-lint-disable-next-line <rule-id>[, <rule-id>…] -- <reason>` and
 * `agentcore-lint-disable-line <rule-id> -- <reason>`, in Python (`#`), TS/JS (`//`, block comments) and Cedar
 * (`//`) comments. JSON has no comments: agentcore.json findings are silenced in `.agentcore-lint.json`.
 * Directives come only from real comments (the language adapters' comment facts, a Cedar comment scanner that
 * skips string literals), never from a text search that would also match inside strings.
 */
import { LineIndex } from './json/string-positions.js';
import type { CommentFact, Span } from './source/facts.js';
import type { Finding, SourceRange } from './types.js';

export interface SuppressionDirective {
  kind: 'next-line' | 'line';
  /** The rule ids it names, as written. */
  ruleIds: string[];
  reason: string | undefined;
  /** The comment, for reporting problems with the directive itself. */
  range: SourceRange;
  /** The 1-based line whose findings it suppresses. */
  line: number;
}

const DIRECTIVE = /^agentcore-lint-disable-(next-line|line)(?=\s|$)(.*)$/s;

/** The text of a comment without its markers. */
function commentBody(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('/*')) return trimmed.slice(2, trimmed.endsWith('*/') ? -2 : undefined).trim();
  return trimmed.replace(/^(#|\/\/)/, '').trim();
}

export function parseDirectives(comments: readonly CommentFact[], text: string): SuppressionDirective[] {
  const lines = new LineIndex(text);
  const directives: SuppressionDirective[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(commentBody(comment.text));
    if (!match) continue;
    const kind = match[1] as SuppressionDirective['kind'];
    const separator = match[2].indexOf('--');
    const idsText = separator >= 0 ? match[2].slice(0, separator) : match[2];
    const reason = separator >= 0 ? match[2].slice(separator + 2).trim() || undefined : undefined;
    const range = { start: lines.position(comment.span.start), end: lines.position(comment.span.end) };
    directives.push({
      kind,
      ruleIds: idsText.split(/[\s,]+/).filter(Boolean),
      reason,
      range,
      line: kind === 'line' ? range.start.line : range.end.line + 1,
    });
  }
  return directives;
}

/** `//` comments of a Cedar file (Cedar has no block comments); string literals are skipped, escapes included. */
export function cedarComments(text: string): CommentFact[] {
  const comments: CommentFact[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      // Up to the line end: LF, CRLF or a lone CR (a line break for positions too).
      let end = i;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      comments.push({ span: { start: i, end } as Span, text: text.slice(i, end) });
      i = end;
    } else {
      i++;
    }
  }
  return comments;
}

export interface DirectiveProblem {
  messageId: 'missingReason' | 'unknownRule' | 'noRule' | 'unused';
  data: Record<string, string>;
  range: SourceRange;
  severity: 'warning' | 'error';
}

export interface SuppressionResult {
  /** The findings that remain. */
  kept: Finding[];
  suppressedCount: number;
  problems: DirectiveProblem[];
}

/**
 * Drops the findings of one file that a directive covers (same rule id, the directive's target line) and reports
 * directives without a reason, with an unknown rule id, or that suppress nothing.
 */
export function applySuppressions(
  findings: readonly Finding[],
  directives: readonly SuppressionDirective[],
  knownRuleIds: ReadonlySet<string>,
): SuppressionResult {
  const used = new Set<SuppressionDirective>();
  const kept = findings.filter((f) => {
    const directive = directives.find((d) => d.line === f.range.start.line && d.ruleIds.includes(f.ruleId));
    if (directive) used.add(directive);
    return !directive;
  });
  const problems: DirectiveProblem[] = [];
  for (const d of directives) {
    if (d.ruleIds.length === 0) {
      problems.push({ messageId: 'noRule', data: {}, range: d.range, severity: 'error' });
      continue;
    }
    for (const id of d.ruleIds) {
      if (!knownRuleIds.has(id)) problems.push({ messageId: 'unknownRule', data: { ruleId: id }, range: d.range, severity: 'error' });
    }
    if (!d.reason) problems.push({ messageId: 'missingReason', data: { ruleIds: d.ruleIds.join(', ') }, range: d.range, severity: 'warning' });
    if (!used.has(d) && d.ruleIds.every((id) => knownRuleIds.has(id))) {
      problems.push({ messageId: 'unused', data: { ruleIds: d.ruleIds.join(', ') }, range: d.range, severity: 'warning' });
    }
  }
  return { kept, suppressedCount: findings.length - kept.length, problems };
}
