/**
 * Property-based tests (fast-check) for the language adapters (Python with tree-sitter, TS/JS with the TypeScript
 * compiler), the suppression-directive parser and the Cedar comment scanner: random mutations of realistic agent
 * code never make them throw, and every span and range they return lies inside the file.
 * Deterministic: fixed seeds, bounded runs.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFacts, prepareAdapters } from '../src/source/adapters.js';
import type { CommentFact, SourceFacts } from '../src/source/facts.js';
import { cedarComments, parseDirectives } from '../src/suppressions.js';
import { expectRangeInside } from './helpers/locations.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261121);
const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });

beforeAll(async () => {
  await prepareAdapters(['agent.py', 'agent.ts']);
});

// ---------------------------------------------------------------------------------------------- snippets

const PYTHON_SNIPPETS = [
  `import os
import requests
from bedrock_agentcore.runtime import BedrockAgentCoreApp
from bedrock_agentcore.identity import requires_api_key
from strands import Agent

app = BedrockAgentCoreApp()
API_KEY = os.environ.get("OPENAI_API_KEY", "sk-proj-abc123def456ghi789")
url = os.environ["AGENTCORE_GATEWAY_TOOLS_URL"]


@requires_api_key(provider_name="flights-key")
async def search(query: str, *, api_key: str = "") -> dict:
    # agentcore-lint: direct-call the flights API has no gateway target yet
    response = requests.get(f"{url}/search?q={query}", headers={"Authorization": f"Bearer {api_key}"})
    return response.json()


@app.entrypoint
def invoke(payload):
    token = os.getenv("TOKEN") or ""
    if not url:
        return {"error": "no gateway"}
    agent = Agent(system_prompt="""You are a "travel" assistant.\\n""")
    return {"result": str(agent(payload.get("prompt", ""))), "t": token}  # agentcore-lint-disable-line direct-http-call -- ok


if __name__ == "__main__":
    app.run()
`,
  `# agentcore-lint-disable-next-line no-inline-secrets, direct-http-call -- test fixture
password = 'hunter2hunter2'
class Client:
    def __init__(self):
        self.token = r"raw\\string\\x"
        self.base = os.environ.get('BASE_URL', b'bytes')
    def call(self, path):
        with httpx.Client() as c:
            return c.post(self.base + path, json={"api_key": self.token}, timeout=3)
lam = lambda x: os.getenv(x, "default")
print(f"{'nested' + f'{1}'}", u"unicode é 🚀", rb'\\d+')
`,
];

const TS_SNIPPETS = [
  `import { BedrockAgentCoreApp } from "bedrock-agentcore/runtime";
import { withApiKey } from "bedrock-agentcore/identity";
import Anthropic from "@anthropic-ai/sdk";
import axios from 'axios';

// no-inline-secrets: a literal secret as the default of an env read.
const hotelsSecret = process.env.HOTELS_CLIENT_SECRET ?? "7f3kQ9zLm2Xv8Rt4Wp6Nc1Bh5Jd0Ys3A";
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
const toolsUrl = new URL(process.env.AGENTCORE_GATEWAY_TRAVEL_TOOLS_URL!);
const { REGION, STAGE = "dev" } = process.env;

const searchFlights = withApiKey({ providerName: "flight-keys" })(async (query: string, apiKey: string) => {
  // agentcore-lint: direct-call the flights API has no gateway target yet
  const response = await fetch(\`https://api.flights.example.com/v2/search?q=\${query}\`, { headers: { "x-api-key": apiKey } });
  return response.json();
});

/* agentcore-lint-disable-next-line direct-http-call -- internal health check */
axios.post(process.env["HEALTH_URL"] || "", { ok: true });

export const app = new BedrockAgentCoreApp({
  invocationHandler: {
    async process(payload: { prompt?: string }) {
      if (!toolsUrl) return { error: 'no gateway' };
      return { result: String(payload.prompt ?? ""), hotelsSecret, anthropic, searchFlights, REGION, STAGE };
    },
  },
});
`,
  `const password = 'hunter2hunter2'; // agentcore-lint-disable-line no-inline-secrets -- fixture
class Client<T extends object = {}> {
  private token = \`tok_\${1 + 1}_abc\`;
  constructor(private readonly base: string = process.env.BASE_URL as string) {}
  async call(path: string): Promise<T> {
    const r = await fetch(this.base + path, { method: 'POST', body: JSON.stringify({ apiKey: this.token }) });
    return (await r.json()) as T;
  }
}
const re = /"[^"]*"\\/\\//g; const jsx = <div title="a">{process.env.X}</div>;
`,
];

