import { reportPolicyProblems, SCHEMA_FACT } from '../../src/policy/report.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  meta: {
    id: 'policy-tag-unguarded',
    code: 'AC065',
    category: 'policy',
    defaultSeverity: 'error',
    description: '`principal.getTag("claim")` must be guarded by `principal.hasTag("claim") &&`.',
    rationale:
      'JWT claims reach policies as tags of `AgentCore::OAuthUser`, and a token may lack any claim. `getTag` on a ' +
      'missing tag is an evaluation error: the policy is skipped for that request (a forbid then does not forbid). ' +
      'Cedar\'s strict validation rejects the unguarded form, so AWS rejects the policy at deploy. ' + SCHEMA_FACT,
    messages: {
      unguarded:
        'Policy {{policy}} reads principal.getTag("{{tag}}") without testing principal.hasTag("{{tag}}") first (gateway {{gateway}}): a token without the "{{tag}}" claim makes the policy error and be skipped, and AWS rejects it at deploy. Write principal.hasTag("{{tag}}") && principal.getTag("{{tag}}") ...',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    reportPolicyProblems(project, 'policy-tag-unguarded', report);
  },
});
