import { reportPolicyProblems, SCHEMA_FACT } from '../../src/policy/report.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  meta: {
    id: 'policy-input',
    code: 'AC067',
    category: 'policy',
    defaultSeverity: 'error',
    description:
      '`context.input.<field>` must be a field of the tool\'s inputSchema, optional fields need a `has` test, and types must match (JSON number fields are Cedar decimals).',
    rationale:
      'AgentCore types `context.input` from each tool\'s inputSchema: a field the tool does not have, an optional ' +
      'field (not in `required`) read without `context.input has <field> &&`, or a comparison of the wrong type ' +
      '(a String with a Long; `<` on a JSON `number`, which is a Cedar decimal and needs `.lessThan(decimal("…"))`) ' +
      'fails strict validation, so AWS rejects the policy at deploy. Other Cedar validation errors are reported ' +
      'here too, with Cedar\'s own wording. Once a policy has an error, Cedar forgets the `has` guards to its right ' +
      'and reports the fields they guard as well; those echoes are left out, so fixing the first error is enough. ' +
      SCHEMA_FACT,
    messages: {
      unknownField:
        'Policy {{policy}} reads context.input.{{field}}, but tool "{{tool}}" of gateway {{gateway}} has no input field "{{field}}".{{hint}} Use a field of the tool\'s inputSchema.{{scope}}',
      optionalField:
        'Policy {{policy}} reads context.input.{{field}}, which is optional for tool "{{tool}}" (not in its inputSchema\'s "required"; gateway {{gateway}}): guard it with `{{guard}} && ...`.',
      decimalCompare:
        'Policy {{policy}} compares a decimal with <, <=, > or >= (gateway {{gateway}}): JSON "number" inputs are Cedar decimals; compare with .lessThan(decimal("100.0")), .lessThanOrEqual(...), .greaterThan(...) or .greaterThanOrEqual(...).',
      typeError:
        'Policy {{policy}} has a type error in `{{snippet}}` for gateway {{gateway}}: {{detail}}. Compare values of the tool input\'s declared type (string→String, integer→Long, boolean→Bool, number→decimal).',
      other: 'Policy {{policy}} fails Cedar schema validation for gateway {{gateway}}: {{detail}}.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    reportPolicyProblems(project, 'policy-input', report);
  },
});
