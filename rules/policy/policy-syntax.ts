import type { StringNode } from '@humanwhocodes/momoa';
import { resolvePath } from '../../src/json/document.js';
import { decodedToSourceOffsets, LineIndex } from '../../src/json/string-positions.js';
import { cedarSyntaxErrors, nonCedarForm, withoutBom } from '../../src/policy/cedar.js';
import { defineRule } from '../../src/rule.js';
import { entries } from '../../src/util/spec.js';
import { asString, objectsOf } from '../../src/util/json-value.js';
import { findingsKept } from '../../src/project.js';

export default defineRule({
  meta: {
    id: 'policy-syntax',
    code: 'AC060',
    category: 'policy',
    defaultSeverity: 'error',
    description: 'Every Cedar policy — each `statement` in agentcore.json and each `.cedar` file — must parse.',
    rationale:
      '`agentcore add policy` stores any text without parsing it and `agentcore validate` never checks it ' +
      '(official case 15); AWS parses the statement only at deploy and rejects the policy then. agentcore-lint ' +
      'parses each statement with Cedar itself (`@cedar-policy/cedar-wasm`) and reports the error at its exact ' +
      'place — inside the JSON string in agentcore.json, escapes included — or in the `.cedar` file. Policies in ' +
      'the CLI\'s `when guardrails { ... }` form for HTTP targets and Dogwood temporal policies (`when temporal ' +
      '{ ... }`) are not plain Cedar and are skipped.',
    messages: {
      statement:
        'Cedar syntax error in policy "{{policy}}" of engine "{{engine}}": {{detail}}. AWS rejects this policy at deploy (the CLI stores statements unparsed); fix the statement.',
      file: 'Cedar syntax error: {{detail}}. AWS rejects this policy at deploy; fix it before copying it into a statement.',
      bom: 'The file starts with a byte order mark (BOM), which Cedar rejects as an invalid token: save it as UTF-8 without BOM.',
      statementTooDeep:
        'Policy "{{policy}}" of engine "{{engine}}" nests its expressions too deeply for cedar-wasm to parse (it ran out of ' +
        'stack), so none of its checks ran. Flatten the condition: fewer nested brackets, shorter chains of && and ||, ' +
        'or several policies.',
      fileTooDeep:
        'This policy nests its expressions too deeply for cedar-wasm to parse (it ran out of stack), so none of its ' +
        'checks ran. Flatten the condition: fewer nested brackets, shorter chains of && and ||, or several policies.',
    },
    officialParity: false,
    requiresProject: false,
  },
  check({ project, report }) {
    const doc = project.config;
    // Statements live in agentcore.json: with only a .cedar file staged, their findings would be dropped.
    if (!findingsKept(project, doc.file)) return;
    let lines: LineIndex | undefined;
    for (const engine of entries(project.spec, 'policyEngines')) {
      for (const [index, policy] of objectsOf(engine.node.policies)) {
        const statement = asString(policy.statement);
        if (statement === undefined || nonCedarForm(statement)) continue;
        const errors = cedarSyntaxErrors(statement);
        if (errors.length === 0) continue;
        const path = [...engine.path, 'policies', index, 'statement'];
        const node = resolvePath(doc, path);
        if (!node || node.depth !== path.length || node.value.type !== 'String') continue;
        const offsets = decodedToSourceOffsets(doc.text, node.value as StringNode);
        lines ??= new LineIndex(doc.text);
        for (const error of errors) {
          const crashed = error.crashed === true;
          report({
            messageId: crashed ? 'statementTooDeep' : 'statement',
            data: { policy: asString(policy.name) ?? `#${index}`, engine: engine.name ?? '?', detail: error.detail },
            ...(crashed ? { severity: 'warning' as const } : {}),
            range: {
              start: lines.position(offsets[Math.min(error.start, offsets.length - 1)]),
              end: lines.position(offsets[Math.min(error.end, offsets.length - 1)]),
            },
          });
        }
      }
    }
  },
  files: {
    extensions: ['.cedar'],
    referencedBy(project) {
      return entries(project.spec, 'policyEngines').flatMap((engine) =>
        objectsOf(engine.node.policies).flatMap(([, policy]) => {
          const sourceFile = asString(policy.sourceFile);
          return sourceFile ? [sourceFile] : [];
        }),
      );
    },
    check({ text: raw, report }) {
      if (nonCedarForm(raw)) return;
      const lines = new LineIndex(raw);
      const text = withoutBom(raw);
      if (text !== raw) report({ messageId: 'bom', range: { start: lines.position(0), end: lines.position(1) } });
      for (const error of cedarSyntaxErrors(text)) {
        const crashed = error.crashed === true;
        report({
          messageId: crashed ? 'fileTooDeep' : 'file',
          data: { detail: error.detail },
          ...(crashed ? { severity: 'warning' as const } : {}),
          range: { start: lines.position(error.start), end: lines.position(error.end) },
        });
      }
    },
  },
});
