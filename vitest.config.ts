import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The quick fuzz (100 runs per property) and chaos (60 visits) runs belong to every test run;
    // `npm run fuzz` and `npm run chaos` run the long ones with their own configs.
    include: [
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/machines/**/*.test.ts',
      'tests/fuzz/**/*.fuzz.test.ts',
      'tests/chaos/**/*.test.ts',
    ],
    environment: 'node',
  },
});
