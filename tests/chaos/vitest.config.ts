import { defineConfig } from 'vitest/config';

// The chaos runs: scripts/chaos.mjs (npm run chaos) runs full.chaos.ts, which reads CHAOS_VISITS
// and CHAOS_SEED; chaos.test.ts is the quick run that `npm test` includes.
export default defineConfig({
  test: {
    include: ['tests/chaos/**/*.test.ts', 'tests/chaos/**/*.chaos.ts'],
    environment: 'node',
    testTimeout: 6 * 3_600_000,
  },
});
