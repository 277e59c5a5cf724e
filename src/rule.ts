/**
 * The rule contract. A rule is one file under `rules/<area>/` exporting `defineRule({ meta, check })`.
 * The engine owns loading, ordering, locations, severities and suppression; a rule only says what is wrong
 * and where, by JSON path (config rules) or by range.
 */
import type { JsonDocument, JsonPath } from './json/document.js';
import type { AgentCoreProject } from './project.js';
import type { SourceFacts } from './source/facts.js';
import type { Fix, Severity, SourceRange } from './types.js';

export type RuleCategory = 'config' | 'source' | 'policy';

export interface RuleMeta<MessageId extends string = string> {
  /** Stable kebab-case id used in output, configuration and suppressions. Never renamed once released. */
  id: string;
  /** Stable short code (`AC0xx`, see docs/rules/README.md for the scheme). */
  code: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** Why, with the AgentCore fact behind it (markdown). */
  rationale: string;
  /** Message templates with `{{name}}` placeholders. Each must say what is wrong and what to do. */
  messages: Record<MessageId, string>;
  /** True when the official `agentcore validate` reports the same problem (parity); false when only we do. */
  officialParity: boolean;
  /** Rules that need the whole project (agentcore.json); false for rules that also run on loose files. */
  requiresProject: boolean;
}

export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** The JSON document the finding is in; defaults to agentcore.json. */
  doc?: JsonDocument;
  /** Where in `doc`. Ignored when `range` is given. */
  path?: JsonPath;
  /** Point at the property name rather than its value. */
  target?: 'key' | 'value';
  /** An explicit location, with `file` when it is not in `doc`. */
  range?: SourceRange;
  file?: string;
  /** Overrides the rule's default severity for this finding (user configuration still wins). */
  severity?: Severity;
  /** A safe fix, applied only with `--fix`. */
  fix?: Fix;
}

export interface ProjectRuleContext<MessageId extends string> {
  project: AgentCoreProject;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface FileReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  range: SourceRange;
  severity?: Severity;
  fix?: Fix;
}

/** What a file-level check sees: one file's text, whether or not a project surrounds it. */
export interface FileRuleContext<MessageId extends string> {
  /** Absolute path. */
  file: string;
  text: string;
  /** The surrounding project, when there is one. */
  project?: AgentCoreProject;
  /** What the file is, for source files: agent runtime code, tool code ... (see src/source/roles.ts). */
  role?: FileRole;
  /** The file's source facts, parsed once and shared by every rule; undefined for non-source files. */
  source(): SourceFacts | undefined;
  report(descriptor: FileReportDescriptor<MessageId>): void;
}

/**
 * Why a source file is in the project, which decides what is legitimate in it: direct HTTP is normal in tool,
 * Lambda and MCP-server code, not in agent runtime code.
 */
export type FileRole = 'agent' | 'tool' | 'mcp-server' | 'test' | 'other';

/** A per-file summary of a source file's facts (see `ProjectRule.sourceDigests`); `of` must not keep `facts`. */
export interface SourceDigest<T> {
  of(facts: SourceFacts): T;
}

export interface ProjectRule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  /**
   * Checks the project as a whole (agentcore.json and what it references); absent for file-only rules. It reports
   * only into non-source files (JSON, Cedar, .env): findings in source code come from `files.check`, which lets a
   * run on named source files (pre-commit) skip project checks.
   */
  check?(context: ProjectRuleContext<MessageId>): void;
  /**
   * What `check` needs from every source file's facts, summarised per file (AC055: the gateway variables the code
   * reads). In a whole-project run the engine computes each digest while the file's facts are at hand, then releases
   * the facts, so the run holds one file's facts at a time rather than all of them; `check` reads the digests
   * with `projectSources(project).digest(file, digest)`.
   */
  sourceDigests?: readonly SourceDigest<unknown>[];
  /**
   * Optional file-level check, for rules that also work without a project (`meta.requiresProject: false`):
   * it runs on files with these extensions named on the command line, and on such files a project references.
   */
  files?: {
    extensions: readonly string[];
    /** Project files (relative paths) this check should always cover, e.g. the policy `sourceFile`s. */
    referencedBy?(project: AgentCoreProject): string[];
    check(context: FileRuleContext<MessageId>): void;
  };
}

export function defineRule<MessageId extends string>(rule: ProjectRule<MessageId>): ProjectRule<MessageId> {
  return rule;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}
