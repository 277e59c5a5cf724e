/**
 * cedar-wasm, loaded only when a project has policies (it is a 4 MB WebAssembly module).
 * Its offsets are UTF-8 bytes; everything we return is in UTF-16 indices of the checked text.
 */
import { createRequire } from 'node:module';
import { useLiftoffOnly } from '../util/wasm.js';
import type { PolicyJson } from '@cedar-policy/cedar-wasm/nodejs';
import { byteToUtf16Index } from '../json/string-positions.js';
import { singlePolicy } from './split.js';
import { perString } from '../util/per-string.js';

type CedarModule = typeof import('@cedar-policy/cedar-wasm/nodejs');

const require = createRequire(import.meta.url);
let cedar: CedarModule | undefined;

export function loadCedar(): CedarModule {
  if (!cedar) {
    // With default tiering the first WASM calls cost ~0.6 s of CPU on 2 cores; Liftoff alone is far cheaper
    // for the policy counts projects have (stack notes §2.4).
    useLiftoffOnly();
    cedar = require('@cedar-policy/cedar-wasm/nodejs') as CedarModule;
  }
  return cedar;
}

/**
 * Where a run keeps cedar-wasm's answers between runs (`--cache`; src/source/facts-cache.ts). An answer is a pure
 * function of the call, its input and the cedar-wasm version, so a kept one can stand in for the call: a run whose
 * policies and Cedar schemas are unchanged never loads cedar-wasm.
 */
export interface CedarAnswerStore {
  get(call: CedarCall, input: unknown): unknown;
  put(call: CedarCall, input: unknown, answer: unknown): void;
}

/** The cedar-wasm calls agentcore-lint makes through askCedar (each a pure function of its input). */
export type CedarCall = 'policyToJson' | 'checkParsePolicySet' | 'validate' | 'isAuthorized';

let answerStore: CedarAnswerStore | undefined;
const memos: Array<{ clear(): void }> = [];

/**
 * Runs `work` (synchronous) with cedar-wasm's answers taken from and given to `store`. The in-process memos are
 * emptied first, so that every answer the run uses passes through the store, which keeps the ones it saw.
 */
export function withCedarAnswerStore<T>(store: CedarAnswerStore | undefined, work: () => T): T {
  if (!store) return work();
  const previous = answerStore;
  answerStore = store;
  for (const memo of memos) memo.clear();
  try {
    return work();
  } finally {
    answerStore = previous;
  }
}

/**
 * cedar-wasm stopped with a trap (in practice: it ran out of stack on expressions nested a hundred or more levels
 * deep). A trapped WebAssembly instance is left in an unknown state, so it is discarded: the next call loads a
 * fresh one.
 */
export class CedarCrash extends Error {}

/** cedar-wasm's answer for `call` on `input`, from the store when it has it. Throws CedarCrash (see there). */
export function askCedar<C extends CedarCall>(call: C, input: Parameters<CedarModule[C]>[0]): ReturnType<CedarModule[C]> {
  const kept = answerStore?.get(call, input);
  if (kept !== undefined) return kept as ReturnType<CedarModule[C]>;
  let answer: ReturnType<CedarModule[C]>;
  try {
    answer = (loadCedar()[call] as (input: unknown) => ReturnType<CedarModule[C]>)(input);
  } catch (error) {
    // A trap, or the JavaScript stack exhausted by the glue code around a deep recursion.
    if (!(error instanceof WebAssembly.RuntimeError || error instanceof RangeError)) throw error;
    cedar = undefined;
    delete require.cache[require.resolve('@cedar-policy/cedar-wasm/nodejs')];
    throw new CedarCrash(`cedar-wasm ${call}: ${error.message}`);
  }
  answerStore?.put(call, input, answer);
  return answer;
}

export interface CedarSyntaxError {
  /** What is wrong, without Cedar's "failed to parse policies from string" preamble. */
  detail: string;
  /** cedar-wasm crashed on the text (CedarCrash) instead of answering: nothing about it is known. */
  crashed?: boolean;
  /** UTF-16 indices into the checked text. */
  start: number;
  end: number;
}

/**
 * Policy forms AgentCore accepts that are not plain Cedar, so not parsed: the CLI's `when guardrails { ... }` for
 * HTTP targets, and Dogwood temporal policies, `when temporal { ... }` (AWS "Temporal policies"; the PolicyStatement
 * API takes "Cedar or Dogwood" statements).
 */
