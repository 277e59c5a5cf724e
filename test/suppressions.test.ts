import { describe, expect, it } from 'vitest';
import { applySuppressions, cedarComments, parseDirectives } from '../src/suppressions.js';
import type { Finding } from '../src/types.js';
import { runCli } from './helpers/cli.js';

describe('cedarComments', () => {
  it('finds // comments and skips // inside string literals, escapes included', () => {
    const text = 'permit(principal, action, resource) // trailing\nwhen { context.input.url == "https://x/\\"//y" }; // end\r\n// own line';
    expect(cedarComments(text).map((c) => c.text)).toEqual(['// trailing', '// end', '// own line']);
  });
});

describe('parseDirectives', () => {
  const comment = (text: string, start = 0) => ({ span: { start, end: start + text.length }, text });

  it('reads next-line and line forms, several ids, the reason, in every comment style', () => {
    const text = '# agentcore-lint-disable-next-line a, b -- why not\nx\n';
    const [d] = parseDirectives([comment('# agentcore-lint-disable-next-line a, b -- why not')], text);
    expect(d).toMatchObject({ kind: 'next-line', ruleIds: ['a', 'b'], reason: 'why not', line: 2 });
    const [block] = parseDirectives([comment('/* agentcore-lint-disable-line c -- because */')], 'y /* … */');
    expect(block).toMatchObject({ kind: 'line', ruleIds: ['c'], reason: 'because', line: 1 });
    expect(parseDirectives([comment('// agentcore-lint-disable-next-linex a')], 'z')).toEqual([]);
    expect(parseDirectives([comment('// agentcore-lint-disable-next-line a --')], 'z')[0].reason).toBeUndefined();
  });

  it('suppresses only the named rule on the target line', () => {
    const finding = (ruleId: string, line: number): Finding => ({
      ruleId, severity: 'error', file: '/f.py', message: 'm', docsUrl: 'u',
      range: { start: { line, column: 1 }, end: { line, column: 2 } },
    });
    const text = '# agentcore-lint-disable-next-line a -- ok\nline two\nline three\n';
    const directives = parseDirectives([comment('# agentcore-lint-disable-next-line a -- ok')], text);
    const result = applySuppressions([finding('a', 2), finding('b', 2), finding('a', 3)], directives, new Set(['a', 'b']));
    expect(result.kept.map((f) => `${f.ruleId}:${f.range.start.line}`)).toEqual(['b:2', 'a:3']);
    expect(result.problems).toEqual([]);
  });
});

describe('--no-inline-suppressions', () => {
  it('ignores every directive, for audits', () => {
    const fixture = 'fixtures/rules/suppression-directive/valid-used-with-reason';
    const normal = JSON.parse(runCli(['--format', 'json', fixture]).stdout);
    const audit = JSON.parse(runCli(['--format', 'json', '--no-inline-suppressions', fixture]).stdout);
    const ids = (results: Array<{ messages: Array<{ ruleId: string }> }>) => results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(ids(normal)).not.toContain('direct-http-call');
    expect(ids(audit).filter((id) => id === 'direct-http-call')).toHaveLength(2);
  });
});
