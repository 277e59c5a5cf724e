import { defineRule } from '../../src/rule.js';
import type { JsonPath } from '../../src/json/document.js';
import { findingsKept } from '../../src/project.js';
import { asString, isObject, objectsOf, type JsonObject } from '../../src/util/json-value.js';
import { enumValue, idleAboveMaxLifetime, locate, networkIssues, nonEmptyArray, shownName } from '../../src/util/refinements.js';
import {
  authorizerConfigState,
  checkCustomJwtAuthorizer,
  customJwtTagPaths,
  CUSTOM_JWT_MESSAGES,
  type RefinementReport,
} from '../../src/agentcore/custom-jwt.js';
import { checkTags, TAG_MESSAGES } from '../../src/agentcore/tags.js';

/** `dist/schema/schemas/primitives/harness.js` of `@aws/agentcore` 0.30.0. */
const PROVIDERS = ['bedrock', 'open_ai', 'gemini', 'lite_llm'] as const;
const TOOL_TYPES = ['remote_mcp', 'agentcore_browser', 'agentcore_gateway', 'inline_function', 'agentcore_code_interpreter'] as const;
type ToolType = (typeof TOOL_TYPES)[number];
const TOOL_TYPE_TO_CONFIG_KEY: Record<ToolType, string> = {
  remote_mcp: 'remoteMcp',
  agentcore_browser: 'agentCoreBrowser',
  agentcore_gateway: 'agentCoreGateway',
  inline_function: 'inlineFunction',
  agentcore_code_interpreter: 'agentCoreCodeInterpreter',
};
const TOOL_TYPES_REQUIRING_CONFIG: ReadonlySet<ToolType> = new Set(['remote_mcp', 'agentcore_gateway', 'inline_function']);
const TRUNCATION_STRATEGIES = ['sliding_window', 'summarization', 'none'] as const;
const TRUNCATION_CONFIG_KEY = { sliding_window: 'slidingWindow', summarization: 'summarization', none: undefined } as const;
const MAX_ENV_VARS = 50;

const isText = (value: unknown, min = 0): value is string => typeof value === 'string' && value.length >= min;
const optional = (value: unknown, check: (v: unknown) => boolean): boolean => value === undefined || check(value);
const stringRecord = (value: unknown): boolean => isObject(value) && Object.values(value).every((v) => typeof v === 'string');

/** `HarnessGatewayOutboundAuthSchema`: a union of three strip objects. */
function isOutboundAuth(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isObject(value.awsIam) || isObject(value.none)) return true;
  const oauth = value.oauth;
  return (
    isObject(oauth) &&
    isText(oauth.providerArn, 1) &&
    Array.isArray(oauth.scopes) &&
    oauth.scopes.every((scope) => isText(scope, 1)) &&
    optional(oauth.grantType, (g) => g === 'CLIENT_CREDENTIALS' || g === 'USER_FEDERATION') &&
    optional(oauth.customParameters, stringRecord)
  );
}

/**
 * `HarnessToolConfigSchema`, a zod union of strip objects of one key each, in its order: zod keeps the first branch
 * that parses and drops every other key, and the tool's refinement compares the type with what is left.
 */
const TOOL_CONFIG_BRANCHES: ReadonlyArray<[string, (value: unknown) => boolean]> = [
  ['remoteMcp', (v) => isObject(v) && isText(v.url, 1) && optional(v.headers, stringRecord)],
  ['agentCoreBrowser', (v) => isObject(v) && optional(v.browserArn, isText)],
  ['agentCoreCodeInterpreter', (v) => isObject(v) && optional(v.codeInterpreterArn, isText)],
  // A passthrough object whose superRefine rejects credentialProviderName: the branch then fails.
  [
    'agentCoreGateway',
    (v) => isObject(v) && isText(v.gatewayArn, 1) && optional(v.outboundAuth, isOutboundAuth) && !('credentialProviderName' in v),
  ],
  ['inlineFunction', (v) => isObject(v) && isText(v.description, 1) && isObject(v.inputSchema)],
];

/** The config key a tool's `config` is read as, or undefined when no branch parses (a schema finding). */
function parsedConfigKey(config: JsonObject): string | undefined {
  return TOOL_CONFIG_BRANCHES.find(([key, parses]) => Object.prototype.hasOwnProperty.call(config, key) && parses(config[key]))?.[0];
}

/** `looksLikeLegacyPromptPath` of harness.js: one bare token that is a relative path or ends in .md/.txt. */
function looksLikeLegacyPromptPath(value: string): boolean {
  const v = value.trim();
  if (!/^\S+$/.test(v)) return false;
  return /^\.\.?\//.test(v) || /\.(md|txt)$/i.test(v);
}

