/**
 * `agentcore/config`: agentcore-lint's project rules for the agentcore/agentcore.json or harness.json open in the
 * editor, with `@eslint/json` as the language (`language: 'json/json'`). It loads the project with the editor's
 * text (`loadProject(..., { editorText })`, so unsaved edits count), discovers the project's sources like a CLI run
 * over the whole project (rules such as gateway-url-unread read the runtime code), runs the same
 * `runProjectRules` and reports the findings located in this file. Findings in other files (tool schemas,
 * .env files, Cedar policies) are left to the CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyOverrides, isIgnored, type LintConfig } from '../../dist/src/config.js';
import { runProjectRules } from '../../dist/src/engine.js';
import { findProjectRoot, loadProject, type AgentCoreProject } from '../../dist/src/project.js';
import { scanProjectSources } from '../../dist/src/source/discover.js';
import type { Finding } from '../../dist/src/types.js';
import { unreadableConfigFinding } from '../../dist/rules/config/unreadable-file.js';
import { projectRules } from '../../dist/rules/index.js';
import { absoluteFilename, lintConfigFor } from './bridge.js';
import { createRule, toLoc } from './rules.js';

/** Whether the file is a project's `agentcore/agentcore.json`; returns the project root. */
export function projectRootOfConfig(file: string): string | undefined {
  if (path.basename(file) !== 'agentcore.json' || path.basename(path.dirname(file)) !== 'agentcore') return undefined;
  return path.dirname(path.dirname(file));
}

/** Whether the project reads `file` as one of its harnesses' harness.json (or finds it unreadable). */
function isHarnessFileOf(project: AgentCoreProject, file: string): boolean {
  return [...project.harnesses.map((h) => h.doc.file), ...project.unreadableFiles.map((u) => u.absolute)].includes(file);
}

/** Whether `text` is what ESLint makes of the file on disk (lossy UTF-8, BOM stripped): the buffer is saved. */
function isSavedText(file: string, text: string): boolean {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return false;
  }
  const decoded = bytes.toString('utf8');
  return (decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded) === text;
}

let last: { file: string; text: string; findings: Finding[] } | undefined;

/** The CLI's findings for this agentcore.json or harness.json text that are located in it. */
export function configFindings(file: string, text: string): Finding[] {
  if (last && last.file === file && last.text === text) return last.findings;
  const isHarness = path.basename(file) === 'harness.json';
  const root = isHarness ? findProjectRoot(path.dirname(file)) : projectRootOfConfig(file);
  if (!root) return [];
  const config = lintConfigFor(root);
  // ESLint hands rules the text without a byte order mark, decoded leniently. When the buffer is the saved file,
  // lint the file on disk as the CLI reads it (so a BOM or non-UTF-8 bytes are reported as the CLI does);
  // otherwise lint the editor's unsaved text.
  const load = loadProject(root, config.maxFileSize, isSavedText(file, text) ? {} : { editorText: { file, text } });
  if (!load.ok) {
    // A harness.json's project whose agentcore.json is unreadable: that file's finding, not this one's.
    const finding = isHarness ? undefined : unreadableConfigFinding(load, config.severities);
    last = { file, text, findings: finding ? applyOverrides(config, [finding]) : [] };
    return last.findings;
  }
  // Any other file named harness.json (another tool's, or one no harness entry points to) gets nothing.
  if (isHarness && !isHarnessFileOf(load.project, file)) {
    last = { file, text, findings: [] };
    return last.findings;
  }
  scanProjectSources(load.project, { ignored: (f) => isIgnored(config, f), complete: true });
  const findings = applyOverrides(config, runProjectRules(load.project, projectRules, { severities: config.severities }))
    .filter((f) => f.file === file && !isIgnored(config, f.file));
  last = { file, text, findings };
  return findings;
}

export const configRule = createRule<[], 'finding'>({
  name: 'config',
  meta: {
    type: 'problem',
    docs: {
      description:
        "agentcore-lint's checks of agentcore.json and harness.json (schema, references, gateways, credentials, policies ...), located in the open file.",
    },
    messages: { finding: '{{message}} [{{ruleId}}]' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      // The @eslint/json (momoa) root node; never visited in JS/TS files, so the rule is inert there.
      Document() {
        const file = absoluteFilename(context.filename, context.cwd);
        if (!file) return;
        // The language's column base (1 for @eslint/json): where it puts the first character of the file.
        const sourceCode = context.sourceCode as unknown as { getLocFromIndex?(index: number): { column: number } };
        const columnStart = sourceCode.getLocFromIndex?.(0).column ?? 1;
        for (const finding of configFindings(file, context.sourceCode.text)) {
          context.report({ loc: toLoc(finding.range, columnStart), messageId: 'finding', data: { message: finding.message, ruleId: finding.ruleId } });
        }
      },
    };
  },
});
