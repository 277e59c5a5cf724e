import { setV8Flag } from './v8-flags.js';

/** Percent by which V8 grows the old generation's limit after a collection. */
export const HEAP_GROWING_PERCENT = 10;

/**
 * Lets V8's heap grow in small steps. A lint run allocates fast and keeps little (each file's syntax tree is garbage
 * once its facts are out), and V8's default growth roughly doubles the heap limit under that load: peak memory on
 * the 4,000-file benchmark project went from about 360 MB to 265 MB with this, at the same speed (bench/RESULTS.md).
 * The CLI only: a library caller's process keeps its own settings. A V8 flag, not a stable Node API:
 * test/wasm-flags.test.ts checks that Node still knows it.
 */
export function limitHeapGrowth(): void {
  setV8Flag(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
