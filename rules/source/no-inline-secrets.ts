import { defineRule } from '../../src/rule.js';
import type { StringFact } from '../../src/source/facts.js';
import { projectSources } from '../../src/source/project-sources.js';
import { rangeOf, SOURCE_RULE_EXTENSIONS } from '../../src/source/vocabulary.js';
import { classifyAssignment, findProviderSecrets, isPlaceholder, maskSecret, secretNameStrength, type SecretMatch } from '../../src/secrets/index.js';
import { readTextFile } from '../../src/project.js';
import { posixRelative } from '../../src/util/paths.js';

/** Headers whose value is `<scheme> <credential>`. */
const AUTH_HEADERS = /^(?:authorization|proxy-authorization)$/i;

/**
 * The secret in one string literal, judged by its format anywhere and, in a secret-named context (`api_key = …`,
 * `{ apiKey: … }`, `token=…`, `Authorization: …`, the default of `os.getenv("CLIENT_SECRET", …)`), by its look.
 */
export function stringSecret(fact: StringFact): SecretMatch | undefined {
  const { context } = fact;
  if (context.kind === 'inert') return undefined;
  const format = findProviderSecrets(fact.value)[0];
  if (format) return format;
  // Interpolated strings hold a secret only when a recognisable format is among their static parts.
  if (fact.interpolated || fact.value.includes('{}')) return undefined;
  let name: string | undefined;
  if (context.kind === 'assignment' || context.kind === 'keyword-argument' || context.kind === 'property') name = context.name;
  else if (context.kind === 'env-default') name = context.envName;
  if (!name) return undefined;
  let value = fact.value;
  if (AUTH_HEADERS.test(name)) {
    const m = /^\s*(?:Bearer|Basic|Token|Bot|Digest|ApiKey)\s+(\S+)\s*$/i.exec(value);
    if (!m) return undefined;
    value = m[1];
    name = 'token';
  }
  if (!secretNameStrength(name) || !looksGenerated(value)) return undefined;
  const match = classifyAssignment(name, value);
  return match ? { ...match, secret: match.secret } : undefined;
}

/**
 * Source code names many things `token` or `secret` that are not credentials: `token_type = "bearer"`,
 * `API_KEY_ENV = "OPENAI_API_KEY"`, `secret = "client_secret"`, model ids, ARNs. A generic value must look
 * generated: at least 8 characters, no spaces, with digits or mixed case, and not an env-var name or a word list.
 */
