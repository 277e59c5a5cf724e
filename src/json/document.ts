/**
 * A JSON file parsed with positions (momoa, the AST @eslint/json uses), plus the helpers rules need to turn
 * a JSON path such as ['agentCoreGateways', 0, 'targets', 1, 'name'] into a line and column.
 */
import { parse as momoaParse } from '@humanwhocodes/momoa';
import type { DocumentNode, MemberNode, Node as MomoaNode, ValueNode } from '@humanwhocodes/momoa';
import type { SourceRange } from '../types.js';
import { LineIndex } from './string-positions.js';

export type JsonPath = ReadonlyArray<string | number>;

export interface JsonSyntaxProblem {
  kind: 'syntax' | 'bom' | 'duplicate-key' | 'comment' | 'trailing-comma';
  message: string;
  range: SourceRange;
}

export interface JsonDocument {
  /** Absolute path. */
  file: string;
  text: string;
  /** The AST; undefined when the text could not be parsed even leniently. */
  ast?: DocumentNode;
  /** The parsed value as JSON.parse would give it (last duplicate key wins); undefined when unparseable. */
  value?: unknown;
  /** Problems that make the file invalid JSON for the official CLI (which uses JSON.parse). */
  problems: JsonSyntaxProblem[];
}

const MAX_DEPTH = 256;

/**
 * Parses JSON the way the official CLI does (JSON.parse semantics) but keeps going where it can: a BOM,
 * comments and trailing commas are reported and then tolerated, so the rest of the file is still linted.
 */
export function parseJsonDocument(file: string, rawText: string): JsonDocument {
  const problems: JsonSyntaxProblem[] = [];
  let text = rawText;
  if (text.charCodeAt(0) === 0xfeff) {
    problems.push({
      kind: 'bom',
      message: 'The file starts with a byte order mark (BOM), which JSON.parse rejects; save it as UTF-8 without BOM.',
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
    });
    // Replace rather than strip, so every later offset still matches the file on disk.
    text = ' ' + text.slice(1);
  }
  // Before parsing: momoa's parser is recursive, and a few thousand levels exhaust the stack.
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) {
    const at = new LineIndex(text).position(tooDeep);
    problems.push({
      kind: 'syntax',
      message: `JSON nested deeper than ${MAX_DEPTH} levels; this is not an AgentCore configuration.`,
      range: { start: at, end: { line: at.line, column: at.column + 1 } },
    });
    return { file, text: rawText, problems };
  }
  let ast: DocumentNode | undefined;
  try {
    ast = momoaParse(text, { mode: 'json', ranges: true, tokens: true });
    const control = controlCharacterProblem(ast, text);
    if (control) problems.push(control);
  } catch (strictError) {
    problems.push(syntaxProblem(strictError, text));
    try {
      // Lenient second pass: if the only trouble is comments or trailing commas, lint the rest anyway.
      ast = momoaParse(text, { mode: 'jsonc', allowTrailingCommas: true, ranges: true, tokens: true });
      refineLenientProblem(problems, ast);
    } catch {
      ast = undefined;
    }
  }
  if (!ast) return { file, text: rawText, problems };
  relocateMultilineStrings(ast, text);
  problems.push(...duplicateKeyProblems(ast));
  return { file, text: rawText, ast, value: evaluate(ast.body), problems };
}

const TOKEN_TEXT: Record<string, string> = {
  Comma: '","', Colon: '":"', LBrace: '"{"', RBrace: '"}"', LBracket: '"["', RBracket: '"]"',
  String: 'string', Number: 'number', Boolean: 'boolean', Null: 'null',
};

function syntaxProblem(error: unknown, text: string): JsonSyntaxProblem {
  const e = error as { message?: string; line?: number; column?: number; offset?: number };
  // From the offset when there is one: momoa's line and column are wrong at the end of input after a line break.
  const at = typeof e.offset === 'number' ? new LineIndex(text).position(Math.min(Math.max(e.offset, 0), text.length)) : undefined;
  const line = at?.line ?? (typeof e.line === 'number' ? e.line : 1);
  const column = at?.column ?? (typeof e.column === 'number' ? e.column : 1);
  let message = String(e.message ?? error)
    .replace(/\s*\(\d+:\d+\)\s*$/, '')
    .replace(/\.+$/, '')
    .replace(/^Unexpected token (\w+) found$/, (_, t: string) => `unexpected ${TOKEN_TEXT[t] ?? t}`)
    .replace(/^Unexpected (.*) found$/, 'unexpected $1');
  const rest = typeof e.offset === 'number' ? text.slice(e.offset + 1) : undefined;
  if (/end of input/.test(message) || (rest !== undefined && rest.trim() === '')) {
    message = `the file ends before the JSON is complete (${message}); is it truncated? Complete or restore the file`;
  }
  // One character wide, but never past the end of the line (an error at the end of input or of a line).
  const lineLength = text.split(/\r\n|\r|\n/)[line - 1]?.length ?? 0;
  return {
    kind: 'syntax',
    message: `Invalid JSON: ${message}.`,
    range: { start: { line, column }, end: { line, column: Math.max(column, Math.min(column + 1, lineLength + 1)) } },
  };
}

