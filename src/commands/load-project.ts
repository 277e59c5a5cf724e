import { projectRules } from '../../rules/index.js';
import type { CliIO } from '../cli.js';
import { ConfigError, projectLintConfig } from '../config.js';
import { loadProject, type AgentCoreProject } from '../project.js';

/**
 * Loads a project for a subcommand under the same settings as a lint run (`maxFileSize` from the
 * `.agentcore-lint.json` files that apply to it), or says why it cannot on stderr.
 */
export function loadProjectForCommand(root: string, io: CliIO, command: string): AgentCoreProject | undefined {
  let maxFileSize: number;
  try {
    maxFileSize = projectLintConfig(root, new Set(projectRules.map((r) => r.meta.id))).maxFileSize;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`agentcore-lint ${command}: ${error.describe(io.cwd)}\n`);
    return undefined;
  }
  const load = loadProject(root, maxFileSize);
  if (!load.ok) {
    io.stderr(`agentcore-lint ${command}: cannot read ${load.configFile}: ${load.reason}\n`);
    return undefined;
  }
  return load.project;
}
