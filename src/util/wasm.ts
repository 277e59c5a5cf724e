import * as v8 from 'node:v8';

let liftoffOnly = false;

/**
 * Compile WebAssembly with V8's baseline compiler only. It must run before a module is compiled, and it is a V8
 * flag rather than a stable Node API (test/wasm-flags.test.ts checks it still takes effect). It cannot be passed
 * through NODE_OPTIONS.
 */
export function useLiftoffOnly(): void {
  v8.setFlagsFromString('--liftoff-only');
  liftoffOnly = true;
}

/** Whether this process set `--liftoff-only` (V8 rejects code caches made under other flags: util/compile-cache.ts). */
export function liftoffOnlyIsSet(): boolean {
  return liftoffOnly;
}