/**
 * momoa accepts raw control characters (tabs, line breaks, NUL ...) inside strings; JSON.parse rejects them.
 * Reported, with the value still read, like the other JSON extensions.
 */
function controlCharacterProblem(ast: DocumentNode, text: string): JsonSyntaxProblem | undefined {
  for (const token of ast.tokens ?? []) {
    if (token.type !== 'String') continue;
    const raw = text.slice(token.loc.start.offset, token.loc.end.offset);
    const index = raw.search(/[\u0000-\u001f]/);
    if (index < 0) continue;
    const lines = new LineIndex(text);
    const start = lines.position(token.loc.start.offset + index);
    const code = raw.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
    return {
      kind: 'syntax',
      message: `Invalid JSON: unescaped control character U+${code} in a string, which JSON.parse rejects; write it as \\u${code.toLowerCase()}.`,
      // A line break ends its line: nothing of it to underline.
      range: { start, end: { line: start.line, column: start.column + (/[\r\n]/.test(raw[index]) ? 0 : 1) } },
    };
  }
  return undefined;
}

/**
 * momoa computes where a string token ends from its start and length, which is wrong when the string holds a raw
 * line break (invalid JSON, reported above). Then every position is recomputed from its (correct) offset.
 */
function relocateMultilineStrings(ast: DocumentNode, text: string): void {
  const multiline = (ast.tokens ?? []).some(
    (t) => t.type === 'String' && /[\r\n]/.test(text.slice(t.loc.start.offset, t.loc.end.offset)),
  );
  if (!multiline) return;
  const lines = new LineIndex(text);
  const fix = (loc: MomoaNode['loc']): void => {
    for (const p of [loc.start, loc.end]) Object.assign(p, lines.position(p.offset));
  };
  for (const token of ast.tokens ?? []) fix(token.loc);
  const isNode = (x: unknown): x is MomoaNode => typeof x === 'object' && x !== null && 'type' in x && 'loc' in x;
  const stack: MomoaNode[] = [ast];
  while (stack.length) {
    const node = stack.pop()!;
    fix(node.loc);
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key === 'tokens') continue;
      if (Array.isArray(child)) stack.push(...child.filter(isNode));
      else if (isNode(child)) stack.push(child);
    }
  }
}

/** When the lenient parse succeeds, say precisely which JSON extension (comment, trailing comma) broke strict JSON. */
function refineLenientProblem(problems: JsonSyntaxProblem[], ast: DocumentNode): void {
  const strict = problems[problems.length - 1];
  const comment = (ast.tokens ?? []).find((t) => t.type === 'LineComment' || t.type === 'BlockComment');
  if (comment && comment.loc.start.line <= strict.range.start.line) {
    problems[problems.length - 1] = {
      kind: 'comment',
      message: 'Invalid JSON: comments are not allowed in JSON (the AgentCore CLI uses JSON.parse); remove the comment.',
      range: { start: { ...comment.loc.start }, end: { ...comment.loc.end } },
    };
    return;
  }
  // Point at the comma itself: the last comma before where strict parsing stopped.
  const stop = strict.range.start;
  const comma = (ast.tokens ?? [])
    .filter((t) => t.type === 'Comma')
    .filter((t) => t.loc.start.line < stop.line || (t.loc.start.line === stop.line && t.loc.start.column < stop.column))
    .pop();
  problems[problems.length - 1] = {
    kind: 'trailing-comma',
    range: comma ? { start: { ...comma.loc.start }, end: { ...comma.loc.end } } : strict.range,
    message: 'Invalid JSON: trailing comma before a closing bracket (the AgentCore CLI uses JSON.parse); remove the comma.',
  };
}

