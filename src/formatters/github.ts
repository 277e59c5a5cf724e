/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which GitHub turns into annotations on
 * the pull request. GitHub keeps at most 10 errors, 10 warnings and 10 notices per step and drops the rest
 * without a word, so: the most important findings are annotated first, every finding is also printed in plain
 * form, and a last line says how many were not annotated.
 */
import type { Finding, Severity } from '../types.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };
/** Per step, per kind (actions/toolkit docs/problem-matchers.md). */
export const GITHUB_ANNOTATION_LIMIT = 10;

/** `%`, CR and LF in messages (as @actions/core's escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape `:` and `,` (as @actions/core's escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = (findings, { cwd }) => {
  const lines: string[] = [];
  const annotated = new Set<Finding>();
  const perKind = new Map<Severity, number>();
  // Errors first, then warnings, then notices, each in file order.
  for (const severity of ['error', 'warning', 'info'] as const) {
    for (const f of findings.filter((x) => x.severity === severity)) {
      const count = perKind.get(severity) ?? 0;
      if (count >= GITHUB_ANNOTATION_LIMIT) break;
      perKind.set(severity, count + 1);
      annotated.add(f);
      const properties = [
        `file=${escapeProperty(displayPath(cwd, f.file))}`,
        `line=${f.range.start.line}`,
        `col=${f.range.start.column}`,
        `endLine=${f.range.end.line}`,
        `endColumn=${f.range.end.column}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      lines.push(`::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}`);
    }
  }
  // Every finding in plain form, so nothing depends on GitHub keeping the annotation.
  // The runner reads lines split at CR, LF or CRLF and runs any that starts with `::`: file names and messages
  // (which quote the project's files) must neither break the line nor start it with `::`.
  const oneLine = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ');
  for (const f of findings) {
    const file = oneLine(displayPath(cwd, f.file));
    const where = `${/^\s*:/.test(file) ? `./${file}` : file}:${f.range.start.line}:${f.range.start.column}`;
    lines.push(`${where}: ${f.severity} ${f.ruleId}: ${oneLine(f.message)}`);
  }
  const missed = findings.length - annotated.size;
  if (missed > 0) {
    lines.push(
      `agentcore-lint: ${missed} of ${findings.length} findings were not annotated (GitHub shows at most ${GITHUB_ANNOTATION_LIMIT} errors, ${GITHUB_ANNOTATION_LIMIT} warnings and ${GITHUB_ANNOTATION_LIMIT} notices per step); all are listed above.`,
    );
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
