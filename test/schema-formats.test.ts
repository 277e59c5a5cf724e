/**
 * The agentcore.json validators' `uri` format is zod's `z.string().url()`, the check `agentcore validate` runs
 * (zod is pinned in devDependencies at the official CLI's version). ajv-formats' RFC 3986 regex, used before,
 * disagreed with it both ways: it rejected URLs the CLI accepts (a space, `{id}`, a non-ASCII path) and accepted
 * URLs it rejects (port 99999, `https://`). Compared on hand-picked cases (each checked with the CLI 0.30.0) and on
 * generated URL-like strings; the fixtures schema/valid-url-forms and schema/invalid-url-forms check the validators.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(__dirname, '..');
const formats = require(path.join(ROOT, 'src', 'schema', 'formats.cjs')) as { uri: (value: string) => boolean };
const zodUrl = z.string().url();
const zodAccepts = (value: string) => zodUrl.safeParse(value).success;

const SEED = Number(process.env.PROPERTY_SEED ?? 20261122);

/** [value, accepted by `agentcore validate` 0.30.0 as a gateway target endpoint]. */
const CLI_VERDICTS: Array<[string, boolean]> = [
  ['https://mcp.example.com/mcp', true],
  ['https://mcp.example.com/a b', true],
  ['https://mcp.example.com/a%zz', true],
  ['urn:isbn:123', true],
  [' https://mcp.example.com/mcp', true],
  ['https://mcp.example.com/mcp ', true],
  ['https://mcp.example.com/{id}', true],
  ['https://mcp.example.com/a|b', true],
  ['https://mcp.example.com/a\\b', true],
  ['https://exa_mple.com/mcp', true],
  ['https:mcp.example.com', true],
  ['https://mcp.example.com/ä', true],
  ['https://mcp.example.com/a^b', true],
  ['https://mcp.example.com/#frag#x', true],
  ['file:///etc/passwd', true],
  ['a:b', true],
  ['foo', false],
  ['https://mcp.example.com:99999/', false],
  ['http://exa mple.com/', false],
  ['//mcp.example.com/x', false],
  ['https://', false],
  ['http://1.2.3.256/', false],
];

describe('uri format = zod url()', () => {
  it.each(CLI_VERDICTS)('%j: accepted %s, as by agentcore validate', (value, accepted) => {
    expect(formats.uri(value)).toBe(accepted);
    expect(zodAccepts(value)).toBe(accepted);
  });

  it('agrees with zod on generated URL-like strings', () => {
    const piece = fc.constantFrom(
      'https://', 'http://', 'file:', 'urn:', '//', 'mcp.example.com', 'localhost', '[::1]', '1.2.3.4', '256', ':', ':8080',
      ':99999', '/', '?', '#', '%', '%zz', '%41', '{id}', ' ', '\t', '\n', '|', '\\', '^', '@', 'user:pw@', 'ä', '🚀', '_', '-', '.', 'xn--',
    );
    const urlLike = fc.array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(urlLike, fc.webUrl()), (value) => {
      expect(formats.uri(value), JSON.stringify(value)).toBe(zodAccepts(value));
    }), { seed: SEED, numRuns: 3000, endOnFailure: false });
  });
});
