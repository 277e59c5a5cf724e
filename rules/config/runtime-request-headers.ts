import { defineRule } from '../../src/rule.js';
import { asArray } from '../../src/util/json-value.js';
import { entries } from '../../src/util/spec.js';
import { shownName } from '../../src/util/refinements.js';

const HEADER_NAME_PATTERN = /^[A-Za-z0-9\-_]+$/;

/** `checkAllowlistHeader` in `dist/schema/schemas/agent-env.js`: which rule a header name breaks, if any. */
function problem(header: string): 'badName' | 'amz' | 'amzn' | undefined {
  if (!HEADER_NAME_PATTERN.test(header)) return 'badName';
  const lower = header.toLowerCase();
  if (lower.startsWith('x-amz-')) return 'amz';
  if (lower.startsWith('x-amzn-') && !lower.startsWith('x-amzn-bedrock-agentcore-runtime-custom-')) return 'amzn';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'runtime-request-headers',
    code: 'AC113',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'requestHeaderAllowlist entries must be valid header names and not reserved x-amz-* / x-amzn-* headers.',
    rationale:
      'A runtime\'s `requestHeaderAllowlist` names the request headers AgentCore forwards to the agent. Per the ' +
      'runtime header allowlist documentation, any HTTP header name (letters, digits, `-`, `_`) may be listed ' +
      'unless it is structurally reserved: `x-amz-*` headers belong to AWS request signing, and `x-amzn-*` ' +
      'headers are reserved except `X-Amzn-Bedrock-AgentCore-Runtime-Custom-*`. ' +
      '`RequestHeaderAllowlistSchema` (`checkAllowlistHeader` in `dist/schema/schemas/agent-env.js` of ' +
      '`@aws/agentcore` 0.30.0) rejects the others ("Headers starting with \\"x-amz-\\" are reserved for AWS ' +
      'request signing."). The limit of 20 entries is a plain schema check.',
    messages: {
      badName:
        'Header name "{{header}}" in the requestHeaderAllowlist of runtime {{name}} must contain only alphanumeric characters, hyphens and underscores.',
      amz:
        'Header "{{header}}" in the requestHeaderAllowlist of runtime {{name}} is not allowed: headers starting with "x-amz-" are reserved for AWS request signing. Remove it.',
      amzn:
        'Header "{{header}}" in the requestHeaderAllowlist of runtime {{name}} is not allowed: headers starting with "x-amzn-" are reserved, except "X-Amzn-Bedrock-AgentCore-Runtime-Custom-*". Rename it to X-Amzn-Bedrock-AgentCore-Runtime-Custom-… or remove it.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const runtime of entries(project.spec, 'runtimes')) {
      asArray(runtime.node.requestHeaderAllowlist).forEach((header, i) => {
        if (typeof header !== 'string') return;
        const messageId = problem(header);
        if (!messageId) return;
        report({
          messageId,
          data: { header, name: shownName(runtime.name, runtime.path) },
          path: [...runtime.path, 'requestHeaderAllowlist', i],
        });
      });
    }
  },
});