const TOKENS = [
  '"', "'", '"""', "'''", '`', '${', '}', '{', '(', ')', '[', ']', ':', ';', ',', '\\', '\n', '\r\n', '\r', '\t', '    ',
  '#', '//', '/*', '*/', 'f"', 'rb"', 'os.environ[', 'os.getenv(', 'process.env.', 'process.env[', 'requests.get(',
  'fetch(', 'new ', '@app.entrypoint\n', 'def ', 'async ', 'await ', 'lambda ', 'class ', '=>', '??', '!', 'if not x:\n    return\n',
  '# agentcore-lint-disable-next-line direct-http-call -- reason\n', '// agentcore-lint-disable-line a, b\n',
  '/* agentcore-lint-disable-next-line x -- y */', '# agentcore-lint: direct-call because\n', '// agentcore-lint: direct-call\n',
  '🚀', '𝒳', 'é', '\u2028', '\u0000', '\uFEFF', '\uD800', '\uDC00',
];

type Edit = { kind: 'insert' | 'delete' | 'replace'; at: number; length: number; text: string };

const EDIT_TEXT = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

const EDIT: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 12 }),
  text: EDIT_TEXT,
});

function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.length);
  return text.slice(0, at) + e.text + text.slice(at + e.length);
}

function mutated(snippets: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...snippets), fc.array(EDIT, { minLength: 0, maxLength: 8 }), fc.boolean())
    .map(([base, edits, crlf]) => edits.reduce(applyEdit, crlf ? base.replace(/\n/g, '\r\n') : base));
}

// ---------------------------------------------------------------------------------------------- checks

