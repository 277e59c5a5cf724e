/**
 * `compute`, remembered per string: for pure verdicts on names (a callee, a variable name) that a file repeats many
 * times and that each cost a list of regexes. Bounded (emptied when full), for long-lived processes such as the
 * ESLint plugin in an editor. Callers must not modify what it returns.
 */
export function perString<T>(compute: (text: string) => T, limit = 10_000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (memo.has(text)) return memo.get(text) as T;
    const value = compute(text);
    if (memo.size >= limit) memo.clear();
    memo.set(text, value);
    return value;
  };
}
