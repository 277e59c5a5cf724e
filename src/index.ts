/**
 * The library API (`import { lint } from 'agentcore-lint'`): lint projects programmatically, format the findings
 * with any of the CLI's formatters, list the rules. The CLI (`bin/agentcore-lint.js`) runs the same code, bundled.
 */
export { lint, UsageError, ConfigError, type LintOptions, type LintResult } from './lint.js';
export { formatters, type Formatter, type FormatContext } from './formatters/index.js';
export { projectRules as rules } from '../rules/index.js';
export type { Finding, Fix, Position, Severity, SourceRange, TextEdit } from './types.js';
