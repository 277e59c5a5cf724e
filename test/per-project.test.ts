import { describe, expect, it } from 'vitest';
import type { AgentCoreProject } from '../src/project.js';
import { perProject } from '../src/util/per-project.js';

describe('perProject', () => {
  it('derives once per project object, and separately for another project', () => {
    const calls: string[] = [];
    const nameOf = perProject((project) => {
      calls.push(project.root);
      return { root: project.root };
    });
    const a = { root: '/a' } as AgentCoreProject;
    const b = { root: '/b' } as AgentCoreProject;
    const first = nameOf(a);
    expect(nameOf(a)).toBe(first);
    expect(nameOf(b)).toEqual({ root: '/b' });
    expect(calls).toEqual(['/a', '/b']);
  });

  it('keeps an undefined result instead of deriving it again', () => {
    let calls = 0;
    const nothing = perProject(() => {
      calls++;
      return undefined;
    });
    const project = { root: '/p' } as AgentCoreProject;
    nothing(project);
    nothing(project);
    expect(calls).toBe(1);
  });
});
