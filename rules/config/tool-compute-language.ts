import { defineRule } from '../../src/rule.js';
import type { JsonPath } from '../../src/json/document.js';
import { isObject } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { allTargets, enumValue, locate, shownName } from '../../src/util/refinements.js';

export default defineRule({
  meta: {
    id: 'tool-compute-language',
    code: 'AC107',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'Tool compute must fit its host: a Lambda needs the version of its language, AgentCore Runtime tool compute must be Python.',
    rationale:
      'Tool code behind a `lambda`/`mcpServer` gateway target or an `mcpRuntimeTools[]` entry is built and ' +
      'deployed by the CLI from `compute`. The official schema (`dist/schema/schemas/mcp.js` of `@aws/agentcore` ' +
      '0.30.0) refines it: `LambdaComputeConfigSchema.refine` requires `nodeVersion` for a TypeScript Lambda and ' +
      '`pythonVersion` for a Python Lambda (the Lambda runtime is derived from it; there is no default), and ' +
      '`AgentCoreRuntimeComputeConfigSchema.refine` accepts only `implementation.language: "Python"` for tools ' +
      'hosted on AgentCore Runtime. `agentcore validate` reports "TypeScript Lambda must specify nodeVersion, ' +
      'Python Lambda must specify pythonVersion" and "AgentCore Runtime only supports Python".',
    messages: {
      lambdaVersion:
        '{{language}} Lambda compute of {{owner}} must specify {{field}} (e.g. "{{example}}"); add it to compute.',
      runtimePythonOnly:
        'AgentCore Runtime only supports Python tool compute; {{owner}} uses {{language}}. Use "language": "Python" or host the tool on Lambda.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    if (!spec) return;
    const computes: Array<[owner: string, path: JsonPath, value: unknown, lambdaAllowed: boolean]> = [];
    for (const target of allTargets(spec)) computes.push([target.label, [...target.path, 'compute'], target.node.compute, true]);
    for (const tool of entries(spec, 'mcpRuntimeTools')) {
      computes.push([`MCP runtime tool ${shownName(tool.name, tool.path)}`, [...tool.path, 'compute'], tool.node.compute, false]);
    }
    for (const [owner, path, compute, lambdaAllowed] of computes) {
      if (!isObject(compute) || !isObject(compute.implementation)) continue;
      const language = enumValue(compute.implementation.language, ['TypeScript', 'Python'] as const);
      if (!language) continue;
      const languagePath = [...path, 'implementation', 'language'];
      if (compute.host === 'Lambda' && lambdaAllowed) {
        const field = language === 'TypeScript' ? 'nodeVersion' : 'pythonVersion';
        // A present but invalid version is the schema's finding; only a missing one is this rule's.
        if (compute[field] === undefined) {
          report({
            messageId: 'lambdaVersion',
            data: { language, owner, field, example: language === 'TypeScript' ? 'NODE_22' : 'PYTHON_3_13' },
            ...locate(spec, languagePath),
          });
        }
      } else if (compute.host === 'AgentCoreRuntime' && language !== 'Python') {
        report({ messageId: 'runtimePythonOnly', data: { owner, language }, ...locate(spec, languagePath) });
      }
    }
  },
});
