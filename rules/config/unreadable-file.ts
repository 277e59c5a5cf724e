import { defineRule } from '../../src/rule.js';

/** The message for a project whose agentcore.json could not be read: an oversized file is not a damaged one. */
export function unreadableMessageId(load: { kind: string }): 'unreadable' | 'tooLarge' {
  return load.kind === 'too-large' ? 'tooLarge' : 'unreadable';
}

/** Reported by the engine itself when agentcore.json cannot be read as text; listed here for docs and config. */
export default defineRule({
  meta: {
    id: 'unreadable-file',
    code: 'AC009',
    category: 'config',
    defaultSeverity: 'error',
    description: 'agentcore.json must be a readable UTF-8 text file of sane size.',
    rationale:
      'A binary, non-UTF-8, unreadable or oversized agentcore.json cannot be an AgentCore project file; the CLI ' +
      'fails on it. agentcore-lint reports it instead of crashing and goes on with the other projects. The size ' +
      'limit (4 MB by default) is set with `maxFileSize` in `.agentcore-lint.json`.',
    messages: {
      unreadable:
        'agentcore.json cannot be linted: {{detail}}. It must be UTF-8 JSON text: restore it from version control or re-create it with the AgentCore CLI.',
      tooLarge: 'agentcore.json cannot be linted: {{detail}}.',
    },
    officialParity: true,
    requiresProject: true,
  },
});
