/** Core value types shared by the engine, the rules and the formatters. */

export type Severity = 'error' | 'warning' | 'info';
/** What a user may write in `.agentcore-lint.json`. */
export type SeveritySetting = Severity | 'warn' | 'off';

/** 1-based line and column; columns count UTF-16 code units (as editors, ESLint and SARIF do). */
export interface Position {
  line: number;
  column: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

/** Replace `text[start, end)` (UTF-16 offsets) — or the text in `range` — by `text`. */
export type TextEdit = { start: number; end: number; text: string } | { range: SourceRange; text: string };

/** A safe, mechanical fix, applied only with `--fix`. It may edit a file other than the finding's. */
export interface Fix {
  /** Absolute path of the file to edit (created when it does not exist). */
  file: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Absolute path of the file the finding is in. */
  file: string;
  range: SourceRange;
  message: string;
  docsUrl: string;
  /** A short excerpt that identifies what was matched, never a secret in full (used for baselines later). */
  fingerprintText?: string;
  fix?: Fix;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
