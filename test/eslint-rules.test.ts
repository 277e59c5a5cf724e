/**
 * RuleTester cases for every ESLint rule of eslint-plugin-agentcore, in TypeScript (typescript-eslint's
 * RuleTester, @typescript-eslint/parser) and plain JavaScript (ESLint's own RuleTester, espree). The rules run
 * agentcore-lint's own checks; the files are given as text with a filename inside fixtures/demo-project (its
 * runtimes' codeLocation gives them the `agent` role and the project's declared names) or in a temp folder with
 * no project (loose files).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuleTester as TsRuleTester } from '@typescript-eslint/rule-tester';
import { RuleTester as JsRuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import plugin from '../eslint-plugin/index.js';
import { useTempTrees } from './helpers/cli.js';

TsRuleTester.afterAll = afterAll;
TsRuleTester.describe = describe;
TsRuleTester.it = it;
TsRuleTester.itOnly = it.only;
// ESLint's RuleTester picks up describe/it from globals; vitest does not define them without `globals: true`.
(JsRuleTester as unknown as { describe: typeof describe; it: typeof it; itOnly: typeof it.only }).describe = describe;
(JsRuleTester as unknown as { it: typeof it }).it = it;
(JsRuleTester as unknown as { itOnly: typeof it.only }).itOnly = it.only;

const DEMO = path.resolve('fixtures/demo-project');
/** A runtime's codeLocation in the demo project: files here are agent code of a project. */
const AGENT_DIR = path.join(DEMO, 'app', 'ConciergeAgent');
const agentFile = (name: string): string => path.join(AGENT_DIR, name);
/** A folder with no agentcore.json above it: loose files. */
const LOOSE_DIR = useTempTrees()();
const looseFile = (name: string): string => path.join(LOOSE_DIR, name);

const ts = new TsRuleTester();
const js = new JsRuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const rules = plugin.rules as Record<string, any>;

const SECRET = '"7f3kQ9zLm2Xv8Rt4Wp6Nc1Bh5Jd0Ys3A"';

describe('agentcore/no-inline-secrets', () => {
  const valid = [
    { code: 'const secret = process.env.HOTELS_CLIENT_SECRET;', filename: agentFile('a.ts') },
    { code: 'const label = "not a secret at all";', filename: looseFile('a.ts') },
  ];
  const invalid = [
    {
      code: `const s = process.env.HOTELS_CLIENT_SECRET ?? ${SECRET};`,
      filename: agentFile('a.ts'),
      errors: [{ messageId: 'envDefault', line: 1, column: 47, endLine: 1, endColumn: 81 }],
    },
    {
      code: 'const client = { apiKey: "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9o" };',
      filename: looseFile('b.ts'),
      errors: [{ messageId: 'format', line: 1, column: 26 }],
    },
  ];
  ts.run('no-inline-secrets', rules['no-inline-secrets'], { valid, invalid });
  js.run('no-inline-secrets (js)', rules['no-inline-secrets'], {
    valid: valid.map((c) => ({ ...c, filename: c.filename.replace(/\.ts$/, '.js') })),
    invalid: invalid.map((c) => ({ ...c, filename: c.filename.replace(/\.ts$/, '.mjs') })),
  });
});

describe('agentcore/direct-http-call', () => {
  const call = 'const r = await fetch("https://api.flights.example.com/v2/search");';
  const valid = [
    // Test files, and calls to this machine, are not agent runtime calls.
    { code: call, filename: agentFile('tests/flights.test.ts') },
    { code: 'const r = await fetch("http://localhost:8080/health");', filename: agentFile('a.ts') },
    { code: `// agentcore-lint: direct-call streaming\n${call}`, filename: agentFile('a.ts') },
  ];
  const invalid = [
    { code: call, filename: agentFile('a.ts'), errors: [{ messageId: 'http', line: 1, column: 17, endColumn: 22 }] },
    { code: `\n\n  ${call}`, filename: looseFile('agent.ts'), errors: [{ messageId: 'http', line: 3, column: 19 }] },
  ];
  ts.run('direct-http-call', rules['direct-http-call'], { valid, invalid });
  js.run('direct-http-call (js)', rules['direct-http-call'], {
    valid: valid.map((c) => ({ ...c, filename: c.filename.replace(/\.ts$/, '.js') })),
    invalid: invalid.map((c) => ({ ...c, filename: c.filename.replace(/\.ts$/, '.js') })),
  });
});

