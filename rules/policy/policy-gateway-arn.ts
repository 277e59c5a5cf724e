import { analyzePolicies, type PolicyUnit } from '../../src/policy/analysis.js';
import { findInCode } from '../../src/policy/split.js';
import { defineRule } from '../../src/rule.js';
import { asObject, asString } from '../../src/util/json-value.js';

const GATEWAY_ARN = /^arn:aws(-cn|-us-gov)?:bedrock-agentcore:[a-z0-9-]+:\d{12}:gateway\/([0-9a-z]-?){1,48}-[a-z0-9]{10}$/;
const PLACEHOLDER = /<[^>]*>|\$?\{[^}]*\}|\.\.\.|…|\bX{3,}\b|\b(REGION|ACCOUNT(_ID)?|GATEWAY(_ID)?)\b/;

export default defineRule({
  meta: {
    id: 'policy-gateway-arn',
    code: 'AC068',
    category: 'policy',
    defaultSeverity: 'warning',
    description:
      'A policy\'s resource must name its gateway: `resource == AgentCore::Gateway::"<ARN>"` with a real gateway ARN (the one deployed-state.json records when present); `resource is AgentCore::Gateway` only in a policy over every action; never a bare `resource`.',
    rationale:
      'The gateway ARN is only known after the gateway is deployed (`agentcore/.cli/deployed-state.json` → ' +
      '`targets.<target>.resources.mcp.gateways.<gateway>.gatewayArn`), so policies are often written with ' +
      'placeholders (`<REGION>`, `arn:...`) or copied from another stage. A policy whose resource is not the gateway ' +
      'it is attached to never matches: a permit then allows nothing and a forbid protects nothing. Gateway ARNs look ' +
      'like `arn:aws:bedrock-agentcore:<region>:<account>:gateway/<name>-<10 chars>` (agentcore-facts.md §5). ' +
      'AWS also rejects two scopes at create, so they are errors: an unconstrained resource (a bare `resource`: "AgentCore rejects a ' +
      'policy whose resource is an unconstrained wildcard", CDK PolicyResource), and the type test `resource is ' +
      'AgentCore::Gateway` next to specific actions (`action ==` or `action in [...]`; AWS "Schema constraints": ' +
      'specific actions need a specific gateway ARN). The type test is for policies over every action. A policy ' +
      'over an action group (`action in AgentCore::Action::"<Target>"`) is not judged: AWS does not say.',
    messages: {
      placeholder:
        'Policy {{policy}} names gateway ARN "{{arn}}", which is a placeholder: the policy never matches a real gateway. Deploy the gateway and copy its gatewayArn from agentcore/.cli/deployed-state.json{{alternative}}.',
      malformed:
        'Policy {{policy}} names gateway "{{arn}}", which is not a gateway ARN (arn:aws:bedrock-agentcore:<region>:<account>:gateway/<name>-<10 characters>): the policy never matches. Copy gatewayArn from agentcore/.cli/deployed-state.json{{alternative}}.',
      differs:
        'Policy {{policy}} names gateway "{{arn}}", but deployed-state.json records {{deployed}} for the gateway(s) its engine is attached to: the policy never matches there. Use the deployed ARN{{alternative}}.',
      anyGatewayForActions:
        'Policy {{policy}} names specific actions but matches any gateway (`resource is AgentCore::Gateway`), which AWS rejects: specific actions need a specific gateway. Use resource == AgentCore::Gateway::"<gatewayArn>", the gatewayArn agentcore/.cli/deployed-state.json records after the first deploy.',
      wildcardResource:
        'Policy {{policy}} leaves its resource unconstrained (a bare `resource`), which AWS rejects. Use resource == AgentCore::Gateway::"<gatewayArn>" (from agentcore/.cli/deployed-state.json after the first deploy){{alternative}}.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const deployed = deployedGatewayArns(project.deployedState?.value);
    for (const engine of analyzePolicies(project).engines) {
      const known = engine.attachments.flatMap((a) => deployed.get(a.gateway) ?? []);
      for (const source of engine.sources) {
        for (const unit of source.units) {
          if (!unit.est) continue;
          // `resource is AgentCore::Gateway in AgentCore::Gateway::"<ARN>"` names its gateway: only a bare `is` matches any.
          const resource = unit.est.resource as { op: string; entity?: unknown; entity_type?: string; in?: unknown };
          const action = unit.est.action as { op: string; entity?: unknown; entities?: unknown[] };
          const everyAction = action.op === 'All';
          const policy = source.kind === 'file' ? `"${source.policy}" (sourceFile ${source.relativeFile})` : `"${source.policy}" of engine "${engine.name}"`;
          // The type test is an alternative only where AWS accepts it: in a policy over every action.
          const alternative = everyAction ? ', or use `resource is AgentCore::Gateway` (this policy covers every action)' : '';
          const at = (start: number, end: number) => ({ start: source.position(unit.start + start), end: source.position(unit.start + end) });
          if (resource.op === 'All') {
            const word = resourceWord(unit);
            report({ messageId: 'wildcardResource', severity: 'error', data: { policy, alternative }, range: at(word, word + 'resource'.length), file: source.file });
            continue;
          }
          if (resource.op === 'is' && !('in' in resource)) {
            const specific = action.op === '==' || (action.op === 'in' && Array.isArray(action.entities));
            if (!specific) continue;
            const word = resourceWord(unit);
            const test = /^resource\s+is\s+[A-Za-z_:\s]*Gateway/.exec(unit.text.slice(word));
            report({ messageId: 'anyGatewayForActions', severity: 'error', data: { policy }, range: at(word, word + (test?.[0].length ?? 'resource'.length)), file: source.file });
            continue;
          }
          if (resource.op !== '==') continue;
          const entity = asObject(asObject(resource.entity)?.__entity) ?? asObject(resource.entity);
          if (asString(entity?.type) !== 'AgentCore::Gateway') continue;
          const arn = asString(entity?.id);
          if (arn === undefined) continue;
          const quoted = JSON.stringify(arn);
          const found = unit.text.indexOf(quoted);
          const range = found < 0 ? at(0, 1) : at(found, found + quoted.length);
          const data = { policy, arn, alternative };
          if (PLACEHOLDER.test(arn)) report({ messageId: 'placeholder', data, range, file: source.file });
          else if (!GATEWAY_ARN.test(arn)) report({ messageId: 'malformed', data, range, file: source.file });
          else if (known.length > 0 && !known.includes(arn)) {
            report({ messageId: 'differs', data: { ...data, deployed: [...new Set(known)].map((k) => `"${k}"`).join(', ') }, range, file: source.file });
          }
        }
      }
    }
  },
});

/** Where the scope's `resource` is: the first `resource` in code (the scope lists principal, action, resource). */
function resourceWord(unit: PolicyUnit): number {
  return findInCode(unit.text, 'resource').find((i) => !/[A-Za-z0-9_]/.test(unit.text[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(unit.text[i + 8] ?? '')) ?? 0;
}

/** gateway name → every gatewayArn recorded for it, over all deployment targets. */
function deployedGatewayArns(state: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const targets = asObject(asObject(state)?.targets) ?? {};
  for (const target of Object.values(targets)) {
    const gateways = asObject(asObject(asObject(asObject(target)?.resources)?.mcp)?.gateways) ?? {};
    for (const [name, gateway] of Object.entries(gateways)) {
      const arn = asString(asObject(gateway)?.gatewayArn);
      if (arn) out.set(name, [...(out.get(name) ?? []), arn]);
    }
  }
  return out;
}
