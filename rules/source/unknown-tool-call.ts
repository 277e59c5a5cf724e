import { gatewayCatalogs } from '../../src/catalog/index.js';
import { defineRule } from '../../src/rule.js';
import { rangeOf, SOURCE_RULE_EXTENSIONS } from '../../src/source/vocabulary.js';
import { didYouMean } from '../../src/util/did-you-mean.js';
import { perProject } from '../../src/util/per-project.js';

const CALL_TOOL = /(^|\.)(call_tool|call_tool_sync|call_tool_async|callTool)$/;

export default defineRule({
  meta: {
    id: 'unknown-tool-call',
    code: 'AC058',
    category: 'source',
    defaultSeverity: 'error',
    description:
      'A tool called by literal name through a gateway (`call_tool("Target___tool")`, `callTool({ name: "..." })`) must exist in that gateway target\'s tool catalog.',
    rationale:
      'A gateway lists each tool as `<Target>___<tool>` — target and tool joined by **three** underscores ' +
      '(agentcore-facts.md §5). A call with a name the gateway does not list fails at run time with an unknown-tool ' +
      'error that the agent usually turns into a vague answer. agentcore-lint compares literal names with the tool ' +
      'catalog it reads from agentcore.json and the files it references (inline toolDefinitions, tool schema ' +
      'files, OpenAPI operationIds, MCP `tools/list` snapshots); targets whose tools are only known at run time are ' +
      'not checked.',
    messages: {
      unknownTool:
        'Tool "{{name}}" is not in the tool list of target "{{target}}" ({{gateways}}): the call fails at run time.{{hint}}',
      underscores:
        'Tool "{{name}}" joins target and tool with {{count}} underscore(s); gateway tools are named "<Target>___<tool>" with three: call "{{expected}}".',
      unknownTarget:
        'No gateway target "{{target}}" exists for tool "{{name}}" (targets: {{targets}}): the call fails at run time.{{hint}}',
    },
    officialParity: false,
    requiresProject: true,
  },
  files: {
    extensions: SOURCE_RULE_EXTENSIONS,
    check({ text, role, project, source, report }) {
      if (!project || role === 'test') return;
      const facts = source();
      const toolCalls = facts?.calls.filter((call) => CALL_TOOL.test(call.calleeText)) ?? [];
      if (toolCalls.length === 0) return;
      const { targets, allNames } = toolTargets(project);
      if (targets.size === 0) return;
      for (const call of toolCalls) {
        const arg = call.args[0]?.kind === 'string' ? call.args[0] : call.named.name ?? call.named.tool_name ?? call.named.toolName;
        if (arg?.kind !== 'string') continue;
        const name = arg.value;
        const range = rangeOf(text, arg.span);
        const underscores = /^(.*?[^_])(_{1,2}|_{4,})([^_].*)$/.exec(name);
        if (!name.includes('___') && underscores && targets.has(underscores[1])) {
          report({ messageId: 'underscores', range, data: { name, count: underscores[2].length, expected: `${underscores[1]}___${underscores[3]}` } });
          continue;
        }
        const m = /^(.+?)___(.+)$/.exec(name);
        if (!m) continue;
        const entry = targets.get(m[1]);
        if (!entry) {
          const near = didYouMean(name, allNames) ?? didYouMean(m[1], targets.keys());
          report({
            messageId: 'unknownTarget',
            range,
            data: { name, target: m[1], targets: [...targets.keys()].map((t) => `"${t}"`).join(', '), hint: near ? ` Did you mean "${near.includes('___') ? near : `${near}___${m[2]}`}"?` : '' },
          });
          continue;
        }
        if (!entry.complete || entry.tools.has(m[2])) continue;
        const near = didYouMean(m[2], entry.tools);
        report({
          messageId: 'unknownTool',
          range,
          data: {
            name,
            target: m[1],
            gateways: entry.gateways.join(', '),
            hint: near ? ` Did you mean "${m[1]}___${near}"?` : ` Its tools: ${[...entry.tools].map((t) => `"${m[1]}___${t}"`).join(', ') || 'none'}.`,
          },
        });
      }
    },
  },
});

interface TargetTools {
  complete: boolean;
  tools: Set<string>;
  gateways: string[];
}

/** Every gateway target's tools, merged by target name, once per project (not once per source file). */
const toolTargets = perProject((project): { targets: Map<string, TargetTools>; allNames: string[] } => {
  const targets = new Map<string, TargetTools>();
  for (const gateway of gatewayCatalogs(project)) {
    for (const target of gateway.targets) {
      const entry = targets.get(target.name) ?? { complete: true, tools: new Set<string>(), gateways: [] };
      entry.complete &&= target.status === 'complete';
      for (const tool of target.tools) entry.tools.add(tool.name);
      entry.gateways.push(`gateway "${gateway.name}"`);
      targets.set(target.name, entry);
    }
  }
  const allNames = [...targets].flatMap(([t, e]) => [...e.tools].map((tool) => `${t}___${tool}`));
  return { targets, allNames };
});
