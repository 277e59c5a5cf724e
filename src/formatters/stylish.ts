/** Human output in ESLint's "stylish" layout: findings grouped by file, then a summary line. */
import type { Finding, Severity } from '../types.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

const ANSI = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4 } as const;
type Style = keyof typeof ANSI;

export const formatStylish: Formatter = (findings, { cwd, color }) => {
  const paint = (style: Style, text: string): string => (color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const severityText: Record<Severity, string> = {
    error: paint('red', 'error'),
    warning: paint('yellow', 'warning'),
    info: paint('blue', 'info'),
  };
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.file, [...(groups.get(f.file) ?? []), f]);

  const lines: string[] = [];
  for (const [file, group] of groups) {
    lines.push('', paint('underline', displayPath(cwd, file)));
    const locations = group.map((f) => `${f.range.start.line}:${f.range.start.column}`);
    const width = Math.max(...locations.map((l) => l.length));
    group.forEach((f, i) => {
      const severity = severityText[f.severity] + ' '.repeat(7 - f.severity.length);
      lines.push(`  ${paint('dim', locations[i].padEnd(width))}  ${severity}  ${f.message}  ${paint('dim', f.ruleId)}`);
    });
  }
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  if (findings.length === 0) return '';
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos > 0) parts.push(plural(infos, 'info'));
  const summary = `✖ ${plural(findings.length, 'problem')} (${parts.join(', ')})`;
  lines.push('', paint('bold', errors > 0 ? paint('red', summary) : warnings > 0 ? paint('yellow', summary) : summary), '');
  return lines.join('\n');
};
