/**
 * One ESLint rule per agentcore-lint source rule (TS/JS), each running that rule's own `files.check`.
 *
 * Messages: each agentcore-lint message id becomes an ESLint message id with the SAME template. Both engines
 * use `{{name}}` placeholders and ESLint interpolates the data the agentcore-lint rule reports, so the editor
 * shows exactly the CLI's text, `messageId`s stay meaningful (RuleTester asserts them), and the templates are
 * visible in the rule's meta. (The alternative, one `{{message}}` id with the pre-rendered text, would lose that.)
 */
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { docsUrl } from '../../dist/src/docs-url.js';
import { JAVASCRIPT_EXTENSIONS, TYPESCRIPT_EXTENSIONS } from '../../dist/src/source/adapters.js';
import type { FileReportDescriptor, ProjectRule } from '../../dist/src/rule.js';
import type { SourceRange } from '../../dist/src/types.js';
import { runFileRules } from '../../dist/src/engine.js';
import { applySuppressions } from '../../dist/src/suppressions.js';
import { projectRules } from '../../dist/rules/index.js';
import { absoluteFilename, fileContext, KNOWN_RULE_IDS, offByOverride, ruleIsOff } from './bridge.js';
import { suggestionsFor } from './suggestions.js';

/** The file an ESLint rule is running on, with its agentcore-lint context; undefined when the rule does not apply. */
function lintedFile(
  context: { filename: string; cwd: string; sourceCode: { text: string } },
  rule: ProjectRule,
  extensions: readonly string[],
): { file: string; text: string; ctx: ReturnType<typeof fileContext> } | undefined {
  const file = absoluteFilename(context.filename, context.cwd);
  if (!file) return undefined;
  if (!extensions.includes(file.slice(file.lastIndexOf('.')).toLowerCase())) return undefined;
  const text = context.sourceCode.text;
  const ctx = fileContext(file, text);
  return ctx.skipped || ruleIsOff(rule, ctx.config) ? undefined : { file, text, ctx };
}

export interface AgentcoreRuleDocs {
  description: string;
  /** The agentcore-lint rule code (`AC0xx`). */
  agentcoreCode?: string;
  /** The severity the CLI gives the rule by default (the recommended config uses it). */
  agentcoreSeverity?: string;
}

/** The plugin's README, for the rules that are not agentcore-lint rules of their own (`agentcore/config`). */
export const PLUGIN_README_URL = 'https://github.com/agentcore-lint/agentcore-lint/blob/main/eslint-plugin/README.md';

/** Docs URLs derived from the rule name: agentcore-lint's generated rule page (src/docs-url.ts). */
export const createRule = ESLintUtils.RuleCreator<AgentcoreRuleDocs>((name) =>
  name === 'config' ? `${PLUGIN_README_URL}#agentcorejson-agentcoreconfig` : docsUrl(name),
);

/**
 * Our ranges are 1-based lines and columns (UTF-16 units, end exclusive). A report's `loc` is in the language's
 * own base: ESLint's JavaScript columns are 0-based (`columnStart` 0, the default), `@eslint/json`'s are 1-based
 * (momoa), and ESLint adds `1 - columnStart` when it prints them.
 */
export function toLoc(range: SourceRange, columnStart = 0): TSESLint.AST.SourceLocation {
  const shift = 1 - columnStart;
  return {
    start: { line: range.start.line, column: range.start.column - shift },
    end: { line: range.end.line, column: range.end.column - shift },
  };
}

const INTERNAL_ERROR = 'agentcoreInternalError';

/** The TS/JS extensions agentcore-lint's adapters read (the files these ESLint rules apply to). */
export const SCRIPT_EXTENSIONS: readonly string[] = [...TYPESCRIPT_EXTENSIONS, ...JAVASCRIPT_EXTENSIONS];

