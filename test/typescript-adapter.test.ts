import { describe, expect, it } from 'vitest';
import type { CallFact, EnvReadFact, SourceFacts, Span, StringFact } from '../src/source/facts.js';
import { createTypeScriptAdapter } from '../src/source/typescript/adapter.js';

const adapter = createTypeScriptAdapter();

function facts(text: string, file = 'agent/main.ts'): SourceFacts & { text: string } {
  return { ...adapter.extract(file, text), text };
}

const slice = (text: string, span: Span): string => text.slice(span.start, span.end);

function callsByText(f: SourceFacts & { text: string }): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const call of f.calls) out[call.calleeText] = call.callee;
  return out;
}

function call(f: SourceFacts, calleeText: string, nth = 0): CallFact {
  const found = f.calls.filter((c) => c.calleeText === calleeText)[nth];
  if (!found) throw new Error(`no call ${calleeText} #${nth}; have ${f.calls.map((c) => c.calleeText).join(', ')}`);
  return found;
}

function str(f: SourceFacts, value: string): StringFact {
  const found = f.strings.find((s) => s.value === value);
  if (!found) throw new Error(`no string ${JSON.stringify(value)}`);
  return found;
}

function env(f: SourceFacts, name: string, nth = 0): EnvReadFact {
  const found = f.envReads.filter((r) => r.name === name)[nth];
  if (!found) throw new Error(`no env read ${name} #${nth}`);
  return found;
}

/** `[use text, kind, guarded]` for each use of an env read. */
function uses(f: SourceFacts & { text: string }, name: string, nth = 0): [string, string, boolean][] {
  return env(f, name, nth).uses.map((u) => [slice(f.text, u.span), u.kind, u.guarded]);
}

describe('typescript adapter: callee resolution', () => {
  it('resolves ESM imports, aliases, instances and globals to canonical names', () => {
    const f = facts(`
import axios from 'axios';
import * as http from 'node:http';
import https from 'https';
import { get as httpGet } from 'http';
import ky from 'ky';
import got from 'got';
import superagent from 'superagent';
import nodeFetch from 'node-fetch';
import { request, fetch as undiciFetch, Client, Pool } from 'undici';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { OpenAI as NamedOpenAI } from 'openai';
import { createOpenAI } from '@ai-sdk/openai';
import { OpenAIModel } from '@strands-agents/sdk/openai';
import { S3Client } from '@aws-sdk/client-s3';
import { withApiKey } from 'bedrock-agentcore/identity';

const { post } = axios;
const { post: axiosPost } = axios;
const client = axios.create({ baseURL: 'https://api.example.com' });
const doGet = client.get;
const pool = new Pool('https://pool.example.com');

export async function main(helper: (x: string) => void) {
  await axios.post('https://a');
  await axios('https://b');
  await post('https://c');
  await axiosPost('https://c2');
  await client.get('/d');
  await doGet('/d2');
  http.request('https://e');
  https.get('https://f');
  httpGet('https://f2');
  await ky('https://g');
  await ky.get('https://h');
  await got.post('https://i');
  await superagent.post('https://j');
  await nodeFetch('https://k');
  await request('https://l');
  await undiciFetch('https://m');
  new Client('https://n');
  await pool.request({ path: '/' });
  await fetch('https://o');
  await globalThis.fetch('https://p');
  new OpenAI({ apiKey: 'x' });
  new Anthropic({ apiKey: 'y' });
  new NamedOpenAI({ apiKey: 'z' });
  createOpenAI({ apiKey: 'w' });
  new OpenAIModel({ apiKey: 'v' });
  new S3Client({ region: 'us-east-1' });
  withApiKey({ providerName: 'p' });
  helper('q');
  localThing();
}
function localThing() {}
`);
    expect(callsByText(f)).toEqual({
      'axios.create': 'axios.create',
      Pool: 'undici.Pool',
      'axios.post': 'axios.post',
      axios: 'axios',
      post: 'axios.post',
      axiosPost: 'axios.post',
      'client.get': 'axios.create().get',
      doGet: 'axios.create().get',
      'http.request': 'http.request',
      'https.get': 'https.get',
      httpGet: 'http.get',
      ky: 'ky',
      'ky.get': 'ky.get',
      'got.post': 'got.post',
      'superagent.post': 'superagent.post',
      nodeFetch: 'node-fetch',
      request: 'undici.request',
      undiciFetch: 'undici.fetch',
      Client: 'undici.Client',
      'pool.request': 'undici.Pool().request',
      fetch: 'fetch',
      'globalThis.fetch': 'fetch',
      OpenAI: 'openai.OpenAI',
      Anthropic: '@anthropic-ai/sdk.Anthropic',
      NamedOpenAI: 'openai.OpenAI',
      createOpenAI: '@ai-sdk/openai.createOpenAI',
      OpenAIModel: '@strands-agents/sdk/openai.OpenAIModel',
      S3Client: '@aws-sdk/client-s3.S3Client',
      withApiKey: 'bedrock-agentcore/identity.withApiKey',
      helper: undefined,
      localThing: undefined,
    });
    expect(call(f, 'Client').isNew).toBe(true);
    expect(call(f, 'axios.post').isNew).toBe(false);
  });

  it('resolves CommonJS require forms, createRequire and .default', () => {
    const f = facts(
      `'use strict';
const axios = require('axios').default;
const { request: undiciRequest } = require('node:undici');
const https = require('node:https');
const OpenAI = require('openai');
const { createRequire } = require('node:module');
const load = createRequire(__filename);
const superagent = load('superagent');
const { get } = require('axios');
const env = process.env;

async function run() {
  await axios.get(env.GATEWAY_URL);
  await undiciRequest('https://a');
  https.request('https://b');
  new OpenAI({ apiKey: 'k' });
  superagent.post('https://c');
  get('https://d');
  const client = new OpenAI();
  client.responses.create({});
  const { default: ax } = await import('axios');
  ax.put('https://e');
}
`,
      'tools/handler.cjs',
    );
    expect(f.language).toBe('javascript');
    expect(callsByText(f)).toMatchObject({
      'axios.get': 'axios.get',
      undiciRequest: 'undici.request',
      'https.request': 'https.request',
      OpenAI: 'openai.OpenAI',
      'superagent.post': 'superagent.post',
      get: 'axios.get',
      'client.responses.create': 'openai.OpenAI().responses.create',
      'ax.put': 'axios.put',
      load: 'module.createRequire()',
    });
    // `env.GATEWAY_URL` through `const env = process.env` is an env read.
    expect(env(f, 'GATEWAY_URL').form).toBe('process.env.X');
    expect(call(f, 'axios.get').args[0]).toMatchObject({ kind: 'env', envRead: f.envReads.indexOf(env(f, 'GATEWAY_URL')) });
  });

  it('resolves class fields through this', () => {
    const f = facts(`
import axios from 'axios';
import OpenAI from 'openai';
export class GatewayClient {
  private http = axios.create({ baseURL: 'https://gw.example.com' });
  private apiKey = process.env.OPENAI_API_KEY;
  private client: OpenAI;
  constructor() {
    this.client = new OpenAI({ apiKey: this.apiKey });
  }
  async run() {
    await this.http.get('/tools');
    await this.client.responses.create({ model: 'gpt-4o' });
    const self = this;
    function detached(this: unknown) { return this.http.get('/x'); }
    return self;
  }
}
`);
    expect(call(f, 'this.http.get', 0).callee).toBe('axios.create().get');
    expect(call(f, 'this.client.responses.create').callee).toBe('openai.OpenAI().responses.create');
    expect(call(f, 'this.http.get', 1).callee).toBeUndefined();
    expect(call(f, 'OpenAI').named.apiKey).toMatchObject({ kind: 'env', envRead: f.envReads.indexOf(env(f, 'OPENAI_API_KEY')) });
  });

  it('respects scopes: a parameter or local shadowing an import is not the import', () => {
    const f = facts(`
import axios from 'axios';
export function a(fetch: (u: string) => void) { fetch('x'); }
export function b() { const axios = makeClient(); axios.post('y'); }
export function c() { axios.post('z'); }
`);
    expect(call(f, 'fetch').callee).toBeUndefined();
    // The local `axios` is whatever the (global) makeClient returns, not the import.
    expect(call(f, 'axios.post', 0).callee).toBe('makeClient().post');
    expect(call(f, 'axios.post', 1).callee).toBe('axios.post');
  });
});

