import { defineRule, type ReportDescriptor } from '../../src/rule.js';
import { formatPath, locatePath, type JsonPath } from '../../src/json/document.js';
import { HTTP_METHODS, parseOpenApiFile } from '../../src/catalog/openapi.js';
import { gatewayTargets } from '../../src/util/spec.js';
import { findingsKept } from '../../src/project.js';
import { asArray, asObject, asString, isObject, type JsonObject } from '../../src/util/json-value.js';

/** Request body media types the gateway takes (AWS CDK's validation of OpenAPI targets, from the AWS docs). */
const REQUEST_MEDIA = new Set(['application/json', 'application/xml', 'multipart/form-data', 'application/x-www-form-urlencoded']);
const RESPONSE_MEDIA = new Set(['application/json', 'application/xml']);
/** `application/json; charset=utf-8` and `application/problem+json` are JSON too. */
const JSON_MEDIA = /^application\/([\w.-]+\+)?json\s*(;.*)?$/i;
const UNSUPPORTED_STYLES = new Set(['matrix', 'label', 'deepObject']);
const COMPOSITION = new Set(['oneOf', 'anyOf', 'allOf']);
/** Objects whose keys are names (of properties, schemas, media types, ...), never schema keywords. */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', 'definitions', '$defs', 'schemas', 'parameters', 'responses', 'requestBodies',
  'headers', 'content', 'paths', 'variables', 'links', 'callbacks', 'securitySchemes', 'encoding', 'pathItems',
]);

type MessageId =
  | 'unreadable' | 'syntax' | 'notOpenApi' | 'swagger' | 'version' | 'noServer' | 'serverUrl' | 'insecureServer'
  | 'templatedHost' | 'missingOperationId' | 'duplicateOperationId' | 'pathSerializer' | 'parameterStyle'
  | 'mediaType' | 'composition' | 'security' | 'callbacks' | 'webhooks';

