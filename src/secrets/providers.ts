/**
 * Credential formats with a recognisable shape (vendor prefixes, fixed structure). Every pattern uses only
 * fixed-width prefixes and bounded, non-nested character-class repetitions, so each match attempt is linear
 * and a scan of a text is O(length × longest bound): no catastrophic backtracking on hostile input.
 */

export interface ProviderPattern {
  /** Stable id (used in fingerprints and tests). */
  id: string;
  /** What a match is, for messages: "an OpenAI project API key". */
  label: string;
  /** Global regex; must not be used with `^`/`$` anchors (it scans a whole text). */
  regex: RegExp;
}

/** Not preceded by a token character, so `xsk-...` or `MYAKIA...` do not match mid-token. */
const START = '(?<![A-Za-z0-9_\\-])';
/** Not followed by a token character, for fixed-length formats. */
const END = '(?![A-Za-z0-9_\\-])';

function p(id: string, label: string, source: string): ProviderPattern {
  return { id, label, regex: new RegExp(source, 'g') };
}

export const PROVIDER_PATTERNS: readonly ProviderPattern[] = [
  p('anthropic-api-key', 'an Anthropic API key', `${START}sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_\\-]{32,300}`),
  p('openai-project-key', 'an OpenAI project API key', `${START}sk-proj-[A-Za-z0-9_\\-]{20,300}`),
  p('openai-service-key', 'an OpenAI service-account or admin key', `${START}sk-(?:svcacct|admin)-[A-Za-z0-9_\\-]{20,300}`),
  p('sk-api-key', 'an API key with the "sk-" prefix (OpenAI-style)', `${START}sk-[A-Za-z0-9]{32,100}${END}`),
  p('aws-access-key-id', 'an AWS access key ID', `${START}(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${END}`),
  p('github-token', 'a GitHub token', `${START}gh[pousr]_[A-Za-z0-9]{36,255}${END}`),
  p('github-fine-grained-token', 'a GitHub fine-grained personal access token', `${START}github_pat_[A-Za-z0-9_]{22,255}${END}`),
  p('gitlab-token', 'a GitLab personal access token', `${START}glpat-[A-Za-z0-9_\\-]{20,64}${END}`),
  p('slack-token', 'a Slack token', `${START}xox[abposr]-[A-Za-z0-9\\-]{10,250}`),
  p('slack-app-token', 'a Slack app-level token', `${START}xapp-[0-9]-[A-Za-z0-9\\-]{10,250}`),
  p('slack-webhook', 'a Slack incoming-webhook URL', `hooks\\.slack\\.com/services/T[A-Z0-9]{6,16}/B[A-Z0-9]{6,16}/[A-Za-z0-9]{20,40}`),
  p('stripe-live-key', 'a Stripe live secret key', `${START}(?:sk|rk)_live_[A-Za-z0-9]{16,250}${END}`),
  p('google-api-key', 'a Google API key', `${START}AIza[0-9A-Za-z_\\-]{35}${END}`),
  p('huggingface-token', 'a Hugging Face token', `${START}hf_[A-Za-z0-9]{34,40}${END}`),
  p('groq-api-key', 'a Groq API key', `${START}gsk_[A-Za-z0-9]{48,56}${END}`),
  p('npm-token', 'an npm access token', `${START}npm_[A-Za-z0-9]{36}${END}`),
  p('sendgrid-api-key', 'a SendGrid API key', `${START}SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}${END}`),
  p('jwt', 'a JSON Web Token', `${START}eyJ[A-Za-z0-9_\\-]{8,4000}\\.eyJ[A-Za-z0-9_\\-]{8,8000}\\.[A-Za-z0-9_\\-]{8,4000}`),
  p('private-key', 'a private key block', `-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----`),
  // scheme://user:password@host — the password group is reported; placeholders are filtered by the caller.
  p('url-credentials', 'a password inside a URL', `${START}[A-Za-z][A-Za-z0-9+.\\-]{1,20}://[^\\s/:@]{1,256}:[^\\s/@]{1,256}@`),
];