describe('typescript adapter: helper functions and fallbacks', () => {
  it('a call of a function of this file that returns one expression stands for it; not generators, lets, or two returns', () => {
    const f = facts(`
import axios from 'axios';
function makeClient() { const c = axios.create(); return c; }
const arrow = () => axios.create();
let reassigned = () => axios.create();
function* gen() { return axios.create(); }
function either(flag: boolean) { if (flag) return axios.create(); return fetch; }
function maybe() { if (process.env.OFF) return undefined; return axios.create(); }
function nested() { const inner = () => { return fetch; }; return axios.create(); }
function forever(): any { return forever(); }
function gateway() { return process.env.AGENTCORE_GATEWAY_TOOLS_URL; }
class Store {
  private http;
  constructor(http?: any) { this.http = http ?? axios.create(); }
  run(url: string) { return this.http.post(url); }
}
makeClient().get(u);
arrow().get(u);
reassigned().get(u);
gen().get(u);
either(true).get(u);
maybe().get(u);
nested().get(u);
forever().get(u);
fetch(gateway());
fetch(\`\${gateway()}/mcp\`);
`);
    const byText = callsByText(f);
    expect(byText['makeClient().get']).toBe('axios.create().get');
    expect(byText['arrow().get']).toBe('axios.create().get');
    expect(byText['reassigned().get']).toBeUndefined();
    expect(byText['gen().get']).toBeUndefined();
    expect(byText['either(true).get']).toBeUndefined();
    expect(byText['maybe().get']).toBe('axios.create().get');
    expect(byText['nested().get']).toBe('axios.create().get');
    expect(byText['forever().get']).toBeUndefined();
    expect(byText['this.http.post']).toBe('axios.create().post');
    const gatewayRead = f.envReads.findIndex((r) => r.name === 'AGENTCORE_GATEWAY_TOOLS_URL');
    expect(call(f, 'fetch', 0).args[0]).toMatchObject({ kind: 'env', envRead: gatewayRead });
    expect(call(f, 'fetch', 1).args[0]).toMatchObject({ kind: 'env', envRead: gatewayRead });
  });
});

describe('typescript adapter: fetch implementations', () => {
  it('marks a handed-on function\'s fetch of its own (input, init) as forwarding the request; not a helper called by name', () => {
    const f = facts(`
export const signed = (sign: (h: object) => object) => async (input: string | URL, init?: RequestInit) => {
  const url = new URL(input.toString());
  return fetch(url, { ...init, headers: sign({}) });
};
const transport = { fetch: async (input: RequestInfo, init?: RequestInit) => fetch(input, init) };
async function helper(input: string, init?: RequestInit) { return fetch(input, init); }
helper("https://api.example.com");
const fixedUrl = async (input: string, init?: RequestInit) => fetch("https://api.example.com", init);
const ownOptions = async (input: string, init?: RequestInit) => fetch(input, { method: "POST" });
`);
    expect(f.calls.filter((c) => c.callee === 'fetch').map((c) => [c.calleeText, f.text.slice(c.span.start, c.span.end).slice(6, 24), c.forwardsRequest ?? false])).toEqual([
      ['fetch', 'url, { ...init, he', true],
      ['fetch', 'input, init)', true],
      ['fetch', 'input, init)', false],
      ['fetch', '"https://api.examp', false],
      ['fetch', 'input, { method: "', false],
    ]);
  });
});

describe('typescript adapter: strings', () => {
  it('gives each literal its context', () => {
    const f = facts(`
import { BedrockAgentCoreApp } from 'bedrock-agentcore/runtime';
export { thing } from './thing.js';
type Mode = 'fast' | 'slow';
enum E { Member = 'enum-value' }
const apiKey = 'sk-live-assigned';
let token: string;
token = 'tok-reassigned';
const cfg: any = {};
cfg.secret = 'obj-secret';
cfg['clientSecret'] = 'elem-secret';
class Svc {
  private password = 'field-secret';
  constructor() { this.token = 'this-token'; }
  token: string;
}
const headers = { Authorization: \`Bearer \${apiKey}\`, 'Content-Type': 'application/json' };
const url = process.env.GATEWAY_URL ?? 'http://localhost:8080';
const region = process.env.AWS_REGION || '';
const { MODEL_ID = 'default-model' } = process.env;
fetch('https://example.com/api', { headers });
const plain = \`no substitutions\`;
const picked = flag ? 'when-true' : 'when-false';
function f(key = 'param-default') { return 'returned'; }
const value = cfg['lookup-key'];
const dyn = require('dynamic-module');
`);
    const ctx = (value: string) => str(f, value).context;
    expect(ctx('bedrock-agentcore/runtime')).toEqual({ kind: 'inert' });
    expect(ctx('./thing.js')).toEqual({ kind: 'inert' });
    expect(ctx('fast')).toEqual({ kind: 'inert' });
    expect(ctx('enum-value')).toEqual({ kind: 'assignment', name: 'Member' });
    expect(ctx('sk-live-assigned')).toEqual({ kind: 'assignment', name: 'apiKey' });
    expect(ctx('tok-reassigned')).toEqual({ kind: 'assignment', name: 'token' });
    expect(ctx('obj-secret')).toEqual({ kind: 'assignment', name: 'secret' });
    expect(ctx('elem-secret')).toEqual({ kind: 'assignment', name: 'clientSecret' });
    expect(ctx('clientSecret')).toEqual({ kind: 'inert' });
    expect(ctx('field-secret')).toEqual({ kind: 'assignment', name: 'password' });
    expect(ctx('this-token')).toEqual({ kind: 'assignment', name: 'token' });
    expect(ctx('Bearer {}')).toEqual({ kind: 'property', name: 'Authorization' });
    expect(str(f, 'Bearer {}').interpolated).toBe(true);
    expect(ctx('Content-Type')).toEqual({ kind: 'inert' });
    expect(ctx('application/json')).toEqual({ kind: 'property', name: 'Content-Type' });
    expect(ctx('http://localhost:8080')).toEqual({ kind: 'env-default', envName: 'GATEWAY_URL' });
    expect(ctx('')).toEqual({ kind: 'env-default', envName: 'AWS_REGION' });
    expect(ctx('default-model')).toEqual({ kind: 'env-default', envName: 'MODEL_ID' });
    expect(ctx('https://example.com/api')).toEqual({ kind: 'argument', callee: 'fetch', index: 0 });
    expect(str(f, 'no substitutions')).toMatchObject({ interpolated: false, context: { kind: 'assignment', name: 'plain' } });
    expect(ctx('when-true')).toEqual({ kind: 'assignment', name: 'picked' });
    expect(ctx('param-default')).toEqual({ kind: 'assignment', name: 'key' });
    expect(ctx('returned')).toEqual({ kind: 'other' });
    expect(ctx('lookup-key')).toEqual({ kind: 'inert' });
    expect(ctx('dynamic-module')).toEqual({ kind: 'inert' });
  });

  it('decodes escapes, joins template parts with {} and reports exact UTF-16 spans', () => {
    const text = `// café 🚀\nconst a = 'tab\\there';\nconst b = \`x-\${1}-y-\${2}\`;\nfoo('arg', 'second');\n`;
    const f = facts(text);
    const a = str(f, 'tab\there');
    expect(slice(text, a.span)).toBe(`'tab\\there'`);
    expect(a.span.start).toBe(text.indexOf(`'tab`));
    const b = str(f, 'x-{}-y-{}');
    expect(slice(text, b.span)).toBe('`x-${1}-y-${2}`');
    expect(str(f, 'second').context).toEqual({ kind: 'argument', callee: 'foo', index: 1 });
  });

  it('gives JSX attribute strings a property context (.tsx)', () => {
    const f = facts(`export const A = () => <input placeholder="Your name" data-token={'tok-in-jsx'} />;`, 'ui/app.tsx');
    expect(f.parseProblems).toEqual([]);
    expect(str(f, 'Your name').context).toEqual({ kind: 'property', name: 'placeholder' });
    expect(str(f, 'tok-in-jsx').context).toEqual({ kind: 'property', name: 'data-token' });
  });
});

