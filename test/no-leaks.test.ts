/**
 * No format ever prints a secret in full: every secret fixture is linted in every format, and the raw text each
 * secret finding points at (the secret) must not appear in the output beyond its first four characters.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters } from '../src/formatters/index.js';
import { LineIndex } from '../src/json/string-positions.js';
import { lint } from '../src/lint.js';
import { ROOT, runCli } from './helpers/cli.js';

const SECRET_FIXTURES = ['no-inline-secrets', 'no-secrets-in-env-vars', 'unknown-key']
  .flatMap((rule) => fs.readdirSync(path.join(ROOT, 'fixtures', 'rules', rule)).filter((c) => c.startsWith('invalid-')).map((c) => path.join('fixtures', 'rules', rule, c)));

async function rawSecrets(fixture: string): Promise<string[]> {
  const { findings } = await lint({ paths: [path.join(ROOT, fixture)] });
  const secrets = new Set<string>();
  for (const f of findings) {
    if (!['no-inline-secrets', 'no-secrets-in-env-vars'].includes(f.ruleId) && !(f.ruleId === 'unknown-key' && f.severity === 'error')) continue;
    const text = fs.readFileSync(f.file, 'utf8');
    const lines = new LineIndex(text);
    let raw = text.slice(lines.offset(f.range.start), lines.offset(f.range.end)).replace(/^["'`]|["'`]$/g, '');
    if (f.ruleId === 'unknown-key') {
      // The finding points at the key; the secret is its value.
      const after = text.slice(lines.offset(f.range.end));
      raw = /^\s*:\s*"([^"]*)"/.exec(after)?.[1] ?? '';
    }
    if (raw.length >= 12) secrets.add(raw);
  }
  return [...secrets];
}

describe('secrets are never printed in full', () => {
  it('the fixtures hold secrets to check', async () => {
    let total = 0;
    for (const fixture of SECRET_FIXTURES) total += (await rawSecrets(fixture)).length;
    expect(total).toBeGreaterThan(15);
  });

  it.each(SECRET_FIXTURES)('%s in every format', async (fixture) => {
    const secrets = await rawSecrets(fixture);
    for (const format of Object.keys(formatters)) {
      const run = runCli(['--format', format, fixture]);
      expect(run.stdout.length, format).toBeGreaterThan(0);
      for (const secret of secrets) {
        // At most the first four characters may be shown; no eight-character window of the rest may appear.
        const rest = secret.slice(4);
        for (let i = 0; i + 8 <= rest.length; i += 4) expect(run.stdout, `${format}: ${secret.slice(0, 4)}…`).not.toContain(rest.slice(i, i + 8));
      }
    }
  });
});
