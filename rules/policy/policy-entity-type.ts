import { reportPolicyProblems, SCHEMA_FACT } from '../../src/policy/report.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  meta: {
    id: 'policy-entity-type',
    code: 'AC062',
    category: 'policy',
    defaultSeverity: 'error',
    description:
      'Policies may only use the AgentCore entity types: AgentCore::OAuthUser, AgentCore::IamEntity, AgentCore::Gateway and AgentCore::Action.',
    rationale:
      'AgentCore policies cannot declare entity types: the schema AWS derives has only `AgentCore::OAuthUser`, ' +
      '`AgentCore::IamEntity`, `AgentCore::Gateway` and the tool actions, so `User::"alice"` or `MyApp::Doc` fails ' +
      'validation at deploy. ' + SCHEMA_FACT,
    messages: {
      outside:
        'Policy {{policy}} uses entity type "{{type}}", which does not exist for AgentCore policies (gateway {{gateway}}): only AgentCore::OAuthUser, AgentCore::IamEntity, AgentCore::Gateway and AgentCore::Action exist.{{hint}} Match callers by principal.id or by JWT claims (tags) instead.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    reportPolicyProblems(project, 'policy-entity-type', report);
  },
});
