import { defineRule } from '../../src/rule.js';
import type { JsonDocument } from '../../src/json/document.js';
import { LineIndex } from '../../src/json/string-positions.js';

export default defineRule({
  meta: {
    id: 'json-syntax',
    code: 'AC000',
    category: 'config',
    defaultSeverity: 'error',
    description: 'agentcore.json, aws-targets.json, deployed-state.json and each harness.json must be strict JSON.',
    rationale:
      'The AgentCore CLI reads its files with `JSON.parse`: a comment, a trailing comma, a byte order mark or a ' +
      'truncated file stops `agentcore validate`, `dev` and `deploy`. Duplicate keys parse, but only the last ' +
      'value survives, so the first is silently lost: a warning, since the CLI accepts the file. agentcore-lint ' +
      'reports each problem at its position and, ' +
      'where the rest of the file can still be read, keeps linting it.',
    messages: { problem: '{{message}}' },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const docs: Array<JsonDocument | undefined> = [
      project.config,
      project.awsTargets,
      project.deployedState,
      ...project.harnesses.map((harness) => harness.doc),
    ];
    for (const doc of docs) {
      if (!doc) continue;
      const lines = new LineIndex(doc.text);
      for (const problem of doc.problems) {
        // Deleting a BOM or a trailing comma cannot change what the file means: the only safe fixes here.
        const removable = problem.kind === 'bom' || problem.kind === 'trailing-comma';
        const fix = removable
          ? { file: doc.file, edits: [{ start: lines.offset(problem.range.start), end: lines.offset(problem.range.end), text: '' }] }
          : undefined;
        // The CLI accepts duplicate keys (the last one wins): worth a warning, not an error it does not raise.
        const severity = problem.kind === 'duplicate-key' ? 'warning' : undefined;
        report({ messageId: 'problem', data: { message: problem.message }, doc, range: problem.range, fix, severity });
      }
    }
  },
});