describe('typescript adapter: environment reads', () => {
  it('carried uses: consts holding a string, object or array built from a read, through chains, not through calls or lets', () => {
    const f = facts(`
export async function call() {
  const key = process.env.A_KEY;
  const auth = 'Token ' + key;
  const headers = new Headers({ ...BASE, Authorization: auth, X: \`\${process.env.B_KEY}\`, key });
  const pair = key ? [key, 1] : [(key as string) ?? 'x'];
  const masked = mask(key);
  const same = key!;
  let later = { Authorization: auth };
  await fetch(URL, { headers, body: JSON.stringify(pair), signal: masked, auth: same, later });
}
`);
    const carried = (name: string): [string, string][] => (env(f, name).carriedUses ?? []).map((u) => [slice(f.text, u.span), u.through]);
    // every use of `auth` (in `headers`, in `later`), but not `later`'s: a `let` may be reassigned
    expect(carried('A_KEY')).toEqual([
      ['auth', 'auth'],
      ['auth', 'auth'],
      ['headers', 'headers'],
      ['pair', 'pair'],
    ]);
    expect(carried('B_KEY')).toEqual([['headers', 'headers']]);
    // a function of the file returning a read; another call is not followed
    const g = facts(`
function getKey() { return process.env.C_KEY; }
const other = () => process.env.C_KEY!.trim();
fetch(URL, { headers: { 'x-api-key': getKey()! } });
const headers = { 'x-api-key': getKey() ?? '', y: other() };
fetch(URL, { headers });
`);
    expect((env(g, 'C_KEY').carriedUses ?? []).map((u) => [slice(g.text, u.span), u.through])).toEqual([
      ['getKey()', 'getKey()'],
      ['getKey()', 'getKey()'],
      ['headers', 'headers'],
    ]);
    // the read's own uses: presence is not carried; a plain copy (`const same = key!`) holds the read itself
    expect(uses(f, 'A_KEY').map(([text]) => text)).toEqual(['key', 'key', 'key', 'key', 'key', 'key', 'same']);
  });

  it('gives a URL built on a read, keeping its host, as the read (url + "/mcp", new URL("/mcp", url), url.replace(...))', () => {
    const argument = (expression: string) => {
      const f = facts(`const url = process.env.AGENTCORE_GATEWAY_X_URL!;\nconst endpoint = new URL(url);\nconst base = url.trim();\nfetch(${expression});\n`);
      return f.calls.find((c) => c.callee === 'fetch')!.args[0].kind;
    };
    for (const kept of ['url + "/mcp"', 'url.replace(/\\/$/, "") + "/mcp"', 'base + "/mcp"', 'new URL("/mcp", url)', 'new URL(url)', 'endpoint', 'endpoint.href', 'endpoint.toString()']) {
      expect([kept, argument(kept)]).toEqual([kept, 'env']);
    }
    // another host, or a base not known to hold the read
    for (const other of ['new URL("https://api.example.com/x", url)', 'new URL("//api.example.com/x", url)', '"https://api.example.com/?next=" + url', 'url.split("/")[0]', 'other + "/mcp"']) {
      expect([other, argument(other)]).not.toEqual([other, 'env']);
    }
  });

  it('takes checks of a list of values, Boolean(url) and url?.method() as presence checks', () => {
    const http = (check: string, read = 'process.env.AGENTCORE_GATEWAY_X_URL') => {
      const f = facts(`export async function f() {\n  const url = ${read};\n  const region = process.env.AWS_REGION;\n  ${check}\n  await fetch(url as string);\n}\n`);
      // the check itself is no use of the value (\`Boolean(url)\` was "a call argument")
      return uses(f, 'AGENTCORE_GATEWAY_X_URL').filter(([, kind]) => kind !== 'other').map(([, , guarded]) => guarded);
    };
    for (const check of [
      'if (![url, region].every(Boolean)) return;',
      'if (![region, url].every((v) => !!v)) throw new Error("missing");',
      'if ([url, region].some((v) => !v)) return;',
      'if ([url, region].includes(undefined)) return;',
      'if (!Boolean(url)) return;',
      'if (!url?.startsWith("https://")) return;',
      'if (!url?.length) return;',
    ]) {
      expect([check, http(check)]).toEqual([check, [true]]);
    }
    // with an empty-string default: a length or an empty string listed, not `undefined` or a method's answer
    expect(http('if (!url?.length) return;', 'process.env.AGENTCORE_GATEWAY_X_URL ?? ""')).toEqual([true]);
    expect(http('if ([url, region].includes("")) return;', 'process.env.AGENTCORE_GATEWAY_X_URL ?? ""')).toEqual([true]);
    expect(http('if ([url, region].includes(undefined)) return;', 'process.env.AGENTCORE_GATEWAY_X_URL ?? ""')).toEqual([false]);
    expect(http('if (!url?.startsWith("https://")) return;', 'process.env.AGENTCORE_GATEWAY_X_URL ?? ""')).toEqual([false]);
    // these prove nothing about url
    for (const check of [
      'if (![url, region].some(Boolean)) return;',
      'if ([url, region].every((v) => !v)) return;',
      'if (![url, region].every((v) => !v)) return;',
      'if ([url, region].some((v) => v)) return;',
      'if ([url, region].includes(null)) return;',
      'if (![region].every(Boolean)) return;',
      'if (url?.startsWith("https://")) return;',
    ]) {
      expect([check, http(check)]).toEqual([check, [false]]);
    }
  });

  it('takes a const copy of a variable holding a read (`const endpoint = url`) as holding the read', () => {
    const http = (body: string) => {
      const f = facts(`export async function f(x: boolean) {\n  const url = process.env.AGENTCORE_GATEWAY_X_URL;\n${body}\n}\n`);
      return uses(f, 'AGENTCORE_GATEWAY_X_URL').filter(([, kind]) => kind === 'http-call');
    };
    expect(http('  const endpoint = url;\n  await fetch(endpoint);')).toEqual([['endpoint', 'http-call', false]]);
    // a check of the copy, of the value it took, or of the original after it: the same environment variable
    expect(http('  const endpoint = url as string;\n  if (!endpoint) return;\n  await fetch(endpoint);')).toEqual([['endpoint', 'http-call', true]]);
    expect(http('  if (!url) return;\n  const a = url;\n  const b = (a);\n  await fetch(b);')).toEqual([['b', 'http-call', true]]);
    expect(http('  const a = url;\n  if (!a) return;\n  await fetch(url);')).toEqual([['url', 'http-call', true]]);
    // not a copy: a `let` (it may be reassigned), a value with a default
    expect(http('  let endpoint = url;\n  if (x) endpoint = "http://localhost:8080";\n  await fetch(endpoint);')).toEqual([]);
    expect(http('  const endpoint = url ?? "http://localhost:8080";\n  await fetch(endpoint);')).toEqual([]);
  });

  it('recognises every read form with names, defaults, unsafe reads and bindings', () => {
    const text = `
const MEMORY_VAR = 'MEMORY_MAIN_ID';
const { AGENTCORE_GATEWAY_MAIN_URL, MODEL: modelId = 'claude', REGION = '' } = process.env;
export const a = process.env.API_URL;
export const b = process.env['LITERAL_KEY'];
export const c = process.env[MEMORY_VAR];
export const d = process.env[computeName()];
export const e = process.env.TOKEN!;
export const g = process.env.WITH_DEFAULT ?? 'https://default';
export const h = process.env.EMPTY_DEFAULT || '';
process.env.WRITTEN = 'x';
`;
    const f = facts(text);
    expect(f.envReads.map((r) => [r.form, r.name, r.unsafe, r.hasDefault, r.boundTo])).toEqual([
      ['destructuring', 'AGENTCORE_GATEWAY_MAIN_URL', undefined, false, 'AGENTCORE_GATEWAY_MAIN_URL'],
      ['destructuring', 'MODEL', undefined, true, 'modelId'],
      ['destructuring', 'REGION', 'empty-default', false, 'REGION'],
      ['process.env.X', 'API_URL', undefined, false, 'a'],
      ['process.env[]', 'LITERAL_KEY', undefined, false, 'b'],
      ['process.env[]', 'MEMORY_MAIN_ID', undefined, false, 'c'],
      ['process.env[]', undefined, undefined, false, 'd'],
      ['process.env.X', 'TOKEN', 'non-null-assertion', false, 'e'],
      ['process.env.X', 'WITH_DEFAULT', undefined, true, 'g'],
      ['process.env.X', 'EMPTY_DEFAULT', 'empty-default', false, 'h'],
    ]);
    expect(slice(text, env(f, 'API_URL').span)).toBe('process.env.API_URL');
    expect(slice(text, env(f, 'TOKEN').span)).toBe('process.env.TOKEN');
    expect(slice(text, env(f, 'MODEL').span)).toBe(`MODEL: modelId = 'claude'`);
    expect(slice(text, env(f, 'MEMORY_MAIN_ID').span)).toBe('process.env[MEMORY_VAR]');
  });

  it('reads through `import process from "node:process"` and `import { env } from "process"`', () => {
    const f = facts(`
import process from 'node:process';
import { env } from 'process';
const a = process.env.ONE;
const b = env.TWO;
`);
    expect(f.envReads.map((r) => r.name)).toEqual(['ONE', 'TWO']);
  });

  it('classifies uses and computes guards with a flow walk', () => {
    const text = `
import axios from 'axios';
import { Client } from 'undici';
const GATEWAY_URL = process.env.AGENTCORE_GATEWAY_MAIN_URL;

export async function earlyReturn() {
  if (!GATEWAY_URL) {
    console.warn('gateway not configured');
    return null;
  }
  return fetch(\`\${GATEWAY_URL}/mcp\`);
}

export async function noGuard() {
  const url = process.env.SEARCH_URL;
  await axios.post(url, {});
  url?.trim();
  return new URL(url);
}

export async function branches() {
  const url = process.env.BRANCH_URL;
  if (url) await fetch(url);
  if (url !== undefined) { log(url); }
  url && new Client(url);
  const c = url ? new Client(url) : undefined;
  if (!url) {} else { build('x' + url); }
  if (!url) {} else { new Logger(url); }
  await fetch(url);
}

export async function undefinedCheck() {
  const url = process.env.CHECK_URL;
  if (url === undefined) throw new Error('CHECK_URL');
  return fetch(url);
}

export async function inLoop(names: string[]) {
  for (const name of names) {
    const base = process.env.LOOP_URL;
    if (!base) continue;
    await fetch(base + name);
  }
}

export function direct() {
  fetch(process.env.DIRECT_URL!);
  if (process.env.CHECKED_URL) fetch(process.env.CHECKED_URL);
  if (typeof process.env.TYPEOF_URL !== 'undefined') fetch(process.env.TYPEOF_URL);
  new URL(process.env.OTHER_URL ?? 'http://localhost');
}

export function fallbackAssigned() {
  let url = process.env.FALLBACK_URL;
  if (!url) url = 'http://localhost:8080';
  return fetch(url);
}

export function guardedElsewhere() {
  const url = process.env.SCOPED_URL;
  if (url) {}
  return fetch(url);
}
`;
    const f = facts(text);
    expect(uses(f, 'AGENTCORE_GATEWAY_MAIN_URL')).toEqual([['GATEWAY_URL', 'http-call', true]]);
    expect(uses(f, 'SEARCH_URL')).toEqual([
      ['url', 'http-call', false],
      ['url', 'other', false],
      ['url', 'url', false],
    ]);
    expect(uses(f, 'BRANCH_URL')).toEqual([
      ['url', 'http-call', true],
      ['url', 'call-argument', true],
      ['url', 'http-call', true],
      ['url', 'http-call', true],
      ['url', 'string-building', true],
      ['url', 'constructor-argument', true],
      ['url', 'http-call', false],
    ]);
    expect(uses(f, 'CHECK_URL')).toEqual([['url', 'http-call', true]]);
    expect(uses(f, 'LOOP_URL')).toEqual([['base', 'http-call', true]]);
    expect(uses(f, 'DIRECT_URL')).toEqual([['process.env.DIRECT_URL', 'http-call', false]]);
    // The tested read is no use; the read inside the branch is guarded.
    expect(env(f, 'CHECKED_URL', 0).uses).toEqual([]);
    expect(uses(f, 'CHECKED_URL', 1)).toEqual([['process.env.CHECKED_URL', 'http-call', true]]);
    expect(uses(f, 'TYPEOF_URL', 1)).toEqual([['process.env.TYPEOF_URL', 'http-call', true]]);
    expect(uses(f, 'OTHER_URL')).toEqual([['process.env.OTHER_URL', 'url', false]]);
    expect(uses(f, 'FALLBACK_URL')).toEqual([['url', 'http-call', true]]);
    expect(uses(f, 'SCOPED_URL')).toEqual([['url', 'http-call', false]]);
  });

  it('applies a top-level check of the variable to reads inside functions, and a check of a local only inside its function', () => {
    const f = facts(`
if (!process.env.AGENTCORE_GATEWAY_TOP_URL) process.exit(1);
const url = process.env.AGENTCORE_GATEWAY_MOD_URL;
if (!url) throw new Error('deploy first');

export function a() {
  const url = process.env.AGENTCORE_GATEWAY_TOP_URL;
  return fetch(url);
}

export function b() {
  const url = process.env.AGENTCORE_GATEWAY_LOCAL_URL;
  if (!url) return undefined;
  return fetch(url);
}

export function c() {
  const url = process.env.AGENTCORE_GATEWAY_LOCAL_URL;
  return fetch(url);
}

export function d() {
  return fetch(url);
}
`);
    expect(uses(f, 'AGENTCORE_GATEWAY_TOP_URL', 1)).toEqual([['url', 'http-call', true]]);
    expect(uses(f, 'AGENTCORE_GATEWAY_LOCAL_URL', 0)).toEqual([['url', 'http-call', true]]);
    expect(uses(f, 'AGENTCORE_GATEWAY_LOCAL_URL', 1)).toEqual([['url', 'http-call', false]]);
    expect(uses(f, 'AGENTCORE_GATEWAY_MOD_URL')).toEqual([['url', 'http-call', true]]);
  });

  it('counts a call of a function of the file that throws unless the variable is set as a guard', () => {
    const f = facts(`
const REQUIRED = ['AGENTCORE_GATEWAY_A_URL', 'OTHER'] as const;
const MORE = { AGENTCORE_GATEWAY_F_URL: 'the gateway' };

function validateEnv(): void {
  const missing = REQUIRED.filter((name) => !process.env[name]);
  if (missing.length > 0) throw new Error(\`missing: \${missing.join(', ')}\`);
}

function checkLoop() {
  const missing: string[] = [];
  for (const key of [...REQUIRED, 'AGENTCORE_GATEWAY_B_URL']) {
    if (!process.env[key]) missing.push(key);
  }
  if (missing.length) {
    console.error('missing', missing);
    process.exit(1);
  }
}

const checkDirect = () => {
  if (!C_URL) throw new Error('AGENTCORE_GATEWAY_C_URL is not set');
};

async function checkEach() {
  for (const name of Object.keys(MORE)) {
    const value = process.env[name];
    if (value === undefined || value === '') throw new Error(name);
  }
}

function checkForEach() {
  ['AGENTCORE_GATEWAY_E_URL'].forEach((name) => {
    if (!process.env[name]) throw new Error(name);
  });
}

function checkNested() {
  checkDirect();
}

validateEnv();
const A_URL = process.env.AGENTCORE_GATEWAY_A_URL;
const C_URL = process.env.AGENTCORE_GATEWAY_C_URL;

export async function handler() {
  checkLoop();
  const b = process.env.AGENTCORE_GATEWAY_B_URL;
  await fetch(b);
  checkNested();
  await fetch(C_URL);
  await checkEach();
  await fetch(process.env.AGENTCORE_GATEWAY_F_URL);
  checkForEach();
  await fetch(process.env.AGENTCORE_GATEWAY_E_URL);
  return fetch(A_URL);
}
`);
    for (const name of ['A', 'B', 'C', 'E', 'F']) {
      expect([name, env(f, `AGENTCORE_GATEWAY_${name}_URL`, 0).uses.map((u) => u.guarded)]).toEqual([name, [true]]);
    }
  });

  it('does not count a function that may return, skips a name, or checks other names, as a guard', () => {
    const f = facts(`
const DEBUG = process.env.DEBUG;

function logsOnly() {
  const missing = ['AGENTCORE_GATEWAY_A_URL'].filter((n) => !process.env[n]);
  if (missing.length > 0) {
    console.warn('missing', missing);
    return false;
  }
}

function returnsFirst() {
  if (DEBUG) return;
  if (!process.env.AGENTCORE_GATEWAY_B_URL) throw new Error();
}

function otherNames() {
  for (const n of ['OTHER']) if (!process.env[n]) throw new Error(n);
}

async function checksAsync() {
  if (!process.env.AGENTCORE_GATEWAY_D_URL) throw new Error();
}

function shadows() {
  const E_URL = 'https://example.com';
  if (!E_URL) throw new Error();
}

function skips() {
  for (const n of ['AGENTCORE_GATEWAY_F_URL']) {
    for (const part of n.split('_')) if (!part) continue;
    if (n.startsWith('AGENTCORE')) continue;
    if (!process.env[n]) throw new Error(n);
  }
}

function undefinedOnly() {
  for (const n of ['AGENTCORE_GATEWAY_G_URL']) {
    if (process.env[n] === undefined) throw new Error(n);
  }
}

function* generator() {
  if (!process.env.AGENTCORE_GATEWAY_H_URL) throw new Error();
}

function reassigned() {
  let missing = ['AGENTCORE_GATEWAY_I_URL'].filter((n) => !process.env[n]);
  missing = [];
  if (missing.length) throw new Error();
}

function defaulted() {
  for (const n of ['AGENTCORE_GATEWAY_J_URL']) if (!(process.env[n] ?? 'x')) throw new Error(n);
}

const E_URL = process.env.AGENTCORE_GATEWAY_E_URL ?? '';

export function handler() {
  logsOnly();
  returnsFirst();
  otherNames();
  checksAsync();
  shadows();
  skips();
  undefinedOnly();
  generator();
  reassigned();
  defaulted();
  fetch(process.env.AGENTCORE_GATEWAY_A_URL);
  fetch(process.env.AGENTCORE_GATEWAY_B_URL);
  fetch(process.env.AGENTCORE_GATEWAY_C_URL);
  fetch(process.env.AGENTCORE_GATEWAY_D_URL);
  fetch(E_URL);
  fetch(process.env.AGENTCORE_GATEWAY_F_URL);
  fetch(process.env.AGENTCORE_GATEWAY_G_URL ?? '');
  fetch(process.env.AGENTCORE_GATEWAY_H_URL);
  fetch(process.env.AGENTCORE_GATEWAY_I_URL);
  fetch(process.env.AGENTCORE_GATEWAY_J_URL);
}
`);
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']) {
      const reads = f.envReads.filter((r) => r.name === `AGENTCORE_GATEWAY_${name}_URL`);
      expect([name, reads.flatMap((r) => r.uses.map((u) => u.guarded))]).toEqual([name, [false]]);
    }
  });

  it('lets a loop nested in the guard loop keep its own break, but not a labelled one or a return', () => {
    const f = facts(`
function nested() {
  for (const n of ['AGENTCORE_GATEWAY_A_URL']) {
    for (const part of n.split('_')) if (!part) break;
    switch (n) { case 'x': break; }
    if (!process.env[n]) throw new Error(n);
  }
}

function labelled() {
  outer: for (const n of ['AGENTCORE_GATEWAY_B_URL']) {
    for (const part of n.split('_')) if (!part) continue outer;
    if (!process.env[n]) throw new Error(n);
  }
}

function returns() {
  for (const n of ['AGENTCORE_GATEWAY_C_URL']) {
    for (const part of n.split('_')) if (!part) return;
    if (!process.env[n]) throw new Error(n);
  }
}

export async function handler() {
  nested();
  labelled();
  returns();
  await fetch(process.env.AGENTCORE_GATEWAY_A_URL);
  await fetch(process.env.AGENTCORE_GATEWAY_B_URL);
  await fetch(process.env.AGENTCORE_GATEWAY_C_URL);
}
`);
    expect(['A', 'B', 'C'].map((name) => env(f, `AGENTCORE_GATEWAY_${name}_URL`).uses.map((u) => u.guarded))).toEqual([[true], [false], [false]]);
  });

  it('finds the same guards in a long list of checks as in a short one (only checks that mention the variable are tried)', () => {
    const NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
    const guards = `
if (!process.env.AGENTCORE_GATEWAY_A_URL) throw new Error('A');
const bUrl = process.env.AGENTCORE_GATEWAY_B_URL;
if (bUrl === undefined || bUrl === '') process.exit(1);
const cSet = Boolean(process.env.AGENTCORE_GATEWAY_C_URL);
if (!cSet) throw new Error('C');
if (typeof process.env.AGENTCORE_GATEWAY_D_URL !== 'string') throw new Error('D');
requireE();
if (!process.env.AGENTCORE_GATEWAY_OTHER_URL) throw new Error('F is not checked');
assert(process.env.AGENTCORE_GATEWAY_G_URL);
const hSet = Boolean(process.env.AGENTCORE_GATEWAY_H_URL);
const hReady = (hSet as boolean) && cSet;
if (!(ready() && hReady)) throw new Error('H, through two consts');
const iSet = !!process.env.AGENTCORE_GATEWAY_I_URL;
assert.ok(iSet);
const jJoined = process.env.AGENTCORE_GATEWAY_J_URL + '/mcp';
if (!jJoined) throw new Error('J is not checked: a join is truthy either way');
`;
    // The guard function's body is long too in the second run: its checks are searched the same way.
    const rest = (body: string) => `
import assert from 'node:assert';
function ready() { return true; }
function requireE() {
${body}
  const missing = ['AGENTCORE_GATEWAY_OTHER_URL', 'AGENTCORE_GATEWAY_E_URL'].filter((n) => !process.env[n]);
  if (missing.length) throw new Error('E');
}
export async function handler() {
${NAMES.map((name) => `  const ${name.toLowerCase()} = process.env.AGENTCORE_GATEWAY_${name}_URL;\n  await fetch(${name.toLowerCase()});`).join('\n')}
}
`;
    const fillers = Array.from({ length: 40 }, (_, i) => `if (!process.env.FILLER_${i}) throw new Error('${i}');`).join('\n');
    const verdicts = (text: string) => {
      const f = facts(text);
      return NAMES.map((name) => f.envReads.filter((r) => r.name === `AGENTCORE_GATEWAY_${name}_URL`).flatMap((r) => r.uses.filter((u) => u.kind === 'http-call').map((u) => u.guarded)));
    };
    const expected = [[true], [true], [true], [true], [true], [false], [true], [true], [true], [false]];
    expect(verdicts(guards + rest(''))).toEqual(expected);
    expect(verdicts(fillers + guards + fillers + rest(fillers))).toEqual(expected);
  });

  it('follows a chain of consts in a guard as deep as a short list of checks does, in a long one too', () => {
    // `if (!cN)` reaches c0's value 2N + 2 steps down; the guard analysis looks 64 deep, so 31 links hold and 32 do not.
    const chain = (links: number) =>
      ['const c0 = Boolean(process.env.AGENTCORE_GATEWAY_X_URL);', ...Array.from({ length: links }, (_, i) => `const c${i + 1} = c${i} && true;`), `if (!c${links}) throw new Error('X');`].join('\n');
    const fillers = Array.from({ length: 40 }, (_, i) => `if (!process.env.FILLER_${i}) throw new Error('${i}');`).join('\n');
    const use = `\nexport const call = () => fetch(process.env.AGENTCORE_GATEWAY_X_URL);\n`;
    const guarded = (text: string) => env(facts(text), 'AGENTCORE_GATEWAY_X_URL', 1).uses.map((u) => u.guarded);
    expect([guarded(chain(31) + use), guarded(fillers + chain(31) + use)]).toEqual([[true], [true]]);
    expect([guarded(chain(32) + use), guarded(fillers + chain(32) + use)]).toEqual([[false], [false]]);
  });

  it('gives the uses in a deep expression the verdicts and kinds of a shallow one, each variable and path its own', () => {
    // Past 64 steps up, a walk takes the end an earlier walk recorded in the same state: two variables, or a value
    // that went through a template and one that did not, must not mix.
    const text = (depth: number) => {
      let nested = '`${a}`';
      for (let i = 0; i < depth; i++) nested = `a || (${nested})`;
      return `
const a = process.env.AGENTCORE_GATEWAY_A_URL;
const b = process.env.AGENTCORE_GATEWAY_B_URL;
export function f() {
  if (!a) throw new Error('A');
  fetch(${Array.from({ length: depth }, (_, i) => (i % 2 ? 'b' : 'a')).join(' + ')});
  log(${nested});
}
`;
    };
    for (const depth of [4, 300]) {
      const f = facts(text(depth));
      const a = env(f, 'AGENTCORE_GATEWAY_A_URL').uses;
      expect(a.filter((u) => u.kind === 'http-call').map((u) => u.guarded)).toEqual(Array(depth / 2).fill(true));
      expect(env(f, 'AGENTCORE_GATEWAY_B_URL').uses.map((u) => [u.kind, u.guarded])).toEqual(Array(depth / 2).fill(['http-call', false]));
      expect(a.filter((u) => u.kind !== 'http-call').map((u) => u.kind)).toEqual([...Array(depth).fill('call-argument'), 'string-building']);
    }
  });

  it('marks reads inside LOCAL_DEV branches', () => {
    const f = facts(`
import { withApiKey } from 'bedrock-agentcore/identity';
const isLocal = process.env.LOCAL_DEV === '1';
export const run = withApiKey({ providerName: 'openai' })(async (prompt: string, apiKey: string) => {
  let key = apiKey;
  if (process.env.LOCAL_DEV === '1') {
    key = process.env.OPENAI_API_KEY ?? key;
  }
  const local = isLocal ? process.env.TERNARY_KEY : undefined;
  if (process.env.LOCAL_DEV !== '1') return key;
  return process.env.AFTER_EXIT_KEY;
});
export const prod = process.env.PROD_KEY;
`);
    expect(env(f, 'OPENAI_API_KEY').localDevOnly).toBe(true);
    expect(env(f, 'TERNARY_KEY').localDevOnly).toBe(true);
    expect(env(f, 'AFTER_EXIT_KEY').localDevOnly).toBe(true);
    expect(env(f, 'PROD_KEY').localDevOnly).toBe(false);
    expect(env(f, 'LOCAL_DEV').uses).toEqual([]);
    // `key` had its own value before the LOCAL_DEV assignment: it stays an identifier.
    expect(env(f, 'OPENAI_API_KEY').boundTo).toBe('key');
  });
});

