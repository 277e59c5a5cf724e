import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { gatewayTargets } from '../../src/util/spec.js';
import { knownTools } from '../../src/agentcore/tools.js';

/** Bedrock ToolSpecification names: 1–64 characters of [a-zA-Z0-9_-]. */
const MAX_TOOL_NAME = 64;

export default defineRule({
  meta: {
    id: 'tool-name-limits',
    code: 'AC016',
    category: 'config',
    defaultSeverity: 'warning',
    description: 'Gateway tool names "<target>___<tool>" should fit Bedrock\'s 64 characters of [a-zA-Z0-9_-].',
    rationale:
      'A gateway lists each tool as `<target>___<tool>` (three underscores). Agents built on Amazon Bedrock pass these ' +
      'names to the Converse API, whose ToolSpecification name must be 1–64 characters of `[a-zA-Z0-9_-]`; a longer ' +
      'name or another character makes the model call fail for every request that includes the tool ' +
      '(agentcore-facts.md §5, §7). Checked for tools the project declares: `toolDefinitions` of `lambda` targets and ' +
      'entries of a local `toolSchemaFile`.',
    messages: {
      tooLong:
        'Tool "{{tool}}" of gateway "{{gateway}}" target "{{target}}" is exposed as "{{full}}" ({{length}} characters), over ' +
        'the 64 Bedrock allows for tool names; shorten the tool or target name by {{excess}} characters.',
      badChars:
        'Tool "{{tool}}" of gateway "{{gateway}}" target "{{target}}" contains {{chars}}, which Bedrock does not allow in ' +
        'tool names (only letters, digits, "_" and "-"); rename the tool.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const target of gatewayTargets(project.spec)) {
      if (!target.name) continue;
      const tools = knownTools(project, target);
      if (!tools) continue;
      for (const tool of tools) {
        const data = { gateway: target.gateway.name ?? formatPath(target.gateway.path), target: target.name, tool: tool.name };
        const bad = [...new Set(tool.name.replace(/[A-Za-z0-9_-]/g, ''))];
        if (bad.length > 0) {
          const chars = bad.slice(0, 5).map((c) => (c === ' ' ? 'a space' : `"${c}"`)).join(', ');
          report({ messageId: 'badChars', doc: tool.doc, path: tool.path, data: { ...data, chars } });
          continue;
        }
        const full = `${target.name}___${tool.name}`;
        if (full.length > MAX_TOOL_NAME) {
          report({
            messageId: 'tooLong',
            doc: tool.doc,
            path: tool.path,
            data: { ...data, full, length: full.length, excess: full.length - MAX_TOOL_NAME },
          });
        }
      }
    }
  },
});
