/**
 * Walks from a use up to the root (is the fact checked on the way? where does the value flow?) cost the use's depth,
 * which is small in real code but is the input's: 8,000 uses of a key in one `k + k + … + k`, or 8,000 nested
 * conditional expressions, made such walks quadratic (12 s for a 32 KB file). A walk that has gone more than
 * DEEP_WALK_STEPS steps up records where it went, and a later walk that reaches one of those nodes in the same state
 * takes the recorded end: deep chains stay linear, and the usual shallow walk records nothing.
 * Shared by the Python and TypeScript extractors.
 */

/** From how many steps up a walk remembers, and looks up, where it went. */
export const DEEP_WALK_STEPS = 64;

/** The ends of earlier deep walks, by walk state (what the walk's result depends on besides the node) and node. */
export class WalkMemo<Node, Result> {
  private readonly byState = new Map<string, Map<Node, Result>>();

  /** The end of a walk that went on from `node` in `state`, if one did. */
  lookup(state: string, node: Node): Result | undefined {
    return this.byState.get(state)?.get(node);
  }

  /** Records that walks going on from each (state, node) of the trail end in `result`. */
  record(trail: ReadonlyArray<readonly [string, Node]>, result: Result): void {
    for (const [state, node] of trail) {
      let known = this.byState.get(state);
      if (!known) this.byState.set(state, (known = new Map()));
      known.set(node, result);
    }
  }
}
