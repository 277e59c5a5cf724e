import * as path from 'node:path';
import type { Finding } from '../../src/types.js';

/** The snapshot form of a finding: what a user sees, with the file relative to the project. */
export interface FindingSnapshot {
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export function snapshotFindings(root: string, findings: Finding[]): FindingSnapshot[] {
  return findings.map((f) => ({
    file: path.relative(root, f.file).split(path.sep).join('/'),
    ruleId: f.ruleId,
    severity: f.severity,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    message: f.message,
  }));
}
