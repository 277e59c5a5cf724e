/**
 * Runs rules over a project and turns their reports into located, severity-resolved findings.
 * A rule that throws becomes one `internal-error` finding; every other rule still runs.
 */
import * as path from 'node:path';
import { locatePath } from './json/document.js';
import type { AgentCoreProject } from './project.js';
import { formatMessage, type FileRole, type ProjectRule, type ReportDescriptor } from './rule.js';
import { extractFacts } from './source/adapters.js';
import type { SourceFacts } from './source/facts.js';
import type { Finding, Severity, SeveritySetting, SourceRange } from './types.js';
import { docsUrl } from './docs-url.js';

export const INTERNAL_ERROR_RULE_ID = 'internal-error';

export interface EngineOptions {
  /** Per-rule severity from configuration; `off` disables a rule. */
  severities?: ReadonlyMap<string, SeveritySetting>;
  /** Include stack traces in internal-error findings. */
  debug?: boolean;
}

export function normalizeSeverity(setting: SeveritySetting): Severity | 'off' {
  return setting === 'warn' ? 'warning' : setting;
}

/** Whether the configuration turns the rule off. */
export function isRuleOff(rule: ProjectRule, severities: EngineOptions['severities']): boolean {
  const configured = severities?.get(rule.meta.id);
  return configured !== undefined && normalizeSeverity(configured) === 'off';
}

export function runProjectRules(
  project: AgentCoreProject,
  rules: readonly ProjectRule[],
  options: EngineOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.check) continue;
    const configured = options.severities?.get(rule.meta.id);
    if (isRuleOff(rule, options.severities)) continue;
    const report = (descriptor: ReportDescriptor<string>): void => {
      findings.push(toFinding(project, rule, descriptor, configured));
    };
    try {
      rule.check?.({ project, report });
    } catch (error) {
      findings.push(internalError(rule.meta.id, project.config.file, error, options.debug));
    }
  }
  return findings;
}

/** Runs the file-level checks that apply to one file (by extension). */
export function runFileRules(
  file: string,
  text: string,
  rules: readonly ProjectRule[],
  options: EngineOptions & {
    project?: AgentCoreProject;
    role?: FileRole;
    /** The file's facts from a shared cache (src/source/project-sources.ts), so project rules reuse the parse. */
    source?: () => SourceFacts | undefined;
  } = {},
): Finding[] {
  const findings: Finding[] = [];
  const extension = path.extname(file).toLowerCase();
  // Parsed at most once, on first request, and shared by every rule.
  let facts: { value: SourceFacts | undefined } | undefined;
  const source = options.source ?? ((): SourceFacts | undefined => (facts ??= { value: extractFacts(file, text) }).value);
  for (const rule of rules) {
    if (!rule.files?.extensions.includes(extension)) continue;
    const configured = options.severities?.get(rule.meta.id);
    if (isRuleOff(rule, options.severities)) continue;
    try {
      rule.files.check({
        file,
        text,
        project: options.project,
        role: options.role,
        source,
        report: (d) => {
          const severity = configured !== undefined
            ? (normalizeSeverity(configured) as Severity)
            : d.severity ?? rule.meta.defaultSeverity;
          findings.push({
            ruleId: rule.meta.id, severity, file, range: d.range,
            message: formatMessage(rule.meta.messages[d.messageId], d.data), docsUrl: docsUrl(rule.meta.id),
            ...(d.fix ? { fix: d.fix } : {}),
          });
        },
      });
    } catch (error) {
      findings.push(internalError(rule.meta.id, file, error, options.debug));
    }
  }
  return findings;
}

function toFinding(
  project: AgentCoreProject,
  rule: ProjectRule,
  descriptor: ReportDescriptor<string>,
  configured: SeveritySetting | undefined,
): Finding {
  const doc = descriptor.doc ?? project.config;
  const range: SourceRange = descriptor.range ?? locatePath(doc, descriptor.path ?? [], descriptor.target);
  const template = rule.meta.messages[descriptor.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${descriptor.messageId}"`);
  const severity = configured !== undefined
    ? (normalizeSeverity(configured) as Severity)
    : descriptor.severity ?? rule.meta.defaultSeverity;
  return {
    ruleId: rule.meta.id,
    severity,
    file: descriptor.file ?? doc.file,
    range,
    message: formatMessage(template, descriptor.data),
    docsUrl: docsUrl(rule.meta.id),
    ...(descriptor.fix ? { fix: descriptor.fix } : {}),
  };
}

/** Where a finding about a file as a whole points. */
export const FILE_START: SourceRange = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/**
 * A finding the engine itself emits on a rule's behalf (an unreadable agentcore.json, a problem with a suppression
 * comment), with the severity configuration gives the rule; undefined when the rule is off.
 */
export function engineFinding(
  rule: ProjectRule,
  messageId: string,
  at: { file: string; range: SourceRange; data?: Record<string, string | number>; severity?: Severity },
  severities?: ReadonlyMap<string, SeveritySetting>,
): Finding | undefined {
  const configured = severities?.get(rule.meta.id);
  const setting = configured === undefined ? (at.severity ?? rule.meta.defaultSeverity) : normalizeSeverity(configured);
  if (setting === 'off') return undefined;
  return {
    ruleId: rule.meta.id,
    severity: setting,
    file: at.file,
    range: at.range,
    message: formatMessage(rule.meta.messages[messageId], at.data),
    docsUrl: docsUrl(rule.meta.id),
  };
}

export function internalError(ruleId: string, file: string, error: unknown, debug = false): Finding {
  const err = error instanceof Error ? error : new Error(String(error));
  const detail = debug && err.stack ? `\n${err.stack}` : '';
  return {
    ruleId: INTERNAL_ERROR_RULE_ID,
    severity: 'error',
    file,
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    message: `Rule "${ruleId}" crashed (${err.message}); its findings are missing. Please report this bug with the file that triggered it (run with --debug for the stack).${detail}`,
    docsUrl: docsUrl(INTERNAL_ERROR_RULE_ID),
  };
}

/** Deterministic order: file, line, column, rule id, message. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
