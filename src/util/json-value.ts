/**
 * Safe accessors for JSON values of unknown shape. Semantic rules run even when the schema check failed,
 * so they must never assume a field has the type the schema promises.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The object elements of an array with their original indexes (non-objects are skipped, indexes kept). */
export function objectsOf(value: unknown): Array<[number, JsonObject]> {
  const out: Array<[number, JsonObject]> = [];
  asArray(value).forEach((element, index) => {
    if (isObject(element)) out.push([index, element]);
  });
  return out;
}

export function hasOwn(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export interface RepeatedName {
  /** Index of the repeating element. */
  index: number;
  name: string;
  /** Index of the first element with that name. */
  first: number;
}

/** The object elements of an array whose `name` (a string) repeats an earlier element's name. */
export function repeatedNames(array: unknown): RepeatedName[] {
  const firstIndex = new Map<string, number>();
  const repeats: RepeatedName[] = [];
  for (const [index, element] of objectsOf(array)) {
    const name = asString(element.name);
    if (name === undefined) continue;
    const first = firstIndex.get(name);
    if (first === undefined) firstIndex.set(name, index);
    else repeats.push({ index, name, first });
  }
  return repeats;
}

/**
 * `table[key]` for own properties only: with keys from user input, a plain lookup of "constructor" or
 * "__proto__" would find Object.prototype's members.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
