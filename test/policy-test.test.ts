/** `agentcore-lint policy-test`: offline authorization cases with Cedar's isAuthorized. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli.js';
import { useTempTrees } from './helpers/cli.js';

const PROJECT = path.resolve(__dirname, '..', 'fixtures', 'rules', 'policy-input', 'valid-input');
const makeTree = useTempTrees();

function io(cwd: string): CliIO & { out: string; err: string } {
  const state = { out: '', err: '' };
  return Object.assign(state, { stdout: (t: string) => void (state.out += t), stderr: (t: string) => void (state.err += t), cwd, isTTY: false, env: {} });
}

const user = (tags: Record<string, string> = {}) => ({ type: 'OAuthUser', id: 'user-1', tags });
const refund = (input: Record<string, unknown>, expect: string, name: string) => ({
  name, gateway: 'main-gw', principal: user(), tool: 'Refunds___process_refund', input, expect,
});

describe('agentcore-lint policy-test', () => {
  it('reports passes, mismatches and the deciding policies', async () => {
    const dir = makeTree({
      'cases.json': JSON.stringify({
        cases: [
          refund({ orderId: 'o1', amount: 50, reason: 'defective screen' }, 'allow', 'small defective refund'),
          refund({ orderId: 'o1', amount: 500, reason: 'defective screen' }, 'deny', 'large refund'),
          refund({ orderId: 'o1', amount: 50, reason: 'defective', ratio: 0.9 }, 'deny', 'high ratio is forbidden'),
          refund({ orderId: 'o1', amount: 50, reason: 'changed my mind' }, 'allow', 'wrong expectation'),
          { name: 'other tool', gateway: 'main-gw', principal: user(), tool: 'Refunds___get_order', input: { orderId: 'o1' }, expect: 'deny' },
        ],
      }),
    });
    const run = io(dir);
    expect(await main(['policy-test', 'cases.json', '--project', PROJECT], run)).toBe(1);
    expect(run.out).toMatchInlineSnapshot(`
      "PASS small defective refund: expected allow, got allow (decided by "Limit")
      PASS large refund: expected deny, got deny (no policy permits it)
      PASS high ratio is forbidden: expected deny, got deny (decided by "Ratio")
      FAIL wrong expectation: expected allow, got deny (no policy permits it)
      PASS other tool: expected deny, got deny (no policy permits it)
      4 of 5 case(s) passed.
      "
    `);
  });

  it('gives time-based policies the case\'s "now" as context.system.now', async () => {
    const project = path.resolve(__dirname, '..', 'fixtures', 'rules', 'policy-context', 'valid-input');
    const at = (now: string, expect: string) => ({
      name: `at ${now}`, gateway: 'main-gw', principal: user(), tool: 'Refunds___get_order', input: { orderId: 'ORD-1' }, now, expect,
    });
    const dir = makeTree({ 'cases.json': JSON.stringify([at('2025-01-15T18:13:00Z', 'allow'), at('2025-01-15T22:05:00Z', 'deny')]) });
    const run = io(dir);
    expect(await main(['policy-test', 'cases.json', '--project', project], run)).toBe(0);
    expect(run.out).toContain('PASS at 2025-01-15T22:05:00Z: expected deny, got deny (decided by "OfficeHours")');
  });

  it('exits 2 for an unknown gateway and for a malformed cases file', async () => {
    const dir = makeTree({
      'bad-gw.json': JSON.stringify([{ name: 'x', gateway: 'main-gww', principal: user(), tool: 'Refunds___get_order', expect: 'deny' }]),
      'bad.json': JSON.stringify({ cases: [{ name: 'y' }] }),
    });
    const a = io(dir);
    expect(await main(['policy-test', 'bad-gw.json', '--project', PROJECT], a)).toBe(2);
    expect(a.err).toContain('no gateway "main-gww". Did you mean "main-gw"?');
    const b = io(dir);
    expect(await main(['policy-test', 'bad.json', '--project', PROJECT], b)).toBe(2);
    expect(b.err).toContain('needs "gateway", "tool"');
  });

  it('a policy that crashes cedar-wasm is a usage error that says so, not a stack trace', async () => {
    const project = makeTree();
    fs.cpSync(PROJECT, project, { recursive: true });
    const configFile = path.join(project, 'agentcore', 'agentcore.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    config.policyEngines[0].policies.push({ name: 'Nested', statement: `permit(principal, action, resource) when { ${'('.repeat(3000)}true${')'.repeat(3000)} };` });
    fs.writeFileSync(configFile, JSON.stringify(config));
    const dir = makeTree({ 'cases.json': JSON.stringify({ cases: [refund({ orderId: 'o1', amount: 50, reason: 'defective' }, 'allow', 'refund')] }) });
    const run = io(dir);
    expect(await main(['policy-test', 'cases.json', '--project', project], run)).toBe(2);
    expect(run.err).toBe('agentcore-lint policy-test: case "refund": cedar-wasm crashed on these policies (ran out of stack: a policy nests its expressions too deeply; agentcore-lint reports which)\n');
  });
});
