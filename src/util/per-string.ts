/** A remembered function of a string, and a way to forget what it remembered. */
export interface PerString<T> {
  (text: string): T;
  clear(): void;
}

/**
 * `compute`, remembered per string: for pure verdicts on names (a callee, a variable name) that a file repeats many
 * times and that each cost a list of regexes, and for answers that cost far more (a Cedar parse). Bounded (emptied
 * when full), for long-lived processes such as the ESLint plugin in an editor. Callers must not modify what it
 * returns.
 */
export function perString<T>(compute: (text: string) => T, limit = 10_000): PerString<T> {
  const memo = new Map<string, T>();
  const remembered = ((text: string): T => {
    if (memo.has(text)) return memo.get(text) as T;
    const value = compute(text);
    if (memo.size >= limit) memo.clear();
    memo.set(text, value);
    return value;
  }) as PerString<T>;
  remembered.clear = () => memo.clear();
  return remembered;
}
