/**
 * The schema humanizer: ajv errors → located, plain-words issues. The first block feeds hand-made ajv errors
 * (no validator needed); the second runs the precompiled validators (`npm run build` makes them).
 */
import { describe, expect, it } from 'vitest';
import { humanizeErrors } from '../src/schema/humanize.js';
import { collapseUnions, NO_MATCHING_FORM } from '../src/schema/unions.js';
import { validateAgainstSchema } from '../src/schema/validate.js';
import type { AjvError } from '../src/schema/validators.js';

/** An ajv error with just what the humanizer reads. */
function err(instancePath: string, schemaPath: string, keyword: string, params: Record<string, unknown>, extra: Partial<AjvError> = {}): AjvError {
  return { instancePath, schemaPath, keyword, params, ...extra };
}

const CREDENTIAL_BRANCHES = [
  { type: 'object', properties: { authorizerType: { const: 'ApiKeyCredentialProvider' }, name: { type: 'string' } }, required: ['authorizerType', 'name'] },
  { type: 'object', properties: { authorizerType: { const: 'OAuthCredentialProvider' }, name: { type: 'string' } }, required: ['authorizerType', 'name'] },
];

describe('collapseUnions (hand-made ajv errors)', () => {
  const U = '#/items/oneOf';

  it('keeps only the branch whose discriminator matches', () => {
    const data = { authorizerType: 'OAuthCredentialProvider', name: 7 };
    const errors = [
      err('/credentials/0/authorizerType', `${U}/0/properties/authorizerType/const`, 'const', { allowedValue: 'ApiKeyCredentialProvider' }),
      err('/credentials/0/name', `${U}/0/properties/name/type`, 'type', { type: 'string' }),
      err('/credentials/0/name', `${U}/1/properties/name/type`, 'type', { type: 'string' }),
      err('/credentials/0', U, 'oneOf', { passingSchemas: null }, { schema: CREDENTIAL_BRANCHES, data }),
    ];
    const collapsed = collapseUnions(errors);
    expect(collapsed).toEqual([errors[2]]);
  });

  it('turns a discriminator value that fits no branch into one "must be one of" error on that key', () => {
    const data = { authorizerType: 'ApiKey', name: 'k' };
    const errors = [
      err('/c/0/authorizerType', `${U}/0/properties/authorizerType/const`, 'const', { allowedValue: 'ApiKeyCredentialProvider' }),
      err('/c/0/authorizerType', `${U}/1/properties/authorizerType/const`, 'const', { allowedValue: 'OAuthCredentialProvider' }),
      err('/c/0', U, 'oneOf', { passingSchemas: null }, { schema: CREDENTIAL_BRANCHES, data }),
    ];
    const [only, ...rest] = collapseUnions(errors);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      instancePath: '/c/0/authorizerType',
      keyword: 'enum',
      params: { allowedValues: ['ApiKeyCredentialProvider', 'OAuthCredentialProvider'] },
      data: 'ApiKey',
    });
  });

  it('says a missing discriminator is missing, with its allowed values', () => {
    const errors = [
      err('/c/0', `${U}/0/required`, 'required', { missingProperty: 'authorizerType' }),
      err('/c/0', `${U}/1/required`, 'required', { missingProperty: 'authorizerType' }),
      err('/c/0', U, 'oneOf', { passingSchemas: null }, { schema: CREDENTIAL_BRANCHES, data: { name: 'k' } }),
    ];
    const [issue] = humanizeErrors(errors, { c: [{ name: 'k' }] });
    expect(issue).toEqual({
      path: ['c', 0, 'authorizerType'],
      target: 'key',
      keyword: 'required',
      message: 'c[0] is missing required "authorizerType" ("ApiKeyCredentialProvider" or "OAuthCredentialProvider"); add it.',
    });
  });

  it('merges plain-value alternatives into one enum', () => {
    const A = '#/definitions/v/anyOf';
    const errors = [
      err('/v', `${A}/0/enum`, 'enum', { allowedValues: ['PYTHON_3_12', 'PYTHON_3_13'] }),
      err('/v', `${A}/1/enum`, 'enum', { allowedValues: ['NODE_20'] }),
      err('/v', A, 'anyOf', {}, { schema: [{ enum: [] }, { enum: [] }], data: 'python_3_13' }),
    ];
    const [issue, ...rest] = humanizeErrors(errors, { v: 'python_3_13' });
    expect(rest).toEqual([]);
    expect(issue.message).toBe('v must be one of "PYTHON_3_12", "PYTHON_3_13", "NODE_20", got "python_3_13". Did you mean "PYTHON_3_13"?');
  });

  it('prefers the branch the value got furthest into (fewest errors at the union node)', () => {
    const A = '#/fs/anyOf';
    const branches = [
      { type: 'object', properties: { sessionStorage: {} }, required: ['sessionStorage'], additionalProperties: false },
      { type: 'object', properties: { efsAccessPoint: {} }, required: ['efsAccessPoint'], additionalProperties: false },
    ];
    const deep = err('/fs/0/sessionStorage/mountPath', `${A}/0/properties/sessionStorage/properties/mountPath/pattern`, 'pattern', { pattern: '^/mnt/' });
    const errors = [
      deep,
      err('/fs/0', `${A}/1/required`, 'required', { missingProperty: 'efsAccessPoint' }),
      err('/fs/0', `${A}/1/additionalProperties`, 'additionalProperties', { additionalProperty: 'sessionStorage' }),
      err('/fs/0', A, 'anyOf', {}, { schema: branches, data: { sessionStorage: { mountPath: '/x' } } }),
    ];
    expect(collapseUnions(errors)).toEqual([deep]);
  });

  it('lists the allowed forms when no branch is closer than another', () => {
    const A = '#/fs/anyOf';
    const branches = [
      { type: 'object', properties: { sessionStorage: {} }, required: ['sessionStorage'] },
      { type: 'object', properties: { efsAccessPoint: {} }, required: ['efsAccessPoint'] },
    ];
    const errors = [
      err('/fs/0', `${A}/0/required`, 'required', { missingProperty: 'sessionStorage' }),
      err('/fs/0', `${A}/1/required`, 'required', { missingProperty: 'efsAccessPoint' }),
      err('/fs/0', A, 'anyOf', {}, { schema: branches, data: { foo: 1 } }),
    ];
    const [only] = collapseUnions(errors);
    expect(only.keyword).toBe(NO_MATCHING_FORM);
    const [issue] = humanizeErrors(errors, { fs: [{ foo: 1 }] });
    expect(issue.message).toBe('fs[0] matches none of the allowed forms: an object with "sessionStorage"; an object with "efsAccessPoint".');
    expect(issue.message).not.toMatch(/anyOf/);
  });

  it('collapses a union nested in the chosen branch of another', () => {
    const outer = '#/o/oneOf';
    const inner = `${outer}/0/properties/to/anyOf`;
    const errors = [
      err('/x/to', `${inner}/0/enum`, 'enum', { allowedValues: ['a'] }),
      err('/x/to', `${inner}/1/enum`, 'enum', { allowedValues: ['b'] }),
      err('/x/to', inner, 'anyOf', {}, { schema: [{}, {}], data: 'c' }),
      err('/x/kind', `${outer}/1/properties/kind/const`, 'const', { allowedValue: 'two' }),
      err('/x', outer, 'oneOf', { passingSchemas: null }, {
        schema: [{ properties: { kind: { const: 'one' } } }, { properties: { kind: { const: 'two' } } }],
        data: { kind: 'one', to: 'c' },
      }),
    ];
    expect(collapseUnions(errors)).toEqual([
      expect.objectContaining({ instancePath: '/x/to', keyword: 'enum', params: { allowedValues: ['a', 'b'] } }),
    ]);
  });

  it('leaves errors outside any union alone and in order', () => {
    const a = err('/name', '#/properties/name/pattern', 'pattern', { pattern: '^x$' });
    const b = err('', '#/required', 'required', { missingProperty: 'version' });
    expect(collapseUnions([a, b])).toEqual([a, b]);
  });
});

