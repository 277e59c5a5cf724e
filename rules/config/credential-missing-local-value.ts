import { parse as parseDotenv } from 'dotenv';
import * as path from 'node:path';
import { localCredentialEnvVars } from '../../src/agentcore/env-names.js';
import { defineRule } from '../../src/rule.js';
import { asString } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';

const ENV_LOCAL = path.join('agentcore', '.env.local');

export default defineRule({
  meta: {
    id: 'credential-missing-local-value',
    code: 'AC033',
    category: 'config',
    defaultSeverity: 'warning',
    description: 'When agentcore/.env.local exists, every API-key and OAuth credential should have its value there.',
    rationale:
      '`agentcore deploy` creates each credential provider in AgentCore Identity from the value stored in ' +
      '`agentcore/.env.local` (`AGENTCORE_CREDENTIAL_<NAME>` for an API key, `…_CLIENT_ID` and `…_CLIENT_SECRET` ' +
      'for OAuth; facts §3) and skips a provider whose value is missing, so the target or agent that needs it ' +
      'fails at run time. The file is machine-local and never committed, so this rule says nothing when it is ' +
      'absent (CI checkouts never have one). Only key names are read; values are never read into findings. ' +
      'CLI-managed inbound credentials (`managed: true`) are not checked; payment credentials are ' +
      '`payment-credential-local-values`\'s.',
    messages: {
      missing:
        'Credential "{{name}}" has no {{keys}} in agentcore/.env.local, so `agentcore deploy` skips its provider and whatever uses it fails at run time. Store the value with `agentcore add credential --name {{name}} …` (or add the key to .env.local), or remove the credential.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    if (project.files.status(ENV_LOCAL).kind !== 'file') return;
    const read = project.files.readText(ENV_LOCAL);
    if (!read.ok) return;
    const present = new Set(Object.keys(parseDotenv(read.text)));
    for (const credential of entries(project.spec, 'credentials')) {
      if (!credential.name || credential.node.managed === true) continue;
      const expected = localCredentialEnvVars(credential.name, asString(credential.node.authorizerType));
      const missing = expected.filter((key) => !present.has(key));
      if (missing.length === 0) continue;
      report({
        messageId: 'missing',
        data: { name: credential.name, keys: missing.join(' and ') },
        path: [...credential.path, 'name'],
      });
    }
  },
});
