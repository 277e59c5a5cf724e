/**
 * Copies a tree-sitter syntax tree into plain JavaScript objects in one cursor walk, so the analysis never calls
 * into WASM again (each Node getter crosses the WASM boundary) and the tree can be deleted right away.
 * Node types and field names are strings shared through per-language tables.
 * The walk is iterative: nesting depth is controlled by the input.
 */
import type { Tree } from 'web-tree-sitter';

export interface PyNode {
  type: string;
  /** UTF-16 offsets, like the rest of our facts. */
  start: number;
  end: number;
  /** The field this node fills in its parent (`left`, `function`, `arguments` ...). */
  field: string | null;
  named: boolean;
  missing: boolean;
  parent: PyNode | null;
  children: PyNode[];
}

/** Per-language tables (type names, named-ness, field names), so each node costs four cursor calls, not six. */
interface Tables {
  types: string[];
  named: boolean[];
  fields: (string | null)[];
}
const tablesByLanguage = new WeakMap<object, Tables>();

function tablesFor(tree: Tree): Tables {
  const language = tree.language;
  let tables = tablesByLanguage.get(language);
  if (!tables) {
    const types: string[] = [];
    const named: boolean[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) {
      types.push(language.nodeTypeForId(id) ?? 'ERROR');
      named.push(language.nodeTypeIsNamed(id));
    }
    const fields: (string | null)[] = [null];
    for (let id = 1; id <= language.fieldCount; id++) fields.push(language.fieldNameForId(id));
    tables = { types, named, fields };
    tablesByLanguage.set(language, tables);
  }
  return tables;
}

/** Named nodes whose children the analysis never looks at (anonymous nodes are skipped the same way). */
const LEAVES = new Set([
  'identifier',
  'string_start',
  'string_content',
  'string_end',
  'integer',
  'float',
  'true',
  'false',
  'none',
  'comment',
  'escape_sequence',
  'escape_interpolation',
  'type_conversion',
  'ellipsis',
]);

export function copyTree(tree: Tree): PyNode {
  const { types, named, fields } = tablesFor(tree);
  const cursor = tree.walk();
  // Every cursor property is a call into WASM: each is asked once per node (the type and field were already read).
  const make = (parent: PyNode | null, typeId: number, fieldId: number): PyNode => {
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    const type = types[typeId] ?? 'ERROR';
    return {
      type,
      start,
      end,
      field: fields[fieldId] ?? null,
      named: named[typeId] ?? true,
      // MISSING nodes are zero-width; ask only then
      missing: start === end && parent !== null ? cursor.nodeIsMissing : false,
      parent,
      children: [],
    };
  };
  try {
    const root = make(null, cursor.nodeTypeId, 0);
    let current = root;
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      // Punctuation and keywords (anonymous nodes that fill no field) are about half the nodes, and the analysis
      // never looks at them: skip them, except MISSING ones (syntax errors). Operators fill a field and are kept.
      const typeId = cursor.nodeTypeId;
      const fieldId = cursor.currentFieldId;
      if (named[typeId] === false && fieldId === 0 && !cursor.nodeIsMissing) {
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent() || current === root) return root;
          current = current.parent as PyNode;
        }
        continue;
      }
      const node = make(current, typeId, fieldId);
      current.children.push(node);
      // tokens and the parts of tokens (escape sequences) are not needed: do not even ask for children
      if (node.named && !LEAVES.has(node.type) && cursor.gotoFirstChild()) {
        current = node;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || current === root) return root;
        current = current.parent as PyNode;
      }
    }
  } finally {
    cursor.delete();
  }
}
