import { defineRule } from '../../src/rule.js';
import type { SourceFacts } from '../../src/source/facts.js';
import {
  credentialSources,
  fromLocalDevOrIdentity,
  isHttpCall,
  isIdentityWrapper,
  rangeOf,
  SOURCE_RULE_EXTENSIONS,
  vendorClient,
} from '../../src/source/vocabulary.js';

export interface EnvKey {
  /** Index into envReads. */
  envRead: number;
  /** Where to report (the read or its use inside the call). */
  span: { start: number; end: number };
  /** What receives it, for messages. */
  receiver: string;
  /** The variable built from it that the call receives (`headers`), if not the value itself. */
  through?: string;
}

/**
 * Secret-named environment variables handed to a vendor client or an HTTP call on the deployed path: not inside a
 * `LOCAL_DEV` branch and not in a function an identity decorator / wrapper injects the credential into.
 */
export function envKeysOnDeployedPath(facts: SourceFacts): EnvKey[] {
  const out: EnvKey[] = [];
  const seen = new Set<number>();
  for (const call of facts.calls) {
    const vendor = vendorClient(call.callee);
    if (!vendor && !isHttpCall(call.callee)) continue;
    if (call.enclosingDecorators.some(isIdentityWrapper)) continue;
    for (const source of credentialSources(facts, call)) {
      if (source.kind !== 'env' || source.envRead === undefined || seen.has(source.envRead)) continue;
      const read = facts.envReads[source.envRead];
      if (!read || fromLocalDevOrIdentity(read)) continue;
      // CREDENTIAL_<N>_NAME holds a provider name, not a secret.
      if (read.name && /_NAME$/.test(read.name)) continue;
      seen.add(source.envRead);
      out.push({ envRead: source.envRead, span: source.span, receiver: vendor ? `the ${vendor.vendor} client` : 'an HTTP call', through: source.through });
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'vendor-key-from-env',
    code: 'AC052',
    category: 'source',
    defaultSeverity: 'warning',
    description:
      'Vendor API keys must not come from plain environment variables on the deployed path; inject them with @requires_api_key / withApiKey.',
    rationale:
      'Runtime environment variables are plaintext: `runtimes[].envVars` is written into the CloudFormation template ' +
      'and the runtime configuration, readable by anyone who can read the stack (agentcore-facts.md §3, §7). The CLI ' +
      'templates read a key from the environment only under `if os.getenv("LOCAL_DEV") == "1"` / ' +
      '`process.env.LOCAL_DEV === \'1\'` (set by `agentcore dev` from the gitignored `agentcore/.env.local`) and ' +
      'otherwise get it from AgentCore Identity with `@requires_api_key(provider_name=…)` / `withApiKey({ providerName })` ' +
      '(§6). Reported: a secret-named variable read with `os.getenv` / `os.environ` / `process.env` and handed to a ' +
      'vendor client (`OpenAI(api_key=…)`, `new Anthropic({ apiKey })`, Strands model `client_args`, …) or an HTTP ' +
      'call (headers, auth) without a `LOCAL_DEV` guard or an identity decorator around it, also through a variable ' +
      'built from it (`headers = {"Authorization": f"Bearer {key}"}`, then `requests.get(url, headers=headers)`: a ' +
      'string, dict, list or object literal holding it, a template or f-string, `+`, `%`, `.format`) or a function of ' +
      'the same file that returns it (`headers={"x-api-key": get_key()}`). Each read is reported once, at its first ' +
      'such call. Not followed: other calls (`base64.b64encode(…)`), values passed to other functions or other files. ' +
      'Not reported: a variable ' +
      'the file sets only inside an identity-decorated function (`os.environ["OPENAI_API_KEY"] = api_key` under ' +
      '`@requires_api_key`, as AWS\'s Strands samples do): its value is the injected key.',
    messages: {
      envKey:
        '{{name}} is read from a plain environment variable and handed to {{receiver}} on the deployed path; runtime env ' +
        'vars are plaintext in CloudFormation. Register the key as a credential (`agentcore add credential`) and inject it ' +
        'with @requires_api_key(provider_name=…) / withApiKey({ providerName }); read the env var only under ' +
        '`LOCAL_DEV == "1"` for `agentcore dev`.',
      envKeyThrough:
        '{{name}} is read from a plain environment variable and handed to {{receiver}} through `{{through}}` on the deployed ' +
        'path; runtime env vars are plaintext in CloudFormation. Register the key as a credential (`agentcore add ' +
        'credential`) and inject it with @requires_api_key(provider_name=…) / withApiKey({ providerName }); read the env ' +
        'var only under `LOCAL_DEV == "1"` for `agentcore dev`.',
    },
    officialParity: false,
    requiresProject: false,
  },
  files: {
    extensions: SOURCE_RULE_EXTENSIONS,
    check({ text, role, source, report }) {
      if (role !== undefined && role !== 'agent') return;
      const facts = source();
      if (!facts) return;
      for (const key of envKeysOnDeployedPath(facts)) {
        const read = facts.envReads[key.envRead];
        const data = { name: read.name ?? 'The key', receiver: key.receiver };
        if (key.through === undefined) report({ messageId: 'envKey', range: rangeOf(text, key.span), data });
        else report({ messageId: 'envKeyThrough', range: rangeOf(text, key.span), data: { ...data, through: key.through } });
      }
    },
  },
});
