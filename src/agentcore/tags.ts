/**
 * The refinements of `TagsSchema` (`dist/schema/schemas/primitives/tags.js` of `@aws/agentcore` 0.30.0), shared by
 * the rules that check tag records: `tags` (agentcore.json) and `harness-config` (harness.json).
 */
import type { JsonPath } from '../json/document.js';
import { isObject } from '../util/json-value.js';
import { valueAt } from '../util/refinements.js';
import type { RefinementReport } from './custom-jwt.js';

const MAX_TAGS = 50;

export const TAG_MESSAGES = {
  reservedPrefix: 'Tag key "{{key}}" starts with "aws:", which is reserved for AWS; rename the tag.',
  blankKey: 'Tag key must contain at least one non-whitespace character; rename or remove this tag.',
  tooMany: '{{count}} tags on one resource; the maximum is 50 per resource. Remove some.',
} as const;

export type TagMessageId = keyof typeof TAG_MESSAGES;

/** Checks the tag record at `path` in `root` (the parsed file), if there is one. */
export function checkTags(root: unknown, path: JsonPath, report: RefinementReport<TagMessageId>): void {
  const tags = valueAt(root, path);
  if (!isObject(tags)) return;
  const keys = Object.keys(tags);
  for (const key of keys) {
    if (key.length > 0 && key.trim().length === 0) report({ messageId: 'blankKey', path: [...path, key], target: 'key' });
    if (key.startsWith('aws:')) report({ messageId: 'reservedPrefix', data: { key }, path: [...path, key], target: 'key' });
  }
  if (keys.length > MAX_TAGS) report({ messageId: 'tooMany', data: { count: keys.length }, path, target: 'key' });
}
