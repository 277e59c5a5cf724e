import { defineRule } from '../../src/rule.js';
import { entries } from '../../src/util/spec.js';
import { networkIssues, nonEmptyString, shownName } from '../../src/util/refinements.js';

export default defineRule({
  meta: {
    id: 'runtime-network',
    code: 'AC108',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'A runtime has networkConfig exactly when networkMode is VPC, and a VPC Container build has at most 5 security groups.',
    rationale:
      'A runtime in `networkMode: "VPC"` is placed in the subnets and security groups of `networkConfig`; in ' +
      'PUBLIC mode (the default) there is no VPC to configure. The `superRefine` of `AgentEnvSpecSchema` ' +
      '(`dist/schema/schemas/agent-env.js` of `@aws/agentcore` 0.30.0) therefore requires `networkConfig` with ' +
      'VPC and rejects it otherwise ("networkConfig is only allowed when networkMode is VPC"), and limits a ' +
      'Container build in VPC mode to 5 security groups, because the image is built by CodeBuild in the same ' +
      'VPC and CodeBuild accepts at most 5. A harness\'s network settings, in its harness.json, are checked the ' +
      'same way by `harness-config`.',
    messages: {
      vpcNeedsConfig:
        'Runtime {{name}} has networkMode VPC but no networkConfig: add "networkConfig": {"subnets": ["subnet-…"], "securityGroups": ["sg-…"]}.',
      configNeedsVpc:
        'networkConfig of runtime {{name}} is only allowed when networkMode is VPC (it is {{mode}}). Set "networkMode": "VPC" or remove networkConfig.',
      containerSecurityGroups:
        'Container builds in VPC mode allow at most {{max}} security groups (CodeBuild limit); runtime {{name}} lists {{count}}.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const runtime of entries(project.spec, 'runtimes')) {
      const node = runtime.node;
      const name = shownName(runtime.name, runtime.path);
      // isContainerBuild(): build Container or a dockerfile (containerUri is not in the runtime schema).
      const container = node.build === 'Container' || nonEmptyString(node.dockerfile);
      for (const issue of networkIssues(node, container)) {
        if (issue.kind === 'vpcNeedsConfig') {
          report({ messageId: 'vpcNeedsConfig', data: { name }, path: [...runtime.path, 'networkMode'] });
        } else if (issue.kind === 'configNeedsVpc') {
          report({ messageId: 'configNeedsVpc', data: { name, mode: issue.mode }, path: [...runtime.path, 'networkConfig'], target: 'key' });
        } else {
          report({
            messageId: 'containerSecurityGroups',
            data: { name, max: issue.max, count: issue.count },
            path: [...runtime.path, 'networkConfig', 'securityGroups'],
            target: 'key',
          });
        }
      }
    }
  },
});
