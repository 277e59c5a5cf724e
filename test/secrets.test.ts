/**
 * src/secrets: the detection shared by the envVars rule and (later) source-code rules. Secret-shaped strings are
 * assembled at run time so that no credential-looking literal sits in the repository.
 */
import { describe, expect, it } from 'vitest';
import {
  classifyAssignment,
  findProviderSecrets,
  isPlaceholder,
  maskSecret,
  secretNameStrength,
} from '../src/secrets/index.js';
import {
  credentialEnvVars,
  gatewayEnvVars,
  gatewayUrlEnvVar,
  localCredentialEnvVars,
  memoryIdEnvVar,
  paymentCredentialEnvVars,
} from '../src/agentcore/env-names.js';

/** Deterministic pseudo-random token characters (no ordered runs, plenty of variety). */
function noise(length: number, alphabet = 'Zr8Kq2Lm5Vx9Tb3Nw7Yc1Hd4Fg6Js0Pa'): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += alphabet[(i * 7 + 3) % alphabet.length];
  return out;
}

const SAMPLES: Array<[kind: string, value: string]> = [
  ['anthropic-api-key', 'sk-' + 'ant-api03-' + noise(40)],
  ['openai-project-key', 'sk-' + 'proj-' + noise(40)],
  ['openai-service-key', 'sk-' + 'svcacct-' + noise(40)],
  ['sk-api-key', 'sk-' + noise(48)],
  ['aws-access-key-id', 'AKIA' + noise(16, 'Q7W2E9R4T6Y1U3I8O5P0ASDFGHJKLZXC')],
  ['github-token', 'ghp' + '_' + noise(36)],
  ['github-fine-grained-token', 'github' + '_pat_' + noise(40)],
  ['gitlab-token', 'glpat' + '-' + noise(20)],
  ['slack-token', 'xox' + 'b-' + '8462019375-' + noise(24)],
  ['slack-app-token', 'xapp' + '-1-' + noise(30)],
  ['slack-webhook', 'https://hooks.slack.com/services/' + 'T0' + 'A1B2C3D4/' + 'B0' + 'E5F6G7H8/' + noise(24)],
  ['stripe-live-key', 'sk' + '_live_' + noise(24)],
  ['google-api-key', 'AI' + 'za' + noise(35)],
  ['huggingface-token', 'hf' + '_' + noise(34)],
  ['groq-api-key', 'gsk' + '_' + noise(52)],
  ['npm-token', 'npm' + '_' + noise(36)],
  ['sendgrid-api-key', 'SG' + '.' + noise(22) + '.' + noise(43)],
  ['jwt', 'eyJ' + noise(20) + '.eyJ' + noise(30) + '.' + noise(40)],
  ['private-key', '-----BEGIN ' + 'OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----'],
  ['url-credentials', 'postgres://app:' + noise(14) + '@db.internal:5432/app'],
];