const MESSAGES = {
  topKNotGemini:
    'topK is only supported for the "gemini" provider; this model\'s provider is "{{provider}}". Remove topK.',
  apiFormatProvider:
    'apiFormat is only supported for the "bedrock" and "open_ai" providers; this model\'s provider is "{{provider}}". Remove apiFormat.',
  apiFormatOpenAi:
    'Invalid API format for open_ai: converse_stream is Bedrock\'s. Use "responses" or "chat_completions", or remove apiFormat.',
  apiKeyArnRequired:
    'apiKeyArn is required for the "{{provider}}" provider (CloudFormation rejects the model without it): add ' +
    '"apiKeyArn" with the ARN of the credential that holds the {{provider}} API key.',
  liteLlmOnly:
    '{{field}} is only supported for the "lite_llm" provider; this model\'s provider is "{{provider}}". Remove {{field}}.',
  toolConfigMissing:
    'Tool {{tool}} has type "{{type}}", which requires the "{{key}}" config: add "config": { "{{key}}": { … } }.',
  toolConfigMismatch:
    'Tool {{tool}} has type "{{type}}", which requires the "{{key}}" config, but its config is a "{{got}}" block. ' +
    'Change the type or the config so that they match.',
  toolConfigAmbiguous:
    'Tool {{tool}} has type "{{type}}", which requires the "{{key}}" config, but its config has several blocks ' +
    '({{keys}}) and the CLI reads it as "{{got}}", dropping the others. Keep only "{{key}}".',
  duplicateToolName: 'Duplicate tool name: "{{tool}}" (tools[{{first}}] has it too). Tool names must be unique; rename one.',
  credentialProviderName:
    'credentialProviderName is no longer supported. Use outboundAuth instead, for example "outboundAuth": ' +
    '{ "awsIam": {} } or "outboundAuth": { "oauth": { "providerArn": "…", "scopes": […] } }.',
  memoryNeedsReference:
    'An existing memory reference needs "arn" or "name"{{legacy}}: add the name of a memory of this project or ' +
    'the ARN of another, or set "mode": "managed" (the harness gets its own memory) or "disabled".',
  retrievalWithArn:
    'retrievalConfig is not supported when memory is referenced by `arn` (per-namespace tuning is only ' +
    'resolvable for a by-name reference). Reference the memory by `name` only, or drop retrievalConfig.',
  retrievalEmpty: 'retrievalConfig must specify at least one of topK or relevanceScore: add one, or remove retrievalConfig.',
  truncationNoConfig:
    'Truncation strategy "none" does not take a config: remove truncation.config, or choose the strategy it configures ("{{strategy}}").',
  truncationMismatch:
    'Truncation strategy "{{strategy}}" requires a "{{expected}}" config, got "{{got}}": make the block "{{expected}}", or set the strategy to "{{other}}".',
  systemPromptBlank:
    'systemPrompt must not be empty or whitespace-only (the harness would fail to deploy): write the prompt, or remove systemPrompt.',
  systemPromptPath:
    'systemPrompt "{{value}}" looks like a file path, but it is always literal text and would be sent to the ' +
    'model as it is. Put a file-backed prompt in a system-prompt.md in the harness folder (picked up ' +
    'automatically), or write the prompt text here.',
  tooManyEnvVars: 'A maximum of 50 environment variables is allowed; this harness sets {{count}}. Remove some.',
  containerUriAndDockerfile:
    'containerUri and dockerfile are mutually exclusive: run a prebuilt image (containerUri) or build one from a Dockerfile (dockerfile), not both.',
  vpcNeedsConfig:
    'networkMode is VPC but there is no networkConfig: add "networkConfig": {"subnets": ["subnet-…"], "securityGroups": ["sg-…"]}.',
  configNeedsVpc:
    'networkConfig is only allowed when networkMode is VPC (it is {{mode}}). Set "networkMode": "VPC" or remove networkConfig.',
  containerSecurityGroups:
    'Container builds in VPC mode allow at most {{max}} security groups (CodeBuild limit); this harness builds a container ({{why}}) and lists {{count}}.',
  mountsNeedVpc:
    'efsAccessPoints and s3AccessPoints require networkMode VPC (it is {{mode}}). Set "networkMode": "VPC" with a networkConfig, or remove the access points.',
  duplicateMountPath: 'Filesystem mount paths must be unique: {{where}} also mounts "{{mountPath}}". Use another folder under /mnt.',
  idleAboveMax:
    'lifecycleConfig.idleRuntimeSessionTimeout ({{idle}} s) must be <= maxLifetime ({{max}} s); lower the idle timeout or raise maxLifetime.',
  jwtNeedsConfig:
    'authorizerType is CUSTOM_JWT but there is no authorizerConfiguration.customJwtAuthorizer: add {"customJwtAuthorizer": {"discoveryUrl": "https://…/.well-known/openid-configuration", "allowedClients": […]}} (or use AWS_IAM).',
  configNeedsJwt:
    'authorizerConfiguration is only allowed when authorizerType is CUSTOM_JWT (it is {{current}}). Set "authorizerType": "CUSTOM_JWT" or remove authorizerConfiguration.',
  ...CUSTOM_JWT_MESSAGES,
  ...TAG_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES;
type Report = RefinementReport<MessageId>;

export default defineRule({
  meta: {
    id: 'harness-config',
    code: 'AC124',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'A harness.json must satisfy the checks the CLI makes beyond its schema: model options per provider, tool ' +
      'configs matching their type, memory, truncation, system prompt, network, mounts and authorizer rules.',
    rationale:
      'After agentcore.json, `agentcore validate` (and `agentcore deploy`, before synthesis) reads each harness\'s ' +
      '`app/<name>/harness.json` and parses it with `HarnessSpecSchema` (`dist/schema/schemas/primitives/harness.js` ' +
      'of `@aws/agentcore` 0.30.0); on failure it stops with "Invalid harness configuration: Harness \\"<name>\\": …". ' +
      'Its shape is checked by `schema`; this rule checks its refinements, which JSON Schema cannot express. ' +
      '**Model**: `topK` only for `gemini`; `apiFormat` only for `bedrock` and `open_ai`, and not `converse_stream` ' +
      'for `open_ai`; `apiKeyArn` required for `open_ai` and `gemini` (CloudFormation requires it); `apiBase` and ' +
      '`additionalParams` only for `lite_llm`. **Tools**: unique names; a `remote_mcp`, `agentcore_gateway` or ' +
      '`inline_function` tool needs its config block, and a config must be the block of its type (the CLI reads a ' +
      'config as the first block form that parses); `credentialProviderName` in `agentCoreGateway` is no longer ' +
      'supported (use `outboundAuth`). **Memory**: an existing memory (also one without `mode`, the older form) ' +
      'needs `arn` or `name`; `retrievalConfig` sets `topK` or `relevanceScore`, and is not supported with `arn`. ' +
      '**Truncation**: the config block matches the strategy, and `none` takes none. **System prompt**: not blank, ' +
      'and not a file path (it is always literal text; file-backed prompts go in `system-prompt.md`). **Runtime**: ' +
      'at most 50 environment variables; `containerUri` or `dockerfile`, not both; `networkConfig` exactly when ' +
      '`networkMode` is `VPC`, and at most 5 security groups for a container build in a VPC (CodeBuild\'s limit); ' +
      'EFS and S3 access points need `VPC`; mount paths (`sessionStoragePath` and the access points\') are unique; ' +
      '`lifecycleConfig.idleRuntimeSessionTimeout` <= `maxLifetime`. **Authorizer**: `CUSTOM_JWT` needs ' +
      '`authorizerConfiguration.customJwtAuthorizer`, which is only allowed with `CUSTOM_JWT` and gets the checks ' +
      'of `custom-jwt-config`; tags get those of `tags`. The CLI reports the top-level checks only once everything ' +
      'else in the file parses; agentcore-lint reports them all at once, each at the value concerned.',
    messages: MESSAGES,
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const harness of project.harnesses) {
      const { doc } = harness;
      const root = doc.value;
      if (!isObject(root) || !findingsKept(project, doc.file)) continue;
      const at: Report = (finding) => report({ ...finding, doc });
      checkModel(root, at);
      checkTools(root, at);
      checkMemory(root, at);
      checkTruncation(root, at);
      checkRuntime(root, at);
      checkAuthorizer(root, `harness "${harness.name}"`, at);
    }
  },
});

