import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRules } from '../rules/index.js';
import { ROOT, runCli } from './helpers/cli.js';

/** `npm run demo` must keep showing located findings from every rule family implemented so far. */
describe('the demo project', () => {
  const run = runCli(['--format', 'json', 'fixtures/demo-project']);
  const messages = (JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>)
    .flatMap((r) => r.messages.map((m) => ({ ...m, file: path.relative(ROOT, r.filePath) })));
  const parity = new Set(projectRules.filter((r) => r.meta.officialParity).map((r) => r.meta.id));

  it('exits 1 (errors found)', () => {
    expect(run.status).toBe(1);
  });

  it('shows schema, dropped-key, official-refinement and beyond-the-validator findings', () => {
    const ids = new Set(messages.map((m) => m.ruleId));
    expect(ids).toContain('schema');
    expect(ids).toContain('unknown-key');
    expect([...ids].some((id) => parity.has(id) && id !== 'schema')).toBe(true);
    expect([...ids].filter((id) => !parity.has(id)).length).toBeGreaterThanOrEqual(5);
  });

  it('locates every finding past the first character of its file', () => {
    for (const m of messages) expect(m.line > 1 || m.column > 1, `${m.file} ${m.ruleId}`).toBe(true);
  });

  it('reports inside referenced files too, not only agentcore.json', () => {
    expect(messages.some((m) => m.file === path.join('fixtures', 'demo-project', 'schemas', 'bookings-tools.json'))).toBe(true);
  });
});
