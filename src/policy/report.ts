/** Reports the problems the shared policy analysis sorted into one rule. */
import type { AgentCoreProject } from '../project.js';
import type { ReportDescriptor } from '../rule.js';
import { analyzePolicies } from './analysis.js';

export function reportPolicyProblems<M extends string>(
  project: AgentCoreProject,
  ruleId: string,
  report: (descriptor: ReportDescriptor<M>) => void,
): void {
  for (const problem of analyzePolicies(project).problems) {
    if (problem.ruleId !== ruleId) continue;
    report({
      messageId: problem.messageId as M,
      data: problem.data,
      range: problem.range,
      file: problem.file,
      severity: problem.severity,
      fix: problem.fix,
    });
  }
}

export const SCHEMA_FACT =
  'AWS validates every policy at create/update against a Cedar schema it derives from the gateway\'s tools: namespace ' +
  '`AgentCore`, principal `AgentCore::OAuthUser` (CUSTOM_JWT gateways: `id` plus JWT claims as tags) or ' +
  '`AgentCore::IamEntity` (AWS_IAM gateways: `id` only), resource `AgentCore::Gateway`, one action ' +
  '`AgentCore::Action::"<Target>___<tool>"` per tool in the action group `"<Target>"`, `context.input` typed from ' +
  'the tool\'s inputSchema (string→String, integer→Long, boolean→Bool, number→decimal, object→record whose ' +
  'non-required properties are optional, array→Set), and `context.system.now`, the time of the call (a datetime). A policy that fails this check is rejected at deploy. ' +
  'agentcore-lint builds the same schema from agentcore.json and the files it references (`agentcore-lint ' +
  'cedar-schema --gateway NAME` prints it) and validates each policy with Cedar in strict mode against every gateway ' +
  'its engine is attached to (agentcore-facts.md §5). Tools known only at run time (MCP servers without a ' +
  '`mcpToolSnapshots` entry, Smithy and S3 schemas, API Gateway exports) are not guessed: policies naming them are ' +
  'reported as not checked.';
