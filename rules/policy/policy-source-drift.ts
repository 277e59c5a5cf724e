import { analyzePolicies, type PolicySource } from '../../src/policy/analysis.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  meta: {
    id: 'policy-source-drift',
    code: 'AC031',
    category: 'policy',
    defaultSeverity: 'warning',
    description: 'A policy\'s `statement` (what deploys) should be the same Cedar policy as its `sourceFile`.',
    rationale:
      '`agentcore add policy --source-file` copies the file into `statement` once; after that only `statement` is ' +
      'deployed (CDK forwards `statement` and `validationMode`) and `sourceFile` is informational. Edits to the file ' +
      'are silently not deployed. The two are compared as parsed Cedar (cedar-wasm\'s JSON form), so whitespace, ' +
      'formatting and comments do not count (agentcore-facts.md §2.7).',
    messages: {
      drift:
        'The statement of policy "{{policy}}" (engine "{{engine}}") is not the same Cedar policy as its sourceFile {{file}} ({{detail}}): only the statement is deployed. Copy the file\'s policy into the statement, or update the file.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const engine of analyzePolicies(project).engines) {
      const byPolicy = new Map<string, PolicySource[]>();
      for (const source of engine.sources) byPolicy.set(source.policy, [...(byPolicy.get(source.policy) ?? []), source]);
      for (const sources of byPolicy.values()) {
        const statement = sources.find((s) => s.kind === 'statement');
        const file = sources.find((s) => s.kind === 'file');
        if (!statement || !file || !statement.parses || !file.parses) continue;
        const a = statement.units.map((u) => canonical(u.est));
        const b = file.units.map((u) => canonical(u.est));
        let detail: string | undefined;
        if (a.length !== b.length) detail = `${a.length} polic${a.length === 1 ? 'y' : 'ies'} in the statement, ${b.length} in the file`;
        else {
          const i = a.findIndex((x, k) => x !== b[k]);
          if (i >= 0) detail = a.length > 1 ? `policy ${i + 1} differs` : 'effect, scope, conditions or annotations differ';
        }
        if (!detail) continue;
        report({
          messageId: 'drift',
          data: { policy: statement.policy, engine: engine.name, file: file.relativeFile ?? '', detail },
          path: [...statement.policyPath, 'statement'],
        });
      }
    }
  },
});

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
