import { setV8Flag } from './v8-flags.js';

/**
 * Compile WebAssembly with V8's baseline compiler only. It must run before a module is compiled, and it is a V8
 * flag rather than a stable Node API (test/wasm-flags.test.ts checks it still takes effect). It cannot be passed
 * through NODE_OPTIONS.
 */
export function useLiftoffOnly(): void {
  setV8Flag('--liftoff-only');
}
