import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { gatewayTargets } from '../../src/util/spec.js';
import { asArray, asObject, isObject } from '../../src/util/json-value.js';
import { localToolSchemaFile } from '../../src/agentcore/tools.js';
import type { JsonDocument } from '../../src/json/document.js';
import type { SourceRange } from '../../src/types.js';

export default defineRule({
  meta: {
    id: 'tool-schema-file-shape',
    code: 'AC018',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'A local lambdaFunctionArn.toolSchemaFile must be a JSON array of tools, each with a non-empty name and description ' +
      'and an inputSchema object.',
    rationale:
      '`agentcore add gateway-target --type lambda-function-arn` only accepts a tool schema file that is valid JSON, a ' +
      'non-empty array, and whose entries have a non-empty `name` and `description`; the AgentCore API also requires ' +
      'an `inputSchema` for each tool. `agentcore validate` never opens the file, so a hand-edited or replaced file ' +
      'only fails at deploy (agentcore-facts.md §2.5). The `{"inlinePayload": [...]}` wrapper shown in AWS guidance ' +
      'is the API request shape, not the file format: the AgentCore CLI rejects it.',
    messages: {
      syntax: 'Tool schema file (used by gateway "{{gateway}}" target "{{target}}"): {{message}}',
      unreadable: 'Gateway "{{gateway}}" target "{{target}}" toolSchemaFile cannot be read: {{detail}}.',
      inlinePayload:
        'This tool schema file wraps its tools in {"inlinePayload": [...]}, the shape shown in AWS API guidance, which the ' +
        'AgentCore CLI rejects: the file must be the bare JSON array. Replace the file\'s content with the array inside ' +
        '"inlinePayload".',
      notArray:
        'A tool schema file must be a JSON array of tool definitions ([{"name", "description", "inputSchema"}, ...]); this ' +
        'one is {{actual}}. The AgentCore CLI rejects it.',
      empty: 'This tool schema file is an empty array; it must define at least one tool ({"name", "description", "inputSchema"}).',
      notObject: 'Tool schema entry {{index}} is {{actual}}; each entry must be an object with "name", "description" and "inputSchema".',
      missingField:
        'Tool schema entry {{index}}{{tool}} has {{problem}}; every tool needs a non-empty "name" and "description" string ' +
        'and an "inputSchema" object (a JSON Schema such as {"type": "object", "properties": {...}}).',
      badField: 'Tool schema entry {{index}}{{tool}}: "{{field}}" must be {{expected}}, not {{actual}}.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const seen = new Set<string>();
    for (const target of gatewayTargets(project.spec)) {
      if (target.targetType !== 'lambdaFunctionArn') continue;
      const ref = localToolSchemaFile(target);
      if (!ref) continue;
      const names = { gateway: target.gateway.name ?? formatPath(target.gateway.path), target: target.name ?? formatPath(target.path) };
      const status = project.files.status(ref.file);
      if (status.kind !== 'file') continue; // referenced-files-exist reports missing, outside and folders.
      if (seen.has(status.absolute)) continue; // One report per file, however many targets share it.
      seen.add(status.absolute);
      const read = project.files.readText(ref.file);
      if (!read.ok) {
        report({ messageId: 'unreadable', path: ref.path, data: { ...names, detail: read.detail } });
        continue;
      }
      const doc = project.files.readJson(ref.file);
      if (!doc) continue;
      for (const problem of doc.problems) {
        report({ messageId: 'syntax', doc, range: problem.range, data: { ...names, message: problem.message } });
      }
      if (doc.value === undefined) continue;
      const value = doc.value;
      if (!Array.isArray(value)) {
        const root = asObject(value);
        if (root && Array.isArray(root.inlinePayload)) {
          report({ messageId: 'inlinePayload', doc, path: ['inlinePayload'], target: 'key' });
        } else {
          report({ messageId: 'notArray', doc, range: openingOf(doc), data: { actual: describe(value) } });
        }
        continue;
      }
      if (value.length === 0) {
        report({ messageId: 'empty', doc, path: [] });
        continue;
      }
      asArray(value).forEach((entry, index) => {
        if (!isObject(entry)) {
          report({ messageId: 'notObject', doc, path: [index], data: { index, actual: describe(entry) } });
          return;
        }
        const tool = typeof entry.name === 'string' && entry.name !== '' ? ` ("${entry.name}")` : '';
        for (const field of ['name', 'description'] as const) {
          const v = entry[field];
          if (v === undefined || v === '') {
            report({ messageId: 'missingField', doc, path: [index, field], data: { index, tool, problem: v === '' ? `an empty "${field}"` : `no "${field}"` } });
          } else if (typeof v !== 'string') {
            report({ messageId: 'badField', doc, path: [index, field], data: { index, tool, field, expected: 'a non-empty string', actual: describe(v) } });
          }
        }
        const schema = entry.inputSchema;
        if (schema === undefined) {
          report({ messageId: 'missingField', doc, path: [index, 'inputSchema'], data: { index, tool, problem: 'no "inputSchema"' } });
        } else if (!isObject(schema)) {
          report({ messageId: 'badField', doc, path: [index, 'inputSchema'], data: { index, tool, field: 'inputSchema', expected: 'a JSON Schema object', actual: describe(schema) } });
        }
      });
    }
  },
});

/** The first character of the document's root value, so a whole-file finding does not span the whole file. */
function openingOf(doc: JsonDocument): SourceRange {
  const start = doc.ast?.body.loc.start ?? { line: 1, column: 1 };
  return { start: { line: start.line, column: start.column }, end: { line: start.line, column: start.column + 1 } };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}
