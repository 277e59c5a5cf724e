import { defineRule } from '../../src/rule.js';
import type { JsonPath } from '../../src/json/document.js';
import { entries, gateways } from '../../src/util/spec.js';
import { asString } from '../../src/util/json-value.js';
import { credentialEnvVars, gatewayEnvVars, memoryIdEnvVar } from '../../src/agentcore/env-names.js';

interface Owner {
  name: string;
  path: JsonPath;
  vars: string[];
}

export default defineRule({
  meta: {
    id: 'env-var-name-collision',
    code: 'AC027',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'Gateways, memories and credentials must not derive the same environment variable name (names differing only in ' +
      'case, or in "-" versus "_").',
    rationale:
      'The CLI hands resources to agent code through environment variables derived from their names: ' +
      '`AGENTCORE_GATEWAY_<NAME>_URL` (upper-cased, "-" → "_"), `MEMORY_<NAME>_ID` (upper-cased), ' +
      '`CREDENTIAL_<NAME>_NAME` and the `.env.local` keys `AGENTCORE_CREDENTIAL_<NAME>[_CLIENT_ID|_CLIENT_SECRET]` ' +
      '("-" → "_", upper-cased). Two resources that map to the same variable overwrite each other: the agent gets one ' +
      'URL, memory id or secret for both, silently (agentcore-facts.md §3). Uniqueness checks in the schema compare ' +
      'names exactly, so `MyGw`/`mygw` and `api-key`/`api_key` pass `agentcore validate`.',
    messages: {
      collision:
        '{{kind}} "{{name}}" and "{{other}}" both produce the environment variable {{variable}}, so one overwrites the other ' +
        'and agent code cannot tell them apart. Rename one of them.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    const groups: Array<{ kind: string; owners: Owner[] }> = [
      {
        kind: 'Gateways',
        owners: gateways(spec)
          .filter((g) => g.name)
          .map((g) => ({ name: g.name!, path: [...g.path, 'name'], vars: gatewayEnvVars(g.name!, asString(g.node.authorizerType)) })),
      },
      {
        kind: 'Memories',
        owners: entries(spec, 'memories')
          .filter((m) => m.name)
          .map((m) => ({ name: m.name!, path: [...m.path, 'name'], vars: [memoryIdEnvVar(m.name!)] })),
      },
      {
        kind: 'Credentials',
        owners: entries(spec, 'credentials')
          .filter((c) => c.name)
          .map((c) => ({ name: c.name!, path: [...c.path, 'name'], vars: credentialEnvVars(c.name!, asString(c.node.authorizerType)) })),
      },
    ];
    for (const { kind, owners } of groups) {
      const byVar = new Map<string, Owner>();
      for (const owner of owners) {
        for (const variable of owner.vars) {
          const first = byVar.get(variable);
          if (!first) {
            byVar.set(variable, owner);
            continue;
          }
          // Exact duplicates are the schema's uniqueness error, not a derivation collision.
          if (first.name === owner.name) break;
          report({ messageId: 'collision', path: owner.path, data: { kind, name: first.name, other: owner.name, variable } });
          break; // One finding per colliding pair is enough.
        }
      }
    }
  },
});
