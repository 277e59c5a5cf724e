import { defineRule } from '../../src/rule.js';
import { asString, objectsOf } from '../../src/util/json-value.js';
import { byName, entries } from '../../src/util/spec.js';
import { shownName } from '../../src/util/refinements.js';

/** The connector provider `agentcore validate` assumes when a connector names none. */
const DEFAULT_PROVIDER = 'CoinbaseCDP';

export default defineRule({
  meta: {
    id: 'payment-connectors',
    code: 'AC122',
    category: 'config',
    defaultSeverity: 'error',
    description: 'A payment manager needs a connector, and a connector\'s provider must match its credential\'s.',
    rationale:
      '`agentcore validate` checks payment managers after the schema (`handleValidate` in the CLI 0.30.0 bundle): ' +
      'a manager with no connectors fails ("Payment manager … has no connectors"), and so does a MANUAL connector ' +
      'whose `provider` (default CoinbaseCDP) differs from the `provider` of the PaymentCredentialProvider ' +
      'credential it names ("uses provider … but credential … is configured for …"). A missing or wrong-kind ' +
      'credential is reported by `cross-references`.',
    messages: {
      noConnectors:
        'Payment manager {{manager}} has no connectors. Add a connector with `agentcore add payment-connector --manager {{name}}`.',
      providerMismatch:
        'Payment connector "{{connector}}" uses provider "{{provider}}" but credential "{{credential}}" is configured for "{{credentialProvider}}". Make the two providers the same.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    if (!project.spec) return;
    const credentials = byName(project.spec, 'credentials');
    for (const manager of entries(project.spec, 'payments')) {
      const connectors = manager.node.connectors;
      if (Array.isArray(connectors) && connectors.length === 0) {
        const shown = shownName(manager.name, manager.path);
        report({ messageId: 'noConnectors', data: { manager: shown, name: manager.name ?? '<name>' }, path: [...manager.path, 'connectors'] });
        continue;
      }
      for (const [j, connector] of objectsOf(connectors)) {
        if (connector.provisionMode === 'QUICK_CREATE') continue;
        const credentialName = asString(connector.credentialName);
        if (credentialName === undefined) continue;
        const credential = credentials?.get(credentialName);
        if (!credential || credential.authorizerType !== 'PaymentCredentialProvider') continue;
        const credentialProvider = asString(credential.provider);
        const provider = asString(connector.provider) ?? DEFAULT_PROVIDER;
        if (!credentialProvider || credentialProvider === provider) continue;
        report({
          messageId: 'providerMismatch',
          data: { connector: asString(connector.name) ?? `#${j}`, provider, credential: credentialName, credentialProvider },
          path: [...manager.path, 'connectors', j, 'provider' in connector ? 'provider' : 'credentialName'],
        });
      }
    }
  },
});
