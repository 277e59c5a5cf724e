import { reportPolicyProblems, SCHEMA_FACT } from '../../src/policy/report.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  meta: {
    id: 'policy-unknown-action',
    code: 'AC061',
    category: 'policy',
    defaultSeverity: 'error',
    description:
      'Actions and action groups in a policy scope must exist on every gateway the engine is attached to: ' +
      '`AgentCore::Action::"<Target>___<tool>"` for a tool of the gateway, `AgentCore::Action::"<Target>"` for a target.',
    rationale:
      'Each gateway tool is the Cedar action `AgentCore::Action::"<Target>___<tool>"` — target and tool joined by ' +
      '**three** underscores (the AWS HTML docs show two, which is wrong) — and each target is an action group. ' +
      'An action the gateway does not have fails AWS\'s schema check at deploy, and the official CLI stores policy ' +
      'text unchecked. ' + SCHEMA_FACT + ' Policies in the CLI\'s `when guardrails { ... }` form and Dogwood ' +
      'temporal policies (`when temporal { ... }`) are not plain Cedar: they are noted and skipped.',
    messages: {
      unknownAction:
        'Policy {{policy}} names action "{{action}}", which gateway {{gateway}} does not have, so AWS rejects the policy at deploy.{{hint}} Use AgentCore::Action::"<Target>___<tool>" with a tool the gateway lists.',
      underscores:
        'Policy {{policy}} names action "{{action}}" with {{count}} underscore(s) between target and tool; AgentCore joins them with three: use AgentCore::Action::"{{expected}}" (gateway {{gateway}}).',
      unknownGroup:
        'Policy {{policy}} uses action group "{{action}}", but gateway {{gateway}} has no target of that name (each target is an action group; its targets are {{targets}}).{{hint}} Use a target name, or "CallTool" for every tool.',
      namespace:
        'Policy {{policy}} names action {{written}}: AgentCore actions are in the AgentCore namespace; write AgentCore::Action::"{{action}}" (gateway {{gateway}}).',
      notChecked:
        'Policy {{policy}} refers to target "{{target}}" of gateway {{gateway}}, whose tools are not known statically: {{reason}}. The actions, principal and context.input of the policy were not checked against that gateway.',
      notCedar:
        'Policy {{policy}} is a {{form}}, which is not plain Cedar: agentcore-lint does not check it against gateway {{gateway}}.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    reportPolicyProblems(project, 'policy-unknown-action', report);
  },
});
