/**
 * End-to-end property (fast-check): `lint()` over small generated projects — an agentcore.json derived from the demo
 * project by random structural edits (then possibly broken as text), a Cedar file and a mutated agent source file —
 * never produces an `internal-error` finding, and every finding lies inside its file.
 * Deterministic: fixed seed, bounded runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import { useTempTrees } from './helpers/cli.js';
import type { Finding } from '../src/types.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261121);
const ROOT = path.resolve(__dirname, '..');
const DEMO = path.join(ROOT, 'fixtures', 'demo-project');
const DEMO_CONFIG = JSON.parse(fs.readFileSync(path.join(DEMO, 'agentcore', 'agentcore.json'), 'utf8')) as Json;
const SOURCES = {
  'main.py': fs.readFileSync(path.join(DEMO, 'app', 'TravelAgent', 'main.py'), 'utf8'),
  'main.ts': fs.readFileSync(path.join(DEMO, 'app', 'ConciergeAgent', 'main.ts'), 'utf8'),
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ---------------------------------------------------------------------------------------------- generators

const WEIRD_STRING = fc.oneof(
  fc.constantFrom(
    '', ' ', '../../etc/passwd', '/etc/hosts', 'app/Missing/', 'main.py', 'main.ts', 'policies/p.cedar', 'schemas/x.json',
    'https://api.example.com/x', 'http://mcp.example.com/mcp', 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH',
    'AKIAIOSFODNN7EXAMPLE', '__proto__', 'constructor', 'a'.repeat(300), 'é🚀𝒳', '\u0000\r\n\t', '\uD800', '${X}',
    'permit(principal, action, resource);', 'forbid(principal, action == AgentCore::Action::"x___y", resource) when { context.input.a < 1 };',
    'permit(principal, action, resource) when { "é🚀" == "\uD800" } @;', 'when guardrails { }', 'NONE', 'AWS_IAM', 'CUSTOM_JWT', 'MCP',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const SCALAR: fc.Arbitrary<Json> = fc.oneof(WEIRD_STRING, fc.integer({ min: -5, max: 1e9 }), fc.boolean(), fc.constant(null), fc.constant<Json>([]), fc.constant<Json>({}));

type Op = { kind: 'delete' | 'replace' | 'duplicate' | 'rename'; target: number; value: Json; key: string };
const OP: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'replace', 'duplicate', 'rename'),
  target: fc.nat(),
  value: SCALAR,
  key: fc.oneof(WEIRD_STRING, fc.constantFrom('name', 'sourceFile', 'statement', 'codeLocation', 'entrypoint', 'targets', 'policies')),
});

/** [parent, key] of every node below the root. */
function slots(value: Json, out: Array<[Json[] | { [key: string]: Json }, string | number]> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([value, i]), slots(v, out)));
  else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) (out.push([value, k]), slots(value[k], out));
  return out;
}

function applyOp(config: Json, op: Op): Json {
  const all = slots(config);
  if (all.length === 0) return config;
  const [parent, key] = all[op.target % all.length];
  const current = (parent as Record<string | number, Json>)[key];
  if (op.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (op.kind === 'replace') {
    (parent as Record<string | number, Json>)[key] = op.value;
  } else if (op.kind === 'duplicate') {
    if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current));
  } else if (!Array.isArray(parent)) {
    Object.defineProperty(parent, op.key, { value: current, enumerable: true, writable: true, configurable: true });
    if (op.key !== key) delete parent[key as string];
  }
  return config;
}

type TextEdit = { kind: 'none' | 'truncate' | 'insert' | 'bom'; at: number; text: string };
const TEXT_EDIT: fc.Arbitrary<TextEdit> = fc.record({
  kind: fc.constantFrom('none', 'none', 'none', 'truncate', 'insert', 'bom'),
  at: fc.nat(),
  text: fc.constantFrom(',', '// c\n', '/* c */', '"', '\u0000', '\r', '{', ']', '🚀', '"a": 1,'),
});

function editText(text: string, e: TextEdit): string {
  const at = e.at % (text.length + 1);
  if (e.kind === 'truncate') return text.slice(0, at);
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  if (e.kind === 'bom') return '\uFEFF' + text;
  return text;
}

const SOURCE_EDIT = fc.record({
  at: fc.nat(),
  length: fc.integer({ min: 0, max: 8 }),
  text: fc.oneof(fc.constantFrom('"', "'", '`', '(', ')', '{', '\n', '\r\n', '#', '//', '🚀', '\uD800', 'process.env.X!', 'os.environ["Y"]', 'fetch("http://x")', '# agentcore-lint-disable-next-line direct-http-call\n', '// agentcore-lint-disable-line nope -- r\n'), fc.string({ unit: 'binary', maxLength: 4 })),
});