describe('agentcore/vendor-key-from-env', () => {
  const code = 'import Anthropic from "@anthropic-ai/sdk";\nconst a = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });';
  const valid = [
    { code: 'import Anthropic from "@anthropic-ai/sdk";\nconst a = new Anthropic();', filename: agentFile('a.ts') },
    { code, filename: agentFile('lambda/handler.ts') },
  ];
  const invalid = [{ code, filename: agentFile('a.ts'), errors: [{ messageId: 'direct', line: 2 }, { messageId: 'envKey', line: 2, column: 35 }] }];
  // vendor-key-from-env alone: the `direct` finding belongs to direct-http-call.
  const own = invalid.map((c) => ({ ...c, errors: c.errors.filter((e) => e.messageId === 'envKey') }));
  ts.run('vendor-key-from-env', rules['vendor-key-from-env'], { valid, invalid: own });
  js.run('vendor-key-from-env (js)', rules['vendor-key-from-env'], {
    valid: valid.map((c) => ({ ...c, filename: c.filename.replace(/\.ts$/, '.cjs') })),
    invalid: own.map((c) => ({ ...c, filename: c.filename.replace(/\.ts$/, '.js') })),
  });
});

describe('agentcore/gateway-url-unguarded', () => {
  const guarded = [
    'export function url() {',
    '  const url = process.env.AGENTCORE_GATEWAY_TRAVEL_TOOLS_URL;',
    '  if (!url) return undefined;',
    '  return new URL(url);',
    '}',
  ].join('\n');
  const asserted = 'const toolsUrl = new URL(process.env.AGENTCORE_GATEWAY_TRAVEL_TOOLS_URL!);';
  const unguarded = 'const toolsUrl = new URL(process.env.AGENTCORE_GATEWAY_TRAVEL_TOOLS_URL);';
  ts.run('gateway-url-unguarded', rules['gateway-url-unguarded'], {
    valid: [
      { code: guarded, filename: agentFile('a.ts') },
      { code: asserted, filename: agentFile('a.test.ts') },
    ],
    invalid: [
      // No suggestions: no guard is safe for every program (see eslint-plugin/src/suggestions.ts).
      { code: asserted, filename: agentFile('a.ts'), errors: [{ messageId: 'non-null-assertion', line: 1, column: 26, suggestions: [] }] },
      { code: unguarded, filename: looseFile('a.ts'), errors: [{ messageId: 'unguarded', line: 1, column: 26 }] },
    ],
  });
  js.run('gateway-url-unguarded (js)', rules['gateway-url-unguarded'], {
    valid: [{ code: guarded, filename: agentFile('a.js') }],
    invalid: [{ code: unguarded, filename: agentFile('a.js'), errors: [{ messageId: 'unguarded', line: 1, column: 26 }] }],
  });
});