describe('typescript adapter: calls', () => {
  const text = `
import { Agent } from '@strands-agents/sdk';
import { BedrockAgentCoreApp } from 'bedrock-agentcore/runtime';
import { withApiKey, withAccessToken } from 'bedrock-agentcore/identity';
import OpenAI from 'openai';

const OPENAI_KEY = process.env.OPENAI_API_KEY;

const callModel = withApiKey({ providerName: 'openai-key' })(async (prompt: string, apiKey: string) => {
  const client = new OpenAI({ apiKey, baseURL: process.env.OPENAI_BASE_URL, organization: 'org-123', ...extra });
  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
});

async function searchTool(query: string, token: string) {
  return fetch('https://search.example.com?q=' + query, { headers: { Authorization: \`Bearer \${token}\` } });
}
export const search = withAccessToken({ providerName: 'search-oauth', scopes: ['read'], authFlow: 'M2M' })(searchTool);

const opts = { apiKey: OPENAI_KEY, maxRetries: 2 };
const fallback = new OpenAI(opts);

const app = new BedrockAgentCoreApp({
  invocationHandler: {
    async process(request: { prompt: string }) {
      const agent = new Agent({ tools: [] });
      return agent.invoke(request.prompt);
    },
  },
});
app.run();
`;
  const f = facts(text);

  it('summarises positional and named arguments', () => {
    const openai = call(f, 'OpenAI', 0);
    expect(openai.isNew).toBe(true);
    expect(openai.args.map((a) => a.kind)).toEqual(['other']);
    expect(Object.keys(openai.named)).toEqual(['apiKey', 'baseURL', 'organization']);
    expect(openai.named.apiKey).toMatchObject({ kind: 'identifier', name: 'apiKey' });
    expect(openai.named.baseURL).toMatchObject({ kind: 'env', envRead: f.envReads.indexOf(env(f, 'OPENAI_BASE_URL')) });
    expect(openai.named.organization).toMatchObject({ kind: 'string', value: 'org-123' });
    expect(slice(text, openai.named.organization.span)).toBe(`'org-123'`);
    // Through a const bound to an object literal, and a const bound to an env read.
    const viaConst = call(f, 'OpenAI', 1);
    expect(viaConst.named.apiKey).toMatchObject({ kind: 'env', envRead: f.envReads.indexOf(env(f, 'OPENAI_API_KEY')) });
    expect(viaConst.args[0]).toMatchObject({ kind: 'identifier', name: 'opts' });
    const withKey = call(f, 'withApiKey');
    expect(withKey.named.providerName).toMatchObject({ kind: 'string', value: 'openai-key' });
  });

  it('follows consts and class fields written once to what they hold; names untraced property reads', () => {
    const src = `
class C {
  private readonly base = 'http://127.0.0.1:8080';
  private cfg = { url: \`https://\${process.env.HOST}/x\`, port: 1 };
  private twice = 'http://127.0.0.1:1';
  private fromEnv: string | undefined;
  constructor(settings: { GATEWAY_URL: string }) {
    this.fromEnv = process.env.AGENTCORE_GATEWAY_X_URL;
    this.named = settings.GATEWAY_URL;
    this.cfg.port = 2;
  }
  private named: string;
  set(u: string) { this.twice = u; }
  go() {
    const local = 'http://localhost/health';
    let changing = 'http://localhost/a';
    return [fetch(this.base), fetch(this.cfg.url), fetch(this.twice), fetch(this.fromEnv), fetch(this.named), fetch(local), fetch(changing)];
  }
}`;
    const g = facts(src);
    const arg = (nth: number) => call(g, 'fetch', nth).args[0];
    expect(arg(0)).toMatchObject({ kind: 'string', value: 'http://127.0.0.1:8080' });
    expect(arg(0).span).toEqual(call(g, 'fetch', 0).args[0].span);
    expect(slice(src, arg(0).span)).toBe('this.base');
    // A template literal: `other` at the template, where its string fact is.
    expect(arg(1).kind).toBe('other');
    expect(g.strings.find((s) => s.span.start === arg(1).span.start)?.value).toBe('https://{}/x');
    expect(arg(2)).toMatchObject({ kind: 'member', name: 'twice' });
    expect(arg(3)).toMatchObject({ kind: 'env', envRead: g.envReads.indexOf(env(g, 'AGENTCORE_GATEWAY_X_URL')) });
    expect(arg(4)).toMatchObject({ kind: 'member', name: 'GATEWAY_URL' });
    expect(arg(5)).toMatchObject({ kind: 'string', value: 'http://localhost/health' });
    expect(arg(6)).toMatchObject({ kind: 'identifier', name: 'changing' });
  });

  it('reads the parts of a URL object whose input is known text or an environment read', () => {
    const src = `
const PROXY = \`http://127.0.0.1:\${process.env.PORT}/v1/chat\`;
function go(path: string) {
  const proxy = new URL(PROXY);
  const api = new URL('https://user@api.example.com:8443/v2');
  const gateway = new URL(process.env.AGENTCORE_GATEWAY_X_URL!);
  const relative = new URL(path, 'https://base.example.com');
  return [fetch(proxy.hostname), fetch(api.host), fetch(api.origin), fetch(api.href), fetch(\`\${proxy.origin}/health\`),
    fetch(gateway.origin), fetch(relative.hostname), fetch(api.pathname)];
}`;
    const g = facts(src);
    const arg = (nth: number) => call(g, 'fetch', nth).args[0];
    expect(arg(0)).toMatchObject({ kind: 'string', value: '127.0.0.1' });
    expect(slice(src, arg(0).span)).toBe('proxy.hostname');
    expect(arg(1)).toMatchObject({ kind: 'string', value: 'api.example.com:8443' });
    expect(arg(2)).toMatchObject({ kind: 'string', value: 'https://api.example.com:8443' });
    expect(arg(3)).toMatchObject({ kind: 'string', value: 'https://user@api.example.com:8443/v2' });
    expect(arg(4)).toMatchObject({ kind: 'string', value: 'http://127.0.0.1:{}/health' });
    expect(arg(5)).toMatchObject({ kind: 'env', envRead: g.envReads.indexOf(env(g, 'AGENTCORE_GATEWAY_X_URL')) });
    // A relative input resolved against a base, and any other part: not followed.
    expect(arg(6)).toMatchObject({ kind: 'member', name: 'hostname' });
    expect(arg(7)).toMatchObject({ kind: 'member', name: 'pathname' });
  });

  it('lists enclosing wrappers, also for functions passed by name, and exact spans', () => {
    expect(call(f, 'OpenAI', 0).enclosingDecorators).toEqual(['bedrock-agentcore/identity.withApiKey']);
    expect(call(f, 'client.chat.completions.create').enclosingDecorators).toEqual(['bedrock-agentcore/identity.withApiKey']);
    expect(call(f, 'fetch').enclosingDecorators).toEqual(['bedrock-agentcore/identity.withAccessToken']);
    expect(call(f, 'OpenAI', 1).enclosingDecorators).toEqual([]);
    expect(call(f, 'Agent').enclosingDecorators).toEqual([]);
    expect(call(f, 'Agent').callee).toBe('@strands-agents/sdk.Agent');
    expect(call(f, 'agent.invoke').callee).toBe('@strands-agents/sdk.Agent().invoke');
    expect(call(f, 'app.run').callee).toBe('bedrock-agentcore/runtime.BedrockAgentCoreApp().run');

    const fetchCall = call(f, 'fetch');
    expect(slice(text, fetchCall.span)).toMatch(/^fetch\('https:\/\/search\.example\.com\?q=' \+ query, \{ headers: .*\}\)$/);
    expect(slice(text, fetchCall.calleeSpan)).toBe('fetch');
    expect(slice(text, fetchCall.statementSpan)).toBe(
      "return fetch('https://search.example.com?q=' + query, { headers: { Authorization: `Bearer ${token}` } });",
    );
    expect(slice(text, call(f, 'OpenAI', 1).statementSpan)).toBe('const fallback = new OpenAI(opts);');
  });
});

