/**
 * Checks every Cedar policy of the project against the schema AgentCore derives for each gateway its engine is
 * attached to, once per project, and sorts the problems into the policy rules (AC061–AC067, AC069). Statements
 * are checked as decoded text and located inside the JSON string in agentcore.json; `sourceFile`s in their file.
 * Each engine is validated in one `validate` call per attached gateway (stack notes §2.4). cedar-wasm is loaded
 * only when the project has policies, and in a named-file run only when a named file holds one.
 */
import type { StringNode } from '@humanwhocodes/momoa';
import type { PolicyJson, DetailedError, ValidationError } from '@cedar-policy/cedar-wasm/nodejs';
import { gatewayCatalogs } from '../catalog/index.js';
import { resolvePath, type JsonPath } from '../json/document.js';
import { byteToUtf16Index, decodedToSourceOffsets, LineIndex } from '../json/string-positions.js';
import { findingsKept, type AgentCoreProject } from '../project.js';
import type { Fix, Position, Severity, SourceRange } from '../types.js';
import { didYouMean } from '../util/did-you-mean.js';
import { asObject, asString, objectsOf, type JsonObject } from '../util/json-value.js';
import { entries, gateways } from '../util/spec.js';
import { askCedar, cedarSyntaxErrors, NON_CEDAR_FORMS, nonCedarForm, policyJson, wellFormed, withoutBom } from './cedar.js';
import { buildGatewaySchema, schemaText, type GatewaySchema } from './schema.js';
import { findInCode, splitPolicies } from './split.js';

export interface PolicySource {
  kind: 'statement' | 'file';
  engine: string;
  enginePath: JsonPath;
  policy: string;
  policyPath: JsonPath;
  policyNode: JsonObject;
  /** Absolute path of the file the text is in. */
  file: string;
  /** Project-relative sourceFile, for kind 'file'. */
  relativeFile?: string;
  text: string;
  /** Set for a policy in a form that is not plain Cedar (not parsed). */
  nonCedar?: 'guardrails' | 'temporal';
  /** The text parses as Cedar. */
  parses: boolean;
  units: PolicyUnit[];
  /** Maps a UTF-16 index of `text` to a file position. */
  position(index: number): Position;
}

export interface PolicyUnit {
  source: PolicySource;
  /** 0-based index of the policy inside its source. */
  index: number;
  start: number;
  end: number;
  text: string;
  est?: PolicyJson;
}

export interface PolicyProblem {
  ruleId: string;
  messageId: string;
  data: Record<string, string>;
  file: string;
  range: SourceRange;
  severity?: Severity;
  /** A safe fix, applied with --fix. */
  fix?: Fix;
  /** Gateways the problem was found for (merged across gateways). */
  gateways: string[];
}

export interface EngineInfo {
  name: string;
  path: JsonPath;
  node: JsonObject;
  /** Gateways that attach this engine, with their mode. */
  attachments: Array<{ gateway: string; path: JsonPath; mode: string | undefined }>;
  sources: PolicySource[];
}

export interface PolicyAnalysis {
  engines: EngineInfo[];
  schemas: Map<string, GatewaySchema>;
  problems: PolicyProblem[];
}

const cache = new WeakMap<AgentCoreProject, PolicyAnalysis>();

export function analyzePolicies(project: AgentCoreProject): PolicyAnalysis {
  let analysis = cache.get(project);
  if (!analysis) {
    analysis = run(project);
    cache.set(project, analysis);
  }
  return analysis;
}

function run(project: AgentCoreProject): PolicyAnalysis {
  const schemas = new Map<string, GatewaySchema>();
  const engines = collectEngines(project);
  const problems = new Problems();
  // Nothing to check (and cedar-wasm never loaded) without policies.
  if (!engines.some((e) => e.sources.length > 0)) return { engines, schemas, problems: [] };
  for (const catalog of gatewayCatalogs(project)) schemas.set(catalog.name, buildGatewaySchema(catalog));
  for (const engine of engines) {
    for (const source of engine.sources) prepareSource(source);
    for (const attachment of engine.attachments) {
      const schema = schemas.get(attachment.gateway);
      if (schema) checkEngineOnGateway(engine, schema, problems);
    }
  }
  return { engines, schemas, problems: problems.list() };
}

