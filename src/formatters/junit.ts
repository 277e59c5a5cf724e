/** JUnit XML: one test suite per file, one failing test case per finding, for CI systems that read JUnit. */
import type { Finding } from '../types.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

export function escapeXml(text: string): string {
  return text
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const formatJunit: Formatter = (findings, { cwd }) => {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  out.push(`<testsuites name="agentcore-lint" tests="${Math.max(findings.length, 1)}" failures="${findings.length}">`);
  if (findings.length === 0) {
    out.push('  <testsuite name="agentcore-lint" tests="1" failures="0" errors="0">');
    out.push('    <testcase name="no problems found" classname="agentcore-lint"/>');
    out.push('  </testsuite>');
  }
  for (const [file, group] of byFile) {
    const name = escapeXml(displayPath(cwd, file));
    out.push(`  <testsuite name="${name}" tests="${group.length}" failures="${group.length}" errors="0">`);
    for (const f of group) {
      const where = `${f.range.start.line}:${f.range.start.column}`;
      out.push(`    <testcase name="${escapeXml(`${f.ruleId} ${where}`)}" classname="${name}">`);
      out.push(`      <failure message="${escapeXml(f.message)}" type="${f.severity}">${escapeXml(`${where} ${f.severity} ${f.message} (${f.ruleId}) ${f.docsUrl}`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