describe('typescript adapter: directives', () => {
  it('covers the next statement, whole functions and classes, and nothing else', () => {
    const text = `
import axios from 'axios';
export async function stream() {
  // agentcore-lint: direct-call SSE streaming needs a raw connection
  const res = await fetch('https://stream.example.com/events');
  await fetch('https://not-covered.example.com');
  return res;
}

/* agentcore-lint: direct-call vendor SDK wrapper */
export async function vendor() {
  await axios.get('https://vendor.example.com');
  await axios.post('https://vendor.example.com');
}

// agentcore-lint: direct-call A2A peer
// eslint-disable-next-line no-console
class Peer {
  call() { return fetch('https://peer.example.com'); }
}

axios.get('https://a'); // agentcore-lint: direct-call trailing comments do not count

// agentcore-lint: direct-call separated by a blank line

axios.get('https://b');
// agentcore-lint: notadirective
axios.get('https://c');
`;
    const f = facts(text);
    expect(f.directives.map((d) => [d.reason, slice(text, d.covers).split('\n')[0]])).toEqual([
      ['SSE streaming needs a raw connection', "const res = await fetch('https://stream.example.com/events');"],
      ['vendor SDK wrapper', 'export async function vendor() {'],
      ['A2A peer', 'class Peer {'],
    ]);
    const covered = (c: CallFact) => f.directives.some((d) => d.covers.start <= c.statementSpan.start && c.statementSpan.end <= d.covers.end);
    const byUrl = (url: string) => f.calls.find((c) => c.args[0]?.kind === 'string' && c.args[0].value === url)!;
    expect(covered(byUrl('https://stream.example.com/events'))).toBe(true);
    expect(covered(byUrl('https://not-covered.example.com'))).toBe(false);
    expect(covered(byUrl('https://vendor.example.com'))).toBe(true);
    expect(covered(call(f, 'axios.post'))).toBe(true);
    expect(covered(byUrl('https://peer.example.com'))).toBe(true);
    expect(covered(byUrl('https://a'))).toBe(false);
    expect(covered(byUrl('https://b'))).toBe(false);
    expect(covered(byUrl('https://c'))).toBe(false);
    expect(slice(text, f.directives[0].span)).toBe('// agentcore-lint: direct-call SSE streaming needs a raw connection');
  });
  it('reads JSDoc blocks as comments, a directive among them (JSDoc is not parsed into the tree)', () => {
    const text = `
/**
 * Streams events.
 * @param url where from
 */
/** agentcore-lint: direct-call SSE streaming */
export async function stream(url: string) {
  /** @type {string} */
  const key = 'sk-in-jsdoc-typed-const-1234567890';
  return fetch('https://stream.example.com/events', { headers: { authorization: key } });
}
`;
    const f = facts(text);
    expect(f.comments.map((c) => c.text.split('\n')[0])).toEqual(['/**', '/** agentcore-lint: direct-call SSE streaming */', '/** @type {string} */']);
    expect(f.directives.map((d) => [d.reason, slice(text, d.covers).split('\n')[0]])).toEqual([
      ['SSE streaming', 'export async function stream(url: string) {'],
    ]);
    expect(f.strings.some((s) => s.value === 'sk-in-jsdoc-typed-const-1234567890' && s.context.kind === 'assignment')).toBe(true);
  });
});

