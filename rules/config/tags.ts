import { defineRule } from '../../src/rule.js';
import type { JsonPath } from '../../src/json/document.js';
import { isObject, objectsOf } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { valueAt } from '../../src/util/refinements.js';

const MAX_TAGS = 50;

/** Every place agentcore.json takes a `TagsSchema` record (grep `TagsSchema` in the CLI's schema modules). */
function tagLocations(spec: Record<string, unknown>): JsonPath[] {
  const out: JsonPath[] = [['tags']];
  for (const key of ['runtimes', 'memories', 'evaluators', 'onlineEvalConfigs', 'agentCoreGateways', 'policyEngines', 'capacityProviders']) {
    for (const entry of entries(spec, key)) out.push([...entry.path, 'tags']);
  }
  // managedVpcResource of a CUSTOM_JWT private endpoint (gateways and runtimes).
  for (const key of ['agentCoreGateways', 'runtimes']) {
    for (const entry of entries(spec, key)) {
      const config = entry.node.authorizerConfiguration;
      const jwt = isObject(config) && isObject(config.customJwtAuthorizer) ? config.customJwtAuthorizer : undefined;
      if (!jwt) continue;
      const base = [...entry.path, 'authorizerConfiguration', 'customJwtAuthorizer'];
      out.push([...base, 'privateEndpoint', 'managedVpcResource', 'tags']);
      for (const [i] of objectsOf(jwt.privateEndpointOverrides)) {
        out.push([...base, 'privateEndpointOverrides', i, 'privateEndpoint', 'managedVpcResource', 'tags']);
      }
    }
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'tags',
    code: 'AC117',
    category: 'config',
    defaultSeverity: 'error',
    description: 'Resource tags: at most 50 per resource, keys not blank and not starting with "aws:".',
    rationale:
      'Tags in agentcore.json (project-wide and per resource) are applied by CloudFormation. AWS reserves the ' +
      '`aws:` key prefix for its own tags, rejects keys that are only whitespace, and allows at most 50 tags ' +
      'per resource. `TagsSchema` (`dist/schema/schemas/primitives/tags.js` of `@aws/agentcore` 0.30.0) refines ' +
      'the record accordingly; `agentcore validate` reports the key problems only as "Invalid key in record", ' +
      'agentcore-lint says which rule the key breaks. Key and value length and characters are plain schema ' +
      'checks.',
    messages: {
      reservedPrefix: 'Tag key "{{key}}" starts with "aws:", which is reserved for AWS; rename the tag.',
      blankKey: 'Tag key must contain at least one non-whitespace character; rename or remove this tag.',
      tooMany: '{{count}} tags on one resource; the maximum is 50 per resource. Remove some.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    if (!spec) return;
    for (const path of tagLocations(spec)) {
      const tags = valueAt(spec, path);
      if (!isObject(tags)) continue;
      const keys = Object.keys(tags);
      for (const key of keys) {
        if (key.length > 0 && key.trim().length === 0) report({ messageId: 'blankKey', path: [...path, key], target: 'key' });
        if (key.startsWith('aws:')) report({ messageId: 'reservedPrefix', data: { key }, path: [...path, key], target: 'key' });
      }
      if (keys.length > MAX_TAGS) report({ messageId: 'tooMany', data: { count: keys.length }, path, target: 'key' });
    }
  },
});