function collectEngines(project: AgentCoreProject): EngineInfo[] {
  const out: EngineInfo[] = [];
  const doc = project.config;
  let lines: LineIndex | undefined;
  for (const engine of entries(project.spec, 'policyEngines')) {
    if (engine.name === undefined) continue;
    const attachments: EngineInfo['attachments'] = [];
    for (const gateway of gateways(project.spec)) {
      const config = asObject(gateway.node.policyEngineConfiguration);
      if (gateway.name !== undefined && config && asString(config.policyEngineName) === engine.name) {
        attachments.push({ gateway: gateway.name, path: gateway.path, mode: asString(config.mode) });
      }
    }
    const sources: PolicySource[] = [];
    for (const [index, policy] of objectsOf(engine.node.policies)) {
      const policySources: PolicySource[] = [];
      const policyName = asString(policy.name) ?? `#${index}`;
      const policyPath = [...engine.path, 'policies', index];
      const base = { engine: engine.name, enginePath: engine.path, policy: policyName, policyPath, policyNode: policy, parses: false, units: [] };
      const statement = asString(policy.statement);
      if (statement !== undefined) {
        const path = [...policyPath, 'statement'];
        const node = resolvePath(doc, path);
        if (node && node.depth === path.length && node.value.type === 'String') {
          const offsets = decodedToSourceOffsets(doc.text, node.value as StringNode);
          lines ??= new LineIndex(doc.text);
          const l = lines;
          policySources.push({
            ...base,
            kind: 'statement',
            file: doc.file,
            text: wellFormed(statement), // same indices; cedar-wasm throws on lone surrogates
            nonCedar: nonCedarForm(statement),
            position: (i) => l.position(offsets[Math.max(0, Math.min(i, offsets.length - 1))]),
          });
        }
      }
      const sourceFile = asString(policy.sourceFile);
      if (sourceFile) {
        const read = project.files.readText(sourceFile);
        if (read.ok) {
          const fileLines = new LineIndex(read.text);
          policySources.push({
            ...base,
            units: [],
            kind: 'file',
            file: read.absolute,
            relativeFile: sourceFile,
            text: withoutBom(read.text),
            nonCedar: nonCedarForm(read.text),
            position: (i) => fileLines.position(i),
          });
        }
      }
      // Only what a kept finding needs: a statement's findings land in agentcore.json, a file's in the file. A
      // policy with both is checked whole when agentcore.json is kept (a drift finding there compares the two).
      const drift = findingsKept(project, doc.file) && policySources.length === 2;
      sources.push(...policySources.filter((s) => drift || findingsKept(project, s.file)));
    }
    out.push({ name: engine.name, path: engine.path, node: engine.node, attachments, sources });
  }
  return out;
}

function prepareSource(source: PolicySource): void {
  if (source.nonCedar) return;
  source.parses = cedarSyntaxErrors(source.text).length === 0;
  if (!source.parses) return;
  source.units = splitPolicies(source.text).map((span, index) => {
    const text = source.text.slice(span.start, span.end);
    return { source, index, start: span.start, end: span.end, text, est: policyJson(text) };
  });
}

// ---------------------------------------------------------------------------------------------------------------

interface ActionRef {
  type: string;
  id: string;
}

/** The actions a policy's scope names (`==` or `in`); empty for an unconstrained action. */
export function scopeActions(est: PolicyJson): ActionRef[] {
  const action = est.action as { op: string; entity?: unknown; entities?: unknown[] };
  const list = action.entity !== undefined ? [action.entity] : (action.entities ?? []);
  return list.map(uid).filter((u): u is ActionRef => u !== undefined);
}

function uid(value: unknown): ActionRef | undefined {
  const o = asObject(value);
  const inner = asObject(o?.__entity) ?? o;
  const type = asString(inner?.type);
  const id = asString(inner?.id);
  return type !== undefined && id !== undefined ? { type, id } : undefined;
}