export function looksGenerated(value: string): boolean {
  const v = value.trim();
  if (v.length < 8 || v.length > 4096 || /\s/.test(v)) return false;
  if (isPlaceholder(v)) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return false; // an env-var name
  if (/^[a-z]+(?:[-_.][a-z]+)*$/.test(v)) return false; // words: "client_secret", "access-token"
  if (/^arn:|^[a-z][a-z0-9+.-]*:\/\/[^@]*$|^\.{0,2}\//i.test(v)) return false; // ARNs, URLs without credentials, paths
  if (/^(?:[a-z]{2}\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|openai|deepseek|qwen|writer|google)\.[a-z0-9.:-]+$/i.test(v)) return false; // model ids
  if (/^(?:gpt|claude|gemini|o[134]|llama|mistral|text-embedding)-[a-z0-9.:-]+$/i.test(v)) return false;
  if (/^\d+(?:\.\d+)*$/.test(v)) return false;
  if (/^pk_(?:live|test)_/.test(v)) return false; // Stripe publishable keys are public by design
  // Capitalised or camel-case words ("Credential", "AccessToken", "My-Secret-Name") are names, not keys.
  if (/^[A-Za-z][a-z]+(?:[-_.]?[A-Z][a-z]+)*$/.test(v)) return false;
  if (/[0-9]/.test(v)) return true;
  // Letters only: long enough and mixed case, like a generated token.
  return v.length >= 16 && /[a-z]/.test(v) && /[A-Z]/.test(v);
}

interface DotenvEntry {
  key: string;
  value: string;
  /** Offset of the value in the file. */
  start: number;
}

/** `KEY=value` lines of a dotenv file (quotes removed, comments skipped); values are only classified, never shown. */
export function parseDotenv(text: string): DotenvEntry[] {
  const out: DotenvEntry[] = [];
  const re = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*)$/gm;
  for (;;) {
    const m = re.exec(text);
    if (!m) break;
    let raw = m[2].replace(/\r$/, '');
    let offset = m.index + m[0].length - m[2].length;
    const quote = raw[0];
    if ((quote === '"' || quote === "'") && raw.indexOf(quote, 1) > 0) {
      raw = raw.slice(1, raw.indexOf(quote, 1));
      offset += 1;
    } else {
      raw = raw.replace(/[ \t]+#.*$/, '').trim();
    }
    out.push({ key: m[1], value: raw, start: offset });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'no-inline-secrets',
    code: 'AC050',
    category: 'source',
    defaultSeverity: 'error',
    description:
      'Agent, tool and MCP-server code (and committed .env files) must not hold credentials: API keys, tokens, passwords, private keys.',
    rationale:
      'A credential in code is in every clone, fork, container image and CodeZip bundle of the agent, and in git ' +
      'history after it is removed. AgentCore keeps credentials out of code: register them with AgentCore Identity ' +
      '(`agentcore add credential`; the value lives in the gitignored `agentcore/.env.local` and is pushed to a ' +
      'credential provider on deploy) and inject them with `@requires_api_key` / `@requires_access_token` (Python) ' +
      'or `withApiKey` / `withAccessToken` (TypeScript), or call the API through a Gateway target whose outbound auth ' +
      'adds the key at the edge (agentcore-facts.md §6, §7). Reported: string literals, f-strings and template ' +
      'literals holding a provider-format credential (OpenAI, Anthropic, AWS access keys, GitHub, GitLab, Slack ' +
      'tokens and webhooks, Stripe live keys, Google API keys, Hugging Face, Groq, npm, SendGrid, JWTs, private-key ' +
      'blocks, passwords inside URLs); generated-looking values given to a secret-named variable, keyword argument, ' +
      'property or `Authorization` header; literal defaults of environment reads (`os.environ.get("CLIENT_SECRET", ' +
      '"…")`, `process.env.X ?? "…"`); and `.env` / `.env.*` files with real values that git tracks or does not ' +
      'ignore. Not reported: placeholders (`your-api-key-here`, `<API_KEY>`, `xxxx`, `changeme`, `…EXAMPLE`), ' +
      'environment-variable names, model ids, ARNs, UUIDs and hashes outside secret contexts, import specifiers, URLs ' +
      'without credentials, and JWTs in test files (sample tokens). Messages show at most the first 4 characters of a secret.',
    messages: {
      format:
        'This string holds {{label}} ({{masked}}). Anyone with the code (git history, the deployed bundle) can use it: ' +
        'revoke and rotate it, then register it with AgentCore Identity (`agentcore add credential`) and inject it with ' +
        '@requires_api_key / withApiKey, or call the API through a Gateway target that adds the key at the edge.',
      named:
        '{{name}} receives a literal secret ({{masked}}). If it is real, rotate it and remove it from the code: register ' +
        'it with AgentCore Identity (`agentcore add credential`) and inject it with @requires_api_key / withApiKey, or ' +
        'call the API through a Gateway target that adds the credential at the edge.',
      envDefault:
        'The default value of the environment read {{name}} is a literal secret ({{masked}}), so the secret is in the ' +
        'code after all. Remove the default (handle the missing variable instead), rotate the secret, and keep it in ' +
        'AgentCore Identity (`agentcore add credential`, injected with @requires_api_key / withApiKey).',
      dotenv:
        '{{file}} sets {{name}} to {{label}} ({{masked}}), and git tracks the file or .gitignore does not exclude it, so ' +
        'the secret is (or will be) in the repository. Add the file to .gitignore (as the AgentCore templates do; ' +
        '`git rm --cached {{file}}` if it was committed), rotate the secret, and keep credentials in AgentCore Identity ' +
        '(`agentcore add credential`).',
    },
    officialParity: false,
    requiresProject: false,
  },
  check({ project, report }) {
    // Dotenv files: those the discovery found (git tracks them or does not ignore them).
    const sources = projectSources(project);
    if (!sources) return;
    for (const file of sources.envFiles) {
      const relative = posixRelative(project.root, file);
      if (relative === 'agentcore/.env.local') continue; // env-local-not-committed (AC040) owns it
      const read = readTextFile(file, project.files.maxFileSize);
      if (!read.ok) continue;
      for (const entry of parseDotenv(read.text)) {
        if (entry.value.startsWith('enc:v1:')) continue; // encrypted by the AgentCore CLI
        const secret = classifyAssignment(entry.key, entry.value);
        if (!secret) continue;
        if (secret.reason !== 'format' && !looksGenerated(entry.value)) continue;
        const start = entry.start + secret.start;
        report({
          messageId: 'dotenv',
          file,
          range: rangeOf(read.text, { start, end: start + secret.secret.length }),
          data: { file: relative, name: entry.key, label: secret.label, masked: maskSecret(secret.secret) },
        });
      }
    }
  },
  files: {
    extensions: SOURCE_RULE_EXTENSIONS,
    check({ text, role, source, report }) {
      const facts = source();
      if (!facts) return;
      for (const fact of facts.strings) {
        const secret = stringSecret(fact);
        if (!secret) continue;
        // Tests are full of sample JWTs (signed with test keys); every other format counts in tests too.
        if (role === 'test' && secret.kind === 'jwt') continue;
        const masked = maskSecret(secret.secret);
        const range = rangeOf(text, fact.span);
        const context = fact.context;
        if (secret.kind !== 'secret-name') {
          report({ messageId: 'format', range, data: { label: secret.label, masked } });
        } else if (context.kind === 'env-default') {
          report({ messageId: 'envDefault', range, data: { name: context.envName ?? 'variable', masked } });
        } else {
          const name = 'name' in context ? context.name : 'This value';
          report({ messageId: 'named', range, data: { name: `"${name}"`, masked } });
        }
      }
    },
  },
});
