import { defineRule } from '../../src/rule.js';
import { objectsOf } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { shownName } from '../../src/util/refinements.js';

export default defineRule({
  meta: {
    id: 'memory-indexed-keys',
    code: 'AC116',
    category: 'config',
    defaultSeverity: 'error',
    description: 'A memory\'s indexedKeys need a long-term strategy, unique keys, and keys that are not only whitespace.',
    rationale:
      '`indexedKeys` declare metadata keys that filter long-term memory records on retrieval. A memory without ' +
      'strategies is short-term only and has no records to filter, so `MemorySchema.superRefine` ' +
      '(`dist/schema/schemas/agentcore-project.js` of `@aws/agentcore` 0.30.0) requires at least one strategy; ' +
      'the same file refines keys to be unique (`uniqueBy`) and not only whitespace (the key pattern allows ' +
      'spaces). Indexed keys are append-only on the service side, so getting them right before the first deploy ' +
      'matters.',
    messages: {
      needsStrategy:
        'indexedKeys of memory {{memory}} require at least one memory strategy (long-term memory); add a strategy or remove indexedKeys.',
      duplicateKey: 'Duplicate indexed key "{{key}}" in memory {{memory}}; each key may be declared once.',
      blankKey: 'Indexed key of memory {{memory}} cannot be only whitespace; give it a name.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const memory of entries(project.spec, 'memories')) {
      const node = memory.node;
      if (!Array.isArray(node.indexedKeys)) continue;
      const data = { memory: shownName(memory.name, memory.path) };
      const keysPath = [...memory.path, 'indexedKeys'];
      const seen = new Set<string>();
      for (const [i, entry] of objectsOf(node.indexedKeys)) {
        if (typeof entry.key !== 'string') continue;
        if (entry.key.length > 0 && entry.key.trim().length === 0) {
          report({ messageId: 'blankKey', data, path: [...keysPath, i, 'key'] });
        }
        if (seen.has(entry.key)) report({ messageId: 'duplicateKey', data: { ...data, key: entry.key }, path: [...keysPath, i, 'key'] });
        seen.add(entry.key);
      }
      const strategies = node.strategies;
      if (strategies !== undefined && !Array.isArray(strategies)) continue;
      if (node.indexedKeys.length > 0 && (strategies === undefined || strategies.length === 0)) {
        report({ messageId: 'needsStrategy', data, path: keysPath, target: 'key' });
      }
    }
  },
});
