import { analyzePolicies } from '../../src/policy/analysis.js';
import { reportPolicyProblems } from '../../src/policy/report.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  meta: {
    id: 'policy-effect',
    code: 'AC069',
    category: 'policy',
    defaultSeverity: 'warning',
    description:
      'Flags policies AWS\'s automated reasoning would call overly permissive or ineffective: an unconditional permit, an unconditional forbid (every call denied), a policy that can never apply.',
    rationale:
      'With `validationMode: FAIL_ON_ANY_FINDINGS` (the default) AWS runs automated reasoning over the whole engine ' +
      'at create/update and rejects policies it finds **overly permissive** (`permit(principal, action, resource);` ' +
      'allows every caller every tool), **overly restrictive** or **ineffective** (never applies). An unconditional ' +
      '`forbid(principal, action, resource);` is the emergency shutdown: forbid wins, so every tool call is denied ' +
      'while it is there. Cedar\'s validator also tells when a policy\'s condition is false for every valid request ' +
      '(agentcore-facts.md §5).',
    messages: {
      permitAll:
        'Policy {{policy}} permits every caller to call every tool with no condition: AWS reports it as overly permissive (and rejects it under FAIL_ON_ANY_FINDINGS). Restrict the principal, the action (action in AgentCore::Action::"<Target>") or add a when condition.',
      forbidAll:
        'Policy {{policy}} forbids every call with no condition: forbid wins, so every tool call through the gateways using engine "{{engine}}" is denied (emergency shutdown). Remove it when that is not intended.',
      contradictoryBounds:
        'Policy {{policy}} can never apply: its condition requires {{bounds}}, which no value satisfies, and AWS reports such policies as ineffective. Fix the bounds.',
      shadowed:
        'Policy {{policy}} can never allow anything: the unconditional forbid {{forbid}} covers every action it permits, and forbid always wins. Remove the permit, or narrow the forbid.',
      neverApplies:
        'Policy {{policy}} can never apply on gateway {{gateway}}: Cedar finds it false for every valid request (its scope or condition contradicts the schema), and AWS reports such policies as ineffective. Fix the scope or condition, or remove the policy.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const engine of analyzePolicies(project).engines) {
      // Unconditional forbids on some actions (forbidding everything is already reported as a shutdown).
      const forbids = engine.sources.flatMap((source) =>
        source.kind !== 'statement' ? [] : source.units.flatMap((unit) => {
          const est = unit.est;
          const blanket = est && est.effect === 'forbid' && est.conditions.length === 0 && est.principal.op === 'All' && anyGateway(est.resource);
          return blanket && est.action.op !== 'All' ? [{ name: source.policy, action: est.action as ActionScope }] : [];
        }),
      );
      for (const source of engine.sources) {
        if (source.kind !== 'statement') continue;
        for (const unit of source.units) {
          const est = unit.est;
          if (!est) continue;
          const contradiction = contradictoryBounds(est.conditions);
          if (contradiction) {
            const m = /\b(permit|forbid)\b/.exec(unit.text);
            const at = m ? m.index : 0;
            report({
              messageId: 'contradictoryBounds',
              data: { policy: `"${source.policy}" of engine "${source.engine}"`, bounds: contradiction },
              range: { start: source.position(unit.start + at), end: source.position(unit.start + at + 6) },
            });
          }
          if (est.effect === 'permit') {
            const shadowing = forbids.find((f) => f.name !== source.policy && covers(f.action, est.action as ActionScope));
            if (shadowing) {
              const m = /\bpermit\b/.exec(unit.text);
              const at = m ? m.index : 0;
              report({
                messageId: 'shadowed',
                data: { policy: `"${source.policy}" of engine "${source.engine}"`, forbid: `"${shadowing.name}"` },
                range: { start: source.position(unit.start + at), end: source.position(unit.start + at + 6) },
              });
            }
          }
          if (est.conditions.length > 0) continue;
          if (est.principal.op !== 'All' || est.action.op !== 'All' || !anyGateway(est.resource)) continue;
          const m = /\b(permit|forbid)\b/.exec(unit.text);
          const at = m ? m.index : 0;
          report({
            messageId: est.effect === 'permit' ? 'permitAll' : 'forbidAll',
            data: { policy: `"${source.policy}" of engine "${source.engine}"`, engine: source.engine },
            range: { start: source.position(unit.start + at), end: source.position(unit.start + at + 6) },
          });
        }
      }
    }
    reportPolicyProblems(project, 'policy-effect', report);
  },
});

