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

  it('shows findings from agent source code and from Cedar policies too', () => {
    const categories = new Map(projectRules.map((r) => [r.meta.id, r.meta.category]));
    const shown = new Set(messages.map((m) => categories.get(m.ruleId)));
    expect([...shown].sort()).toEqual(['config', 'policy', 'source']);
    const ids = new Set(messages.map((m) => m.ruleId));
    for (const id of ['no-inline-secrets', 'direct-http-call', 'gateway-url-unguarded', 'policy-unknown-action', 'policy-principal-type', 'policy-input']) {
      expect(ids, id).toContain(id);
    }
  });

  it('runs its policy tests (npm run demo shows them in the README)', () => {
    const run = runCli(['policy-test', 'fixtures/demo-project/policy-tests.json', '--project', 'fixtures/demo-project']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 of 2 case(s) passed.');
  });

  it('locates every finding past the first character of its file', () => {
    for (const m of messages) expect(m.line > 1 || m.column > 1, `${m.file} ${m.ruleId}`).toBe(true);
  });

  it('reports inside referenced files too, not only agentcore.json', () => {
    expect(messages.some((m) => m.file === path.join('fixtures', 'demo-project', 'schemas', 'bookings-tools.json'))).toBe(true);
  });
});