/** Every `{ start, end }` object anywhere in the facts, with where it was found. */
function spansOf(value: unknown, where = 'facts', out: Array<{ where: string; start: number; end: number }> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => spansOf(v, `${where}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') out.push({ where, start: o.start, end: o.end });
    for (const [k, v] of Object.entries(o)) spansOf(v, `${where}.${k}`, out);
  }
  return out;
}

function expectSpansInside(facts: SourceFacts, text: string): void {
  for (const s of spansOf(facts)) {
    const what = `${s.where} = [${s.start}, ${s.end}) in a text of ${text.length}: ${JSON.stringify(text)}`;
    expect(Number.isInteger(s.start) && Number.isInteger(s.end), what).toBe(true);
    expect(s.start, what).toBeGreaterThanOrEqual(0);
    expect(s.start, what).toBeLessThanOrEqual(s.end);
    expect(s.end, what).toBeLessThanOrEqual(text.length);
  }
  for (const c of facts.comments) expect(c.text, 'a comment\'s text is the text of its span').toBe(text.slice(c.span.start, c.span.end));
}


function expectDirectivesInside(comments: CommentFact[], text: string): void {
  for (const d of parseDirectives(comments, text)) {
    expectRangeInside(text, d.range, 'directive');
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.ruleIds.every((id) => id.length > 0 && !/[\s,]/.test(id))).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------- properties

describe('property: language adapters on mutated agent code', () => {
  it('Python: extract never throws; every span lies inside the file; directives too', () => {
    fc.assert(
      fc.property(mutated(PYTHON_SNIPPETS), (text) => {
        const facts = extractFacts('/p/agent.py', text)!;
        expect(facts.language).toBe('python');
        expectSpansInside(facts, text);
        expectDirectivesInside(facts.comments, text);
      }),
      params(200),
    );
  });

  for (const file of ['/p/agent.ts', '/p/agent.js', '/p/agent.tsx']) {
    it(`TS/JS (${file.slice(-3)}): extract never throws; every span lies inside the file; directives too`, () => {
      fc.assert(
        fc.property(mutated(TS_SNIPPETS), (text) => {
          const facts = extractFacts(file, text)!;
          expectSpansInside(facts, text);
          expectDirectivesInside(facts.comments, text);
        }),
        params(file.endsWith('.ts') ? 150 : 80),
      );
    });
  }

  it('arbitrary text (no snippet) in both languages', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const file of ['/p/a.py', '/p/a.ts']) {
          const facts = extractFacts(file, text)!;
          expectSpansInside(facts, text);
          expectDirectivesInside(facts.comments, text);
        }
      }),
      params(150),
    );
  });
});

// ---------------------------------------------------------------------------------------------- directives

const CEDAR_BASE = [
  'permit(principal, action == AgentCore::Action::"flights___search", resource) // allow search\n' +
    'when { context.input.url == "https://x/\\"//y" }; // agentcore-lint-disable-line policy-input -- legacy\r\n' +
    '// agentcore-lint-disable-next-line policy-effect, policy-input -- reviewed\n' +
    'forbid(principal is AgentCore::OAuthUser, action, resource) unless { principal.hasTag("é🚀") };\n',
];

/** Comment spans anywhere in the text (the parser must cope with whatever comments it is handed). */
const RANDOM_COMMENTS = (text: string) =>
  fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }).map((pairs) =>
    pairs.map(([a, b]): CommentFact => {
      const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
      return { span: { start, end }, text: text.slice(start, end) };
    }),
  );

const DIRECTIVE_TEXT = fc
  .tuple(
    fc.constantFrom('#', '//', '/*', ''),
    fc.constantFrom(' agentcore-lint-disable-next-line', 'agentcore-lint-disable-line', ' agentcore-lint-disable-linex', ' agentcore-lint-disable-line\t'),
    fc.array(fc.constantFrom(' a', ',b', ', c-d', ' ', ',,', '\n', '\r\n', ' 🚀', '--', ' -- why', '*/'), { maxLength: 5 }),
    fc.string({ unit: 'binary', maxLength: 5 }),
  )
  .map(([marker, verb, parts, tail]) => marker + verb + parts.join('') + tail);

describe('property: suppression directives and the Cedar comment scanner', () => {
  it('cedarComments never throws and returns comments inside the text; their directives lie inside the file', () => {
    fc.assert(
      fc.property(mutated([...CEDAR_BASE, '']), (text) => {
        const comments = cedarComments(text);
        for (const c of comments) {
          expect(c.span.start).toBeGreaterThanOrEqual(0);
          expect(c.span.start).toBeLessThanOrEqual(c.span.end);
          expect(c.span.end).toBeLessThanOrEqual(text.length);
          expect(c.text).toBe(text.slice(c.span.start, c.span.end));
          expect(c.text.startsWith('//')).toBe(true);
          expect(/[\r\n]/.test(c.text), `a comment stops at its line end: ${JSON.stringify(c.text)}`).toBe(false);
        }
        expectDirectivesInside(comments, text);
      }),
      params(400),
    );
  });

  it('parseDirectives never throws, whatever comments (and comment spans) it is given', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(DIRECTIVE_TEXT, { maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r', ''))
          .map(([filler, directives, eol]) => directives.map((d) => filler + d).join(eol) + eol + filler)
          .chain((text) => fc.tuple(fc.constant(text), RANDOM_COMMENTS(text))),
        ([text, comments]) => {
          // Comments as the adapters find them: whole lines that start with a marker...
          const lineComments: CommentFact[] = [];
          for (const m of text.matchAll(/(#|\/\/|\/\*)[^\r\n]*/g)) lineComments.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[0] });
          expectDirectivesInside(lineComments, text);
          // ...and arbitrary spans, except ones that split a CRLF (no position lies between CR and LF).
          expectDirectivesInside(comments.filter((c) => !splitsCrlf(text, c.span.start) && !splitsCrlf(text, c.span.end)), text);
        },
      ),
      params(400),
    );
  });
});

function splitsCrlf(text: string, offset: number): boolean {
  return text[offset - 1] === '\r' && text[offset] === '\n';
}

describe('regressions found by the properties above', () => {
  it('Python with CRLF line ends: a comment\'s span ends before the \\r, so its directive stays on its line', () => {
    const text = 'x = 1  # agentcore-lint-disable-line direct-http-call -- ok\r\n# agentcore-lint-disable-next-line a -- b\r\ny = 2\r\n';
    const facts = extractFacts('/p/agent.py', text)!;
    expect(facts.comments.map((c) => text.slice(c.span.start, c.span.end))).toEqual(facts.comments.map((c) => c.text));
    expect(parseDirectives(facts.comments, text).map((d) => [d.range, d.line])).toEqual([
      [{ start: { line: 1, column: 8 }, end: { line: 1, column: 60 } }, 1],
      [{ start: { line: 2, column: 1 }, end: { line: 2, column: 42 } }, 3],
    ]);
  });

  it('Cedar: a // comment ends at a lone CR, which is a line break', () => {
    const text = 'permit(principal, action, resource) //\r allow search\nwhen { true };';
    expect(cedarComments(text)).toEqual([{ span: { start: 36, end: 38 }, text: '//' }]);
  });
});