export function nonCedarForm(text: string): 'guardrails' | 'temporal' | undefined {
  return /\bwhen\s+(guardrails|temporal)\s*\{/.exec(text)?.[1] as 'guardrails' | 'temporal' | undefined;
}

/**
 * A `.cedar` file's text with a leading byte order mark turned into a space: Cedar rejects the mark ("invalid
 * token" at 1:1, hiding every other finding), and policy-syntax reports it on its own. Same length, so every
 * offset into the text still holds.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

/** What a note about a policy in a non-Cedar form calls it. */
export const NON_CEDAR_FORMS = {
  guardrails: '`when guardrails { ... }` policy (the CLI form for HTTP targets)',
  temporal: 'Dogwood temporal policy (`when temporal { ... }`)',
} as const;

/**
 * cedar-wasm throws on text with a lone surrogate (a JSON statement can hold one: `"\ud800"`). U+FFFD in its place
 * keeps every UTF-16 index, and it is 3 bytes in UTF-8, as byteToUtf16Index counts a lone surrogate.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * A per-text memo of a Cedar call. Statements are parsed by the syntax rule and again by the policy analysis: once is
 * enough. Registered in `memos`, so that withCedarAnswerStore can empty it.
 */
function memoByText<T>(limit: number, compute: (text: string) => T): (text: string) => T {
  const memo = perString(compute, limit);
  memos.push(memo);
  return memo;
}

export const cedarSyntaxErrors: (rawText: string) => readonly CedarSyntaxError[] = memoByText(2000, (text) => parseErrors(text));

function parseErrors(rawText: string): CedarSyntaxError[] {
  try {
    return askParseErrors(wellFormed(rawText));
  } catch (error) {
    if (!(error instanceof CedarCrash)) throw error;
    // At the policy's effect keyword, the one place known without a parse.
    const effect = /\b(?:permit|forbid)\b/.exec(rawText);
    const start = effect?.index ?? 0;
    return [{ detail: error.message, crashed: true, start, end: start + (effect?.[0].length ?? 0) }];
  }
}

function askParseErrors(text: string): CedarSyntaxError[] {
  // Most texts hold one policy, whose JSON form the analysis needs anyway: one call to cedar-wasm instead of two.
  // The rest of the text is whitespace and comments only (singlePolicy), so it parses exactly when the policy does.
  const single = singlePolicy(text);
  if (single) {
    const answer = policyJsonAnswer(text.slice(single.start, single.end));
    if (answer === 'crashed') throw new CedarCrash('cedar-wasm policyToJson crashed');
    if (answer !== 'invalid') return [];
  }
  const answer = askCedar('checkParsePolicySet', { staticPolicies: text });
  if (answer.type === 'success') return [];
  return answer.errors.map((error) => {
    const location = error.sourceLocations?.[0];
    const start = location ? byteToUtf16Index(text, location.start) : 0;
    const end = location ? byteToUtf16Index(text, location.end) : 0;
    const what = error.message.replace(/^failed to parse polic(y|ies)( with id `[^`]*`)? from string: /, '');
    const expected = location?.label ? `; ${location.label}` : '';
    return { detail: `${what}${expected}`, start, end: Math.max(end, start) };
  });
}

/**
 * The JSON form (EST) of one policy's text, or undefined when it is not exactly one valid policy. Shared by the
 * syntax check and the analysis.
 */
export function policyJson(text: string): PolicyJson | undefined {
  const answer = policyJsonAnswer(text);
  return typeof answer === 'string' ? undefined : answer;
}

/**
 * `invalid` when the text is not exactly one valid policy; `crashed` when cedar-wasm crashed on it (the syntax rule
 * reports that: checkParsePolicySet may well accept a text whose JSON form overflows the stack).
 */
const policyJsonAnswer: (text: string) => PolicyJson | 'invalid' | 'crashed' = memoByText(20000, (text) => {
  try {
    const answer = askCedar('policyToJson', wellFormed(text));
    return answer.type === 'success' ? answer.json : 'invalid';
  } catch (error) {
    if (error instanceof CedarCrash) return 'crashed';
    throw error;
  }
});
