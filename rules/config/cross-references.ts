import { defineRule } from '../../src/rule.js';
import { asString, hasOwn, isObject, objectsOf, asArray, type JsonObject } from '../../src/util/json-value.js';
import { suggestion } from '../../src/util/did-you-mean.js';
import { byName, entries, gatewayTargets } from '../../src/util/spec.js';
import { shownName } from '../../src/util/refinements.js';

const BUILTIN_EVALUATOR_PREFIX = 'Builtin.';
const ARN_PREFIX = 'arn:';
/** Real Bedrock knowledge base ids; project KB names start with a letter and cannot look like this by accident. */
const REAL_KB_ID_PATTERN = /^[A-Z0-9]{10}$/;

/** The string `field` of every element, or undefined when some element has none (see byName). */
function fieldOfAll(value: unknown, read: (element: JsonObject) => unknown): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const element of value) {
    const field = isObject(element) ? read(element) : undefined;
    if (typeof field !== 'string') return undefined;
    out.push(field);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'cross-references',
    code: 'AC114',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'Names that refer to other resources of the project (runtimes, endpoints, evaluators, capacity providers, gateways, targets, knowledge bases, payment credentials) must exist.',
    rationale:
      'The top-level `superRefine` of `AgentCoreProjectSpecSchema` (`dist/schema/schemas/agentcore-project.js` of ' +
      '`@aws/agentcore` 0.30.0) resolves the references between resources: an online eval config\'s `agent` and ' +
      'custom `evaluators` (built-in `Builtin.*` ids and ARNs are external); an `httpRuntime` target\'s `runtime` ' +
      'and non-DEFAULT `runtimeEndpoint` (a key of that runtime\'s `endpoints`); a runtime\'s ' +
      '`capacityProviderName` and the volumes its `capacityProviderVolume` mounts use; an A/B test\'s ' +
      '`gatewayRef` (`{{gateway:<name>}}`) and, in target-based mode, its variants\' `targetName`s; a ' +
      '`bedrock-knowledge-bases` connector\'s `knowledgeBaseId` (a `knowledgeBases[]` name, or a literal 10-character ' +
      'KB id for an external KB — which must then not also be a project KB name); and a MANUAL payment ' +
      'connector\'s `credentialName` (a `PaymentCredentialProvider` credential). A dangling reference would fail ' +
      'at synth or deploy; `agentcore validate` rejects it up front ("Gateway \\"g\\" target \\"t\\" references ' +
      'unknown runtime \\"x\\""). The CLI does not check outbound-auth credential names or policy engine names; ' +
      'other agentcore-lint rules do.',
    messages: {
      unknownEvalAgent:
        'Online eval config "{{config}}" references unknown agent "{{agent}}": use the name of a runtime in runtimes[].{{hint}}',
      unknownEvaluator:
        'Online eval config "{{config}}" references unknown evaluator "{{evaluator}}": use an evaluators[] name, a Builtin.* id or an evaluator ARN.{{hint}}',
      unknownRuntime:
        'Gateway "{{gateway}}" target "{{target}}" references unknown runtime "{{runtime}}": use the name of a runtime in runtimes[].{{hint}}',
      unknownRuntimeEndpoint:
        'Gateway "{{gateway}}" target "{{target}}" references endpoint "{{endpoint}}", which does not exist on runtime "{{runtime}}": add it to the runtime\'s "endpoints", or use "DEFAULT".{{hint}}',
      unknownCapacityProvider:
        'Runtime "{{runtime}}" references unknown capacity provider "{{name}}": add it to capacityProviders[] or attach an external one with capacityProviderArn.{{hint}}',
      unknownVolume:
        'Runtime "{{runtime}}" mounts capacity provider volume "{{volume}}", which is not defined on capacity provider "{{provider}}" (its computeConfiguration.ec2Configuration.volumes).{{hint}}',
      unknownAbGateway:
        'AB test "{{test}}" references gateway "{{gateway}}", which does not exist in agentCoreGateways.{{hint}}',
      unknownAbTarget:
        'AB test "{{test}}" variant "{{variant}}" references target "{{targetName}}", which does not exist in gateway "{{gateway}}" targets.{{hint}}',
      kbIdCollision:
        'Connector target "{{target}}" {{field}} "{{value}}" looks like a literal KB id but also matches a knowledgeBases[] entry. Rename the knowledge base, or reference it by its project name instead.',
      unknownKb:
        'Connector target "{{target}}" {{field}} "{{value}}" does not match any knowledgeBases[] entry. To wire an external KB that this project does not own, use its 10-character KB id.{{hint}}',
      unknownPaymentCredential:
        'Payment connector "{{connector}}" in manager "{{manager}}" references credential "{{credential}}", which does not exist in credentials[]. Add a PaymentCredentialProvider credential (agentcore add payment-connector sets one up).{{hint}}',
      wrongPaymentCredential:
        'Payment connector "{{connector}}" in manager "{{manager}}" references credential "{{credential}}", whose authorizerType is {{kind}}, not PaymentCredentialProvider. Point credentialName at a PaymentCredentialProvider credential.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    if (!spec) return;
    const runtimesByName = byName(spec, 'runtimes');
    const runtimeNames = runtimesByName ? [...runtimesByName.keys()] : undefined;
    const evaluatorsByName = byName(spec, 'evaluators');
    const evaluatorNames = evaluatorsByName ? [...evaluatorsByName.keys()] : undefined;

    // Online evaluation configs.
    for (const config of entries(spec, 'onlineEvalConfigs')) {
      const configName = config.name ?? shownName(undefined, config.path);
      const agent = config.node.agent;
      if (runtimeNames && typeof agent === 'string' && agent !== '' && !runtimeNames.includes(agent)) {
        report({
          messageId: 'unknownEvalAgent',
          data: { config: configName, agent, hint: suggestion(agent, runtimeNames) },
          path: [...config.path, 'agent'],
        });
      }
      asArray(config.node.evaluators).forEach((evaluator, i) => {
        if (!evaluatorNames || typeof evaluator !== 'string') return;
        if (evaluator.startsWith(BUILTIN_EVALUATOR_PREFIX) || evaluator.startsWith(ARN_PREFIX)) return;
        if (evaluatorNames.includes(evaluator)) return;
        report({
          messageId: 'unknownEvaluator',
          data: { config: configName, evaluator, hint: suggestion(evaluator, evaluatorNames) },
          path: [...config.path, 'evaluators', i],
        });
      });
    }

    // httpRuntime targets.
    for (const target of gatewayTargets(spec)) {
      if (!runtimesByName || !runtimeNames) break;
      if (target.targetType !== 'httpRuntime' || !isObject(target.node.httpRuntime)) continue;
      const http = target.node.httpRuntime;
      const runtime = http.runtime;
      if (typeof runtime !== 'string' || runtime === '') continue;
      const data = { gateway: target.gateway.name ?? '', target: target.name ?? '', runtime };
      const runtimeNode = runtimesByName.get(runtime);
      if (!runtimeNode) {
        report({
          messageId: 'unknownRuntime',
          data: { ...data, hint: suggestion(runtime, runtimeNames) },
          path: [...target.path, 'httpRuntime', 'runtime'],
        });
        continue;
      }
      const endpoint = http.runtimeEndpoint;
      if (typeof endpoint !== 'string' || endpoint === '' || endpoint === 'DEFAULT') continue;
      if (runtimeNode.endpoints !== undefined && !isObject(runtimeNode.endpoints)) continue;
      const endpoints: JsonObject = isObject(runtimeNode.endpoints) ? runtimeNode.endpoints : {};
      if (hasOwn(endpoints, endpoint) && endpoints[endpoint]) continue;
      report({
        messageId: 'unknownRuntimeEndpoint',
        data: { ...data, endpoint, hint: suggestion(endpoint, Object.keys(endpoints)) },
        path: [...target.path, 'httpRuntime', 'runtimeEndpoint'],
      });
    }

    // Runtime -> capacity provider (by name) and its volumes.
    const providers = byName(spec, 'capacityProviders');
    for (const runtime of entries(spec, 'runtimes')) {
      if (!providers) break;
      const cpConfig = runtime.node.capacityProviderConfiguration;
      const cpName = isObject(cpConfig) ? cpConfig.capacityProviderName : undefined;
      if (typeof cpName !== 'string' || cpName === '') continue;
      const runtimeName = runtime.name ?? shownName(undefined, runtime.path);
      const provider = providers.get(cpName);
      if (!provider) {
        report({
          messageId: 'unknownCapacityProvider',
          data: { runtime: runtimeName, name: cpName, hint: suggestion(cpName, providers.keys()) },
          path: [...runtime.path, 'capacityProviderConfiguration', 'capacityProviderName'],
        });
        continue;
      }
      const compute = isObject(provider.computeConfiguration) ? provider.computeConfiguration : undefined;
      const ec2 = compute && isObject(compute.ec2Configuration) ? compute.ec2Configuration : undefined;
      const volumes = ec2 && fieldOfAll(ec2.volumes, (v) => (isObject(v.ebsConfiguration) ? v.ebsConfiguration.name : undefined));
      if (!volumes) continue;
      for (const [i, fc] of objectsOf(runtime.node.filesystemConfigurations)) {
        if (!isObject(fc.capacityProviderVolume)) continue;
        const volume = fc.capacityProviderVolume.volumeName;
        if (typeof volume !== 'string' || volumes.includes(volume)) continue;
        report({
          messageId: 'unknownVolume',
          data: { runtime: runtimeName, volume, provider: cpName, hint: suggestion(volume, volumes) },
          path: [...runtime.path, 'filesystemConfigurations', i, 'capacityProviderVolume', 'volumeName'],
        });
      }
    }

    // A/B tests -> gateway and targets.
    const gatewaysByName = byName(spec, 'agentCoreGateways');
    for (const test of entries(spec, 'abTests')) {
      if (!gatewaysByName) break;
      const ref = test.node.gatewayRef;
      const match = typeof ref === 'string' ? /^\{\{gateway:(.+)\}\}$/.exec(ref) : null;
      if (!match) continue;
      const gatewayName = match[1];
      const testName = test.name ?? shownName(undefined, test.path);
      const gateway = gatewaysByName.get(gatewayName);
      if (!gateway) {
        report({
          messageId: 'unknownAbGateway',
          data: { test: testName, gateway: gatewayName, hint: suggestion(gatewayName, gatewaysByName.keys()) },
          path: [...test.path, 'gatewayRef'],
        });
        continue;
      }
      if (test.node.mode !== 'target-based') continue;
      const targetNames = fieldOfAll(gateway.targets, (t) => t.name);
      if (!targetNames) continue;
      for (const [i, variant] of objectsOf(test.node.variants)) {
        const config = isObject(variant.variantConfiguration) ? variant.variantConfiguration : undefined;
        const targetRef = config && isObject(config.target) ? config.target : undefined;
        const targetName = targetRef?.targetName;
        if (typeof targetName !== 'string' || targetName === '' || targetNames.includes(targetName)) continue;
        report({
          messageId: 'unknownAbTarget',
          data: {
            test: testName,
            variant: asString(variant.name) ?? `#${i}`,
            targetName,
            gateway: gatewayName,
            hint: suggestion(targetName, targetNames),
          },
          path: [...test.path, 'variants', i, 'variantConfiguration', 'target', 'targetName'],
        });
      }
    }

    // Knowledge base connector targets.
    const kbs = byName(spec, 'knowledgeBases');
    const kbNames = kbs ? [...kbs.keys()] : [];
    for (const target of gatewayTargets(spec)) {
      if (!kbs) break;
      if (target.targetType !== 'connector' || target.node.connectorId !== 'bedrock-knowledge-bases') continue;
      const targetName = target.name ?? '';
      // Mirrors validateKbReference, which also receives non-string retriever ids (parameterValues is untyped).
      const check = (value: unknown, field: string, path: Array<string | number>): void => {
        const shown = typeof value === 'string' ? value : JSON.stringify(value);
        const known = typeof value === 'string' && kbNames.includes(value);
        if (REAL_KB_ID_PATTERN.test(String(value))) {
          if (known) report({ messageId: 'kbIdCollision', data: { target: targetName, field, value: shown }, path });
        } else if (!known) {
          report({ messageId: 'unknownKb', data: { target: targetName, field, value: shown, hint: suggestion(shown, kbNames) }, path });
        }
      };
      for (const [c, cfg] of objectsOf(target.node.configurations)) {
        const pv = isObject(cfg.parameterValues) ? cfg.parameterValues : undefined;
        const pvPath = [...target.path, 'configurations', c, 'parameterValues'];
        if (cfg.name === 'Retrieve' && typeof pv?.knowledgeBaseId === 'string' && pv.knowledgeBaseId !== '') {
          check(pv.knowledgeBaseId, 'configurations[].parameterValues.knowledgeBaseId', [...pvPath, 'knowledgeBaseId']);
        }
        if (cfg.name === 'AgenticRetrieveStream' && Array.isArray(pv?.retrievers)) {
          pv.retrievers.forEach((r: unknown, ri: number) => {
            if (!isObject(r) || !isObject(r.configuration) || !isObject(r.configuration.knowledgeBase)) return;
            const kbId = r.configuration.knowledgeBase.knowledgeBaseId;
            if (!kbId) return;
            check(kbId, 'configurations[].parameterValues.retrievers[].knowledgeBaseId', [
              ...pvPath, 'retrievers', ri, 'configuration', 'knowledgeBase', 'knowledgeBaseId',
            ]);
          });
        }
      }
    }

    // Payment connectors -> payment credentials.
    const credentials = byName(spec, 'credentials');
    const credentialNames = credentials ? [...credentials.keys()] : [];
    for (const manager of entries(spec, 'payments')) {
      if (!credentials) break;
      for (const [j, connector] of objectsOf(manager.node.connectors)) {
        if (connector.provisionMode === 'QUICK_CREATE') continue;
        const credentialName = connector.credentialName;
        if (typeof credentialName !== 'string' || credentialName === '') continue;
        const data = {
          connector: asString(connector.name) ?? `#${j}`,
          manager: manager.name ?? shownName(undefined, manager.path),
          credential: credentialName,
        };
        const path = [...manager.path, 'connectors', j, 'credentialName'];
        const credential = credentials.get(credentialName);
        if (!credential) {
          report({ messageId: 'unknownPaymentCredential', data: { ...data, hint: suggestion(credentialName, credentialNames) }, path });
        } else if (credential.authorizerType !== 'PaymentCredentialProvider' && typeof credential.authorizerType === 'string') {
          report({ messageId: 'wrongPaymentCredential', data: { ...data, kind: credential.authorizerType }, path });
        }
      }
    }
  },
});