describe('typescript adapter: robustness', () => {
  it('reports syntax errors with locations and still extracts facts from the recovered tree', () => {
    const text = `import axios from 'axios';
const broken = (1;
const url = process.env.RECOVERED_URL;
export async function after() {
  await axios.post(url, { apiKey: 'sk-after-error' });
}
`;
    const f = facts(text);
    expect(f.parseProblems).toHaveLength(1);
    expect(f.parseProblems[0].message).toBe("')' expected.");
    expect(f.parseProblems[0].span.start).toBe(text.indexOf('(1;') + 2);
    expect(call(f, 'axios.post').callee).toBe('axios.post');
    expect(uses(f, 'RECOVERED_URL')).toEqual([['url', 'http-call', false]]);
    expect(str(f, 'sk-after-error').context).toEqual({ kind: 'property', name: 'apiKey' });
  });

  it('survives deeply nested input without recursion overflows', () => {
    // 400 nested arrays is near what the compiler's recursive parser accepts; a 20,000-term condition it parses
    // iteratively, and so must we.
    const nested = '['.repeat(400) + "fetch('https://deep')" + ']'.repeat(400);
    const chain = Array.from({ length: 20_000 }, () => 'url').join(' && ');
    const text = `const url = process.env.DEEP_URL;\nconst x = ${nested};\nif (${chain}) fetch(url);\nfetch(url);\n`;
    const f = facts(text, 'deep.js');
    expect(f.parseProblems).toEqual([]);
    expect(call(f, 'fetch', 0).callee).toBe('fetch');
    expect(uses(f, 'DEEP_URL')).toEqual([
      ['url', 'http-call', true],
      ['url', 'http-call', false],
    ]);
  });

  it('reports a parse problem instead of throwing when the parser itself runs out of stack', () => {
    const f = facts('const x = ' + '['.repeat(20_000) + ']'.repeat(20_000) + ';\n', 'deep.mjs');
    expect(f.language).toBe('javascript');
    expect(f.parseProblems).toHaveLength(1);
    expect(f.parseProblems[0].message).toMatch(/too deeply nested/);
    expect(f.calls).toEqual([]);
  });

  it('parses a file once when several rules ask for its facts, and again when it changes', () => {
    const first = adapter.extract('shared.ts', "fetch('a');");
    expect(adapter.extract('shared.ts', "fetch('a');")).toBe(first);
    expect(adapter.extract('shared.ts', "fetch('b');")).not.toBe(first);
    expect(adapter.extract('other.ts', "fetch('b');").calls[0].args[0]).toMatchObject({ kind: 'string', value: 'b' });
  });
});

describe('typescript comments', () => {
  it('lists every comment once with its exact span: line, block, trailing and at the end of the file', () => {
    const text = 'const a = 1; // trailing\n/* block */ const b = "// not a comment";\nf(a, /* inner */ b);\n// last\n';
    const { comments } = facts(text, 'x.ts');
    expect(comments.map((c) => c.text)).toEqual(['// trailing', '/* block */', '/* inner */', '// last']);
    for (const c of comments) expect(text.slice(c.span.start, c.span.end)).toBe(c.text);
  });
});

describe('typescript adapter: property names are plain keys', () => {
  it('a `__proto__:` property of an options object is a key like any other, not a prototype', () => {
    const f = facts("fetch('https://a.example.com', { ['__proto__']: 1, __proto__: 'x', method: 'POST' });");
    const named = f.calls[0].named;
    expect(Object.getPrototypeOf(named)).toBeNull();
    expect(Object.keys(named)).toContain('__proto__');
    expect(named.method).toMatchObject({ kind: 'string', value: 'POST' });
  });
});
