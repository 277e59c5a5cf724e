import { reportPolicyProblems, SCHEMA_FACT } from '../../src/policy/report.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  meta: {
    id: 'policy-principal-type',
    code: 'AC063',
    category: 'policy',
    defaultSeverity: 'error',
    description:
      'The principal type in a policy must match the gateway\'s inbound auth: AgentCore::OAuthUser on CUSTOM_JWT gateways, AgentCore::IamEntity on AWS_IAM gateways.',
    rationale:
      'A CUSTOM_JWT gateway authenticates callers by JWT and presents them as `AgentCore::OAuthUser`; an AWS_IAM ' +
      'gateway presents the SigV4 caller as `AgentCore::IamEntity`. The derived schema has only that principal type, ' +
      'so a policy written for the other one fails validation at deploy and could never match. Gateways with ' +
      'authorizerType NONE have no documented principal; agentcore-lint accepts both types there. ' + SCHEMA_FACT,
    messages: {
      mismatch:
        'Policy {{policy}} uses principal type {{type}}, but gateway {{gateway}} uses {{auth}} inbound auth, whose callers are {{expected}}: AWS rejects the policy and it could never match. Use {{expected}}, or attach the engine to a gateway with the matching authorizer.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    reportPolicyProblems(project, 'policy-principal-type', report);
  },
});
