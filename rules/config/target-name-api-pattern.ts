import { defineRule } from '../../src/rule.js';
import { formatPath } from '../../src/json/document.js';
import { gatewayTargets } from '../../src/util/spec.js';

/** `^([0-9a-zA-Z][-]?){1,100}$`, checked without a regex: letters/digits, single hyphens, not leading, ≤ 100 letters/digits. */
export function targetNameProblem(name: string): string | undefined {
  if (name.length === 0) return undefined; // The schema rule reports empty names.
  if (name.includes('_')) return 'underscores are not allowed (the CLI accepts them, the API does not)';
  if (!/^[0-9A-Za-z-]*$/.test(name)) return 'only letters, digits and single hyphens are allowed';
  if (name.startsWith('-')) return 'it must start with a letter or digit';
  if (name.includes('--')) return 'two hyphens in a row are not allowed';
  const alnum = name.replace(/-/g, '').length;
  if (alnum > 100) return `it has ${alnum} letters and digits, over the limit of 100`;
  return undefined;
}

/** A name the API accepts, for the message: `pet_store` → `pet-store`. */
export function suggestTargetName(name: string): string {
  return name
    .replace(/[^0-9A-Za-z]+/g, '-')
    .replace(/^-+/, '')
    .replace(/-+$/, '')
    .slice(0, 100);
}

export default defineRule({
  meta: {
    id: 'target-name-api-pattern',
    code: 'AC015',
    category: 'config',
    defaultSeverity: 'error',
    description: 'Gateway target names must match the AgentCore API pattern ^([0-9a-zA-Z][-]?){1,100}$.',
    rationale:
      'The CLI schema only requires a non-empty target name, so `pet_store` passes `agentcore validate`, but the ' +
      'AgentCore CreateGatewayTarget API (and the CDK construct) accept only letters, digits and single hyphens, ' +
      'and deploy fails with a validation error (agentcore-facts.md §2.5; official-validate.md case 19). Renaming ' +
      'a target also renames its tools (`<target>___<tool>`), so update Cedar policies and agent code that name them.',
    messages: {
      invalid:
        'Gateway "{{gateway}}" target name "{{target}}" is rejected by the AgentCore API at deploy: {{problem}}. Rename it ' +
        '(for example "{{suggestion}}") and update policies or code that call its tools as "{{target}}___<tool>".',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const target of gatewayTargets(project.spec)) {
      if (target.name === undefined) continue;
      const problem = targetNameProblem(target.name);
      if (!problem) continue;
      report({
        messageId: 'invalid',
        path: [...target.path, 'name'],
        data: {
          gateway: target.gateway.name ?? formatPath(target.gateway.path),
          target: target.name,
          problem,
          suggestion: suggestTargetName(target.name) || 'my-target',
        },
      });
    }
  },
});
