import { defineRule } from '../../src/rule.js';
import { awsTargetsUnreadable } from './unreadable-file.js';
import { isLegacyProjectFile } from '../../src/schema/legacy.js';
import { asArray, asObject, asString } from '../../src/util/json-value.js';

/** A one-character range at the start of a file, for findings about the file as a whole. */
const FILE_START = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };

export default defineRule({
  meta: {
    id: 'aws-targets',
    code: 'AC003',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'agentcore/aws-targets.json must exist, and every target in .cli/deployed-state.json must be one of its ' +
      'deployment targets.',
    rationale:
      '`agentcore validate` (and every command that reads the project) requires `agentcore/aws-targets.json`, ' +
      'the list of deployment targets (`[{ name, account, region }]`; `agentcore create` writes `[]` and ' +
      '`agentcore deploy` adds a target); without it the CLI stops with "Required file not found: ' +
      'aws-targets.json". `agentcore/.cli/deployed-state.json` records what was deployed per target, and its ' +
      '`targets` keys must all be names from aws-targets.json, otherwise the CLI stops with "Deployed state ' +
      'contains target names not present in aws-targets" (official cases 41 and 43). The shape of both files is ' +
      'checked by `schema`; this rule covers the presence of the file and the link between the two. A team that ' +
      'deliberately keeps aws-targets.json (it names AWS accounts) out of the repository can set this rule to ' +
      '"warn" in `.agentcore-lint.json`. Legacy project files are skipped (the CLI never gets this far with them).',
    messages: {
      missing:
        'agentcore/aws-targets.json is missing, so `agentcore validate` and `deploy` stop with "Required file not ' +
        'found: aws-targets.json". Create it containing `[]` (as `agentcore create` does; `agentcore deploy` adds ' +
        'a target), and commit it unless you keep account ids out of the repository on purpose.',
      unknownTarget:
        'Deployed state has target "{{name}}", which agentcore/aws-targets.json does not define{{known}}; the CLI ' +
        'stops with "Deployed state contains target names not present in aws-targets". Add "{{name}}" to ' +
        'aws-targets.json, or remove this entry if that deployment no longer exists.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    // The CLI stops at a legacy agentcore.json before it reads these files; legacy-project-file says it all.
    if (isLegacyProjectFile(project.config.value)) return;
    if (!project.awsTargets) {
      // There but unreadable: unreadable-file reports it.
      if (!awsTargetsUnreadable(project)) report({ messageId: 'missing', range: FILE_START });
      return;
    }
    const targetNames = awsTargetNames(project.awsTargets.value);
    const deployedTargets = asObject(asObject(project.deployedState?.value)?.targets);
    if (!targetNames || !deployedTargets) return;
    const known = targetNames.length > 0 ? ` (it has ${targetNames.map((n) => `"${n}"`).join(', ')})` : ' (it is empty)';
    for (const name of Object.keys(deployedTargets)) {
      if (targetNames.includes(name)) continue;
      report({
        messageId: 'unknownTarget',
        data: { name, known },
        doc: project.deployedState,
        path: ['targets', name],
        target: 'key',
      });
    }
  },
});

/** The target names, or undefined when aws-targets.json is not a list (then `schema` or `json-syntax` reports it). */
function awsTargetNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return asArray(value).flatMap((entry) => {
    const name = asString(asObject(entry)?.name);
    return name === undefined ? [] : [name];
  });
}
