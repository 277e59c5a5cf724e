import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRules } from '../rules/index.js';

const root = path.resolve(__dirname, '..');

describe('rule registry', () => {
  it('ids and codes are unique', () => {
    const ids = projectRules.map((r) => r.meta.id);
    const codes = projectRules.map((r) => r.meta.code);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(projectRules.map((r) => [r.meta.id, r] as const))('%s is well formed', (id, rule) => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(rule.meta.code).toMatch(/^AC\d{3}$/);
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(rule.meta.rationale.length).toBeGreaterThan(40);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    // One file per rule, named after its id, in its category's folder.
    expect(fs.existsSync(path.join(root, 'rules', rule.meta.category, `${id}.ts`))).toBe(true);
  });

  it.each(projectRules.map((r) => r.meta.id))(
    '%s has valid and invalid fixtures',
    (id) => {
      const dir = path.join(root, 'fixtures', 'rules', id);
      const cases = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
      expect(cases.some((c) => c.startsWith('valid-'))).toBe(true);
      expect(cases.some((c) => c.startsWith('invalid-'))).toBe(true);
    },
  );
});
