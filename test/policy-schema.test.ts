/** The Cedar schema derived per gateway (src/policy/schema.ts) and the `cedar-schema` subcommand. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatewayCatalog, type GatewayCatalog } from '../src/catalog/index.js';
import { main, type CliIO } from '../src/cli.js';
import { loadCedar } from '../src/policy/cedar.js';
import { buildGatewaySchema, cedarType, schemaText } from '../src/policy/schema.js';
import { loadProject } from '../src/project.js';
import { useTempTrees } from './helpers/cli.js';

const GWDEMO = path.resolve(__dirname, '..', 'fixtures', 'base', 'gwdemo');
const tree = useTempTrees();

function io(): CliIO & { out: string; err: string } {
  const state = { out: '', err: '' };
  return Object.assign(state, {
    stdout: (t: string) => void (state.out += t),
    stderr: (t: string) => void (state.err += t),
    cwd: GWDEMO,
    isTTY: false,
    env: {},
  });
}

function demoCatalog(name: string): GatewayCatalog {
  const load = loadProject(GWDEMO);
  if (!load.ok) throw new Error(load.reason);
  return gatewayCatalog(load.project, name)!;
}

describe('derived Cedar schema', () => {
  it('maps JSON Schema types as AgentCore does', () => {
    expect(
      cedarType(
        {
          type: 'object',
          properties: {
            s: { type: 'string' }, i: { type: 'integer' }, b: { type: 'boolean' }, n: { type: 'number' },
            a: { type: 'array', items: { type: 'string' } }, o: { type: 'object', properties: { x: { type: 'string' } }, required: ['x'] },
            'odd-name': { type: 'string' },
          },
          required: ['s'],
        },
        0,
        true,
      ),
    ).toBe('{ s: String, i?: Long, b?: Bool, n?: decimal, a?: Set<String>, o?: { x: String }, "odd-name"?: String }');
    expect(cedarType({ type: 'null' }, 0)).toBeUndefined();
    expect(cedarType({ type: 'object' }, 0)).toBeUndefined(); // a free-form nested map
    expect(cedarType({ type: 'object' }, 0, true)).toBe('{}');
  });

  it('picks the principal type from the gateway authorizer and parses with Cedar', () => {
    const iam = buildGatewaySchema(demoCatalog('my-tools-gw'));
    expect(iam.principalTypes).toEqual(['IamEntity']);
    expect(iam.actions.map((a) => a.id)).toEqual(['petstore___listPets', 'petstore___getPet', 'orders___get_order', 'inventory___check_stock']);
    expect([...iam.unknownTargets.keys()]).toEqual(['weather-mcp', 'apigw', 'smithy1']);
    expect(loadCedar().checkParseSchema(iam.text).type).toBe('success');
    expect(buildGatewaySchema(demoCatalog('jwt-gw')).principalTypes).toEqual(['OAuthUser']);
    expect(buildGatewaySchema(demoCatalog('http-gw')).principalTypes).toEqual(['IamEntity']);
  });

  it('prints the schema text (snapshot)', () => {
    const text = schemaText(buildGatewaySchema(demoCatalog('my-tools-gw')), true);
    expect(loadCedar().checkParseSchema(text).type).toBe('success');
    expect(text).toMatchSnapshot();
  });
});

describe('agentcore-lint cedar-schema', () => {
  it('prints the schema of a gateway', async () => {
    const run = io();
    expect(await main(['cedar-schema', '--gateway', 'my-tools-gw'], run)).toBe(0);
    expect(run.out).toContain('action "orders___get_order" in ["orders"] appliesTo {');
    expect(run.out).toContain('entity IamEntity { id: String };');
  });

  it('prints JSON with --format json', async () => {
    const run = io();
    expect(await main(['cedar-schema', '--gateway', 'jwt-gw', '--format', 'json', GWDEMO], run)).toBe(0);
    const json = JSON.parse(run.out) as Record<string, { entityTypes: Record<string, unknown> }>;
    expect(Object.keys(json.AgentCore.entityTypes).sort()).toEqual(['Gateway', 'OAuthUser']);
  });

  it('exits 2 for an unknown gateway, with did-you-mean', async () => {
    const run = io();
    expect(await main(['cedar-schema', '--gateway', 'my-tool-gw'], run)).toBe(2);
    expect(run.err).toContain('no gateway "my-tool-gw" in agentcore.json. Did you mean "my-tools-gw"?');
  });

  it('reads agentcore.json under the settings of .agentcore-lint.json, as a lint run does (maxFileSize)', async () => {
    const config = fs.readFileSync(path.join(GWDEMO, 'agentcore', 'agentcore.json'), 'utf8');
    const small = tree({ 'agentcore/agentcore.json': config, '.agentcore-lint.json': '{ "maxFileSize": 1024 }', 'cases.json': '[]' });
    const refused = Object.assign(io(), { cwd: small });
    expect(await main(['cedar-schema', '--gateway', 'jwt-gw'], refused)).toBe(2);
    expect(refused.err).toContain('agentcore.json: it is 6.6 KB, over the 1.0 KB limit (raise "maxFileSize" in .agentcore-lint.json)');
    expect(await main(['policy-test', 'cases.json', '--project', small], refused)).toBe(2);
    expect(refused.err).toContain('agentcore-lint policy-test: cannot read ');
    expect(refused.err.match(/over the 1\.0 KB limit/g)).toHaveLength(2);
    const broken = tree({ 'agentcore/agentcore.json': config, '.agentcore-lint.json': '{ "maxFileSize": "big" }' });
    const usage = Object.assign(io(), { cwd: broken });
    expect(await main(['cedar-schema', '--gateway', 'jwt-gw'], usage)).toBe(2);
    expect(usage.err).toMatch(/^agentcore-lint cedar-schema: \.agentcore-lint\.json:1:\d+: /);
  });

  it('exits 2 without --gateway', async () => {
    const run = io();
    expect(await main(['cedar-schema'], run)).toBe(2);
    expect(run.err).toContain('--gateway NAME is required');
  });
});

describe('validation in parts', () => {
  it('validates policies that name their actions against a schema of those actions only, with the same findings', async () => {
    const { withCedarAnswerStore } = await import('../src/policy/cedar.js');
    const { analyzePolicies } = await import('../src/policy/analysis.js');
    const root = path.resolve(__dirname, '..', 'fixtures', 'rules', 'policy-input', 'invalid-input');
    const schemas: string[] = [];
    const store = {
      get: () => undefined,
      put: (call: string, input: unknown) => void (call === 'validate' && schemas.push((input as { schema: string }).schema)),
    };
    const load = loadProject(root);
    if (!load.ok) throw new Error(load.reason);
    const problems = withCedarAnswerStore(store, () => analyzePolicies(load.project).problems);
    // "AllTools" covers every action: the whole schema. The others name Refunds___process_refund only.
    expect(schemas).toHaveLength(2);
    expect(schemas[0]).toContain('action "Refunds___get_order"');
    expect(schemas[1]).toContain('action "Refunds___process_refund"');
    expect(schemas[1]).not.toContain('action "Refunds___get_order"');
    expect(problems.filter((p) => p.ruleId === 'policy-input').length).toBeGreaterThan(3);
  });
});

describe('cedar-schema --format json in slices', () => {
  it('gives, slice by slice, the JSON one conversion gives, keys in the same order', async () => {
    const { schemaJson } = await import('../src/commands/cedar-schema.js');
    for (const gateway of ['my-tools-gw']) {
      const schema = buildGatewaySchema(demoCatalog(gateway));
      expect(schema.actions.length + schema.opaque.length, gateway).toBeGreaterThan(2);
      const whole = schemaJson(schema);
      expect(typeof whole).toBe('object');
      expect(JSON.stringify(schemaJson(schema, 1), null, 2)).toBe(JSON.stringify(whole, null, 2));
    }
  });
});