/** The target a `<Target>___<tool>` action or a `<Target>` group belongs to, if the gateway has it. */
function targetOf(schema: GatewaySchema, id: string): string | undefined {
  if (schema.groups.includes(id)) return id;
  return schema.groups.filter((g) => id.startsWith(`${g}___`)).sort((a, b) => b.length - a.length)[0];
}

function label(unit: PolicyUnit): string {
  const s = unit.source;
  const which = s.units.length > 1 ? ` (policy ${unit.index + 1} of ${s.units.length} in the text)` : '';
  const where = s.kind === 'file' ? `"${s.policy}" (sourceFile ${s.relativeFile})` : `"${s.policy}"`;
  return `${where} of engine "${s.engine}"${which}`;
}

function rangeIn(unit: PolicyUnit, start: number, end: number): SourceRange {
  const s = unit.source;
  return { start: s.position(unit.start + start), end: s.position(unit.start + Math.max(end, start)) };
}

/** The policy's head (`permit (` ... up to the first `)` of the scope, shortened) for whole-policy findings. */
function headRange(unit: PolicyUnit): SourceRange {
  const m = /\b(permit|forbid)\b/.exec(unit.text);
  const at = m ? m.index : 0;
  return rangeIn(unit, at, at + (m ? m[1].length : 1));
}

class Problems {
  private readonly byKey = new Map<string, PolicyProblem>();

  add(problem: Omit<PolicyProblem, 'gateways'>, gateway: string): void {
    const { gateway: _omit, ...rest } = problem.data;
    const key = JSON.stringify([problem.ruleId, problem.messageId, problem.file, problem.range, rest]);
    const existing = this.byKey.get(key);
    if (existing) {
      if (!existing.gateways.includes(gateway)) {
        existing.gateways.push(gateway);
        existing.data.gateway = existing.gateways.map((g) => `"${g}"`).join(', ');
      }
      return;
    }
    this.byKey.set(key, { ...problem, data: { ...problem.data, gateway: `"${gateway}"` }, gateways: [gateway] });
  }

  list(): PolicyProblem[] {
    return [...this.byKey.values()];
  }
}

