import type { RuleMeta } from '../rule.js';
import type { Finding } from '../types.js';

export interface FormatContext {
  cwd: string;
  /** Whether ANSI colour may be used (TTY and no NO_COLOR). */
  color: boolean;
  /** Metadata of every rule, for formats that describe rules (SARIF). */
  rules: readonly RuleMeta[];
  /** agentcore-lint's version. */
  version: string;
  /** Tells the user something the report itself may not show (the CLI writes it to stderr). */
  notify?: (message: string) => void;
}

/** A formatter turns sorted findings into the text written to stdout or --output-file. */
export type Formatter = (findings: readonly Finding[], context: FormatContext) => string;
