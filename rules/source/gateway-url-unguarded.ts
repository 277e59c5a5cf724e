import { defineRule } from '../../src/rule.js';
import type { EnvReadFact, EnvUse, SourceFacts } from '../../src/source/facts.js';
import { isGatewayUrlEnvName, positionOf, rangeOf, SOURCE_RULE_EXTENSIONS } from '../../src/source/vocabulary.js';
import { entries } from '../../src/util/spec.js';
import { asString, objectsOf } from '../../src/util/json-value.js';
import { perProject } from '../../src/util/per-project.js';

const USE_WORDS: Record<EnvUse['kind'], string> = {
  'call-argument': 'a call',
  'constructor-argument': 'a client constructor',
  'string-building': 'string building',
  url: 'URL(...)',
  'http-call': 'an HTTP call',
  other: 'a use',
};

/**
 * Variables `runtimes[].envVars` declares whose name mentions a gateway or whose value is a gateway URL (once per
 * project, not once per source file).
 */
const declaredGatewayVars = perProject((project): ReadonlySet<string> => {
  const out = new Set<string>();
  for (const runtime of entries(project.spec, 'runtimes')) {
    for (const [, envVar] of objectsOf(runtime.node.envVars)) {
      const name = asString(envVar.name);
      const value = asString(envVar.value) ?? '';
      if (name && (/GATEWAY/i.test(name) || /\.gateway\.bedrock-agentcore\./.test(value))) out.add(name);
    }
  }
  return out;
});

export interface UnguardedUse {
  read: EnvReadFact;
  /** The use to report at; the read itself when an unsafe read has no traced use. */
  at: { start: number; end: number };
  use: EnvUse | undefined;
  reason: 'key-error' | 'non-null-assertion' | 'empty-default' | 'unguarded';
}