function checkEngineOnGateway(engine: EngineInfo, schema: GatewaySchema, problems: Problems): void {
  const gateway = schema.gateway;
  const allActionIds = [...schema.actions, ...schema.opaque].map((a) => a.id);
  const opaqueIds = new Set(schema.opaque.map((a) => a.id));
  const toValidate = new Map<string, PolicyUnit>();
  /** Units with a scope problem we reported ourselves: Cedar's consequential warnings are dropped for them. */
  const scopeFlagged = new Set<string>();
  const coversUnknown = new Set<string>();
  let n = 0;
  for (const source of engine.sources) {
    if (source.nonCedar) {
      if (source.kind === 'statement') {
        problems.add({
          ruleId: 'policy-unknown-action', messageId: 'notCedar', severity: 'info',
          data: { policy: `"${source.policy}" of engine "${source.engine}"`, form: NON_CEDAR_FORMS[source.nonCedar] },
          file: source.file, range: { start: source.position(0), end: source.position(Math.min(source.text.length, 6)) },
        }, gateway);
      }
      continue;
    }
    for (const unit of source.units) {
      if (!unit.est) continue;
      const id = `u${n++}`;
      const scope = scopeActions(unit.est);
      // A policy over every tool (or CallTool/Mcp) also covers tools we cannot see: Cedar's "impossible" is then unreliable.
      if ((scope.length === 0 || scope.some((a) => a.id === 'CallTool' || a.id === 'Mcp')) && (schema.unknownTargets.size > 0 || schema.opaque.length > 0)) {
        coversUnknown.add(id);
      }
      // RETURN_OUTPUT policies may read context.output, whose type AgentCore derives from the tool's output.
      if (unit.source.policyNode.authorizationPhase === 'RETURN_OUTPUT' && findInCode(unit.text, 'output').length > 0) coversUnknown.add(id);
      let skip: { target: string; reason: string } | undefined;
      for (const action of scope) {
        const at = locateAction(unit, action.id);
        if (action.type !== 'AgentCore::Action') {
          problems.add({
            ruleId: 'policy-unknown-action', messageId: 'namespace',
            data: { policy: label(unit), written: `${action.type}::"${action.id}"`, action: action.id },
            file: unit.source.file, range: rangeIn(unit, at.start, at.end),
          }, gateway);
          scopeFlagged.add(id);
          continue;
        }
        if (action.id === 'Mcp' || action.id === 'CallTool') continue;
        const target = targetOf(schema, action.id);
        if (target !== undefined && (schema.unknownTargets.has(target) || opaqueIds.has(action.id) || (target === action.id && schema.opaque.some((a) => a.target === target)))) {
          if (schema.unknownTargets.has(target) && (target === action.id || !allActionIds.includes(action.id))) {
            skip ??= { target, reason: schema.unknownTargets.get(target)! };
            continue;
          }
          if (opaqueIds.has(action.id) || target === action.id) {
            skip ??= { target, reason: `the input schema of ${target === action.id ? 'some of its tools' : `tool "${action.id}"`} cannot be typed` };
            continue;
          }
        }
        if (target === action.id || allActionIds.includes(action.id)) continue;
        if (!schema.declaresTargets) {
          skip ??= { target: action.id.split('___')[0], reason: 'agentcore.json lists no target for this gateway (are they managed outside the project?)' };
          continue;
        }
        // Unknown action or group.
        scopeFlagged.add(id);
        const data = { policy: label(unit), action: action.id, hint: '' };
        const underscores = /^(.*?[^_])(_{1,2}|_{4,})([^_].*)$/.exec(action.id);
        if (underscores && schema.groups.includes(underscores[1])) {
          const expected = `${underscores[1]}___${underscores[3]}`;
          problems.add({
            ruleId: 'policy-unknown-action', messageId: 'underscores',
            data: { ...data, expected, count: String(underscores[2].length) },
            file: unit.source.file, range: rangeIn(unit, at.start, at.end),
            fix: allActionIds.includes(expected) ? underscoreFix(unit, action.id, expected) : undefined,
          }, gateway);
          continue;
        }
        if (!action.id.includes('___')) {
          const near = didYouMean(action.id, schema.groups);
          problems.add({
            ruleId: 'policy-unknown-action', messageId: 'unknownGroup',
            data: { ...data, hint: near ? ` Did you mean "${near}"?` : '', targets: listOr(schema.groups) },
            file: unit.source.file, range: rangeIn(unit, at.start, at.end),
          }, gateway);
          continue;
        }
        const near = didYouMean(action.id, allActionIds);
        problems.add({
          ruleId: 'policy-unknown-action', messageId: 'unknownAction',
          data: { ...data, hint: near ? ` Did you mean "${near}"?` : target === undefined ? ` The gateway has no target "${action.id.split('___')[0]}"; its targets are ${listOr(schema.groups)}.` : '' },
          file: unit.source.file, range: rangeIn(unit, at.start, at.end),
        }, gateway);
      }
      if (skip) {
        problems.add({
          ruleId: 'policy-unknown-action', messageId: 'notChecked', severity: 'info',
          data: { policy: label(unit), target: skip.target, reason: skip.reason },
          file: unit.source.file, range: headRange(unit),
        }, gateway);
        continue;
      }
      if (iamTagChecks(unit, schema, problems)) scopeFlagged.add(id);
      toValidate.set(id, unit);
    }
  }
  if (toValidate.size === 0) return;
  const answer = validateInParts(schema, toValidate);
  if (!answer) return; // the schema did not build (a name Cedar rejects), or cedar-wasm failed: nothing reliable to say
  const flagged = new Set<string>(scopeFlagged);
  const once = new Set<string>();
  const start = (e: DetailedError): number => e.sourceLocations?.[0]?.start ?? 0;
  const errors = [...answer.validationErrors].sort((a, b) => (a.policyId < b.policyId ? -1 : a.policyId > b.policyId ? 1 : start(a.error) - start(b.error)));
  /** Policies with an error reported so far (errors come in text order within a policy). */
  const reportedIn = new Set<string>();
  for (const { policyId, error } of errors) {
    const unit = toValidate.get(policyId);
    if (!unit) continue;
    if (reportedIn.has(policyId) && isGuardCascade(unit, error)) continue;
    if (classifyError(unit, error, schema, problems, (kind) => !once.has(`${policyId}:${kind}`) && !!once.add(`${policyId}:${kind}`))) {
      flagged.add(policyId);
      reportedIn.add(policyId);
    }
  }
  for (const { policyId, error } of answer.validationWarnings) {
    const unit = toValidate.get(policyId);
    if (!unit || flagged.has(policyId) || coversUnknown.has(policyId)) continue;
    if (/policy is impossible/.test(error.message)) {
      problems.add({
        ruleId: 'policy-effect', messageId: 'neverApplies', data: { policy: label(unit) },
        file: unit.source.file, range: headRange(unit),
      }, schema.gateway);
      flagged.add(policyId);
    }
  }
}

