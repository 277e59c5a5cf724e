import { parse as parseDotenv } from 'dotenv';
import * as path from 'node:path';
import { paymentCredentialEnvVars } from '../../src/agentcore/env-names.js';
import { defineRule } from '../../src/rule.js';
import { asString, objectsOf } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';

const ENV_LOCAL = path.join('agentcore', '.env.local');

/** The connector provider `agentcore validate` assumes when a connector names none. */
const DEFAULT_PROVIDER = 'CoinbaseCDP';

export default defineRule({
  meta: {
    id: 'payment-credential-local-values',
    code: 'AC123',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'When agentcore/.env.local exists, every MANUAL payment connector\'s credential needs a non-blank value for ' +
      'each of its keys there.',
    rationale:
      '`agentcore validate` reads `agentcore/.env.local` for every payment connector that is not `QUICK_CREATE` ' +
      'and fails when one of its credential keys is missing or blank: `AGENTCORE_CREDENTIAL_<N>_API_KEY_ID`, ' +
      '`_API_KEY_SECRET` and `_WALLET_SECRET` for a CoinbaseCDP connector (the default provider), `_APP_ID`, ' +
      '`_APP_SECRET`, `_AUTHORIZATION_PRIVATE_KEY` and `_AUTHORIZATION_ID` for a StripePrivy one, where `<N>` is ' +
      'the connector\'s `credentialName` with `-` as `_`, upper-cased ("Missing CoinbaseCDP credentials for ' +
      'connector … in .env.local"); deploy creates the payment credential provider from these values. The file ' +
      'is machine-local and never committed, so this rule says nothing when it is absent, where `agentcore ' +
      'validate` fails ("agentcore/.env.local not found. Payment credentials required"): a CI checkout never has ' +
      'one. Only key names are read into findings, never values.',
    messages: {
      missing:
        'Payment connector "{{connector}}" (manager "{{manager}}") has no value for {{keys}} in agentcore/.env.local, so `agentcore validate` fails ("Missing {{provider}} credentials for connector …") and deploy cannot create its credential provider. Set them with `agentcore add payment-connector --manager {{manager}}`, or add the keys to agentcore/.env.local.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    if (project.files.status(ENV_LOCAL).kind !== 'file') return;
    const payments = entries(project.spec, 'payments');
    if (payments.length === 0) return;
    const read = project.files.readText(ENV_LOCAL);
    if (!read.ok) return;
    // As the CLI: a key counts when its value is not blank (`!value?.trim()` fails it).
    const values = parseDotenv(read.text);
    const hasValue = (key: string): boolean => (values[key] ?? '').trim() !== '';
    for (const manager of payments) {
      for (const [j, connector] of objectsOf(manager.node.connectors)) {
        if (connector.provisionMode === 'QUICK_CREATE') continue;
        const credentialName = asString(connector.credentialName);
        if (credentialName === undefined) continue;
        const provider = asString(connector.provider) ?? DEFAULT_PROVIDER;
        const missing = paymentCredentialEnvVars(credentialName, provider).filter((key) => !hasValue(key));
        if (missing.length === 0) continue;
        report({
          messageId: 'missing',
          data: {
            connector: asString(connector.name) ?? `#${j}`,
            manager: manager.name ?? '<name>',
            keys: missing.join(', '),
            provider: provider === 'StripePrivy' ? 'StripePrivy' : DEFAULT_PROVIDER,
          },
          path: [...manager.path, 'connectors', j, 'credentialName'],
        });
      }
    }
  },
});
