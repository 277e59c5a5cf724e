/** Reading the JSON Schema nodes that the verbose validators attach to their errors. */

export type SchemaNode = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Looks through zod's one-element `allOf` wrappers (a `$ref` with a default or description beside it). */
export function unwrap(schema: unknown): SchemaNode {
  let node = isPlainObject(schema) ? schema : {};
  while (Array.isArray(node.allOf) && node.allOf.length === 1 && node.properties === undefined && isPlainObject(node.allOf[0])) {
    node = node.allOf[0] as SchemaNode;
  }
  return node;
}

/** Follows `#/definitions/…` references (and one-element allOf wrappers) as far as the root schema allows. */
export function resolveRefs(schema: unknown, rootSchema?: SchemaNode): SchemaNode {
  let node = unwrap(schema);
  for (let hops = 0; hops < 20; hops++) {
    const ref = node.$ref;
    const name = typeof ref === 'string' ? /^#\/definitions\/(.+)$/.exec(ref)?.[1] : undefined;
    const definitions = rootSchema?.definitions;
    if (name === undefined || !isPlainObject(definitions) || !definitions[name]) break;
    node = unwrap(definitions[name]);
  }
  return node;
}

/** The property names an object schema allows. */
export function allowedKeys(schema: unknown): string[] {
  const properties = unwrap(schema).properties;
  return isPlainObject(properties) ? Object.keys(properties) : [];
}

/** The schema of one property of an object schema, references resolved. */
export function propertySchema(schema: unknown, key: string, rootSchema?: SchemaNode): SchemaNode | undefined {
  const properties = unwrap(schema).properties;
  if (!isPlainObject(properties) || properties[key] === undefined) return undefined;
  return resolveRefs(properties[key], rootSchema);
}

export function requiredKeys(schema: unknown): string[] {
  const required = unwrap(schema).required;
  return Array.isArray(required) ? required.filter((k): k is string => typeof k === 'string') : [];
}
