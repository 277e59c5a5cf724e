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

describe('comments ending at a lone CR', () => {
  it('end the comment: the policy after it is still split and searched', () => {
    const text = 'permit(principal, action, resource); // first;\rforbid(principal, action, resource) when { principal.x };';
    expect(splitPolicies(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'permit(principal, action, resource);',
      expect.stringMatching(/^(\/\/ first;\r)?forbid\(principal, action, resource\) when \{ principal\.x \};$/),
    ]);
    expect(findInCode(text, 'principal.x')).toHaveLength(1);
  });
});