/**
 * The offset of the first `[` or `{` that opens a level deeper than MAX_DEPTH, or undefined. Brackets inside
 * strings and comments do not count (comments are reported later, but tolerated). A character scan, not a
 * parse, so hostile nesting gives a finding instead of a stack overflow in the parser.
 */
function excessiveNesting(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return undefined;
}

function duplicateKeyProblems(ast: DocumentNode): JsonSyntaxProblem[] {
  const out: JsonSyntaxProblem[] = [];
  const stack: ValueNode[] = [ast.body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'Object') {
      const seen = new Set<string>();
      for (const member of node.members) {
        const key = memberKey(member);
        if (seen.has(key)) {
          out.push({
            kind: 'duplicate-key',
            message: `Duplicate key "${key}": JSON.parse keeps only the last one, so the earlier value is silently lost. Remove one of them.`,
            range: rangeOf(member.name),
          });
        }
        seen.add(key);
        stack.push(member.value);
      }
    } else if (node.type === 'Array') {
      for (const e of node.elements) stack.push(e.value);
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
}

function memberKey(member: MemberNode): string {
  return member.name.type === 'String' ? member.name.value : member.name.name;
}

/** momoa's own evaluate assigns keys with `=`, which lets "__proto__" change a prototype; this one does not. */
function evaluate(root: ValueNode): unknown {
  const convert = (node: ValueNode): unknown => {
    switch (node.type) {
      case 'Object': {
        const obj: Record<string, unknown> = {};
        for (const member of node.members) {
          Object.defineProperty(obj, memberKey(member), {
            value: convert(member.value), enumerable: true, writable: true, configurable: true,
          });
        }
        return obj;
      }
      case 'Array':
        return node.elements.map((e) => convert(e.value));
      case 'String':
      case 'Number':
      case 'Boolean':
        return node.value;
      case 'Null':
        return null;
      case 'NaN':
        return NaN;
      case 'Infinity':
        return node.sign === '-' ? -Infinity : Infinity;
    }
  };
  return convert(root);
}

export function rangeOf(node: MomoaNode): SourceRange {
  return {
    start: { line: node.loc.start.line, column: node.loc.start.column },
    end: { line: node.loc.end.line, column: node.loc.end.column },
  };
}

export interface ResolvedNode {
  /** The member node when the last path segment is an object key. */
  member?: MemberNode;
  value: ValueNode;
  /** How much of the path was found; shorter than the path when the path leads nowhere. */
  depth: number;
}

/** Follows a JSON path as far as it exists. Returns undefined when the document has no AST. */
export function resolvePath(doc: JsonDocument, path: JsonPath): ResolvedNode | undefined {
  if (!doc.ast) return undefined;
  let current: ResolvedNode = { value: doc.ast.body, depth: 0 };
  for (const segment of path) {
    const node = current.value;
    if (node.type === 'Object') {
      // The last duplicate wins, as in JSON.parse.
      let found: MemberNode | undefined;
      for (const m of node.members) if (memberKey(m) === String(segment)) found = m;
      if (!found) return current;
      current = { member: found, value: found.value, depth: current.depth + 1 };
    } else if (node.type === 'Array' && typeof segment === 'number' && node.elements[segment]) {
      current = { value: node.elements[segment].value, depth: current.depth + 1 };
    } else {
      return current;
    }
  }
  return current;
}

/**
 * Where to point for a JSON path: `'key'` selects the property name (unknown or misplaced keys), `'value'`
 * the value. A path that does not fully exist (a missing required property) points at its deepest existing
 * ancestor's key, or its opening brace.
 */
export function locatePath(doc: JsonDocument, path: JsonPath, target: 'key' | 'value' = 'value'): SourceRange {
  const resolved = resolvePath(doc, path);
  if (!resolved) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  const complete = resolved.depth === path.length;
  if (resolved.member && (target === 'key' || !complete)) return rangeOf(resolved.member.name);
  if (!complete) return openingOf(resolved.value);
  return rangeOf(resolved.value);
}

/** The first character of an object or array, so a missing-property finding does not span the whole block. */
function openingOf(node: ValueNode): SourceRange {
  const r = rangeOf(node);
  if (node.type === 'Object' || node.type === 'Array') {
    return { start: r.start, end: { line: r.start.line, column: r.start.column + 1 } };
  }
  return r;
}

/** Formats a JSON path the way the official validator prints it: `agentCoreGateways[0].targets[1].name`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || 'root';
}
