import { describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin/index.js';

describe('eslint-plugin-agentcore skeleton', () => {
  it('exports a flat-config plugin with a recommended config that registers itself', () => {
    expect(plugin.meta.name).toBe('eslint-plugin-agentcore');
    expect(plugin.configs.recommended.plugins.agentcore).toBe(plugin);
  });
});