function checkModel(root: JsonObject, report: Report): void {
  const model = root.model;
  if (!isObject(model)) return;
  const provider = enumValue(model.provider, PROVIDERS);
  if (!provider) return;
  if (model.topK !== undefined && provider !== 'gemini') {
    report({ messageId: 'topKNotGemini', data: { provider }, path: ['model', 'topK'], target: 'key' });
  }
  if (model.apiFormat !== undefined) {
    if (provider !== 'bedrock' && provider !== 'open_ai') {
      report({ messageId: 'apiFormatProvider', data: { provider }, path: ['model', 'apiFormat'], target: 'key' });
    } else if (provider === 'open_ai' && model.apiFormat === 'converse_stream') {
      report({ messageId: 'apiFormatOpenAi', path: ['model', 'apiFormat'] });
    }
  }
  if (model.apiKeyArn === undefined && (provider === 'open_ai' || provider === 'gemini')) {
    report({ messageId: 'apiKeyArnRequired', data: { provider }, path: ['model', 'provider'] });
  }
  for (const field of ['apiBase', 'additionalParams']) {
    if (model[field] !== undefined && provider !== 'lite_llm') {
      report({ messageId: 'liteLlmOnly', data: { field, provider }, path: ['model', field], target: 'key' });
    }
  }
}

