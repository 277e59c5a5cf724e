/**
 * `--liftoff-only` and `--heap-growing-percent` are V8 flags, not stable Node APIs, and v8.setFlagsFromString only
 * prints a complaint for an unknown one: check that this Node's V8 still knows them, so a Node upgrade that drops
 * one fails here rather than quietly slowing every pre-commit run down or doubling peak memory.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT } from '../src/util/heap.js';

describe('the V8 flag behind fast small runs', () => {
  it('is known to this Node and accepted', () => {
    expect(spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout).toContain('--liftoff-only');
    expect(spawnSync(process.execPath, ['--liftoff-only', '-e', '0']).status).toBe(0);
  });

  it('would be caught if it disappeared (an unknown flag is refused)', () => {
    expect(spawnSync(process.execPath, ['--liftoff-only-no-such-flag', '-e', '0']).status).not.toBe(0);
  });
});

describe('the V8 flag behind the memory ceiling', () => {
  it('is known to this Node and accepted', () => {
    expect(spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout).toContain('--heap-growing-percent');
    const run = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('--heap-growing-percent=${HEAP_GROWING_PERCENT}')`], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr + run.stdout).toBe('');
  });

  it('would be caught if it disappeared (setFlagsFromString complains about an unknown flag)', () => {
    const run = spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString('--heap-growing-percent-no-such-flag=10')"], { encoding: 'utf8' });
    expect(run.stderr + run.stdout).toMatch(/unrecognized flag/);
  });
});