function listOr(names: string[]): string {
  return names.length === 0 ? 'none' : names.map((n) => `"${n}"`).join(', ');
}

/**
 * `Target__tool` → `Target___tool` (only when that action exists): the id is replaced in place, and plain
 * identifier characters need no escaping inside a JSON string.
 */
function underscoreFix(unit: PolicyUnit, id: string, expected: string): Fix | undefined {
  if (!/^[A-Za-z0-9_.-]+$/.test(expected)) return undefined;
  const quoted = unit.text.indexOf(JSON.stringify(id));
  if (quoted < 0) return undefined;
  return { file: unit.source.file, edits: [{ range: rangeIn(unit, quoted + 1, quoted + 1 + id.length), text: expected }] };
}

function locateAction(unit: PolicyUnit, id: string): { start: number; end: number } {
  const quoted = JSON.stringify(id);
  const found = unit.text.indexOf(quoted);
  if (found < 0) return { start: 0, end: 1 };
  // Include the `AgentCore::Action::` before the quoted id.
  const before = /[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*::\s*$/.exec(unit.text.slice(0, found));
  return { start: before ? before.index : found, end: found + quoted.length };
}

/** hasTag/getTag on an AWS_IAM gateway's principal: IamEntity has no tags (Cedar only warns "impossible"). */
function iamTagChecks(unit: PolicyUnit, schema: GatewaySchema, problems: Problems): boolean {
  if (schema.principalTypes.length !== 1 || schema.principalTypes[0] !== 'IamEntity') return false;
  let found = false;
  for (const method of ['hasTag', 'getTag']) {
    for (const at of findInCode(unit.text, `principal.${method}(`)) {
      found = true;
      problems.add({
        ruleId: 'policy-principal-attribute', messageId: 'iamTags', data: { policy: label(unit), method },
        file: unit.source.file, range: rangeIn(unit, at, at + `principal.${method}`.length),
      }, schema.gateway);
    }
  }
  return found;
}

type ValidateAnswer = { validationErrors: ValidationError[]; validationWarnings: ValidationError[] };

/**
 * Validates the policies in two calls: those over every action against the gateway's whole schema, the others
 * against a schema holding only the actions they name (in the scope or the conditions; a target group stands for
 * its tools). A policy is typechecked only against the actions it can apply to, so the answers are the same, but
 * Cedar's cost grows with the schema: on a gateway with 9,000 tools one call took 16 s, most of it in the schema.
 */
function validateInParts(schema: GatewaySchema, units: ReadonlyMap<string, PolicyUnit>): ValidateAnswer | undefined {
  const everyAction: Record<string, string> = {};
  const named: Record<string, string> = {};
  const needed = new Set<string>();
  for (const [id, unit] of units) {
    const ids = namedActionIds(unit);
    if (!ids) everyAction[id] = unit.text;
    else {
      named[id] = unit.text;
      for (const action of ids) {
        if (schema.groups.includes(action)) for (const a of schema.actions) if (a.target === action) needed.add(a.id);
        needed.add(action);
      }
    }
  }
  const parts: Array<[string, Record<string, string>]> = [];
  if (Object.keys(everyAction).length > 0) parts.push([schema.text, everyAction]);
  if (Object.keys(named).length > 0) {
    const text = needed.size >= schema.actions.length ? schema.text : schemaText({ ...schema, actions: schema.actions.filter((a) => needed.has(a.id)) }, false);
    parts.push([text, named]);
  }
  const out: ValidateAnswer = { validationErrors: [], validationWarnings: [] };
  for (const [text, policies] of parts) {
    let answer;
    try {
      answer = askCedar('validate', { schema: text, policies: { staticPolicies: policies }, validationSettings: { mode: 'strict' } });
    } catch {
      return undefined;
    }
    if (answer.type !== 'success') return undefined;
    out.validationErrors.push(...answer.validationErrors);
    out.validationWarnings.push(...answer.validationWarnings);
  }
  return out;
}

/** The action ids a policy names anywhere (scope and conditions), or undefined when its scope is every action. */
function namedActionIds(unit: PolicyUnit): Set<string> | undefined {
  const scope = scopeActions(unit.est!);
  if (scope.length === 0 || scope.some((a) => a.id === 'CallTool' || a.id === 'Mcp')) return undefined;
  const ids = new Set(scope.map((a) => a.id));
  for (const m of unit.text.matchAll(/Action\s*::\s*"((?:[^"\\]|\\.)*)"/g)) {
    const id = m[1].replace(/\\(.)/g, '$1');
    if (id === 'CallTool' || id === 'Mcp') return undefined;
    ids.add(id);
  }
  return ids;
}

