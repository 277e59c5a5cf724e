import { defineRule } from '../../src/rule.js';
import { isObject, type JsonObject } from '../../src/util/json-value.js';
import { allTargets, locate, nonEmptyArray, nonEmptyString, type TargetType } from '../../src/util/refinements.js';

/** The target blocks the refinement looks at, and how zod's truthiness test reads each of them once parsed. */
type Field =
  | 'apiGateway'
  | 'compute'
  | 'endpoint'
  | 'toolDefinitions'
  | 'lambdaFunctionArn'
  | 'schemaSource'
  | 'httpRuntime'
  | 'passthrough'
  | 'connectorId'
  | 'configurations';

/** True when the field is set the way zod's `if (data.x)` / `data.x.length > 0` sees it after a successful parse. */
function isSet(node: JsonObject, field: Field): boolean {
  const value = node[field];
  switch (field) {
    case 'endpoint':
    case 'connectorId':
      return nonEmptyString(value);
    case 'toolDefinitions':
    case 'configurations':
      return nonEmptyArray(value);
    default:
      return isObject(value);
  }
}

/** Absent as zod's `!data.x` sees it; a value of the wrong type is the schema rule's finding, not this one's. */
function isMissing(node: JsonObject, field: Field): boolean {
  const value = node[field];
  // An empty endpoint fails only the (continuable) url check, so the refinement still sees it as missing.
  return value === undefined || (field === 'endpoint' && value === '');
}

interface TypeSpec {
  required?: Field;
  forbidden: Field[];
}

/** Per-targetType required and forbidden blocks, in the order of `AgentCoreGatewayTargetSchema.superRefine`. */
const SPECS: Partial<Record<TargetType, TypeSpec>> = {
  apiGateway: { required: 'apiGateway', forbidden: ['compute', 'endpoint', 'toolDefinitions', 'lambdaFunctionArn'] },
  openApiSchema: { required: 'schemaSource', forbidden: ['compute', 'endpoint', 'toolDefinitions', 'apiGateway'] },
  smithyModel: { required: 'schemaSource', forbidden: ['compute', 'endpoint', 'toolDefinitions', 'apiGateway'] },
  // outboundAuth on lambdaFunctionArn is reported by outbound-auth.
  lambdaFunctionArn: { required: 'lambdaFunctionArn', forbidden: ['compute', 'endpoint', 'apiGateway', 'toolDefinitions'] },
  mcpServer: { forbidden: ['apiGateway', 'lambdaFunctionArn'] },
  httpRuntime: {
    required: 'httpRuntime',
    forbidden: ['endpoint', 'compute', 'apiGateway', 'lambdaFunctionArn', 'toolDefinitions'],
  },
  passthrough: {
    required: 'passthrough',
    forbidden: ['endpoint', 'compute', 'apiGateway', 'lambdaFunctionArn', 'httpRuntime', 'toolDefinitions'],
  },
  lambda: { required: 'compute', forbidden: [] },
  connector: {
    required: 'connectorId',
    forbidden: [
      'compute', 'endpoint', 'toolDefinitions', 'apiGateway', 'lambdaFunctionArn', 'schemaSource', 'httpRuntime', 'passthrough',
    ],
  },
};

/** What each required block holds, for the message. */
const REQUIRED_HINT: Partial<Record<Field, string>> = {
  apiGateway: 'restApiId, stage and apiGatewayToolConfiguration',
  schemaSource: '{"inline": {"path": …}} or {"s3": {"uri": "s3://…"}}',
  lambdaFunctionArn: 'lambdaArn and toolSchemaFile',
  httpRuntime: 'a runtime reference: {"runtime": "<runtimes[].name>"}',
  passthrough: 'an https endpoint: {"endpoint": "https://…"}',
  compute: 'host, implementation and the language version',
  connectorId: '"bedrock-knowledge-bases" or "web-search"',
};

/** Extra words for a forbidden block where the official message gives a reason. */
function forbiddenReason(type: TargetType, field: Field): string {
  if (field === 'toolDefinitions' && type === 'apiGateway') return ' (the gateway discovers the tools from the API)';
  if (field === 'toolDefinitions' && type === 'lambdaFunctionArn') return ' (its tools come from lambdaFunctionArn.toolSchemaFile)';
  if (field === 'endpoint' && type === 'httpRuntime') return ' (use httpRuntime.runtimeEndpoint to pick a runtime endpoint)';
  if (field === 'endpoint' && type === 'passthrough') return ' (put the URL in passthrough.endpoint)';
  return '';
}

