import { defineRule } from '../../src/rule.js';
import { objectsOf } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { shownName } from '../../src/util/refinements.js';

/** S3 bucket naming rules, as in `dist/schema/schemas/primitives/knowledge-base.js`. */
const S3_BUCKET_NAME = /^(?!xn--)(?!sthree-)[a-z0-9](?!.*\.\.)[a-z0-9.-]{1,61}[a-z0-9](?<!-s3alias)$/;
const CONNECTOR_TYPES = ['WEB', 'CONFLUENCE', 'SHAREPOINT', 'ONEDRIVE', 'GOOGLEDRIVE'];

function validS3Uri(uri: string): boolean {
  const m = /^s3:\/\/([^/]+)(?:\/.*)?$/.exec(uri);
  return !!m && S3_BUCKET_NAME.test(m[1]);
}

export default defineRule({
  meta: {
    id: 'knowledge-base-data-sources',
    code: 'AC121',
    category: 'config',
    defaultSeverity: 'error',
    description: 'Knowledge base S3 data sources need a valid s3:// URI with a valid bucket name, and no data source may be listed twice.',
    rationale:
      'Each `knowledgeBases[].dataSources[]` entry becomes a Bedrock knowledge base data source. ' +
      '`S3DataSourceSchema` (`dist/schema/schemas/primitives/knowledge-base.js` of `@aws/agentcore` 0.30.0) ' +
      'refines an S3 `uri` to `s3://bucket[/prefix]` where the bucket follows the S3 naming rules (3–63 ' +
      'lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, no `..`, not ' +
      '`xn--…`, `sthree-…` or `…-s3alias`), so a bad bucket fails at validation instead of mid-deploy; and ' +
      '`KnowledgeBaseSchema` refines the list to unique sources (by S3 URI or connector config file).',
    messages: {
      badS3Uri:
        'Data source uri "{{uri}}" of knowledge base {{name}} must be a valid s3:// URI with an AWS-compliant bucket name: s3://bucket[/prefix], the bucket 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, without "..", and not xn--…, sthree-… or …-s3alias.',
      duplicate: 'Duplicate data source "{{source}}" in knowledge base {{name}}; list each source once.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const kb of entries(project.spec, 'knowledgeBases')) {
      const name = shownName(kb.name, kb.path);
      const seen = new Set<string>();
      for (const [j, source] of objectsOf(kb.node.dataSources)) {
        const path = [...kb.path, 'dataSources', j];
        let field: 'uri' | 'connectorConfigFile';
        if (source.type === 'S3') field = 'uri';
        else if (typeof source.type === 'string' && CONNECTOR_TYPES.includes(source.type)) field = 'connectorConfigFile';
        else continue;
        const key = source[field];
        if (typeof key !== 'string') continue;
        if (field === 'uri' && !validS3Uri(key)) report({ messageId: 'badS3Uri', data: { uri: key, name }, path: [...path, 'uri'] });
        if (seen.has(key)) report({ messageId: 'duplicate', data: { source: key, name }, path: [...path, field] });
        seen.add(key);
      }
    }
  },
});