const OPTIONAL_ACCESS = /^unable to guarantee safety of access to optional attribute `input\.([^`]*)` in context/;

/**
 * Cedar's typechecker drops what the left side of `&&` proves when that side fails to typecheck, so after one
 * unguarded field every `has` guard to its right is forgotten: `context.input.n < 0 && context.input has o &&
 * context.input.o.x > 1` is reported for n, then for o and o.x although both are guarded. After a first error in
 * a policy, an optional-field error for a path that a `has` test earlier in the text guards is such an echo.
 */
function isGuardCascade(unit: PolicyUnit, error: DetailedError): boolean {
  const message = error.message.replace(/^for policy `[^`]*`, /, '');
  const m = OPTIONAL_ACCESS.exec(message);
  const loc = error.sourceLocations?.[0];
  if (!m || !loc) return false;
  const at = byteToUtf16Index(unit.text, loc.start);
  const parts = m[1].split('.');
  const last = parts.pop()!;
  const name = (part: string): string => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const guard = new RegExp(
    `context\\s*\\.\\s*input${parts.map((p) => `\\s*\\.\\s*${name(p)}`).join('')}\\s+has\\s+(?:${name(last)}|"${name(last)}")(?![A-Za-z0-9_])`,
    'g',
  );
  const inCode = new Set(findInCode(unit.text, 'context', 0, at));
  for (const match of unit.text.slice(0, at).matchAll(guard)) if (inCode.has(match.index!)) return true;
  return false;
}

