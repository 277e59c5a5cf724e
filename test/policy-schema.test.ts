/** The Cedar schema derived per gateway (src/policy/schema.ts) and the `cedar-schema` subcommand. */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatewayCatalog, type GatewayCatalog } from '../src/catalog/index.js';
import { main, type CliIO } from '../src/cli.js';
import { loadCedar } from '../src/policy/cedar.js';
import { buildGatewaySchema, cedarType, schemaText } from '../src/policy/schema.js';
import { loadProject } from '../src/project.js';

const GWDEMO = path.resolve(__dirname, '..', 'fixtures', 'base', 'gwdemo');

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

  it('exits 2 without --gateway', async () => {
    const run = io();
    expect(await main(['cedar-schema'], run)).toBe(2);
    expect(run.err).toContain('--gateway NAME is required');
  });
});