describe('validateAgainstSchema (precompiled validators)', () => {
  const issuesOf = (value: unknown) => validateAgainstSchema('agentcore', value);

  it('accepts the minimal project', () => {
    expect(issuesOf({ name: 'Minimal', version: 1 })).toEqual([]);
  });

  it('points an unknown key in a strict object at the key, with did-you-mean', () => {
    expect(issuesOf({ name: 'Demo', version: 1, gateways: [] })).toEqual([
      {
        path: ['gateways'],
        target: 'key',
        keyword: 'additionalProperties',
        message: 'Unknown key "gateways" at the top level; the CLI rejects it. Did you mean "agentCoreGateways"?',
      },
    ]);
  });

  it('words an enum with its allowed values and a suggestion, at the value', () => {
    const runtime = { name: 'Agent', build: 'codezip', entrypoint: 'main.py', codeLocation: 'app/Agent/' };
    const [issue] = issuesOf({ name: 'Demo', version: 1, runtimes: [runtime] });
    expect(issue).toEqual({
      path: ['runtimes', 0, 'build'],
      target: 'value',
      keyword: 'enum',
      message: 'runtimes[0].build must be "CodeZip" or "Container", got "codezip". Did you mean "CodeZip"?',
    });
  });

  it('points a missing property at its parent (path of the property, target key)', () => {
    const [issue] = issuesOf({ name: 'Demo', version: 1, runtimes: [{ build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/' }] });
    expect(issue.path).toEqual(['runtimes', 0, 'name']);
    expect(issue.target).toBe('key');
    expect(issue.message).toBe('runtimes[0] is missing required "name" (a string); add it.');
  });

  it('uses the CLI\'s own wording for name patterns', () => {
    const [issue] = issuesOf({ name: 'Demo', version: 1, agentCoreGateways: [{ name: 'my_tools_gw', targets: [] }] });
    expect(issue.message).toBe(
      'agentCoreGateways[0].name "my_tools_gw" is invalid: Gateway name must be alphanumeric with optional hyphens (max 100 chars).',
    );
  });

  it('reports a failed credential union once, for the branch its authorizerType names', () => {
    const issues = issuesOf({ name: 'Demo', version: 1, credentials: [{ authorizerType: 'ApiKeyCredentialProvider', name: 'bad name' }] });
    expect(issues.map((i) => i.message)).toEqual([
      'credentials[0].name "bad name" is invalid: Must contain only alphanumeric characters, hyphens, and underscores (1-128 chars).',
    ]);
  });

  it('never leaves raw anyOf/oneOf noise', () => {
    const messy = {
      name: 'Demo',
      version: 1,
      credentials: [{ authorizerType: 'Nope', name: 'x' }, { name: 'y' }, 'z'],
      runtimes: [{ name: 'A', build: 'CodeZip', entrypoint: 'main.py', codeLocation: 'app/', runtimeVersion: 3.12,
        filesystemConfigurations: [{ bogus: true }, 'x'] }],
      agentCoreGateways: [{ name: 'gw', targets: [{ name: 't', targetType: 'openApiSchema', schemaSource: 'file.json' }] }],
    };
    const messages = issuesOf(messy).map((i) => i.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).not.toMatch(/anyOf|oneOf|must match a schema/);
  });

  it('checks aws-targets.json entries (official case 42)', () => {
    const issues = validateAgainstSchema('awsTargets', [{ name: 'default', account: '1234', region: 'mars-1' }]);
    expect(issues.map((i) => [i.path, i.target])).toEqual([[[0, 'account'], 'value'], [[0, 'region'], 'value']]);
    expect(issues[0].message).toBe('[0].account "1234" is invalid: AWS account ID must be exactly 12 digits.');
    expect(issues[1].message).toMatch(/^\[0\]\.region must be one of "ap-northeast-1", .*"us-gov-west-1", got "mars-1"\.$/);
  });

  it('points an invalid record key (deployed-state target name) at the key', () => {
    const issues = validateAgainstSchema('deployedState', { targets: { 'prod env': {} } });
    expect(issues).toEqual([
      {
        path: ['targets', 'prod env'],
        target: 'key',
        keyword: 'propertyNames',
        message: 'Key "prod env" in targets is invalid: Name must start with a letter and contain only alphanumeric characters and hyphens.',
      },
    ]);
  });
});