/** Reads of gateway URL variables and the uses they reach without a check that the variable is set. */
export function unguardedGatewayUses(facts: SourceFacts, extraNames: ReadonlySet<string> = new Set()): UnguardedUse[] {
  const out: UnguardedUse[] = [];
  for (const read of facts.envReads) {
    if (!read.name || !(isGatewayUrlEnvName(read.name) || extraNames.has(read.name))) continue;
    if (read.localDevOnly) continue;
    // Uses that matter: constructors, URL(...), HTTP calls, string building, call arguments (not e.g. a return).
    const uses = read.uses.filter((u) => u.kind !== 'other');
    if (read.unsafe === 'empty-default') {
      // An empty string is falsy: the checks that handle a missing value (`if not url`, `if (!url)`) handle it too.
      // Reported at the first use no check covers; a value traced to no use (returned, or unused) is not.
      const use = uses.find((u) => !u.guarded);
      if (use) out.push({ read, at: use.span, use, reason: 'empty-default' });
      continue;
    }
    if (read.unsafe) {
      // The read itself turns absence into an exception: report where it is used (first use), or at the read.
      const use = uses[0];
      out.push({ read, at: use?.span ?? read.span, use, reason: read.unsafe });
      continue;
    }
    if (read.hasDefault) continue; // a non-empty default handles absence
    for (const use of uses) if (!use.guarded) out.push({ read, at: use.span, use, reason: 'unguarded' });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'gateway-url-unguarded',
    code: 'AC053',
    category: 'source',
    defaultSeverity: 'error',
    description: 'Code that reads a gateway URL variable must handle its absence before using the value.',
    rationale:
      '`AGENTCORE_GATEWAY_<NAME>_URL` is set on the runtime only once the gateway is deployed; `agentcore dev` sets it ' +
      'only for deployed gateways, and a freshly added gateway has no URL until the next deploy (agentcore-facts.md §3, ' +
      '§6). Code that uses the value unchecked crashes at start-up (KeyError from `os.environ[...]`, `new URL(undefined)`) ' +
      'or connects to an empty URL. The CLI templates show the pattern: `url = os.environ.get(...)`, then ' +
      '`if not url: log a warning; return None`. Checked: reads of `AGENTCORE_GATEWAY_<N>_URL`, `GATEWAY_<T>_URL` and ' +
      'other variables whose name says gateway URL, but not Amazon API Gateway\'s `API_GATEWAY_URL` (also those ' +
      '`runtimes[].envVars` declares and names held in module ' +
      'constants), through `os.getenv`, `os.environ.get`, `os.environ[...]`, `process.env.X`, `process.env["X"]`, ' +
      'destructuring and aliases (`from os import getenv as ge`, `env = os.environ`), followed within the function ' +
      'and its module-level bindings to a client or transport constructor, `URL(...)`, an HTTP call, string ' +
      'building or a call argument, also through copies into other variables (`endpoint = url`; in TS/JS a `const`, ' +
      'as a `let` may be reassigned; in Python up to 8 copies deep); a check of the value before the copy covers the ' +
      'copy (in TS/JS, a check of any variable holding the same read covers the others). Handled: an ' +
      'earlier `if not url: return/raise`, `if (!url) return`, a truthiness test around the use (also `Boolean(url)`, ' +
      '`url?.startsWith(…)`, and a list of values checked at once: `all([url, region])`, `None in (url, region)`, ' +
      '`[url, region].every(Boolean)`, `.some((v) => !v)`, `.includes(undefined)`), a non-empty default, an ' +
      'earlier check of the variable itself (`if not os.getenv("…"): sys.exit(…)`, then the read), and an earlier ' +
      'call of a function of the same file that raises (throws) or exits unless the variable is set: one that tests ' +
      'it, or that loops over a list of required names holding it (`missing = [n for n in REQUIRED if not ' +
      'os.getenv(n)]`, then `if missing: raise …`; `const missing = REQUIRED.filter((n) => !process.env[n])`, then ' +
      '`if (missing.length > 0) throw …`; or a `for` loop, or `forEach`, doing the same). A function that may return ' +
      'first, or only logs, or an `async` one called without `await`, is no guard. ' +
      '`os.environ["…"]` counts as unguarded unless a `try` around it (in the same function) catches the KeyError ' +
      '(`except KeyError`, `LookupError`, `Exception`, `BaseException`, or a bare `except:`): then the uses that run ' +
      'only once the read succeeded (later in the try, in its `else`, or anywhere when the handler returns, raises or ' +
      'exits) are handled, and the others (the handler goes on, say with `url = None`) need a check as above. ' +
      '`process.env.X!` counts as unguarded; an empty-string default (`?? ""`, `or ""`, ' +
      '`os.environ.get(X, "")`) counts as unguarded unless a truthiness test or a comparison with `""` covers the use ' +
      '(an empty string is falsy); `is None`, `=== undefined`, `== null`, `typeof` and `isinstance` tests do not, as ' +
      'the value is never None. A value only returned, or not used, is not reported: the caller decides.',
    messages: {
      unguarded:
        '{{name}} (read on line {{line}}) reaches {{use}} without a check that it is set; before the gateway is deployed ' +
        '(and in `agentcore dev` until then) it is missing. Check it first: `if not url: return None` (Python) or ' +
        '`if (!url) return undefined` (TS), and run without the gateway\'s tools.',
      'key-error':
        '{{name}} is read with os.environ[...] (line {{line}}), which raises KeyError until the gateway is deployed and ' +
        'in `agentcore dev`. Use os.environ.get("{{name}}") and handle None (`if not url: return None`).',
      'non-null-assertion':
        '{{name}} is read with a non-null assertion (line {{line}}), but it is undefined until the gateway is deployed ' +
        'and in `agentcore dev`. Drop the `!` and handle the missing value: `if (!url) return undefined`.',
      'empty-default':
        '{{name}} defaults to an empty string (line {{line}}), which then reaches {{use}} as if it were a URL. Keep the ' +
        'missing value visible (no default) and check it: `if not url: return None` / `if (!url) return undefined`.',
    },
    officialParity: false,
    requiresProject: false,
  },
  files: {
    extensions: SOURCE_RULE_EXTENSIONS,
    check({ text, role, project, source, report }) {
      if (role === 'test' || role === 'other') return;
      const facts = source();
      if (!facts) return;
      const seen = new Set<string>();
      for (const found of unguardedGatewayUses(facts, project ? declaredGatewayVars(project) : undefined)) {
        const key = `${found.at.start}:${found.at.end}:${found.read.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report({
          messageId: found.reason,
          range: rangeOf(text, found.at),
          data: {
            name: found.read.name!,
            line: positionOf(text, found.read.span.start).line,
            use: found.use ? USE_WORDS[found.use.kind] : 'its use',
          },
        });
      }
    },
  },
});
