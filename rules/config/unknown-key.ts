import { defineRule } from '../../src/rule.js';
import type { JsonDocument } from '../../src/json/document.js';
import { isLegacyProjectFile } from '../../src/schema/legacy.js';
import { findDroppedKeys, type DroppedKey, type SchemaKind } from '../../src/schema/validate.js';
import { inPlace } from '../../src/schema/wording.js';
import { findingsKept } from '../../src/project.js';

export default defineRule({
  meta: {
    id: 'unknown-key',
    code: 'AC021',
    category: 'config',
    defaultSeverity: 'warning',
    description:
      'Keys the AgentCore CLI silently drops (unknown keys in loose objects such as runtimes, memories and ' +
      'credentials); an error when the key looks like it holds a secret.',
    rationale:
      'Most objects in the AgentCore schema are zod "strip" objects: `runtimes[]` and most of its blocks, ' +
      '`memories[]`, `credentials[]`, `policyEngines[]`, `policies[]`, a gateway\'s `authorizerConfiguration`, ' +
      'aws-targets.json entries, the top level of a harness.json and its `model`. An unknown key there raises no error: the CLI drops it while parsing, so ' +
      '`agentcore validate` passes and the setting simply never takes effect (official check, case 51). Typical ' +
      'cases are `environment` or `environmentVariables` instead of `envVars`, so the variables never reach the ' +
      'runtime, and secrets pasted into the config (`apiKey`, `clientSecret`, `token`): agentcore.json is ' +
      'committed, and credentials belong in a credential provider whose value lives in the git-ignored ' +
      '`agentcore/.env.local`. Keys the schema rejects outright (strict objects) are `schema` findings instead. ' +
      'deployed-state.json is not checked: the CLI writes it, and a newer CLI may add fields.',
    messages: {
      dropped:
        'Unknown key "{{key}}" {{where}}: the AgentCore CLI silently drops it, so this setting never takes effect. {{advice}}',
      secret:
        'Unknown key "{{key}}" {{where}} looks like it holds a secret, and the AgentCore CLI silently drops it. ' +
        'Secrets do not belong in {{file}} (it is committed): remove the key, keep the value in a credential ' +
        'provider (`agentcore add credential`; the value goes to the git-ignored `agentcore/.env.local`), and ' +
        'rotate it if it was ever committed.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    // deployed-state.json is left out on purpose (see the rationale).
    const documents: Array<[JsonDocument | undefined, SchemaKind]> = [
      [project.config, 'agentcore'],
      [project.awsTargets, 'awsTargets'],
      ...project.harnesses.map((harness): [JsonDocument, SchemaKind] => [harness.doc, 'harness']),
    ];
    for (const [doc, kind] of documents) {
      if (doc?.value === undefined) continue;
      // A staged .cedar or tool schema alone: the findings would be dropped, so the validators are not even loaded.
      if (!findingsKept(project, doc.file)) continue;
      if (kind === 'agentcore' && isLegacyProjectFile(doc.value)) continue;
      for (const dropped of findDroppedKeys(kind, doc.value)) {
        const file = kind === 'harness' ? 'harness.json' : kind === 'awsTargets' ? 'aws-targets.json' : 'agentcore.json';
        const data = { key: dropped.key, where: inPlace(dropped.objectPath), advice: adviceFor(dropped), file };
        const common = { data, doc, path: dropped.path, target: 'key' as const };
        if (dropped.secretLike) report({ messageId: 'secret', severity: 'error', ...common });
        else report({ messageId: 'dropped', ...common });
      }
    }
  },
});

function adviceFor(dropped: DroppedKey): string {
  const known = knownMistake(dropped);
  if (known) return known;
  if (dropped.suggestion === 'envVars') {
    return 'Did you mean "envVars"? It is a list of name/value pairs, not a map: `"envVars": [{ "name": "MY_VAR", "value": "…" }]`. Only then do the variables reach the runtime.';
  }
  if (dropped.suggestion?.includes('.')) return `It belongs in \`${dropped.suggestion}\`; move it there.`;
  if (dropped.suggestion) return `Did you mean "${dropped.suggestion}"? Rename it.`;
  if (dropped.liftableKeys) {
    const keys = dropped.liftableKeys.map((k) => `"${k}"`).join(', ');
    return `Its ${keys} ${dropped.liftableKeys.length === 1 ? 'belongs' : 'belong'} directly ${inPlace(dropped.objectPath)}; move ${dropped.liftableKeys.length === 1 ? 'it' : 'them'} up and remove "${dropped.key}".`;
  }
  return 'Remove it, or fix its spelling or place.';
}

/** Keys with a known explanation: tool-schema keywords the CLI does not keep, per-runtime links that do not exist. */
function knownMistake(dropped: DroppedKey): string | undefined {
  if (dropped.objectPath.some((segment) => segment === 'inputSchema' || segment === 'outputSchema')) {
    return 'Tool schemas in agentcore.json keep only `type`, `description`, `items`, `properties` and `required`; state the constraint in `description` instead, and remove the key.';
  }
  const onRuntime = dropped.objectPath.length === 2 && dropped.objectPath[0] === 'runtimes';
  if (!onRuntime) return undefined;
  if (dropped.key === 'memory' || dropped.key === 'memories') {
    return 'There is no per-runtime memory link: every runtime gets each project memory\'s id as `MEMORY_<NAME>_ID` when deployed. Remove it.';
  }
  if (dropped.key === 'credentials' || dropped.key === 'credential') {
    return 'There is no per-runtime credential link: every runtime gets `CREDENTIAL_<NAME>_NAME` for each project credential when deployed. Remove it.';
  }
  return undefined;
}
