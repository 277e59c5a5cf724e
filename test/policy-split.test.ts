/** Splitting a Cedar policy set into policies with spans (src/policy/split.ts). */
import { describe, expect, it } from 'vitest';
import { findInCode, splitPolicies } from '../src/policy/split.js';

describe('splitPolicies', () => {
  it('ends a policy at a ; outside strings and comments, keeping annotations and skipping leading comments', () => {
    const text = [
      '// first; not the end',
      '@id("a;b")',
      'permit(principal, action, resource) when { context.input.note like "x;\\"y;*" };',
      '',
      '  forbid(principal, action, resource); // trailing; comment',
      '// only a comment;',
    ].join('\n');
    const spans = splitPolicies(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual([
      '@id("a;b")\npermit(principal, action, resource) when { context.input.note like "x;\\"y;*" };',
      'forbid(principal, action, resource);',
    ]);
  });

  it('finds code occurrences only', () => {
    const text = 'principal.hasTag("principal.hasTag(") // principal.hasTag(\n&& principal.hasTag("x")';
    expect(findInCode(text, 'principal.hasTag(')).toEqual([0, 62]);
  });
});