const PROJECT = fc.record({
  ops: fc.array(OP, { maxLength: 6 }),
  indent: fc.constantFrom(0, 2, '\t'),
  crlf: fc.boolean(),
  textEdits: fc.array(TEXT_EDIT, { maxLength: 2 }),
  sourceName: fc.constantFrom<keyof typeof SOURCES>('main.py', 'main.ts'),
  sourceEdits: fc.array(SOURCE_EDIT, { maxLength: 4 }),
  cedar: fc.oneof(fc.constant(undefined), WEIRD_STRING),
  withPolicyFile: fc.boolean(),
  /** A policy statement of the first engine, replaced (the random edits rarely land there). */
  statement: fc.option(WEIRD_STRING, { nil: undefined }),
});

// ---------------------------------------------------------------------------------------------- checks

const tree = useTempTrees();

type ProjectSpec = typeof PROJECT extends fc.Arbitrary<infer T> ? T : never;

function writeProject(p: ProjectSpec): string {
  const config = structuredClone(DEMO_CONFIG) as { [key: string]: Json };
  if (p.withPolicyFile) {
    (config.policyEngines as Array<{ policies: Json[] }>)[0].policies.push({ name: 'FromFile', sourceFile: 'policies/p.cedar' });
  }
  if (p.statement !== undefined) {
    (config.policyEngines as Array<{ policies: Array<{ statement: Json }> }>)[0].policies[0].statement = p.statement;
  }
  const mutated = p.ops.reduce(applyOp, config as Json);
  let text = JSON.stringify(mutated, null, p.indent);
  if (p.crlf) text = text.replace(/\n/g, '\r\n');
  text = p.textEdits.reduce(editText, text);
  const dir = tree();
  const write = (relative: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  };
  write('agentcore/agentcore.json', text);
  write('agentcore/aws-targets.json', '[]');
  const source = p.sourceEdits.reduce((t, e) => {
    const at = e.at % (t.length + 1);
    return t.slice(0, at) + e.text + t.slice(at + e.length);
  }, SOURCES[p.sourceName]);
  write(p.sourceName === 'main.py' ? 'app/TravelAgent/main.py' : 'app/ConciergeAgent/main.ts', source);
  if (p.cedar !== undefined) write('policies/p.cedar', p.cedar);
  return dir;
}

function expectInsideItsFile(f: Finding): void {
  const { start, end } = f.range;
  if (start.line === 1 && start.column === 1 && end.line === 1 && end.column <= 2) return; // the whole file, or a missing one
  let text: string;
  try {
    text = fs.readFileSync(f.file, 'utf8');
  } catch {
    throw new Error(`${f.ruleId} at ${start.line}:${start.column} of a file that cannot be read: ${f.file}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
  const lengths = text.split(/\r\n|\r|\n/).map((l) => l.length);
  for (const [which, p] of [['start', start], ['end', end]] as const) {
    const what = `${f.ruleId} ${which} ${p.line}:${p.column} in ${path.basename(f.file)} (${lengths.length} lines): ${f.message}`;
    expect(p.line, what).toBeGreaterThanOrEqual(1);
    expect(p.line, what).toBeLessThanOrEqual(lengths.length);
    expect(p.column, what).toBeGreaterThanOrEqual(1);
    expect(p.column, what).toBeLessThanOrEqual(lengths[p.line - 1] + 1);
  }
  expect(start.line < end.line || (start.line === end.line && start.column <= end.column), `${f.ruleId} start ≤ end`).toBe(true);
}

// ---------------------------------------------------------------------------------------------- property

describe('property: lint() end to end on generated projects', () => {
  it('never reports internal-error, and every finding lies inside its file', async () => {
    await fc.assert(
      fc.asyncProperty(PROJECT, async (p) => {
        const dir = writeProject(p);
        const { findings } = await lint({ paths: [dir], cwd: dir });
        const internal = findings.filter((f) => f.ruleId === 'internal-error');
        expect(internal.map((f) => f.message), 'no internal-error').toEqual([]);
        for (const f of findings) expectInsideItsFile(f);
        if (process.env.PROPERTY_DEBUG) console.log("RULES", findings.length, [...new Set(findings.map((f) => f.ruleId))].join(" "));
      }),
      { seed: SEED, numRuns: 60, endOnFailure: false },
    );
  });
});

describe('regressions found by the properties above', () => {
  it('a policy statement with a lone surrogate ("\\ud800") is a policy finding, not an internal error', async () => {
    const config = structuredClone(DEMO_CONFIG) as { policyEngines: Array<{ policies: Array<{ statement: string }> }> };
    config.policyEngines[0].policies[0].statement = 'permit(principal, action, resource) when { context.input.x == "\ud800" } @;';
    const dir = tree();
    fs.mkdirSync(path.join(dir, 'agentcore'));
    fs.writeFileSync(path.join(dir, 'agentcore', 'agentcore.json'), JSON.stringify(config, null, 2));
    fs.writeFileSync(path.join(dir, 'agentcore', 'aws-targets.json'), '[]');
    const { findings } = await lint({ paths: [dir], cwd: dir });
    expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    const syntax = findings.filter((f) => f.ruleId === 'policy-syntax');
    expect(syntax).toHaveLength(1);
    expectInsideItsFile(syntax[0]);
  });
});
