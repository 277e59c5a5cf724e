import { describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin/index.js';
import { projectRules } from '../rules/index.js';
import { docsUrl } from '../src/docs-url.js';

describe('eslint-plugin-agentcore', () => {
  it('exports a flat-config plugin with a recommended config that registers itself', () => {
    expect(plugin.meta.name).toBe('eslint-plugin-agentcore');
    expect(plugin.configs.recommended.plugins.agentcore).toBe(plugin);
    expect(plugin.configs.json.plugins.agentcore).toBe(plugin);
    expect(plugin.configs.json.language).toBe('json/json');
  });

  it('exposes one rule per agentcore-lint TS/JS source rule, with its meta, messages and docs URL', () => {
    const expected = projectRules.filter((r) => r.meta.category === 'source' && r.files?.extensions.includes('.ts'));
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const rules = plugin.rules as Record<string, { meta: any }>;
    for (const rule of expected) {
      const eslintRule = rules[rule.meta.id];
      expect(eslintRule, rule.meta.id).toBeDefined();
      expect(eslintRule.meta.docs.url).toBe(docsUrl(rule.meta.id));
      expect(eslintRule.meta.docs.description).toBe(rule.meta.description);
      expect(eslintRule.meta.schema).toEqual([]);
      for (const [id, template] of Object.entries(rule.meta.messages)) expect(eslintRule.meta.messages[id]).toBe(template);
      expect(plugin.configs.recommended.rules[`agentcore/${rule.meta.id}`]).toBe(rule.meta.defaultSeverity === 'error' ? 'error' : 'warn');
    }
    // Project-level only (gateway-url-unread reports in agentcore.json): through agentcore/config, not a TS/JS rule.
    expect(rules['gateway-url-unread']).toBeUndefined();
    expect(rules['suppression-directive']).toBeDefined();
    expect(rules.config).toBeDefined();
  });
});
