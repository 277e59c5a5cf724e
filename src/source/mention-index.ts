/**
 * Which of a long list of candidate guard statements can establish a fact about one name. A statement that does not
 * mention the name (nor may establish anything, as a call of a guard function may) cannot, so a guard check tries
 * only the statements this index gives: a thousand uses of a thousand variables below a thousand checks stay linear.
 * Shared by the Python and TypeScript extractors; each says what its statements mention.
 */

/** From how many candidate statements indexing them pays: below it, trying each is cheaper. */
export const MENTION_INDEX_MIN = 32;

export interface MentionIndex {
  /** Per name: the positions (in the candidate list, ascending) of the statements that mention it. */
  byName: Map<string, number[]>;
  /** The positions of the statements that may establish any fact. */
  any: number[];
}

/** Indexes `count` candidates by what `mentioned(position)` says each mentions (`'any'`: it may establish anything). */
export function buildMentionIndex(count: number, mentioned: (position: number) => Iterable<string> | 'any'): MentionIndex {
  const index: MentionIndex = { byName: new Map(), any: [] };
  for (let position = 0; position < count; position++) {
    const names = mentioned(position);
    if (names === 'any') {
      index.any.push(position);
      continue;
    }
    for (const name of names) {
      let list = index.byName.get(name);
      if (!list) index.byName.set(name, (list = []));
      list.push(position);
    }
  }
  return index;
}

/** The positions of the candidates that may establish a fact about `name`, ascending. */
export function* positionsFor(index: MentionIndex, name: string): Generator<number> {
  const a = index.byName.get(name) ?? [];
  const b = index.any;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) yield a[i++];
    else yield b[j++];
  }
}
