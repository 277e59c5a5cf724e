/**
 * Copies a tree-sitter syntax tree into plain JavaScript objects in one cursor walk, so the analysis never calls
 * into WASM again (each Node getter crosses the WASM boundary) and the tree can be deleted right away.
 * Node types and field names are strings shared through per-language tables.
 * The walk is iterative: nesting depth is controlled by the input.
 */
import type { Tree, TreeCursor } from 'web-tree-sitter';

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

/**
 * web-tree-sitter's cursor functions inside its WASM module. The public `TreeCursor` copies the cursor's four
 * words between JavaScript and WASM memory on every call (eight `getValue`/`setValue` calls a step); these
 * functions keep the cursor in WASM's transfer buffer between calls, which is what makes the copy cheap. They are
 * web-tree-sitter internals (version pinned in package.json): `cursorBinding` checks every one and copyTree falls
 * back to the public API when any is missing; test/python-adapter.test.ts compares the two walks.
 */
export interface CursorBinding {
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
}

const BINDING_FUNCTIONS: (keyof CursorBinding)[] = [
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_current_node_is_missing_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
];

/**
 * The cursor functions of web-tree-sitter's module, given the options object passed to `Parser.init` (Emscripten
 * makes that object the module); undefined when they are not all there.
 */
export function cursorBinding(moduleObject: object): CursorBinding | undefined {
  const candidate = moduleObject as Record<string, unknown>;
  return BINDING_FUNCTIONS.every((name) => typeof candidate[name] === 'function') ? (moduleObject as CursorBinding) : undefined;
}

/** The cursor moves and reads copyTree needs, over the public TreeCursor or over the module's functions. */
interface CursorOps {
  typeId(): number;
  fieldId(): number;
  start(): number;
  end(): number;
  missing(): boolean;
  firstChild(): boolean;
  nextSibling(): boolean;
  parent(): boolean;
}

function publicOps(cursor: TreeCursor): CursorOps {
  return {
    typeId: () => cursor.nodeTypeId,
    fieldId: () => cursor.currentFieldId,
    start: () => cursor.startIndex,
    end: () => cursor.endIndex,
    missing: () => cursor.nodeIsMissing,
    firstChild: () => cursor.gotoFirstChild(),
    nextSibling: () => cursor.gotoNextSibling(),
    parent: () => cursor.gotoParent(),
  };
}

function bindingOps(binding: CursorBinding, tree: Tree, cursor: TreeCursor): CursorOps {
  const address = (tree as unknown as { 0: number })[0];
  // Any public call puts the JavaScript copy of the cursor (here: at the root) into the transfer buffer; from then
  // on only the module's functions run, and they keep the cursor there. No public cursor call may follow but delete.
  void cursor.nodeTypeId;
  return {
    typeId: () => binding._ts_tree_cursor_current_node_type_id_wasm(address),
    fieldId: () => binding._ts_tree_cursor_current_field_id_wasm(address),
    start: () => binding._ts_tree_cursor_start_index_wasm(address),
    end: () => binding._ts_tree_cursor_end_index_wasm(address),
    missing: () => binding._ts_tree_cursor_current_node_is_missing_wasm(address) === 1,
    firstChild: () => binding._ts_tree_cursor_goto_first_child_wasm(address) === 1,
    nextSibling: () => binding._ts_tree_cursor_goto_next_sibling_wasm(address) === 1,
    parent: () => binding._ts_tree_cursor_goto_parent_wasm(address) === 1,
  };
}

export function copyTree(tree: Tree, binding?: CursorBinding): PyNode {
  const { types, named, fields } = tablesFor(tree);
  const cursor = tree.walk();
  try {
    return walk(binding ? bindingOps(binding, tree, cursor) : publicOps(cursor), types, named, fields);
  } finally {
    cursor.delete();
  }
}

function walk(c: CursorOps, types: string[], named: boolean[], fields: (string | null)[]): PyNode {
  // Every cursor read is a call into WASM: each is asked once per node (the type and field were already read).
  const make = (parent: PyNode | null, typeId: number, fieldId: number): PyNode => {
    const start = c.start();
    const end = c.end();
    const type = types[typeId] ?? 'ERROR';
    return {
      type,
      start,
      end,
      field: fields[fieldId] ?? null,
      named: named[typeId] ?? true,
      // MISSING nodes are zero-width; ask only then
      missing: start === end && parent !== null ? c.missing() : false,
      parent,
      children: [],
    };
  };
  const root = make(null, c.typeId(), 0);
  let current = root;
  if (!c.firstChild()) return root;
  for (;;) {
    // Punctuation and keywords (anonymous nodes that fill no field) are about half the nodes, and the analysis
    // never looks at them: skip them, except MISSING ones (syntax errors). Operators fill a field and are kept.
    const typeId = c.typeId();
    const fieldId = c.fieldId();
    if (named[typeId] === false && fieldId === 0 && !c.missing()) {
      while (!c.nextSibling()) {
        if (!c.parent() || current === root) return root;
        current = current.parent as PyNode;
      }
      continue;
    }
    const node = make(current, typeId, fieldId);
    current.children.push(node);
    // tokens and the parts of tokens (escape sequences) are not needed: do not even ask for children
    if (node.named && !LEAVES.has(node.type) && c.firstChild()) {
      current = node;
      continue;
    }
    while (!c.nextSibling()) {
      if (!c.parent() || current === root) return root;
      current = current.parent as PyNode;
    }
  }
}
