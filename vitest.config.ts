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
      'tests/hall/**/*.test.ts',
    ],
    // The hall store tests' throw-away PostgreSQL: started by the first test that needs it,
    // stopped here at the end of the run (tests/hall/postgres.ts).
    globalSetup: ['tests/hall/globalSetup.ts'],
    environment: 'node',
  },
});
