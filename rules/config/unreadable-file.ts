import * as path from 'node:path';
import { engineFinding, FILE_START } from '../../src/engine.js';
import { defineRule } from '../../src/rule.js';
import { AWS_TARGETS_RELATIVE } from '../../src/project.js';
import type { AgentCoreProject, ProjectLoad, UnreadableProjectFile } from '../../src/project.js';
import type { Finding, SeveritySetting } from '../../src/types.js';

/** The message for a file that could not be read: an oversized file is not a damaged one, nor one out of reach. */
function unreadableMessageId(reason: UnreadableProjectFile['reason']): 'unreadable' | 'tooLarge' | 'outside' {
  return reason === 'too-large' ? 'tooLarge' : reason === 'outside' ? 'outside' : 'unreadable';
}

/**
 * The finding for an agentcore.json that cannot be read, which the engine reports (the project does not load, so
 * no rule runs); the CLI and the ESLint plugin alike. Undefined when the rule is off.
 */
export function unreadableConfigFinding(
  load: Extract<ProjectLoad, { ok: false }>,
  severities: ReadonlyMap<string, SeveritySetting> | undefined,
): Finding | undefined {
  return engineFinding(
    unreadableFileRule,
    unreadableMessageId(load.kind),
    { file: load.configFile, range: FILE_START, data: { file: 'agentcore.json', detail: load.reason } },
    severities,
  );
}

/** Whether aws-targets.json is there but unreadable (so not missing, as rule aws-targets would otherwise say). */
export function awsTargetsUnreadable(project: AgentCoreProject): boolean {
  const absolute = path.resolve(project.root, AWS_TARGETS_RELATIVE);
  return project.unreadableFiles.some((f) => f.absolute === absolute);
}

/**
 * agentcore.json's own case is reported by the engine (unreadableConfigFinding); the check reports the other JSON
 * files the CLI reads.
 */
const unreadableFileRule = defineRule({
  meta: {
    id: 'unreadable-file',
    code: 'AC009',
    category: 'config',
    defaultSeverity: 'error',
    description:
      'agentcore.json, aws-targets.json, deployed-state.json and harness.json files must be readable UTF-8 text files of sane size.',
    rationale:
      'A binary, non-UTF-8, unreadable or oversized agentcore.json cannot be an AgentCore project file; the CLI ' +
      'fails on it. agentcore-lint reports it instead of crashing and goes on with the other projects. The same ' +
      'holds for the files the CLI reads beside it: `agentcore/aws-targets.json`, `agentcore/.cli/deployed-state.json` ' +
      'and each harness\'s `harness.json`. Such a file is reported here rather than passed over, so that nothing it ' +
      'should have been checked for goes unsaid (aws-targets.json is not reported as missing). A file that is a ' +
      'link out of the project is never read. The size limit (4 MB by default) is set with `maxFileSize` in ' +
      '`.agentcore-lint.json`; an oversized file is reported even though the CLI may accept it, since nothing in ' +
      'it was checked.',
    messages: {
      unreadable:
        '{{file}} cannot be linted: {{detail}}. It must be UTF-8 JSON text: restore it from version control or re-create it with the AgentCore CLI.',
      tooLarge: '{{file}} cannot be linted: {{detail}}.',
      outside:
        '{{file}} was not read: {{detail}}, and agentcore-lint reads nothing outside the project. Make it a file inside the project.',
    },
    officialParity: true,
    requiresProject: true,
  },
  check({ project, report }) {
    for (const file of project.unreadableFiles) {
      report({ messageId: unreadableMessageId(file.reason), file: file.absolute, range: FILE_START, data: { file: file.relative, detail: file.detail } });
    }
  },
});

export default unreadableFileRule;
