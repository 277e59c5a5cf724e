import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { entries, gatewayTargets } from '../../src/util/spec.js';
import { asObject, asString, isObject } from '../../src/util/json-value.js';

/** `https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<encoded runtime ARN>/invocations[?qualifier=…]`. */
const RUNTIME_INVOCATION = /^https?:\/\/bedrock-agentcore(?:-fips)?\.([a-z0-9-]{1,30})\.amazonaws\.com(?:\.cn)?\/runtimes\/([^/?#\s]{1,2048})\/invocations(?:[/?#]|$)/i;

/** The runtime name part of `arn:…:runtime/<physical name>-<10 char id>` (the id suffix removed). */
function runtimePhysicalName(encodedArn: string): string | undefined {
  let arn: string;
  try {
    arn = decodeURIComponent(encodedArn);
  } catch {
    return undefined;
  }
  const id = /:runtime\/([A-Za-z0-9_-]{1,200})$/.exec(arn)?.[1] ?? (/^[A-Za-z0-9_-]{1,200}$/.test(arn) ? arn : undefined);
  if (!id) return undefined;
  const dash = id.lastIndexOf('-');
  return dash > 0 ? id.slice(0, dash) : id;
}

function normalizeUrl(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

export default defineRule({
  meta: {
    id: 'gateway-target-inverted-flow',
    code: 'AC026',
    category: 'config',
    defaultSeverity: 'warning',
    description:
      'A gateway target should not call an agent runtime (HTTP/A2A/AGUI) through its invocation URL, or a gateway of this ' +
      'project: the flow is inverted.',
    rationale:
      'A gateway exposes tools to agents; agents call gateways, not the other way round. A target whose endpoint is ' +
      'an AgentCore Runtime invocation URL (`https://bedrock-agentcore.<region>.amazonaws.com/runtimes/…/invocations`) ' +
      'of an HTTP, A2A or AGUI agent makes the agent a "tool", and one pointing at a gateway URL loops or chains ' +
      'gateways (agentcore-facts.md §7, "What Gateway is — and what it isn\'t"; official-validate.md case 25). Not ' +
      'reported: MCP-protocol runtimes as `mcpServer` targets (the documented way to put an MCP server hosted on ' +
      'AgentCore Runtime behind a gateway), runtimes of other projects (their protocol is unknown), and HTTP agents ' +
      'reached through `httpRuntime` targets on protocolType "None" gateways.',
    messages: {
      agentRuntime:
        'Gateway "{{gateway}}" target "{{target}}" calls runtime "{{runtime}}" of this project through its invocation URL, ' +
        'but "{{runtime}}" is an {{protocol}} agent, not an MCP server: the flow is inverted. Let the agent call the gateway ' +
        'instead (it gets AGENTCORE_GATEWAY_*_URL), or, to expose the agent over HTTP, use an httpRuntime target on a ' +
        'protocolType "None" gateway.',
      gatewayUrl:
        'Gateway "{{gateway}}" target "{{target}}" points at the URL of gateway "{{other}}"{{self}}: gateways should call tool ' +
        'backends, not gateways. Add the tool backends to one gateway instead of chaining them.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    const projectName = asString(spec?.name);
    const runtimesByPhysical = new Map<string, { name: string; protocol: string }>();
    for (const runtime of entries(spec, 'runtimes')) {
      if (!runtime.name || !projectName) continue;
      runtimesByPhysical.set(`${projectName}_${runtime.name}`, {
        name: runtime.name,
        protocol: asString(runtime.node.protocol) ?? 'HTTP',
      });
    }
    const gatewayUrls = deployedGatewayUrls(project.deployedState?.value);

    for (const target of gatewayTargets(spec)) {
      const endpoints: Array<{ url: string; path: Array<string | number> }> = [];
      const endpoint = asString(target.node.endpoint);
      if (endpoint) endpoints.push({ url: endpoint, path: [...target.path, 'endpoint'] });
      const passthroughEndpoint = asString(asObject(target.node.passthrough)?.endpoint);
      if (passthroughEndpoint) endpoints.push({ url: passthroughEndpoint, path: [...target.path, 'passthrough', 'endpoint'] });
      const data = { gateway: target.gateway.name ?? formatPath(target.gateway.path), target: target.name ?? formatPath(target.path) };
      for (const { url, path } of endpoints) {
        const other = gatewayUrls.get(normalizeUrl(url));
        if (other !== undefined) {
          report({
            messageId: 'gatewayUrl',
            path,
            data: { ...data, other, self: other === target.gateway.name ? ' (itself, an endless loop)' : '' },
          });
          continue;
        }
        const match = RUNTIME_INVOCATION.exec(url.trim());
        if (!match) continue;
        const physical = runtimePhysicalName(match[2]);
        const runtime = physical ? runtimesByPhysical.get(physical) : undefined;
        if (!runtime || runtime.protocol === 'MCP') continue;
        report({ messageId: 'agentRuntime', path, data: { ...data, runtime: runtime.name, protocol: runtime.protocol } });
      }
    }
  },
});

/** gatewayUrl → gateway name, from every target of deployed-state.json. */
function deployedGatewayUrls(state: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const targets = asObject(asObject(state)?.targets);
  if (!targets) return out;
  for (const deployment of Object.values(targets)) {
    const gatewaysState = asObject(asObject(asObject(asObject(deployment)?.resources)?.mcp)?.gateways);
    if (!gatewaysState) continue;
    for (const [name, gw] of Object.entries(gatewaysState)) {
      if (!isObject(gw)) continue;
      const url = asString(gw.gatewayUrl);
      if (url) out.set(normalizeUrl(url), name);
    }
  }
  return out;
}