function checkTools(root: JsonObject, report: Report): void {
  const firstByName = new Map<string, number>();
  for (const [i, tool] of objectsOf(root.tools)) {
    const toolPath: JsonPath = ['tools', i];
    const name = asString(tool.name);
    const shown = shownName(name, toolPath);
    if (name !== undefined) {
      const first = firstByName.get(name);
      if (first === undefined) firstByName.set(name, i);
      else report({ messageId: 'duplicateToolName', data: { tool: name, first }, path: [...toolPath, 'name'] });
    }
    const config = tool.config;
    const got = isObject(config) ? parsedConfigKey(config) : undefined;
    // Only decisive when no block of the config parses: otherwise zod keeps another block and drops this one.
    const gateway = isObject(config) ? config.agentCoreGateway : undefined;
    if (got === undefined && isObject(gateway) && 'credentialProviderName' in gateway) {
      report({ messageId: 'credentialProviderName', path: [...toolPath, 'config', 'agentCoreGateway', 'credentialProviderName'], target: 'key' });
    }
    const type = enumValue(tool.type, TOOL_TYPES);
    if (!type) continue;
    const key = TOOL_TYPE_TO_CONFIG_KEY[type];
    if (config === undefined) {
      if (TOOL_TYPES_REQUIRING_CONFIG.has(type)) report({ messageId: 'toolConfigMissing', data: { tool: shown, type, key }, path: [...toolPath, 'type'] });
      continue;
    }
    if (!isObject(config) || got === undefined || got === key) continue;
    const blocks = Object.keys(config).filter((k) => TOOL_CONFIG_BRANCHES.some(([branch]) => branch === k));
    if (blocks.length > 1) {
      const keys = blocks.map((k) => `"${k}"`).join(', ');
      report({ messageId: 'toolConfigAmbiguous', data: { tool: shown, type, key, got, keys }, path: [...toolPath, 'config'], target: 'key' });
    } else {
      report({ messageId: 'toolConfigMismatch', data: { tool: shown, type, key, got }, path: [...toolPath, 'config', got], target: 'key' });
    }
  }
}

function checkMemory(root: JsonObject, report: Report): void {
  const memory = root.memory;
  if (!isObject(memory)) return;
  // HarnessMemoryRefSchema's preprocess: an object without `mode` is the older form of an existing reference.
  const legacy = !('mode' in memory);
  if (!legacy && memory.mode !== 'existing') return;
  if (memory.arn == null && memory.name == null) {
    report({
      messageId: 'memoryNeedsReference',
      data: { legacy: legacy ? ' (without "mode", memory is read as "mode": "existing")' : '' },
      path: ['memory'],
      target: 'key',
    });
  }
  const retrieval = memory.retrievalConfig;
  if (memory.arn && retrieval !== undefined) {
    report({ messageId: 'retrievalWithArn', path: ['memory', 'retrievalConfig'], target: 'key' });
  }
  if (isObject(retrieval) && retrieval.topK === undefined && retrieval.relevanceScore === undefined) {
    report({ messageId: 'retrievalEmpty', path: ['memory', 'retrievalConfig'], target: 'key' });
  }
}

function checkTruncation(root: JsonObject, report: Report): void {
  const truncation = root.truncation;
  if (!isObject(truncation) || !isObject(truncation.config)) return;
  const strategy = enumValue(truncation.strategy, TRUNCATION_STRATEGIES);
  // The config is a union of two strict objects of one key each; anything else is a schema finding.
  const keys = Object.keys(truncation.config);
  if (!strategy || keys.length !== 1 || (keys[0] !== 'slidingWindow' && keys[0] !== 'summarization')) return;
  const got = keys[0];
  const expected = TRUNCATION_CONFIG_KEY[strategy];
  const configures = got === 'slidingWindow' ? 'sliding_window' : 'summarization';
  if (expected === undefined) {
    report({ messageId: 'truncationNoConfig', data: { strategy: configures }, path: ['truncation', 'config'], target: 'key' });
  } else if (expected !== got) {
    report({ messageId: 'truncationMismatch', data: { strategy, expected, got, other: configures }, path: ['truncation', 'config', got], target: 'key' });
  }
}

