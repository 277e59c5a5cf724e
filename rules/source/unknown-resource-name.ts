import { defineRule } from '../../src/rule.js';
import type { AgentCoreProject } from '../../src/project.js';
import { connectionEnvStem, credentialNameEnvVar, gatewayEnvStem, memoryIdEnvVar } from '../../src/agentcore/env-names.js';
import { isProviderWrapper, rangeOf, SOURCE_RULE_EXTENSIONS } from '../../src/source/vocabulary.js';
import { didYouMean } from '../../src/util/did-you-mean.js';
import { asObject, asString, objectsOf } from '../../src/util/json-value.js';
import { entries, gateways } from '../../src/util/spec.js';
import { perProject } from '../../src/util/per-project.js';

export interface KnownNames {
  /** `AGENTCORE_GATEWAY_<N>` stems → gateway name. */
  gatewayStems: Map<string, string>;
  /** `MEMORY_<N>_ID` → memory name (or connection id). */
  memoryVars: Map<string, string>;
  /** `CREDENTIAL_<N>_NAME` → credential name. */
  credentialVars: Map<string, string>;
  /** Names `provider_name` / `providerName` may take: credentials, and `<gateway>-oauth` of CUSTOM_JWT gateways. */
  providers: Set<string>;
  /** Variables the project sets explicitly (runtimes[].envVars, mcpRuntimeTools bindings): never reported. */
  explicit: Set<string>;
}

/** What the project declares, by environment variable (once per project, not once per source file). */
export const knownNames: (project: AgentCoreProject) => KnownNames = perProject((project) => {
  const known: KnownNames = {
    gatewayStems: new Map(), memoryVars: new Map(), credentialVars: new Map(), providers: new Set(), explicit: new Set(),
  };
  for (const gateway of gateways(project.spec)) {
    if (!gateway.name) continue;
    known.gatewayStems.set(gatewayEnvStem(gateway.name), gateway.name);
    if (asString(gateway.node.authorizerType) === 'CUSTOM_JWT') known.providers.add(`${gateway.name}-oauth`);
  }
  for (const memory of entries(project.spec, 'memories')) {
    if (memory.name) known.memoryVars.set(memoryIdEnvVar(memory.name), memory.name);
  }
  for (const credential of entries(project.spec, 'credentials')) {
    if (!credential.name) continue;
    known.credentialVars.set(credentialNameEnvVar(credential.name), credential.name);
    known.providers.add(credential.name);
  }
  for (const runtime of entries(project.spec, 'runtimes')) {
    for (const [, envVar] of objectsOf(runtime.node.envVars)) {
      const name = asString(envVar.name);
      if (name) known.explicit.add(name);
    }
    for (const [, connection] of objectsOf(runtime.node.connections)) {
      const to = asObject(connection.to);
      const kind = asString(to?.type);
      const resourceId = asString(to?.arn)?.split('/').pop();
      const id = asString(connection.id) ?? (kind && resourceId ? `${kind}-${resourceId}` : undefined);
      if (id && kind === 'memory') known.memoryVars.set(`MEMORY_${connectionEnvStem(id)}_ID`, id);
    }
  }
  for (const tool of entries(project.spec, 'mcpRuntimeTools')) {
    for (const [, binding] of objectsOf(tool.node.bindings)) {
      const name = asString(binding.envVarName);
      if (name) known.explicit.add(name);
    }
  }
  return known;
});

export type UnknownName =
  | { kind: 'gateway'; variable: string; suggestion: string | undefined }
  | { kind: 'memory'; variable: string; suggestion: string | undefined }
  | { kind: 'credential'; variable: string; suggestion: string | undefined }
  | { kind: 'provider'; provider: string; suggestion: string | undefined };

const GATEWAY_VAR = /^AGENTCORE_GATEWAY_([A-Za-z0-9_.-]+?)_(URL|AUTH_TYPE|CREDENTIAL_PROVIDER)$/;

