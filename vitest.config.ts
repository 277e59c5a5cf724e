import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn node; leave them room on a loaded 2-core machine.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