function checkRuntime(root: JsonObject, report: Report): void {
  const prompt = root.systemPrompt;
  if (typeof prompt === 'string') {
    if (prompt.trim().length === 0) report({ messageId: 'systemPromptBlank', path: ['systemPrompt'] });
    else if (looksLikeLegacyPromptPath(prompt)) report({ messageId: 'systemPromptPath', data: { value: prompt.trim() }, path: ['systemPrompt'] });
  }

  const env = root.environmentVariables;
  if (isObject(env) && Object.keys(env).length > MAX_ENV_VARS) {
    report({ messageId: 'tooManyEnvVars', data: { count: Object.keys(env).length }, path: ['environmentVariables'], target: 'key' });
  }

  if (root.containerUri !== undefined && root.dockerfile !== undefined) {
    report({ messageId: 'containerUriAndDockerfile', path: ['containerUri'], target: 'key' });
  }

  // isContainerBuild(): a containerUri or a dockerfile (harness.json has no `build`).
  const why = root.containerUri ? 'containerUri' : root.dockerfile ? 'dockerfile' : undefined;
  for (const issue of networkIssues(root, why !== undefined)) {
    if (issue.kind === 'vpcNeedsConfig') report({ messageId: 'vpcNeedsConfig', path: ['networkMode'] });
    else if (issue.kind === 'configNeedsVpc') report({ messageId: 'configNeedsVpc', data: { mode: issue.mode }, path: ['networkConfig'], target: 'key' });
    else {
      report({
        messageId: 'containerSecurityGroups',
        data: { max: issue.max, count: issue.count, why: why ?? '' },
        path: ['networkConfig', 'securityGroups'],
        target: 'key',
      });
    }
  }

  const mode = enumValue(root.networkMode, ['PUBLIC', 'VPC'] as const);
  const mounted = (['efsAccessPoints', 's3AccessPoints'] as const).find((key) => nonEmptyArray(root[key]));
  if (mounted && mode !== null && mode !== 'VPC') {
    report({ messageId: 'mountsNeedVpc', data: { mode: mode ?? 'unset, so PUBLIC' }, path: [mounted], target: 'key' });
  }

  // Mount paths, compared without one trailing slash.
  const seen = new Map<string, string>();
  const mount = (value: unknown, path: JsonPath, where: string): void => {
    if (typeof value !== 'string' || value === '') return;
    const normalized = value.replace(/\/$/, '');
    const other = seen.get(normalized);
    if (other !== undefined) report({ messageId: 'duplicateMountPath', data: { where: other, mountPath: normalized }, path });
    else seen.set(normalized, where);
  };
  mount(root.sessionStoragePath, ['sessionStoragePath'], 'sessionStoragePath');
  for (const key of ['efsAccessPoints', 's3AccessPoints']) {
    for (const [i, point] of objectsOf(root[key])) mount(point.mountPath, [key, i, 'mountPath'], `${key}[${i}]`);
  }

  const lifecycle = idleAboveMaxLifetime(root.lifecycleConfig);
  if (lifecycle) report({ messageId: 'idleAboveMax', data: lifecycle, path: ['lifecycleConfig', 'idleRuntimeSessionTimeout'] });
}

function checkAuthorizer(root: JsonObject, owner: string, report: Report): void {
  const type = enumValue(root.authorizerType, ['AWS_IAM', 'CUSTOM_JWT'] as const);
  if (type === 'CUSTOM_JWT' && authorizerConfigState(root, 'customJwtAuthorizer') === 'missing') {
    report({ messageId: 'jwtNeedsConfig', ...locate(root, ['authorizerConfiguration'], ['authorizerType']) });
  }
  if (type !== null && type !== 'CUSTOM_JWT' && isObject(root.authorizerConfiguration)) {
    report({
      messageId: 'configNeedsJwt',
      data: { current: type === undefined ? 'unset, so AWS_IAM' : type },
      path: ['authorizerConfiguration'],
      target: 'key',
    });
  }
  const tagPaths: JsonPath[] = [['tags']];
  const config = root.authorizerConfiguration;
  if (isObject(config) && isObject(config.customJwtAuthorizer)) {
    const path = ['authorizerConfiguration', 'customJwtAuthorizer'];
    checkCustomJwtAuthorizer(root, owner, path, config.customJwtAuthorizer, report);
    tagPaths.push(...customJwtTagPaths(path, config.customJwtAuthorizer));
  }
  for (const path of tagPaths) checkTags(root, path, report);
}
