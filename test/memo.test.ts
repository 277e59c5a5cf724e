import { describe, expect, it } from 'vitest';
import type { AgentCoreProject } from '../src/project.js';
import { perProject } from '../src/util/per-project.js';
import { perString } from '../src/util/per-string.js';

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

describe('perString', () => {
  it('computes once per string, keeping an undefined result too', () => {
    const calls: string[] = [];
    const verdict = perString((text) => {
      calls.push(text);
      return text.startsWith('sk-') ? text.length : undefined;
    });
    expect(verdict('sk-abc')).toBe(6);
    expect(verdict('sk-abc')).toBe(6);
    expect(verdict('plain')).toBeUndefined();
    expect(verdict('plain')).toBeUndefined();
    expect(calls).toEqual(['sk-abc', 'plain']);
  });

  it('stays bounded: when full it starts over, and its answers stay right', () => {
    const calls: string[] = [];
    const upper = perString((text) => {
      calls.push(text);
      return text.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('c'), upper('a'), upper('c')]).toEqual(['A', 'B', 'C', 'A', 'C']);
    // 'c' emptied the full memo; 'a' was computed again and 'c' was still kept.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('forgets everything on clear()', () => {
    let calls = 0;
    const length = perString((text) => {
      calls++;
      return text.length;
    });
    length('abc');
    length.clear();
    expect(length('abc')).toBe(3);
    expect(calls).toBe(2);
  });
});