export default defineRule({
  meta: {
    id: 'target-type-fields',
    code: 'AC102',
    category: 'config',
    defaultSeverity: 'error',
    description: 'Each gateway target must have the block its targetType requires and none of the blocks it forbids.',
    rationale:
      'A gateway target is one strict object for all nine target types; which blocks are required or forbidden ' +
      'for each `targetType` is checked by the `superRefine` of `AgentCoreGatewayTargetSchema` ' +
      '(`dist/schema/schemas/mcp.js` of `@aws/agentcore` 0.30.0), for `agentCoreGateways[].targets[]` and ' +
      '`unassignedTargets[]` alike: `apiGateway` needs `apiGateway`, `openApiSchema`/`smithyModel` need ' +
      '`schemaSource`, `lambdaFunctionArn` needs `lambdaFunctionArn`, `mcpServer` needs `endpoint` or `compute`, ' +
      '`httpRuntime` needs `httpRuntime`, `passthrough` needs `passthrough`, `lambda` needs `compute` and at least ' +
      'one `toolDefinitions` entry, `connector` needs `connectorId`; blocks of other types (for example `compute` ' +
      'on an OpenAPI target, `endpoint` on an HTTP runtime target) are rejected, and `connectorId`/`configurations` ' +
      'only belong on connector targets. The CDK construct reads only the block of the target\'s type, so a wrong ' +
      'block would be silently ignored at deploy; the CLI refuses the project instead ("Lambda targets require ' +
      'compute configuration.").',
    messages: {
      missingBlock: 'targetType "{{type}}" requires "{{field}}" ({{hint}}), but {{target}} has none.',
      notApplicable: '"{{field}}" is not applicable for {{type}} targets{{reason}}; remove it from {{target}}.',
      mcpServerNeedsEndpoint:
        'MCP Server {{target}} needs either an endpoint URL ("endpoint": "https://…") or a compute configuration.',
      lambdaNeedsTools:
        'Lambda {{target}} requires at least one tool definition: add the tools its handler implements to "toolDefinitions".',
      connectorOnly: '"{{field}}" only applies to connector targets; remove it from {{target}} (targetType "{{type}}").',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    if (!spec) return;
    for (const target of allTargets(spec)) {
      const type = target.targetType;
      if (!type) continue;
      const node = target.node;
      const typePath = [...target.path, 'targetType'];
      const typeSpec = SPECS[type];
      if (typeSpec?.required && isMissing(node, typeSpec.required)) {
        report({
          messageId: 'missingBlock',
          data: { target: target.label, type, field: typeSpec.required, hint: REQUIRED_HINT[typeSpec.required] ?? '' },
          ...locate(spec, [...target.path, typeSpec.required], typePath),
        });
      }
      if (type === 'mcpServer' && isMissing(node, 'compute') && isMissing(node, 'endpoint')) {
        report({ messageId: 'mcpServerNeedsEndpoint', data: { target: target.label }, ...locate(spec, typePath) });
      }
      if (type === 'lambda' && (node.toolDefinitions === undefined || (Array.isArray(node.toolDefinitions) && node.toolDefinitions.length === 0))) {
        report({
          messageId: 'lambdaNeedsTools',
          data: { target: target.label },
          ...locate(spec, [...target.path, 'toolDefinitions'], typePath),
        });
      }
      for (const field of typeSpec?.forbidden ?? []) {
        if (!isSet(node, field)) continue;
        report({
          messageId: 'notApplicable',
          data: { field, type, target: target.label, reason: forbiddenReason(type, field) },
          path: [...target.path, field],
          target: 'key',
        });
      }
      if (type !== 'connector') {
        for (const field of ['connectorId', 'configurations'] as const) {
          if (!isSet(node, field)) continue;
          report({
            messageId: 'connectorOnly',
            data: { field, type, target: target.label },
            path: [...target.path, field],
            target: 'key',
          });
        }
      }
    }
  },
});
