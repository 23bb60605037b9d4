import { defineConfig } from 'vitest/config';

// The fuzz runs: scripts/fuzz.mjs (npm run fuzz) sets FUZZ_RUNS (10,000 by default) and runs
// every tests/fuzz/*.fuzz.test.ts with this config; `npm test` runs the same files with 100.
export default defineConfig({
  test: {
    include: ['tests/fuzz/**/*.fuzz.test.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
  },
});
