/**
 * A YAML file parsed with positions (the `yaml` package's own nodes and line counter), so a finding in a YAML
 * OpenAPI document points at the exact key or value, as one in a JSON document does through momoa.
 */
import type { Document, Node as YamlNode } from 'yaml';
import type { SourceRange } from '../types.js';
import { yamlModule } from '../util/lazy-modules.js';
import type { JsonPath } from './document.js';

export interface YamlDocument {
  /** The value as plain data; undefined when the text has YAML errors (AWS could not read it either). */
  value: unknown;
  /** The YAML errors, located (first line of each message). */
  problems: Array<{ message: string; range: SourceRange }>;
  /** Where `path` is: its key or its value (the first line of a block); the nearest existing ancestor when absent. */
  locate(path: JsonPath, target?: 'key' | 'value'): SourceRange;
}

/** At most this many alias expansions, as a guard against alias bombs ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

export function parseYamlDocument(text: string): YamlDocument {
  const yaml = yamlModule();
  const lineCounter = new yaml.LineCounter();
  const doc: Document = yaml.parseDocument(text, { lineCounter, uniqueKeys: false });
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems = doc.errors.map((error) => ({
    message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    range: { start: at(error.pos[0]), end: at(Math.max(error.pos[1], error.pos[0] + 1)) },
  }));
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({
        message: `${(error as Error).message.split('\n')[0]} (a document that expands aliases this much is not read)`,
        range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
      });
    }
  }
  const rangeOf = (node: YamlNode | undefined): SourceRange => {
    if (!node?.range) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    const start = at(node.range[0]);
    // A block (map or sequence) is shown by its first character, not its whole extent.
    if (!yaml.isScalar(node)) return { start, end: { line: start.line, column: start.column + 1 } };
    return { start, end: at(node.range[1]) };
  };
  return {
    value,
    problems,
    locate(path, target = 'value') {
      let node: YamlNode | undefined = doc.contents ?? undefined;
      let key: YamlNode | undefined;
      let depth = 0;
      for (const segment of path) {
        let next: { key?: YamlNode; value: YamlNode | undefined } | undefined;
        if (yaml.isMap(node)) {
          const pair = node.items.find((p) => yaml.isScalar(p.key) && String(p.key.value) === String(segment));
          if (pair) next = { key: pair.key as YamlNode, value: (pair.value ?? undefined) as YamlNode | undefined };
        } else if (yaml.isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
          next = { value: node.items[segment] as YamlNode };
        }
        if (!next) break;
        key = next.key;
        node = next.value;
        depth++;
        // An alias's target is elsewhere in the file; the alias itself is where this path is written.
        if (yaml.isAlias(node)) break;
      }
      const complete = depth === path.length;
      return rangeOf((target === 'key' || !complete || node === undefined) && key ? key : node);
    },
  };
}
