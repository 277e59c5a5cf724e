import { reportPolicyProblems, SCHEMA_FACT } from '../../src/policy/report.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  meta: {
    id: 'policy-principal-attribute',
    code: 'AC064',
    category: 'policy',
    defaultSeverity: 'error',
    description:
      'Principals have only the attribute `id`; JWT claims are tags of AgentCore::OAuthUser, and AgentCore::IamEntity (AWS_IAM gateways) has no tags.',
    rationale:
      '`AgentCore::OAuthUser` has `id` (the JWT `sub`) and carries the other claims as tags (`hasTag`/`getTag`); ' +
      '`AgentCore::IamEntity` has only `id` (the caller\'s IAM ARN) and no tags, so `principal.email` fails ' +
      'validation and a tag condition on an AWS_IAM gateway can never hold (Cedar only calls it "impossible"). ' + SCHEMA_FACT,
    messages: {
      jwtAttribute:
        'Policy {{policy}} reads principal.{{attribute}}, but {{entity}} has only the attribute "id" (gateway {{gateway}}): JWT claims are tags. Write principal.hasTag("{{attribute}}") && principal.getTag("{{attribute}}") ...',
      iamAttribute:
        'Policy {{policy}} reads principal.{{attribute}}, but {{entity}} has only the attribute "id", the caller\'s IAM ARN (gateway {{gateway}}). Match callers with principal.id like "arn:aws:iam::<account>:role/<name>*".',
      entityAttribute:
        'Policy {{policy}} reads attribute "{{attribute}}" of {{entity}}, which has no such attribute (gateway {{gateway}}); AgentCore entities have no custom attributes.',
      iamTags:
        'Policy {{policy}} uses principal.{{method}}, but gateway {{gateway}} uses AWS_IAM inbound auth and AgentCore::IamEntity has no tags: the condition can never hold. Match the caller with principal.id like "arn:aws:iam::<account>:role/<name>*" instead.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    reportPolicyProblems(project, 'policy-principal-attribute', report);
  },
});
