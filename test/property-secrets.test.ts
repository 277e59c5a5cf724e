/**
 * Property-based tests (fast-check) for secret detection: adversarial strings built from the patterns' own
 * prefixes and separators never make the regexes throw or backtrack for long, every match lies inside the text and
 * is what it says it is, and the mask never shows the secret. Deterministic: fixed seed, bounded runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAssignment, findProviderSecrets, maskSecret } from '../src/secrets/index.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261121);
const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });

const PIECES = fc.constantFrom(
  'sk-', 'sk-proj-', 'sk-ant-api03-', 'sk-svcacct-', 'AKIA', 'ASIA', 'ghp_', 'github_pat_', 'glpat-', 'xoxb-', 'xapp-1-',
  'hooks.slack.com/services/T', '/B', 'sk_live_', 'rk_live_', 'AIza', 'hf_', 'gsk_', 'npm_', 'SG.', 'eyJ', '.eyJ', '.',
  '-----BEGIN ', 'RSA ', 'PRIVATE KEY', '-----', 'postgres://', 'https://', 'user', ':', '@', '/', '${', '}', '{{', '<', '>',
  ' ', '\n', '\t', '"', "'", '_', '-', 'é', '🚀', '\uD800',
);
const RUN = fc.tuple(fc.constantFrom('a', 'A', '0', 'Z9', 'x-', '_', ':', '@'), fc.integer({ min: 1, max: 400 })).map(([s, n]) => s.repeat(n));
const ADVERSARIAL = fc.array(fc.oneof({ weight: 3, arbitrary: PIECES }, { weight: 2, arbitrary: RUN }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('property: secret detection on adversarial strings', () => {
  it('findProviderSecrets: no throw, quick, matches inside the text, in order, not overlapping, masked', () => {
    fc.assert(
      fc.property(ADVERSARIAL, (text) => {
        const started = performance.now();
        const matches = findProviderSecrets(text);
        expect(performance.now() - started, `scan time for a text of ${text.length}`).toBeLessThan(250);
        let previousEnd = 0;
        for (const m of matches) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.start).toBeLessThan(m.end);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.secret).toBe(text.slice(m.start, m.end));
          const masked = maskSecret(m.secret);
          expect(masked.endsWith('…')).toBe(true);
          expect(masked.length - 1).toBeLessThanOrEqual(4);
          expect(masked.length - 1).toBeLessThan(m.secret.length);
          previousEnd = m.end;
        }
      }),
      params(300),
    );
  });

  it('classifyAssignment: no throw; a match is a slice of the value', () => {
    fc.assert(
      fc.property(fc.constantFrom('api_key', 'DB_PASSWORD', 'token', 'SECRET_KEY', 'name', 'x'), ADVERSARIAL, (name, value) => {
        const match = classifyAssignment(name, value);
        if (!match) return;
        expect(match.start).toBeGreaterThanOrEqual(0);
        expect(match.end).toBeLessThanOrEqual(value.length);
        expect(match.secret).toBe(value.slice(match.start, match.end));
      }),
      params(300),
    );
  });
});
