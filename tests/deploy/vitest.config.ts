import { defineConfig } from 'vitest/config';

// The deployment tests start a real Chromium; the test script runs them once Chromium is found.
export default defineConfig({
  test: {
    include: ['tests/deploy/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