/** Whether an environment variable name, by the CLI's derivations, matches a declared resource. */
export function checkEnvName(name: string, known: KnownNames): UnknownName | undefined {
  if (known.explicit.has(name)) return undefined;
  const gateway = GATEWAY_VAR.exec(name);
  if (gateway) {
    if (known.gatewayStems.has(gateway[1])) return undefined;
    const stem = known.gatewayStems.has(gateway[1].toUpperCase().replace(/[-.]/g, '_'))
      ? gateway[1].toUpperCase().replace(/[-.]/g, '_')
      : didYouMean(gateway[1], known.gatewayStems.keys());
    return { kind: 'gateway', variable: name, suggestion: stem && `AGENTCORE_GATEWAY_${stem}_${gateway[2]}` };
  }
  if (/^MEMORY_[A-Z0-9_]+_ID$/.test(name)) {
    if (known.memoryVars.has(name)) return undefined;
    return { kind: 'memory', variable: name, suggestion: didYouMean(name, known.memoryVars.keys()) };
  }
  if (/^CREDENTIAL_[A-Z0-9_]+_NAME$/.test(name)) {
    if (known.credentialVars.has(name)) return undefined;
    return { kind: 'credential', variable: name, suggestion: didYouMean(name, known.credentialVars.keys()) };
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'unknown-resource-name',
    code: 'AC054',
    category: 'source',
    defaultSeverity: 'error',
    description:
      'Gateway, memory and credential names used in code (env-var names, provider_name / providerName) must match agentcore.json.',
    rationale:
      'The CLI derives each runtime environment variable from a resource name: `AGENTCORE_GATEWAY_<N>_URL` with ' +
      '`<N>` = the gateway name upper-cased with `-` → `_`; `MEMORY_<NAME>_ID`; `CREDENTIAL_<NAME>_NAME` with `.` and ' +
      '`-` → `_` (agentcore-facts.md §3). A variable no declared resource produces is never set, so the code silently ' +
      'runs without its gateway, memory or credential; a `provider_name` / `providerName` of ' +
      '`@requires_api_key` / `@requires_access_token` / `withApiKey` / `withAccessToken` that names no credential ' +
      'provider fails at the first call. Renamed or removed resources and typos are the usual causes. Variables ' +
      'declared in `runtimes[].envVars` or set by `mcpRuntimeTools` bindings, and `runtimes[].connections[]` ' +
      'memories, count as declared. Needs the project: silent on loose files.',
    messages: {
      gateway:
        'No gateway in agentcore.json sets {{variable}} (declared: {{declared}}), so it is never set and the code runs ' +
        'without the gateway.{{suggestion}} Use the name the CLI derives (gateway name upper-cased, "-" → "_") or add the gateway.',
      memory:
        'No memory in agentcore.json sets {{variable}} (declared: {{declared}}), so it is never set and the agent runs ' +
        'without memory.{{suggestion}} Use MEMORY_<NAME>_ID with the memory name upper-cased, or add the memory.',
      credential:
        'No credential in agentcore.json sets {{variable}} (declared: {{declared}}).{{suggestion}} Use ' +
        'CREDENTIAL_<NAME>_NAME with the credential name upper-cased ("-" and "." → "_"), or add the credential.',
      provider:
        'Credential provider "{{provider}}" is not declared in agentcore.json (credentials: {{declared}}), so the ' +
        'identity call fails at run time.{{suggestion}} Use a declared credential name or add it with `agentcore add credential`.',
    },
    officialParity: false,
    requiresProject: true,
  },
  files: {
    extensions: SOURCE_RULE_EXTENSIONS,
    check({ text, role, project, source, report }) {
      if (!project || role === 'test' || role === 'other') return;
      const facts = source();
      if (!facts) return;
      const known = knownNames(project);
      const list = (names: Iterable<string>): string => {
        const all = [...names];
        return all.length === 0 ? 'none' : all.slice(0, 5).join(', ') + (all.length > 5 ? ', …' : '');
      };
      const hint = (s: string | undefined): string => (s ? ` Did you mean "${s}"?` : '');
      const reported = new Set<string>();
      for (const read of facts.envReads) {
        if (!read.name) continue;
        const unknown = checkEnvName(read.name, known);
        if (!unknown || unknown.kind === 'provider') continue;
        const key = `${read.span.start}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const declared =
          unknown.kind === 'gateway' ? list([...known.gatewayStems.keys()].map((s) => `AGENTCORE_GATEWAY_${s}_URL`))
            : unknown.kind === 'memory' ? list(known.memoryVars.keys())
              : list(known.credentialVars.keys());
        report({
          messageId: unknown.kind,
          range: rangeOf(text, read.span),
          data: { variable: unknown.variable, declared, suggestion: hint(unknown.suggestion) },
        });
      }
      for (const call of facts.calls) {
        if (!isProviderWrapper(call.callee)) continue;
        const arg = call.named.provider_name ?? call.named.providerName;
        if (arg?.kind !== 'string') continue;
        const provider = arg.value;
        if (provider === '' || provider.includes('{') || known.providers.has(provider)) continue;
        report({
          messageId: 'provider',
          range: rangeOf(text, arg.span),
          data: { provider, declared: list(known.providers), suggestion: hint(didYouMean(provider, known.providers)) },
        });
      }
    },
  },
});
