import { defineRule } from '../../src/rule.js';
import type { JsonPath } from '../../src/json/document.js';
import { isObject } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { customJwtTagPaths } from '../../src/agentcore/custom-jwt.js';
import { checkTags, TAG_MESSAGES } from '../../src/agentcore/tags.js';

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
      out.push(...customJwtTagPaths([...entry.path, 'authorizerConfiguration', 'customJwtAuthorizer'], jwt));
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
      'checks. The tags of a harness, in its harness.json, are checked by `harness-config`.',
    messages: TAG_MESSAGES,
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    const spec = project.spec;
    if (!spec) return;
    for (const path of tagLocations(spec)) checkTags(spec, path, report);
  },
});
