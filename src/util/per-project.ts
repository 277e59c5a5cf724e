import type { AgentCoreProject } from '../project.js';

/**
 * `derive`, computed once per project object: for what rules derive from agentcore.json and would otherwise redo
 * for every source file (the catalog, the names the project declares). A project object is one run's (or, in the
 * ESLint plugin, one agentcore.json version's) view, so the value never goes stale; a WeakMap lets it go with it.
 */
export function perProject<T>(derive: (project: AgentCoreProject) => T): (project: AgentCoreProject) => T {
  const values = new WeakMap<AgentCoreProject, T>();
  return (project) => {
    if (!values.has(project)) values.set(project, derive(project));
    return values.get(project) as T;
  };
}