/** Sorts one Cedar validation error into a rule; true when it was reported. */
function classifyError(
  unit: PolicyUnit,
  error: DetailedError,
  schema: GatewaySchema,
  problems: Problems,
  first: (kind: string) => boolean,
): boolean {
  const message = error.message.replace(/^for policy `[^`]*`, /, '');
  const help = (error.help ?? '').replace(/^for policy `[^`]*`, /, '');
  const loc = error.sourceLocations?.[0];
  const start = loc ? byteToUtf16Index(unit.text, loc.start) : 0;
  const end = loc ? byteToUtf16Index(unit.text, loc.end) : 1;
  const base = { file: unit.source.file, range: rangeIn(unit, start, end) };
  const policy = label(unit);
  const add = (ruleId: string, messageId: string, data: Record<string, string>, severity?: Severity): true => {
    problems.add({ ruleId, messageId, data: { policy, ...data }, severity, ...base }, schema.gateway);
    return true;
  };
  let m: RegExpExecArray | null;
  if (/^unrecognized action/.test(message)) return true; // reported from the scope, with better suggestions
  if ((m = /^unrecognized entity type `([^`]*)`/.exec(message))) {
    const type = m[1];
    const short = type.replace(/^AgentCore::/, '');
    if (short === 'OAuthUser' || short === 'IamEntity') {
      const expected = schema.principalTypes[0];
      return add('policy-principal-type', 'mismatch', {
        type,
        expected: `AgentCore::${expected}`,
        auth: expected === 'OAuthUser' ? 'CUSTOM_JWT' : 'AWS_IAM',
      });
    }
    // Cedar's own suggestion is not deterministic between equally distant names: suggest ourselves.
    const near = didYouMean(type, ['AgentCore::OAuthUser', 'AgentCore::IamEntity', 'AgentCore::Gateway', 'AgentCore::Action']);
    return add('policy-entity-type', 'outside', { type, hint: near ? ` Did you mean ${near}?` : '' });
  }
  if ((m = /^attribute `([^`]*)` on entity type `([^`]*)` not found/.exec(message))) {
    const entity = m[2].replace(/^AgentCore::/, '');
    return add('policy-principal-attribute', entity === 'IamEntity' ? 'iamAttribute' : entity === 'OAuthUser' ? 'jwtAttribute' : 'entityAttribute', { attribute: m[1], entity: m[2] });
  }
  if ((m = /^unable to guarantee safety of access to tag `"?((?:[^`"\\]|\\.)*)"?` on entity type `([^`]*)`/.exec(message))) {
    if (/IamEntity/.test(m[2])) return true; // reported by iamTagChecks
    return add('policy-tag-unguarded', 'unguarded', { tag: m[1] });
  }
  if ((m = /^attribute `input\.([^`]*)` in context for (\S+) not found/.exec(message))) {
    const tool = actionIdOf(m[2]);
    const scoped = scopeActions(unit.est!).length > 0;
    const fields = schema.actions.find((a) => a.id === tool)?.fields ?? [];
    const near = scoped && !m[1].includes('.') ? didYouMean(m[1], fields) : undefined;
    return add('policy-input', 'unknownField', {
      field: m[1],
      tool,
      hint: near ? ` Did you mean "${near}"?` : '',
      scope: scoped ? '' : ` The policy applies to every tool of the gateway (its scope has no action constraint); restrict it with action == AgentCore::Action::"<Target>___<tool>" to the tools that have this field.`,
    });
  }
  if ((m = /^attribute `([^`.]*)[^`]*` in context for (\S+) not found/.exec(message))) {
    // RETURN_OUTPUT policies also see context.output (the tool's result), whose type is not known statically.
    if (m[1] === 'output' && unit.source.policyNode.authorizationPhase === 'RETURN_OUTPUT') return true;
    return add('policy-context', 'otherContext', { attribute: m[1] });
  }
  if ((m = /^unable to guarantee safety of access to optional attribute `input\.([^`]*)` in context for (\S+)/.exec(message))) {
    const path = m[1];
    const parts = path.split('.');
    const last = parts.pop()!;
    const guard = `context.input${parts.map((p) => `.${p}`).join('')} has ${last}`;
    return add('policy-input', 'optionalField', { field: path, tool: actionIdOf(m[2]), guard });
  }
  if (/^unexpected type: expected .*Long.* but saw decimal/.test(message)) {
    // Cedar reports both operands of the comparison; one finding is enough.
    return first('decimal') ? add('policy-input', 'decimalCompare', { detail: message }) : true;
  }
  if (/^unexpected type|are not compatible|^expected .* but saw/.test(message)) {
    const detail = `${message}${help ? ` (${help.replace(/\.$/, '')})` : ''}`;
    return add('policy-input', 'typeError', { detail, snippet: unit.text.slice(start, end).replace(/\s+/g, ' ').slice(0, 80) });
  }
  return add('policy-input', 'other', { detail: `${message}${help ? ` (${help.replace(/\.$/, '')})` : ''}` });
}

function actionIdOf(text: string): string {
  const m = /Action::"((?:[^"\\]|\\.)*)"/.exec(text);
  return m ? m[1] : text;
}
