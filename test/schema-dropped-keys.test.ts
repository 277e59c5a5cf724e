/** Keys the CLI silently drops (Strict validators), and the hints attached to them. */
import { describe, expect, it } from 'vitest';
import { looksLikeSecretKey, suggestKey } from '../src/schema/key-hints.js';
import { findDroppedKeys } from '../src/schema/validate.js';

const runtime = (extra: Record<string, unknown> = {}) => ({
  name: 'Agent', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/Agent/', ...extra,
});

describe('findDroppedKeys', () => {
  it('finds nothing in a clean project', () => {
    expect(findDroppedKeys('agentcore', { name: 'Demo', version: 1, runtimes: [runtime({ envVars: [] })] })).toEqual([]);
  });

  it('reports keys of loose objects (official case 51), flagging secret-looking ones', () => {
    const spec = {
      name: 'Demo',
      version: 1,
      runtimes: [runtime({ secretToken: 'x' })],
      credentials: [{ authorizerType: 'ApiKeyCredentialProvider', name: 'weather-key', apiKey: 'wk-1' }],
      policyEngines: [{ name: 'Guard', policies: [{ name: 'P', statement: 'permit(principal, action, resource);', cedar: 'x' }] }],
    };
    const dropped = findDroppedKeys('agentcore', spec);
    expect(dropped.map((d) => [d.path, d.secretLike])).toEqual([
      [['runtimes', 0, 'secretToken'], true],
      [['credentials', 0, 'apiKey'], true],
      [['policyEngines', 0, 'policies', 0, 'cedar'], false],
    ]);
  });

  it('calls a secret-named key a secret only when it holds text', () => {
    const spec = { name: 'D', version: 1, runtimes: [runtime({ credentials: ['GEMINI_API_KEY'], apiToken: '' })] };
    expect(findDroppedKeys('agentcore', spec).map((d) => [d.key, d.secretLike])).toEqual([
      ['credentials', false],
      ['apiToken', false],
    ]);
  });

  it('leaves out keys the official schema already rejects (strict objects)', () => {
    const spec = { name: 'Demo', version: 1, gateways: [], runtimes: [runtime({ environment: {} })] };
    expect(findDroppedKeys('agentcore', spec).map((d) => d.key)).toEqual(['environment']);
  });

  it('suggests envVars for environment-like keys, unless envVars is already there', () => {
    const [misspelt] = findDroppedKeys('agentcore', { name: 'D', version: 1, runtimes: [runtime({ environmentVariables: { A: 'b' } })] });
    expect(misspelt).toMatchObject({ key: 'environmentVariables', suggestion: 'envVars', objectPath: ['runtimes', 0] });
    const [both] = findDroppedKeys('agentcore', { name: 'D', version: 1, runtimes: [runtime({ environment: {}, envVars: [] })] });
    expect(both.suggestion).toBeUndefined();
  });

  it('points settings that belong in a nested block at it', () => {
    const dropped = findDroppedKeys('agentcore', { name: 'D', version: 1, runtimes: [runtime({ maxLifetime: 600, idleTimeout: 300 })] });
    expect(dropped.map((d) => d.suggestion)).toEqual([
      'lifecycleConfiguration.maxLifetime',
      'lifecycleConfiguration.idleRuntimeSessionTimeout',
    ]);
  });

  it('notices a wrapper object whose keys belong one level up', () => {
    const [wrapper] = findDroppedKeys('agentcore', { name: 'D', version: 1, runtimes: [runtime({ containerConfig: { dockerfile: 'Dockerfile' } })] });
    expect(wrapper).toMatchObject({ key: 'containerConfig', liftableKeys: ['dockerfile'] });
  });

  it('picks the discriminated branch before looking for dropped keys', () => {
    const spec = { name: 'D', version: 1, credentials: [{ authorizerType: 'OAuthCredentialProvider', name: 'gh', clientSecret: 's' }] };
    expect(findDroppedKeys('agentcore', spec)).toEqual([
      expect.objectContaining({ path: ['credentials', 0, 'clientSecret'], secretLike: true }),
    ]);
  });

  it('does not mistake a tool schema property called "properties" for the keyword', () => {
    const target = {
      name: 't', targetType: 'lambda',
      compute: { host: 'Lambda', implementation: { path: 'tools/t', language: 'Python', handler: 'h.handler' }, pythonVersion: 'PYTHON_3_12' },
      toolDefinitions: [{
        name: 'get', description: 'd',
        inputSchema: { type: 'object', properties: { properties: { type: 'string' }, city: { type: 'string', enum: ['a'] } } },
      }],
    };
    const dropped = findDroppedKeys('agentcore', { name: 'D', version: 1, agentCoreGateways: [{ name: 'gw', targets: [target] }] });
    expect(dropped.map((d) => d.path.slice(-3))).toEqual([['properties', 'city', 'enum']]);
  });

  it('checks aws-targets.json entries too', () => {
    const dropped = findDroppedKeys('awsTargets', [{ name: 'default', account: '123456789012', region: 'us-east-1', profile: 'dev' }]);
    expect(dropped.map((d) => d.path)).toEqual([[0, 'profile']]);
  });
});

describe('looksLikeSecretKey', () => {
  it.each(['apiKey', 'api_key', 'API-KEY', 'secretToken', 'clientSecret', 'password', 'DB_PASSWORD', 'authToken', 'credential', 'privateKey'])(
    '%s looks like a secret',
    (key) => expect(looksLikeSecretKey(key)).toBe(true),
  );
  it.each(['credentialName', 'clientSecretArn', 'tokenUrl', 'apiKeyId', 'environment', 'cedar', 'secretsManagerArn', 'passwordFile'])(
    '%s does not (it names or points at a secret, or is unrelated)',
    (key) => expect(looksLikeSecretKey(key)).toBe(false),
  );
});

describe('suggestKey', () => {
  it('uses known aliases only where the target is allowed', () => {
    expect(suggestKey('environment', ['name', 'envVars'])).toBe('envVars');
    expect(suggestKey('environment', ['name', 'region'])).toBeUndefined();
  });
  it('falls back to edit distance, then to a unique longer name containing the key', () => {
    expect(suggestKey('runtime', ['runtimes', 'memories'])).toBe('runtimes');
    expect(suggestKey('Gateways', ['agentCoreGateways', 'runtimes'])).toBe('agentCoreGateways');
    expect(suggestKey('xyz', ['agentCoreGateways'])).toBeUndefined();
  });
});
