import { defineRule } from '../../src/rule.js';
import { objectsOf } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { enumValue, locate, shownName } from '../../src/util/refinements.js';

const STRATEGY_TYPES = ['SEMANTIC', 'SUMMARIZATION', 'USER_PREFERENCE', 'EPISODIC'] as const;

/** `x?.length ?? 0` on a parsed optional string array. */
function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

export default defineRule({
  meta: {
    id: 'memory-strategies',
    code: 'AC115',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'Memory strategies: one per type, namespace fields not doubled with their deprecated aliases, reflection namespaces only (and always) on EPISODIC, as prefixes of its namespaces.',
    rationale:
      'A memory\'s long-term `strategies` are refined by `MemoryStrategySchema` ' +
      '(`dist/schema/schemas/primitives/memory.js` of `@aws/agentcore` 0.30.0) and `MemorySchema` ' +
      '(`agentcore-project.js`, unique strategy `type`s): `namespaces`/`reflectionNamespaces` are deprecated ' +
      'aliases of `namespaceTemplates`/`reflectionNamespaceTemplates` and must not be combined with them; ' +
      'reflection namespaces belong to EPISODIC strategies only, an EPISODIC strategy requires them (the service ' +
      'needs them for episode reflections), and each reflection template must be a prefix of one of the ' +
      'strategy\'s namespace templates (the service requires reflections to be the same as or a parent of the ' +
      'episode namespaces). `agentcore validate` rejects violations ("EPISODIC strategy requires ' +
      'reflectionNamespaceTemplates").',
    messages: {
      duplicateType: 'Duplicate memory strategy type {{type}} in memory {{memory}}: each type may appear once. Merge or remove one.',
      namespacesBoth:
        "'namespaces' and 'namespaceTemplates' are mutually exclusive (strategy {{type}} of memory {{memory}}). Keep 'namespaceTemplates' ('namespaces' is deprecated).",
      reflectionBoth:
        "'reflectionNamespaces' and 'reflectionNamespaceTemplates' are mutually exclusive (strategy {{type}} of memory {{memory}}). Keep 'reflectionNamespaceTemplates' ('reflectionNamespaces' is deprecated).",
      reflectionNotEpisodic:
        "'{{field}}' is only allowed on EPISODIC strategies; remove it from the {{type}} strategy of memory {{memory}}.",
      episodicNeedsReflection:
        'EPISODIC strategy of memory {{memory}} requires reflectionNamespaceTemplates, e.g. ["/episodes/{actorId}"] (each a prefix of a namespaceTemplate).',
      reflectionNotPrefix:
        'Reflection namespace "{{reflection}}" of the EPISODIC strategy of memory {{memory}} must be a prefix of at least one namespaceTemplate ({{templates}}).',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    for (const memory of entries(spec, 'memories')) {
      const memoryName = shownName(memory.name, memory.path);
      const seen = new Set<string>();
      for (const [i, strategy] of objectsOf(memory.node.strategies)) {
        const type = enumValue(strategy.type, STRATEGY_TYPES);
        if (!type) continue;
        const path = [...memory.path, 'strategies', i];
        const data = { type, memory: memoryName };
        if (seen.has(type)) report({ messageId: 'duplicateType', data, path: [...path, 'type'] });
        seen.add(type);

        if (count(strategy.namespaces) > 0 && count(strategy.namespaceTemplates) > 0) {
          report({ messageId: 'namespacesBoth', data, ...locate(spec, [...path, 'namespaceTemplates']) });
        }
        if (count(strategy.reflectionNamespaces) > 0 && count(strategy.reflectionNamespaceTemplates) > 0) {
          report({ messageId: 'reflectionBoth', data, ...locate(spec, [...path, 'reflectionNamespaceTemplates']) });
        }
        if (type !== 'EPISODIC') {
          for (const field of ['reflectionNamespaceTemplates', 'reflectionNamespaces']) {
            if (strategy[field] === undefined) continue;
            report({ messageId: 'reflectionNotEpisodic', data: { ...data, field }, ...locate(spec, [...path, field]) });
            break;
          }
          continue;
        }
        // EPISODIC: the preferred field wins when both are present, as in the CLI.
        const reflectionField = strategy.reflectionNamespaceTemplates !== undefined ? 'reflectionNamespaceTemplates' : 'reflectionNamespaces';
        const reflection = strategy[reflectionField];
        if (reflection !== undefined && !Array.isArray(reflection)) continue;
        if (reflection === undefined || reflection.length === 0) {
          report({
            messageId: 'episodicNeedsReflection',
            data,
            ...locate(spec, [...path, 'reflectionNamespaceTemplates'], [...path, 'reflectionNamespaces'], [...path, 'type']),
          });
          continue;
        }
        const templates = strategy.namespaceTemplates !== undefined ? strategy.namespaceTemplates : strategy.namespaces;
        if (!Array.isArray(templates) || !templates.every((t) => typeof t === 'string')) continue;
        reflection.forEach((ref, r) => {
          if (typeof ref !== 'string' || templates.some((ns: string) => ns.startsWith(ref))) return;
          report({
            messageId: 'reflectionNotPrefix',
            data: { ...data, reflection: ref, templates: templates.length ? templates.map((t) => `"${t}"`).join(', ') : 'none' },
            path: [...path, reflectionField, r],
          });
        });
      }
    }
  },
});
