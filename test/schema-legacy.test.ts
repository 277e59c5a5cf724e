/** Legacy (pre-CLI) project files: detection shared by the schema rules, and the migration advice. */
import { describe, expect, it } from 'vitest';
import { isLegacyProjectFile, legacyKeyOf, legacyMigrationSteps } from '../src/schema/legacy.js';

describe('isLegacyProjectFile', () => {
  it.each([
    ['an agents list', { name: 'x', version: 1, agents: [] }, true],
    ['a resources map', { name: 'x', resources: { runtimes: {} } }, true],
    ['a current file', { name: 'x', version: 1, runtimes: [] }, false],
    ['a current file with a stray agents key', { name: 'x', version: 1, runtimes: [], agents: [] }, false],
    ['a minimal file', { name: 'x', version: 1 }, false],
    ['not an object', ['agents'], false],
    ['nothing', undefined, false],
  ])('%s → %s', (_label, value, expected) => {
    expect(isLegacyProjectFile(value)).toBe(expected);
  });

  it('names the key the file is built on', () => {
    expect(legacyKeyOf({ resources: {} })).toBe('resources');
    expect(legacyKeyOf({ agents: [] })).toBe('agents');
  });
});

describe('legacyMigrationSteps', () => {
  it('gives the steps an agents-list file needs, and only those', () => {
    const steps = legacyMigrationSteps({
      name: 'autodeployed-agent',
      version: '1',
      agents: [{ type: 'AgentCoreRuntime', name: 'agent', build: 'Container', instrumentation: { enabled: true } }],
    });
    expect(steps).toEqual([
      'rename `agents` to `runtimes` (keep `name`, `build`, `entrypoint`, `codeLocation`, `runtimeVersion`, `networkMode`, `protocol`)',
      'remove `type` from each runtime (no longer runtime settings)',
      'rename `instrumentation.enabled` to `instrumentation.enableOtel`',
      'set `"version": 1` (the number, not a string)',
      'rename the project: `name` "autodeployed-agent" must start with a letter and hold only letters and digits (max 23)',
    ]);
  });

  it('explains how to unfold a resources map', () => {
    const steps = legacyMigrationSteps({
      name: 'Research',
      resources: { runtimes: { Research: { language: 'Python', build: 'CodeZip' } }, credentials: { KEY: { type: 'api-key' } } },
    });
    expect(steps[0]).toMatch(/^move `resources.runtimes` to a top-level `runtimes` array/);
    expect(steps[1]).toMatch(/^move `resources.credentials` to a top-level `credentials` array/);
    expect(steps).toContain('remove `language` from each runtime (no longer runtime settings)');
    expect(steps).toContain('remove `resources`');
    expect(steps).toContain('set `"version": 1` (the number, not a string)');
  });

  it('mentions string memory strategies and bad resource names', () => {
    const steps = legacyMigrationSteps({
      name: 'TaxCalc',
      version: 1,
      agents: [{ name: 'tax-calculator' }],
      memories: [{ name: 'tax-memory', strategies: ['SEMANTIC'] }],
    });
    expect(steps.some((s) => s.includes('`{ "type": "SEMANTIC" }`'))).toBe(true);
    expect(steps.some((s) => s.startsWith('rename "tax-calculator", "tax-memory"'))).toBe(true);
  });
});
