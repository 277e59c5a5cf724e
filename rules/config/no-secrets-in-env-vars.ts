import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { entries } from '../../src/util/spec.js';
import { asString, objectsOf } from '../../src/util/json-value.js';
import { classifyAssignment, maskSecret } from '../../src/secrets/index.js';

export default defineRule({
  meta: {
    id: 'no-secrets-in-env-vars',
    code: 'AC020',
    category: 'config',
    defaultSeverity: 'error',
    description: 'runtimes[].envVars values must not hold secrets (API keys, tokens, passwords, private keys).',
    rationale:
      '`runtimes[].envVars` are written in plaintext into the CloudFormation template and the runtime configuration, ' +
      'readable by anyone who can read the stack or the runtime, and agentcore.json is committed to git. Runtime ' +
      'environment variables are not vault-backed (agentcore-facts.md §3, §7; official-validate.md case 23: ' +
      '`agentcore validate` accepts an inline OpenAI key). Secrets belong in AgentCore Identity: ' +
      '`agentcore add credential` stores the value in `agentcore/.env.local` (gitignored) for `dev` and pushes it to a ' +
      'credential provider on deploy; agent code reads it with `@requires_api_key` / `withApiKey`. Placeholders ' +
      '(`<API_KEY>`, `your-key-here`, `changeme`, `…EXAMPLE`), references (`${VAR}`, `{{resolve:secretsmanager:…}}`), ' +
      'ARNs, model ids and URLs without credentials are not reported.',
    messages: {
      format:
        'Runtime "{{runtime}}" env var {{name}} holds {{label}} ({{masked}}) in plaintext; envVars end up readable in ' +
        'CloudFormation and in git. Revoke and rotate it, remove the value, and keep it in AgentCore Identity ' +
        '(`agentcore add credential`, read in code with @requires_api_key / withApiKey) or AWS Secrets Manager.',
      named:
        'Runtime "{{runtime}}" env var {{name}} looks like a secret and has a literal value ({{masked}}) in plaintext; envVars ' +
        'end up readable in CloudFormation and in git. If it is real, rotate it, remove the value, and keep it in ' +
        'AgentCore Identity (`agentcore add credential`, read in code with @requires_api_key / withApiKey) or AWS Secrets Manager.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const runtime of entries(project.spec, 'runtimes')) {
      for (const [i, envVar] of objectsOf(runtime.node.envVars)) {
        const name = asString(envVar.name) ?? '';
        const value = asString(envVar.value);
        if (value === undefined) continue;
        const secret = classifyAssignment(name, value);
        if (!secret) continue;
        report({
          messageId: secret.reason === 'format' ? 'format' : 'named',
          path: [...runtime.path, 'envVars', i, 'value'],
          data: { runtime: runtime.name ?? formatPath(runtime.path), name: name || `#${i}`, label: secret.label, masked: maskSecret(secret.secret) },
        });
      }
    }
  },
});
