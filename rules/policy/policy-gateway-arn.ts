import { analyzePolicies } from '../../src/policy/analysis.js';
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
      'A policy\'s `resource == AgentCore::Gateway::"<ARN>"` must be a real gateway ARN, and the ARN of the gateway deployed-state.json records when it is present.',
    rationale:
      'The gateway ARN is only known after the gateway is deployed (`agentcore/.cli/deployed-state.json` → ' +
      '`targets.<target>.resources.mcp.gateways.<gateway>.gatewayArn`), so policies are often written with ' +
      'placeholders (`<REGION>`, `arn:...`) or copied from another stage. A policy whose resource is not the gateway ' +
      'it is attached to never matches: a permit then allows nothing and a forbid protects nothing. Gateway ARNs look ' +
      'like `arn:aws:bedrock-agentcore:<region>:<account>:gateway/<name>-<10 chars>` (agentcore-facts.md §5). ' +
      'Use `resource is AgentCore::Gateway` when the policy should apply on any gateway the engine is attached to.',
    messages: {
      placeholder:
        'Policy {{policy}} names gateway ARN "{{arn}}", which is a placeholder: the policy never matches a real gateway. Deploy the gateway and copy its gatewayArn from agentcore/.cli/deployed-state.json, or use `resource is AgentCore::Gateway`.',
      malformed:
        'Policy {{policy}} names gateway "{{arn}}", which is not a gateway ARN (arn:aws:bedrock-agentcore:<region>:<account>:gateway/<name>-<10 characters>): the policy never matches. Copy gatewayArn from agentcore/.cli/deployed-state.json, or use `resource is AgentCore::Gateway`.',
      differs:
        'Policy {{policy}} names gateway "{{arn}}", but deployed-state.json records {{deployed}} for the gateway(s) its engine is attached to: the policy never matches there. Use the deployed ARN, or `resource is AgentCore::Gateway`.',
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
          const resource = unit.est?.resource as { op: string; entity?: unknown } | undefined;
          if (!resource || resource.op !== '==') continue;
          const entity = asObject(asObject(resource.entity)?.__entity) ?? asObject(resource.entity);
          if (asString(entity?.type) !== 'AgentCore::Gateway') continue;
          const arn = asString(entity?.id);
          if (arn === undefined) continue;
          const quoted = JSON.stringify(arn);
          const found = unit.text.indexOf(quoted);
          const start = unit.start + (found < 0 ? 0 : found);
          const range = { start: source.position(start), end: source.position(found < 0 ? start + 1 : start + quoted.length) };
          const data = {
            policy: source.kind === 'file' ? `"${source.policy}" (sourceFile ${source.relativeFile})` : `"${source.policy}" of engine "${engine.name}"`,
            arn,
          };
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