describe('findProviderSecrets', () => {
  it.each(SAMPLES)('recognises %s', (kind, value) => {
    const found = findProviderSecrets(`prefix ${value} suffix`);
    expect(found.map((m) => m.kind)).toEqual([kind]);
  });

  it('reports the offsets of the secret inside a larger text', () => {
    const key = 'sk-' + 'proj-' + noise(40);
    const text = `OPENAI_API_KEY = "${key}"\n`;
    const [match] = findProviderSecrets(text);
    expect(text.slice(match.start, match.end)).toBe(key);
  });

  it('reports only the password of a URL', () => {
    const password = noise(14);
    const [match] = findProviderSecrets(`redis://default:${password}@cache:6379`);
    expect(match.secret).toBe(password);
  });

  it.each([
    ['AWS documentation key', 'AKIAIOSFODNN7EXAMPLE'],
    ['truncated key', 'sk-' + 'proj-...'],
    ['template key', 'sk-' + 'proj-your-key-here-replace-me'],
    ['repeated characters', 'sk-' + 'x'.repeat(40)],
    ['ordered run', 'sk-' + 'proj-1234567890abcdefghij1234'],
    ['URL without password', 'postgres://app@db:5432/app'],
    ['URL with placeholder password', 'postgres://app:<password>@db:5432/app'],
    ['URL with referenced password', 'postgres://app:${DB_PASSWORD}@db:5432/app'],
    ['word starting with sk', 'skeleton-key-configuration-value-for-tests'],
    ['mid-token prefix', 'xsk-' + noise(40)],
  ])('ignores %s', (_label, value) => {
    expect(findProviderSecrets(value)).toEqual([]);
  });

  it('stays linear on hostile input', () => {
    const hostile = [
      'sk-' + 'a'.repeat(200_000),
      'eyJ' + 'a'.repeat(100_000) + '.eyJ' + 'b'.repeat(100_000),
      'x://' + 'a'.repeat(100_000) + ':' + 'b'.repeat(100_000),
      '-----BEGIN ' + 'A '.repeat(50_000),
      'AKIA'.repeat(50_000),
      'postgres://u:p'.repeat(20_000),
    ];
    const started = Date.now();
    for (const text of hostile) findProviderSecrets(text);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('isPlaceholder', () => {
  it.each(['your-api-key-here', '<API_KEY>', '<REPLACE WITH YOUR KEY>', 'xxxx', '****', 'changeme', 'CHANGE_ME',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'sk-proj-...', 'dummy-token', 'password', 'test', ''])(
    '%j is a placeholder',
    (value) => expect(isPlaceholder(value)).toBe(true),
  );

  it.each(['hunter2-prod', noise(32), 'ujq7c2m9x4kd81vfn3sb6t0hzr5wpe2ayl9g4c8m1d7k3n6q'])('%j is not', (value) =>
    expect(isPlaceholder(value)).toBe(false),
  );
});

describe('secretNameStrength', () => {
  it.each([
    ['OPENAI_API_KEY', 'strong'],
    ['DB_PASSWORD', 'strong'],
    ['GITHUB_TOKEN', 'strong'],
    ['GATEWAY_CLIENT_SECRET', 'strong'],
    ['clientSecret', 'strong'],
    ['ENCRYPTION_KEY', 'strong'],
    ['DB_PASS', 'strong'],
    ['GITHUB_PAT', 'strong'],
    ['azureDevopsPat', 'strong'],
    ['WEBHOOK_KEY', 'weak'],
    ['CACHE_KEY', 'weak'],
  ])('%s is %s', (name, strength) => expect(secretNameStrength(name)).toBe(strength));

  it.each(['MAX_TOKENS', 'AURORA_SECRET_ARN', 'KMS_KEY_ID', 'TOKEN_ENDPOINT', 'SECRET_NAME', 'TOKENIZER_PATH', 'MODEL_ID', 'PASSTHROUGH_MODE', 'pat', 'PAT_EXPIRY', 'PATH'])(
    '%s is not a secret name',
    (name) => expect(secretNameStrength(name)).toBeUndefined(),
  );
});

describe('classifyAssignment', () => {
  it('prefers the format over the name', () => {
    expect(classifyAssignment('ANYTHING', 'sk-' + 'proj-' + noise(40))?.reason).toBe('format');
  });

  it.each([
    ['DB_PASSWORD', 'hunter2-prod', 'strong'],
    ['WEBHOOK_KEY', noise(24), 'weak'],
  ])('flags %s with a literal value', (name, value, reason) => {
    expect(classifyAssignment(name, value)?.reason).toBe(reason);
  });

  it.each([
    ['VOYAGE_API_KEY', '{{resolve:secretsmanager:agent/voyage}}'],
    ['SERVICE_TOKEN', '${SERVICE_TOKEN}'],
    ['AURORA_SECRET', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf'],
    ['MAX_TOKENS', '4096'],
    ['API_TOKEN', '12345'],
    ['CACHE_KEY', 'uploads/2024/report.json'],
    ['PARTITION_KEY', 'pk'],
    ['SESSION_SECRET', ''],
    ['TOKEN_URL', 'https://auth.example.com/token'],
    ['AUTH_TOKEN', 'Bearer token from the login flow'],
    ['DATABASE_PASSWORD', 'true'],
  ])('leaves %s=%j alone', (name, value) => {
    expect(classifyAssignment(name, value)).toBeUndefined();
  });
});

describe('maskSecret', () => {
  it('shows at most four characters', () => {
    expect(maskSecret('sk-' + 'proj-' + noise(40))).toBe('sk-p…');
    expect(maskSecret('hunter2-prod')).toBe('hun…');
    expect(maskSecret('abc')).toBe('…');
  });
});

describe('env-names', () => {
  it('derives the CLI variable names', () => {
    expect(gatewayUrlEnvVar('my-tools-gw')).toBe('AGENTCORE_GATEWAY_MY_TOOLS_GW_URL');
    expect(gatewayEnvVars('jwt-gw', 'CUSTOM_JWT')).toEqual([
      'AGENTCORE_GATEWAY_JWT_GW_URL',
      'AGENTCORE_GATEWAY_JWT_GW_AUTH_TYPE',
      'AGENTCORE_GATEWAY_JWT_GW_CREDENTIAL_PROVIDER',
    ]);
    expect(memoryIdEnvVar('ShortTerm')).toBe('MEMORY_SHORTTERM_ID');
    expect(localCredentialEnvVars('weather-key', 'ApiKeyCredentialProvider')).toEqual(['AGENTCORE_CREDENTIAL_WEATHER_KEY']);
    expect(credentialEnvVars('github-oauth', 'OAuthCredentialProvider')).toEqual([
      'CREDENTIAL_GITHUB_OAUTH_NAME',
      'AGENTCORE_CREDENTIAL_GITHUB_OAUTH_CLIENT_ID',
      'AGENTCORE_CREDENTIAL_GITHUB_OAUTH_CLIENT_SECRET',
    ]);
    // computePaymentCredentialEnvVarNames / computeStripePrivyCredentialEnvVarNames in the CLI 0.30.0 bundle.
    expect(paymentCredentialEnvVars('cdp-wallet', 'CoinbaseCDP')).toEqual([
      'AGENTCORE_CREDENTIAL_CDP_WALLET_API_KEY_ID',
      'AGENTCORE_CREDENTIAL_CDP_WALLET_API_KEY_SECRET',
      'AGENTCORE_CREDENTIAL_CDP_WALLET_WALLET_SECRET',
    ]);
    expect(paymentCredentialEnvVars('privy-wallet-2', 'StripePrivy')).toEqual([
      'AGENTCORE_CREDENTIAL_PRIVY_WALLET_2_APP_ID',
      'AGENTCORE_CREDENTIAL_PRIVY_WALLET_2_APP_SECRET',
      'AGENTCORE_CREDENTIAL_PRIVY_WALLET_2_AUTHORIZATION_PRIVATE_KEY',
      'AGENTCORE_CREDENTIAL_PRIVY_WALLET_2_AUTHORIZATION_ID',
    ]);
  });
});
