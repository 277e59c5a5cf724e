/**
 * `--liftoff-only` is a V8 flag, not a stable Node API, and v8.setFlagsFromString ignores unknown flags silently:
 * check that this Node's V8 still knows it, so a Node upgrade that drops it fails here rather than quietly
 * slowing every pre-commit run down.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the V8 flag behind fast small runs', () => {
  it('is known to this Node and accepted', () => {
    expect(spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout).toContain('--liftoff-only');
    expect(spawnSync(process.execPath, ['--liftoff-only', '-e', '0']).status).toBe(0);
  });

  it('would be caught if it disappeared (an unknown flag is refused)', () => {
    expect(spawnSync(process.execPath, ['--liftoff-only-no-such-flag', '-e', '0']).status).not.toBe(0);
  });
});