type Expr = Record<string, unknown>;

interface EntityRef {
  type: string;
  id: string;
}
/** The action scope of a policy in Cedar's JSON form (EST). */
interface ActionScope {
  op: string;
  entity?: EntityRef;
  entities?: EntityRef[];
}

function anyGateway(resource: unknown): boolean {
  const r = resource as { op: string; entity_type?: string };
  return r.op === 'All' || r.op === '==' || (r.op === 'is' && r.entity_type === 'AgentCore::Gateway');
}

/** The actions a scope names: exact tool actions, and groups (targets, `CallTool`, `Mcp`). */
function scopeIds(scope: ActionScope): Array<{ id: string; group: boolean }> {
  if (scope.op === '==' && scope.entity) return [{ id: scope.entity.id, group: false }];
  if (scope.op === 'in') return [...(scope.entity ? [scope.entity] : []), ...(scope.entities ?? [])].map((e) => ({ id: e.id, group: true }));
  return [];
}

/** Whether every action `permitted` names is also named, or grouped, by `forbidden`. */
function covers(forbidden: ActionScope, permitted: ActionScope): boolean {
  const forbid = scopeIds(forbidden);
  const permit = scopeIds(permitted);
  if (permit.length === 0 || forbid.length === 0) return false;
  const blocks = (p: { id: string; group: boolean }) =>
    forbid.some((f) => f.id === p.id || (f.group && (f.id === 'CallTool' || f.id === 'Mcp' || p.id.startsWith(`${f.id}___`))));
  return permit.every(blocks);
}

/** `x < 10 && x > 20` on the same attribute with Long literals, in the `&&` chain of a when clause. */
function contradictoryBounds(conditions: ReadonlyArray<{ kind: string; body: unknown }>): string | undefined {
  for (const clause of conditions) {
    if (clause.kind !== 'when') continue;
    const conjuncts: Expr[] = [];
    const flatten = (e: unknown): void => {
      const x = e as Expr;
      if (x && typeof x === 'object' && '&&' in x) {
        const { left, right } = x['&&'] as { left: unknown; right: unknown };
        flatten(left);
        flatten(right);
      } else if (x && typeof x === 'object') conjuncts.push(x);
    };
    flatten(clause.body);
    const bounds = new Map<string, { lo: number; hi: number; parts: string[] }>();
    for (const c of conjuncts) {
      for (const op of ['<', '<=', '>', '>=', '==']) {
        const operands = c[op] as { left: unknown; right: unknown } | undefined;
        if (!operands) continue;
        let path = attributePath(operands.left);
        let value = longValue(operands.right);
        let effective = op;
        if (path === undefined || value === undefined) {
          path = attributePath(operands.right);
          value = longValue(operands.left);
          effective = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==' } as Record<string, string>)[op];
        }
        if (path === undefined || value === undefined) continue;
        const b = bounds.get(path) ?? { lo: -Infinity, hi: Infinity, parts: [] };
        if (effective === '<') b.hi = Math.min(b.hi, value - 1);
        if (effective === '<=') b.hi = Math.min(b.hi, value);
        if (effective === '>') b.lo = Math.max(b.lo, value + 1);
        if (effective === '>=') b.lo = Math.max(b.lo, value);
        if (effective === '==') {
          b.lo = Math.max(b.lo, value);
          b.hi = Math.min(b.hi, value);
        }
        b.parts.push(`${path} ${effective} ${value}`);
        bounds.set(path, b);
      }
    }
    for (const b of bounds.values()) if (b.lo > b.hi) return b.parts.join(' and ');
  }
  return undefined;
}

function attributePath(e: unknown): string | undefined {
  const x = e as Expr;
  if (!x || typeof x !== 'object') return undefined;
  if (x.Var === 'context' || x.Var === 'principal') return x.Var as string;
  const dot = x['.'] as { left: unknown; attr: string } | undefined;
  if (dot) {
    const left = attributePath(dot.left);
    return left === undefined ? undefined : `${left}.${dot.attr}`;
  }
  return undefined;
}

function longValue(e: unknown): number | undefined {
  const x = e as Expr;
  if (x && typeof x === 'object' && typeof x.Value === 'number') return x.Value;
  const neg = x && typeof x === 'object' ? (x.neg as { arg: unknown } | undefined) : undefined;
  const inner = neg ? longValue(neg.arg) : undefined;
  return inner === undefined ? undefined : -inner;
}
