/** The per-gateway tool catalog (src/catalog): inline tools, tool schema files, OpenAPI (JSON/YAML, $ref), API Gateway, MCP snapshots. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatewayCatalog } from '../src/catalog/index.js';
import { loadProject, type AgentCoreProject } from '../src/project.js';
import { makeTree } from './helpers/cli.js';

const trees: string[] = [];
afterAll(() => {
  for (const dir of trees) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): AgentCoreProject {
  const dir = makeTree(files);
  trees.push(dir);
  const load = loadProject(dir);
  if (!load.ok) throw new Error(load.reason);
  return load.project;
}

const spec = (targets: unknown[]) =>
  JSON.stringify({ name: 'Cat', version: 1, agentCoreGateways: [{ name: 'gw', targets, authorizerType: 'CUSTOM_JWT' }] });

const OPENAPI_YAML = `openapi: 3.0.3
info: { title: Orders, version: "1" }
paths:
  /orders/{orderId}:
    parameters:
      - $ref: '#/components/parameters/OrderId'
    get:
      operationId: getOrder
      summary: Get an order
      parameters:
        - { name: verbose, in: query, schema: { type: boolean } }
    post:
      operationId: updateOrder
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Update' }
  /health:
    get:
      summary: no operationId
components:
  parameters:
    OrderId: { name: orderId, in: path, required: true, schema: { type: string } }
  schemas:
    Update:
      type: object
      required: [status]
      properties:
        status: { type: string }
        amount: { type: number }
        lines: { type: array, items: { $ref: '#/components/schemas/Line' } }
    Line:
      type: object
      properties: { sku: { type: string }, qty: { type: integer } }
`;

describe('tool catalog', () => {
  it('reads inline toolDefinitions, tool schema files (also the wrong inlinePayload shape)', () => {
    const p = project({
      'agentcore/agentcore.json': spec([
        { name: 'inv', targetType: 'lambda', toolDefinitions: [{ name: 'check_stock', description: 'd', inputSchema: { type: 'object' } }] },
        { name: 'orders', targetType: 'lambdaFunctionArn', lambdaFunctionArn: { lambdaArn: 'arn:x', toolSchemaFile: 'tools.json' } },
        { name: 'wrapped', targetType: 'lambdaFunctionArn', lambdaFunctionArn: { lambdaArn: 'arn:x', toolSchemaFile: 'wrapped.json' } },
        { name: 's3', targetType: 'lambdaFunctionArn', lambdaFunctionArn: { lambdaArn: 'arn:x', toolSchemaFile: 's3://b/k.json' } },
      ]),
      'tools.json': JSON.stringify([{ name: 'get_order', description: 'd', inputSchema: { type: 'object' } }]),
      'wrapped.json': JSON.stringify({ inlinePayload: [{ name: 'wrapped_tool', description: 'd', inputSchema: { type: 'object' } }] }),
    });
    const catalog = gatewayCatalog(p, 'gw')!;
    const byName = Object.fromEntries(catalog.targets.map((t) => [t.name, t]));
    expect(byName.inv.tools.map((t) => t.name)).toEqual(['check_stock']);
    expect(byName.orders.tools.map((t) => t.name)).toEqual(['get_order']);
    expect(byName.orders.tools[0].path).toEqual([0, 'name']);
    expect(byName.wrapped.tools[0].path).toEqual(['inlinePayload', 0, 'name']);
    expect(byName.s3.status).toBe('unknown');
  });

  it('reads OpenAPI YAML: one tool per operationId, parameters and JSON body as input, local $refs resolved', () => {
    const p = project({
      'agentcore/agentcore.json': spec([{ name: 'orders', targetType: 'openApiSchema', schemaSource: { inline: { path: 'orders.yaml' } } }]),
      'orders.yaml': OPENAPI_YAML,
    });
    const target = gatewayCatalog(p, 'gw')!.targets[0];
    expect(target.status).toBe('partial'); // /health has no operationId
    expect(target.tools.map((t) => t.name)).toEqual(['getOrder', 'updateOrder']);
    expect(target.tools[0].inputSchema).toEqual({
      type: 'object',
      properties: { orderId: { type: 'string' }, verbose: { type: 'boolean' } },
      required: ['orderId'],
    });
    const update = target.tools[1].inputSchema as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(update.properties)).toEqual(['orderId', 'status', 'amount', 'lines']);
    expect(update.required).toEqual(['orderId', 'status']);
    expect(update.properties.lines).toEqual({ type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer' } } } });
  });

  it('API Gateway targets are partial (overrides only); MCP servers unknown unless a tools/list snapshot is configured', () => {
    const p = project({
      'agentcore/agentcore.json': spec([
        { name: 'api', targetType: 'apiGateway', apiGateway: { restApiId: 'a', stage: 'prod', apiGatewayToolConfiguration: { toolFilters: [{ filterPath: '/x', methods: ['GET'] }], toolOverrides: [{ name: 'listX', path: '/x', method: 'GET' }] } } },
        { name: 'mcp', targetType: 'mcpServer', endpoint: 'https://m.example.com/mcp', toolDefinitions: [{ name: 'mcp', description: 'placeholder', inputSchema: { type: 'object' } }] },
        { name: 'other', targetType: 'mcpServer', endpoint: 'https://o.example.com/mcp' },
      ]),
      '.agentcore-lint.json': JSON.stringify({ mcpToolSnapshots: { 'gw/mcp': 'snapshots/mcp.json' } }),
      'snapshots/mcp.json': JSON.stringify({ jsonrpc: '2.0', id: 1, result: { tools: [{ name: 'search', inputSchema: { type: 'object', properties: { q: { type: 'string' } } } }] } }),
    });
    const [api, mcp, other] = gatewayCatalog(p, 'gw')!.targets;
    expect(api.status).toBe('partial');
    expect(api.tools.map((t) => t.name)).toEqual(['listX']);
    expect(mcp.status).toBe('complete');
    expect(mcp.tools.map((t) => t.name)).toEqual(['search']);
    expect(mcp.tools[0].path).toEqual(['result', 'tools', 0, 'name']);
    expect(other.status).toBe('unknown');
    expect(other.tools).toEqual([]);
    expect(other.reason).toContain('mcpToolSnapshots');
  });

  it('the base gwdemo project: OpenAPI JSON, tool schema file, lambda tools; MCP, Smithy and HTTP targets unknown', () => {
    const load = loadProject(path.resolve(__dirname, '..', 'fixtures', 'base', 'gwdemo'));
    if (!load.ok) throw new Error(load.reason);
    const summary = gatewayCatalog(load.project, 'my-tools-gw')!.targets.map((t) => `${t.name}:${t.status}:${t.tools.map((x) => x.name).join(',')}`);
    expect(summary).toEqual([
      'weather-mcp:unknown:',
      'petstore:complete:listPets,getPet',
      'apigw:partial:',
      'orders:complete:get_order',
      'smithy1:unknown:',
      'inventory:complete:check_stock',
    ]);
  });
});
