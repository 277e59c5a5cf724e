/**
 * ESLint-compatible JSON: one entry per file, `severity` 2 for errors and 1 otherwise. Info findings also use
 * severity 1 (ESLint has no lower level) but carry `level: "info"` and are not counted in warningCount.
 */
import type { Finding } from '../types.js';
import type { Formatter } from './types.js';

export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  level: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  docsUrl: string;
}

export interface JsonFileResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export function toJsonResults(findings: readonly Finding[]): JsonFileResult[] {
  const byFile = new Map<string, JsonFileResult>();
  for (const f of findings) {
    let entry = byFile.get(f.file);
    if (!entry) {
      entry = {
        filePath: f.file, messages: [], errorCount: 0, warningCount: 0, infoCount: 0,
        fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0,
      };
      byFile.set(f.file, entry);
    }
    entry.messages.push({
      ruleId: f.ruleId,
      severity: f.severity === 'error' ? 2 : 1,
      level: f.severity,
      message: f.message,
      line: f.range.start.line,
      column: f.range.start.column,
      endLine: f.range.end.line,
      endColumn: f.range.end.column,
      docsUrl: f.docsUrl,
    });
    if (f.severity === 'error') entry.errorCount++;
    else if (f.severity === 'warning') entry.warningCount++;
    else entry.infoCount++;
    if (f.fix && f.severity === 'error') entry.fixableErrorCount++;
    else if (f.fix) entry.fixableWarningCount++;
  }
  return [...byFile.values()];
}

export const formatJson: Formatter = (findings) => JSON.stringify(toJsonResults(findings), null, 2) + '\n';
