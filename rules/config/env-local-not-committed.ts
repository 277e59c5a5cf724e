import * as path from 'node:path';
import ignore from 'ignore';
import { defineRule } from '../../src/rule.js';
import type { AgentCoreProject } from '../../src/project.js';
import type { Fix } from '../../src/types.js';

const ENV_LOCAL = path.join('agentcore', '.env.local');
const AT_START = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** Outside a git repository: does agentcore/.gitignore or the project's root .gitignore cover .env.local? */
function coveredByGitignoreFiles(project: AgentCoreProject): boolean {
  const candidates: Array<[string, string]> = [
    [path.join('agentcore', '.gitignore'), '.env.local'],
    ['.gitignore', 'agentcore/.env.local'],
  ];
  for (const [file, relative] of candidates) {
    const read = project.files.readText(file);
    if (!read.ok) continue;
    if (ignore().add(read.text).ignores(relative)) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'env-local-not-committed',
    code: 'AC040',
    category: 'config',
    defaultSeverity: 'error',
    description: 'agentcore/.env.local, which holds credentials, must be ignored by git and never tracked.',
    rationale:
      '`agentcore/.env.local` holds the secrets for `agentcore dev` and the values `agentcore deploy` pushes into ' +
      'AgentCore Identity (API keys, OAuth client secrets; encrypted as `enc:v1:` only by CLI 0.30 and later, with a ' +
      'key that lives on the developer\'s machine). The CLI creates `agentcore/.gitignore` with `.env.local` in it; ' +
      'removing that line or force-adding the file publishes the credentials with the repository history ' +
      '(agentcore-facts.md §1, §7). The rule never reads the file and says nothing when it is absent (CI checkouts ' +
      'have none).',
    messages: {
      tracked:
        'agentcore/.env.local is ignored but still tracked by git (it was committed or force-added), so the credentials ' +
        'in it are in the repository history. Run `git rm --cached agentcore/.env.local` and rotate every secret it held.',
      notIgnored:
        'agentcore/.env.local is not ignored by git, so `git add` commits the credentials it holds. Add ".env.local" to ' +
        'agentcore/.gitignore (the CLI\'s default); if it was committed already, also run ' +
        '`git rm --cached agentcore/.env.local` and rotate every secret it held.',
      noGitignore:
        'agentcore/.env.local holds credentials but no .gitignore covers it; once this project is in a git repository the ' +
        'first `git add` commits them. Add ".env.local" to agentcore/.gitignore (the CLI\'s default).',
    },
    officialParity: false,
    requiresProject: true,
  },
  check({ project, report }) {
    const status = project.files.status(ENV_LOCAL);
    if (status.kind !== 'file') return; // Absent (CI), a folder, or a link out of the project: nothing to say.
    const file = status.absolute;
    if (project.git.repositoryRoot()) {
      // The missing ignore pattern first: it is the cause, and the message covers an already committed file too.
      if (project.git.isIgnored(file) === false) {
        report({ messageId: 'notIgnored', file, range: AT_START, fix: ignoreEnvLocal(project) });
      } else if (project.git.isTracked(file)) {
        report({ messageId: 'tracked', file, range: AT_START });
      }
      return;
    }
    if (!coveredByGitignoreFiles(project)) report({ messageId: 'noGitignore', file, range: AT_START, fix: ignoreEnvLocal(project) });
  },
});

/** The fix: append ".env.local" to agentcore/.gitignore (created if missing); the last matching pattern wins. */
function ignoreEnvLocal(project: AgentCoreProject): Fix {
  const relative = path.join('agentcore', '.gitignore');
  const read = project.files.readText(relative);
  const text = read.ok ? read.text : '';
  const prefix = text === '' || text.endsWith('\n') ? '' : '\n';
  return { file: path.join(project.root, relative), edits: [{ start: text.length, end: text.length, text: `${prefix}.env.local\n` }] };
}
