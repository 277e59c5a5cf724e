import { reportPolicyProblems, SCHEMA_FACT } from '../../src/policy/report.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  meta: {
    id: 'policy-context',
    code: 'AC066',
    category: 'policy',
    defaultSeverity: 'error',
    description: 'AgentCore provides `context.input`, the arguments of the tool call, and `context.system.now`, the time of the call; nothing else.',
    rationale:
      'AgentCore builds the request context from the MCP tool call: `context.input` holds its arguments, typed ' +
      'from the tool\'s inputSchema, and `context.system.now` the current UTC time, for time-based policies ' +
      '(AWS "Time-based policy support"); nothing else (no IP or claims in context; claims are principal tags). ' +
      'Any other `context.<name>` fails validation at deploy. ' + SCHEMA_FACT,
    messages: {
      otherContext:
        'Policy {{policy}} reads context.{{attribute}}, but AgentCore provides only context.input (the tool call\'s arguments) and context.system.now (the time of the call) on gateway {{gateway}}. Use context.input.<argument>, or principal tags for JWT claims.',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    reportPolicyProblems(project, 'policy-context', report);
  },
});