export default defineRule({
  meta: {
    id: 'openapi-schema',
    code: 'AC019',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'The OpenAPI document of an openApiSchema target (schemaSource.inline.path) must be one AgentCore Gateway can ' +
      'turn into tools: OpenAPI 3.0 or 3.1, an absolute server URL, an operationId on every operation, and no ' +
      'features the gateway does not support.',
    rationale:
      'The AgentCore CLI uploads the file as it is and `agentcore validate` never opens it, so a document the ' +
      'gateway cannot use fails only when CloudFormation creates the target, minutes into a deploy. The gateway ' +
      'supports OpenAPI 3.0 and 3.1, not Swagger 2.0; needs a server URL of the real endpoint; names each tool by ' +
      'its operationId (an operation without one, or two operations with the same one, cannot be a tool); fully ' +
      'supports JSON bodies only; and does not support oneOf/anyOf/allOf, matrix/label/deepObject parameter ' +
      'styles, path serializers such as `{;id}`, callbacks or webhooks. Authentication comes from the target\'s ' +
      'outboundAuth, not from the document\'s `security` (AWS "Adding an OpenAPI target" page; the AWS CDK ' +
      'construct for OpenAPI targets checks the same list; agentcore-facts.md §7). What makes the target fail is ' +
      'an error; what the gateway ignores or only partly supports is a warning. AWS also warns against a server ' +
      'host made of a variable (`https://{host}/`): it lets a request be sent anywhere. A file in S3 is not checked.',
    messages: {
      unreadable: 'Gateway "{{gateway}}" target "{{target}}": its OpenAPI document cannot be read: {{detail}}.',
      syntax: 'OpenAPI document of gateway "{{gateway}}" target "{{target}}": {{message}}',
      notOpenApi:
        'This file (gateway "{{gateway}}" target "{{target}}") is not an OpenAPI document: {{why}}. AgentCore makes ' +
        'the target\'s tools from an OpenAPI 3.0 or 3.1 document with an "openapi" version and "paths".',
      swagger:
        'Swagger {{version}} is not supported by AgentCore Gateway, which takes OpenAPI 3.0 and 3.1 only; creating ' +
        'the target fails. Convert the document to OpenAPI 3 (for example with swagger2openapi).',
      version: 'OpenAPI version {{version}} is not supported: AgentCore Gateway takes OpenAPI 3.0.x and 3.1.x (a string such as "3.0.3").',
      noServer:
        'The document has no server URL: the gateway needs the API\'s endpoint. Add "servers": [{"url": "https://api.example.com/v1"}].',
      serverUrl: 'Server URL {{url}} {{problem}}: the gateway needs the API\'s absolute https:// URL.',
      insecureServer:
        'Server URL {{url}} is plain http: the credential the gateway injects (outboundAuth) and the tool data would ' +
        'travel unencrypted. Use https://.',
      templatedHost:
        'Server URL {{url}} takes its host from the variable {{{variable}}}, with no enum to restrict it: AWS warns ' +
        'that such a URL can send requests, with the injected credential, to any host. Write the host out, or list ' +
        'the allowed hosts in the variable\'s enum.',
      missingOperationId:
        '{{operation}} has no operationId: AgentCore names each tool by its operationId, and an operation without ' +
        'one cannot be a tool. Add "operationId" (for example "{{suggestion}}").',
      duplicateOperationId:
        'operationId "{{id}}" is also used by {{other}}: each operation is a tool named by its operationId, so the ' +
        'names must be unique. Rename one.',
      pathSerializer:
        'Path {{path}} uses a path-parameter serializer ({{serializer}}), which AgentCore Gateway does not support. ' +
        'Use simple parameters: /items/{id}.',
      parameterStyle:
        'Parameter "{{name}}" uses style "{{style}}", which AgentCore Gateway does not support; use the default style ' +
        '(simple for path and header, form for query).',
      mediaType:
        '{{where}} media type "{{media}}" is not supported by AgentCore Gateway, which fully supports application/json ' +
        'only. {{advice}}',
      composition:
        '"{{keyword}}" is not supported by AgentCore Gateway (no oneOf, anyOf or allOf): the tool\'s input schema ' +
        'cannot be built from it. Write the schema out as one object.',
      security:
        'The document\'s "security" requirements are not used: the gateway authenticates to the API with the ' +
        'target\'s outboundAuth (an API key or OAuth credential). Remove "security", and set outboundAuth on the target.',
      callbacks: '{{operation}} has callbacks, which AgentCore Gateway does not support; they are not part of the tool.',
      webhooks: 'The document has "webhooks", which AgentCore Gateway does not support; they do not become tools.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const seen = new Set<string>();
    for (const target of gatewayTargets(project.spec)) {
      if (target.targetType !== 'openApiSchema') continue;
      const refPath: JsonPath = [...target.path, 'schemaSource', 'inline', 'path'];
      const file = asString(asObject(asObject(target.node.schemaSource)?.inline)?.path);
      if (file === undefined || file.trim() === '') continue;
      const status = project.files.status(file);
      if (status.kind !== 'file') continue; // referenced-files-exist reports missing, outside and folders.
      if (seen.has(status.absolute)) continue; // One report per file, however many targets share it.
      seen.add(status.absolute);
      // A pre-commit run on other files keeps no finding in this one: no need to parse it.
      const keptInFile = findingsKept(project, status.absolute);
      if (!keptInFile && !findingsKept(project, project.config.file)) continue;
      const names = { gateway: target.gateway.name ?? formatPath(target.gateway.path), target: target.name ?? formatPath(target.path) };
      const read = project.files.readText(file);
      if (!read.ok) {
        report({ messageId: 'unreadable', path: refPath, data: { ...names, detail: read.detail } });
        continue;
      }
      if (!keptInFile) continue;
      const located = parseOpenApiFile(project.files, file, read.text);
      const at = (path: JsonPath, target: 'key' | 'value' = 'key'): Pick<ReportDescriptor<MessageId>, 'doc' | 'path' | 'target' | 'file' | 'range'> => {
        // The document as a whole is shown by its first character, not its whole extent.
        if (path.length === 0) {
          const start = located.json ? locatePath(located.json, []).start : located.yaml!.locate([]).start;
          return { doc: located.json, file: read.absolute, range: { start, end: { line: start.line, column: start.column + 1 } } };
        }
        return located.json ? { doc: located.json, path, target } : { file: read.absolute, range: located.yaml!.locate(path, target) };
      };
      for (const problem of located.json?.problems ?? located.yaml!.problems) {
        report({ messageId: 'syntax', file: read.absolute, range: problem.range, data: { ...names, message: problem.message } });
      }
      if (located.value === undefined) continue;
      new OpenApiCheck(located.value, names, ({ at: where, target: side, ...problem }) => report({ ...problem, ...at(where, side) })).run();
    }
  },
});

/** A finding in the document, at a JSON path into it (located in the JSON or the YAML text by the caller). */
type OpenApiProblem = Omit<ReportDescriptor<MessageId>, 'doc' | 'path' | 'target' | 'file' | 'range'> & { at: JsonPath; target?: 'key' | 'value' };

class OpenApiCheck {
  private readonly root: JsonObject | undefined;

  constructor(
    private readonly value: unknown,
    private readonly names: { gateway: string; target: string },
    private readonly add: (problem: OpenApiProblem) => void,
  ) {
    this.root = asObject(value);
  }

  run(): void {
    const root = this.root;
    if (!root) {
      const why = Array.isArray(this.value) ? 'it is an array (the shape of a Lambda tool schema file), not an object' : 'it is not an object';
      return this.add({ messageId: 'notOpenApi', at: [], data: { ...this.names, why } });
    }
    if (root.swagger !== undefined) {
      return this.add({ messageId: 'swagger', at: ['swagger'], target: 'value', data: { version: String(root.swagger) } });
    }
    if (root.openapi === undefined || !isObject(root.paths)) {
      const why = root.openapi === undefined ? 'it has no "openapi" version' : 'it has no "paths" object';
      return this.add({ messageId: 'notOpenApi', at: root.openapi === undefined ? [] : ['openapi'], target: 'value', data: { ...this.names, why } });
    }
    if (typeof root.openapi !== 'string' || !/^3\.[01]\.\d+/.test(root.openapi)) {
      this.add({ messageId: 'version', at: ['openapi'], target: 'value', data: { version: JSON.stringify(root.openapi) } });
    }
    this.servers(root);
    this.operations(root);
    this.compositions(root);
    if (asArray(root.security).length > 0) this.add({ messageId: 'security', at: ['security'], severity: 'warning' });
    if (root.webhooks !== undefined) this.add({ messageId: 'webhooks', at: ['webhooks'], severity: 'warning' });
  }

  private servers(root: JsonObject): void {
    const servers = asArray(root.servers);
    if (servers.length === 0) {
      this.add({ messageId: 'noServer', at: root.servers === undefined ? ['openapi'] : ['servers'] });
      return;
    }
    servers.forEach((server, i) => {
      const url = asString(asObject(server)?.url);
      const at: JsonPath = ['servers', i, 'url'];
      if (url === undefined) {
        this.add({ messageId: 'serverUrl', at: ['servers', i], target: 'value', data: { url: '(none)', problem: 'is missing' } });
        return;
      }
      const shown = JSON.stringify(url);
      const scheme = /^([^:/?#]*):\/\//.exec(url);
      if (!scheme) {
        this.add({ messageId: 'serverUrl', at, target: 'value', data: { url: shown, problem: 'is relative (no https://)' } });
        return;
      }
      if (scheme[1].includes('{')) return; // a templated scheme is only known at run time
      const protocol = scheme[1].toLowerCase();
      if (protocol !== 'http' && protocol !== 'https') {
        this.add({ messageId: 'serverUrl', at, target: 'value', data: { url: shown, problem: `uses ${scheme[1]}://` } });
        return;
      }
      if (protocol === 'http') this.add({ messageId: 'insecureServer', at, target: 'value', severity: 'warning', data: { url: shown } });
      const host = url.slice(scheme[0].length).split(/[/?#]/)[0];
      const variables = asObject(asObject(server)?.variables) ?? {};
      for (const m of host.matchAll(/\{([^}]*)\}/g)) {
        if (asArray(asObject(variables[m[1]])?.enum).length > 0) continue;
        this.add({ messageId: 'templatedHost', at, target: 'value', severity: 'warning', data: { url: shown, variable: m[1] } });
        break;
      }
    });
  }

  private operations(root: JsonObject): void {
    const ids = new Map<string, string>();
    for (const [route, rawItem] of Object.entries(asObject(root.paths) ?? {})) {
      const item = asObject(rawItem);
      if (!item) continue;
      const serializer = /\{[;?*][^}]*\}|\{[^}]*\*\}/.exec(route);
      if (serializer) this.add({ messageId: 'pathSerializer', at: ['paths', route], severity: 'warning', data: { path: route, serializer: serializer[0] } });
      this.parameterStyles(item.parameters, ['paths', route, 'parameters']);
      for (const method of HTTP_METHODS) {
        const op = asObject(item[method]);
        if (!op) continue;
        const at: JsonPath = ['paths', route, method];
        const operation = `${method.toUpperCase()} ${route}`;
        const id = asString(op.operationId);
        if (id === undefined || id.trim() === '') {
          this.add({ messageId: 'missingOperationId', at: op.operationId === undefined ? at : [...at, 'operationId'], data: { operation, suggestion: suggestId(method, route) } });
        } else if (ids.has(id)) {
          this.add({ messageId: 'duplicateOperationId', at: [...at, 'operationId'], target: 'value', data: { id, other: ids.get(id)! } });
        } else {
          ids.set(id, operation);
        }
        this.parameterStyles(op.parameters, [...at, 'parameters']);
        const body = asObject(asObject(op.requestBody)?.content);
        for (const media of Object.keys(body ?? {})) {
          if (REQUEST_MEDIA.has(media.toLowerCase()) || JSON_MEDIA.test(media)) continue;
          this.add({
            messageId: 'mediaType', at: [...at, 'requestBody', 'content', media], severity: 'warning',
            data: { where: `${operation} request body`, media, advice: 'The gateway sends tool input as JSON; describe the body as application/json.' },
          });
        }
        for (const [status, response] of Object.entries(asObject(op.responses) ?? {})) {
          for (const media of Object.keys(asObject(asObject(response)?.content) ?? {})) {
            if (RESPONSE_MEDIA.has(media.toLowerCase()) || JSON_MEDIA.test(media)) continue;
            this.add({
              messageId: 'mediaType', at: [...at, 'responses', status, 'content', media], severity: 'warning',
              data: { where: `${operation} response ${status}`, media, advice: 'The tool result may not reach the agent intact; return application/json.' },
            });
          }
        }
        if (op.callbacks !== undefined) this.add({ messageId: 'callbacks', at: [...at, 'callbacks'], severity: 'warning', data: { operation } });
      }
    }
  }

  private parameterStyles(parameters: unknown, at: JsonPath): void {
    asArray(parameters).forEach((raw, i) => {
      const param = asObject(raw);
      const style = asString(param?.style);
      if (style === undefined || !UNSUPPORTED_STYLES.has(style)) return;
      this.add({ messageId: 'parameterStyle', at: [...at, i, 'style'], target: 'value', severity: 'warning', data: { name: asString(param?.name) ?? `#${i}`, style } });
    });
  }

  /** oneOf/anyOf/allOf under paths and components, walked with an explicit stack (the nesting is the file's to choose). */
  private compositions(root: JsonObject): void {
    // `names`: the object's keys are names (properties, schemas, routes, media types), not keywords.
    const stack: Array<{ value: object; path: JsonPath; names: boolean }> = [];
    if (isObject(root.paths)) stack.push({ value: root.paths, path: ['paths'], names: true });
    if (isObject(root.components)) stack.push({ value: root.components, path: ['components'], names: false });
    while (stack.length > 0) {
      const { value, path, names } = stack.pop()!;
      const children: Array<[string | number, unknown]> = Array.isArray(value)
        ? value.map((v, i): [number, unknown] => [i, v])
        : Object.entries(value);
      for (const [key, child] of children) {
        const keyword = typeof key === 'string' && !names && !Array.isArray(value);
        // Examples are data, not schema.
        if (keyword && (key === 'example' || key === 'examples')) continue;
        if (keyword && COMPOSITION.has(key)) {
          this.add({ messageId: 'composition', at: [...path, key], severity: 'warning', data: { keyword: key } });
          continue;
        }
        if (child !== null && typeof child === 'object') {
          stack.push({ value: child, path: [...path, key], names: keyword && NAME_MAPS.has(key) });
        }
      }
    }
  }
}

/** A camelCase operationId for a suggestion: `get /pets/{id}` → `getPetsById`. */
function suggestId(method: string, route: string): string {
  const words = route.split('/').filter(Boolean).map((part) => {
    const param = /^\{(.+)\}$/.exec(part);
    const word = (param ? `by-${param[1]}` : part).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  return method + words.join('');
}