describe('agentcore/unknown-resource-name', () => {
  const provider = (name: string): string =>
    `import { withApiKey } from "bedrock-agentcore/identity";\nconst f = withApiKey({ providerName: "${name}" })(async (key: string) => key);`;
  const memory = (name: string): string => `const id = process.env.${name};`;
  ts.run('unknown-resource-name', rules['unknown-resource-name'], {
    valid: [
      { code: provider('flights-key'), filename: agentFile('a.ts') },
      { code: memory('MEMORY_TRIPMEMORY_ID'), filename: agentFile('a.ts') },
      // Needs the project: silent on loose files.
      { code: provider('flight-keys'), filename: looseFile('a.ts') },
    ],
    invalid: [
      {
        code: provider('flight-keys'),
        filename: agentFile('a.ts'),
        errors: [{
          messageId: 'provider', line: 2, column: 38, endColumn: 51,
          suggestions: [{ messageId: 'agentcoreReplaceName', data: { from: 'flight-keys', to: 'flights-key' }, output: provider('flights-key') }],
        }],
      },
      {
        code: memory('MEMORY_TRIP_MEMORY_ID'),
        filename: agentFile('a.ts'),
        errors: [{
          messageId: 'memory', line: 1, column: 12,
          suggestions: [{ messageId: 'agentcoreReplaceName', data: { from: 'MEMORY_TRIP_MEMORY_ID', to: 'MEMORY_TRIPMEMORY_ID' }, output: memory('MEMORY_TRIPMEMORY_ID') }],
        }],
      },
    ],
  });
  js.run('unknown-resource-name (js)', rules['unknown-resource-name'], {
    valid: [{ code: memory('MEMORY_TRIPMEMORY_ID'), filename: agentFile('a.js') }],
    invalid: [{
      code: memory('MEMORY_TRIP_MEMORY_ID'),
      filename: agentFile('a.js'),
      errors: [{ messageId: 'memory', line: 1, column: 12, suggestions: [{ messageId: 'agentcoreReplaceName', output: memory('MEMORY_TRIPMEMORY_ID') }] }],
    }],
  });
});

/**
 * The rule fixtures as RuleTester cases: every TS/JS file under fixtures/rules/<rule>/<case>/ of a plugin rule,
 * with the findings of that rule its expected.json lists for the file (line, column, end, message; none = valid).
 * New agentcore-lint source rules with fixtures are covered without editing this file.
 */
describe('fixture cases', () => {
  const FIXTURES = path.resolve('fixtures/rules');
  interface Expected { file: string; ruleId: string; line: number; column: number; endLine: number; endColumn: number; message: string }
  for (const ruleId of Object.keys(rules).filter((id) => id !== 'config')) {
    const dir = path.join(FIXTURES, ruleId);
    if (!fs.existsSync(dir)) continue;
    const cases: { ts: { valid: any[]; invalid: any[] }; js: { valid: any[]; invalid: any[] } } = {
      ts: { valid: [], invalid: [] },
      js: { valid: [], invalid: [] },
    };
    for (const name of fs.readdirSync(dir).sort()) {
      const caseDir = path.join(dir, name);
      const expectedFile = path.join(caseDir, 'expected.json');
      if (!fs.existsSync(expectedFile)) continue;
      const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as Expected[];
      const files = fs.readdirSync(caseDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.[cm]?[jt]sx?$/.test(f) && !f.split(path.sep).includes('node_modules'))
        .sort();
      for (const relative of files) {
        const filename = path.join(caseDir, relative);
        const code = fs.readFileSync(filename, 'utf8');
        const errors = expected
          .filter((e) => e.ruleId === ruleId && e.file === relative.split(path.sep).join('/'))
          .map(({ line, column, endLine, endColumn, message }) => ({ line, column, endLine, endColumn, message }));
        const group = /\.[cm]?tsx?$/.test(relative) ? cases.ts : cases.js;
        if (errors.length === 0) group.valid.push({ name: `${name}/${relative}`, code, filename });
        // RuleTester wants every suggestion spelled out; rules that offer some are covered by the cases above
        // (and by the parity test on these fixtures).
        else if (rules[ruleId].meta.hasSuggestions) continue;
        else group.invalid.push({ name: `${name}/${relative}`, code, filename, errors });
      }
    }
    if (cases.ts.valid.length + cases.ts.invalid.length > 0) ts.run(`${ruleId} fixtures`, rules[ruleId], cases.ts);
    if (cases.js.valid.length + cases.js.invalid.length > 0) js.run(`${ruleId} fixtures (js)`, rules[ruleId], cases.js);
  }
});