/** The ESLint rule for one agentcore-lint rule with a TS/JS file check. */
export function eslintRuleFor(rule: ProjectRule) {
  const files = rule.files;
  if (!files) throw new Error(`agentcore-lint rule ${rule.meta.id} has no file check`);
  const hasSuggestions = suggestionsFor(rule.meta.id) !== undefined;
  const messages: Record<string, string> = {
    ...rule.meta.messages,
    [INTERNAL_ERROR]: `agentcore-lint rule "${rule.meta.id}" crashed ({{detail}}); its findings are missing. Please report this bug with the file that triggered it.`,
  };
  const suggestionMessages: Record<string, string> = hasSuggestions ? { agentcoreReplaceName: 'Replace "{{from}}" with "{{to}}".' } : {};
  return createRule<[], string>({
    name: rule.meta.id,
    meta: {
      type: rule.meta.defaultSeverity === 'error' ? 'problem' : 'suggestion',
      docs: { description: rule.meta.description, agentcoreCode: rule.meta.code, agentcoreSeverity: rule.meta.defaultSeverity },
      messages: { ...messages, ...suggestionMessages },
      schema: [],
      ...(hasSuggestions ? { hasSuggestions: true } : {}),
    },
    defaultOptions: [],
    create(context) {
      return {
        Program() {
          const linted = lintedFile(context, rule, files.extensions);
          if (!linted) return;
          const { file, text, ctx } = linted;
          const suggest = suggestionsFor(rule.meta.id);
          try {
            files.check({
              file,
              text,
              project: ctx.project,
              role: ctx.role,
              source: ctx.source,
              report(d: FileReportDescriptor<string>) {
                // Inline `agentcore-lint-disable-…` directives silence the finding as in the CLI.
                if (ctx.suppressed(rule.meta.id, d.range.start.line)) return;
                // Per-path `overrides` in .agentcore-lint.json that turn the rule off for this file.
                if (offByOverride(ctx.config, rule.meta.id, file, d.range)) return;
                const suggestions = suggest?.(text, d) ?? [];
                context.report({
                  loc: toLoc(d.range),
                  messageId: d.messageId,
                  data: d.data,
                  ...(suggestions.length > 0 ? { suggest: suggestions } : {}),
                });
              },
            });
          } catch (error) {
            context.report({
              loc: { line: 1, column: 0 },
              messageId: INTERNAL_ERROR,
              data: { detail: error instanceof Error ? error.message : String(error) },
            });
          }
        },
      };
    },
  });
}

/**
 * `agentcore/suppression-directive`: the CLI's report on the file's inline directives (no rule named, unknown rule
 * id, no reason, suppresses nothing). "Unused" needs every file rule's findings, so this runs all of agentcore-lint's
 * file rules on the file through the engine (`runFileRules`, sharing the parse), then the CLI's `applySuppressions`,
 * independently of which agentcore/* rules are enabled in ESLint: a directive is unused exactly when the CLI says so.
 */
export function suppressionDirectiveRule(rule: ProjectRule) {
  return createRule<[], string>({
    name: rule.meta.id,
    meta: {
      type: 'problem',
      docs: { description: rule.meta.description, agentcoreCode: rule.meta.code, agentcoreSeverity: rule.meta.defaultSeverity },
      messages: { ...rule.meta.messages },
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      return {
        Program() {
          const linted = lintedFile(context, rule, SCRIPT_EXTENSIONS);
          if (!linted) return;
          const { file, text, ctx } = linted;
          const directives = ctx.directives();
          if (directives.length === 0) return;
          const found = runFileRules(file, text, projectRules, {
            severities: ctx.config.severities, project: ctx.project, role: ctx.role, source: ctx.source,
          });
          for (const problem of applySuppressions(found, directives, KNOWN_RULE_IDS).problems) {
            if (offByOverride(ctx.config, rule.meta.id, file, problem.range)) continue;
            context.report({ loc: toLoc(problem.range), messageId: problem.messageId, data: problem.data });
          }
        },
      };
    },
  });
}
