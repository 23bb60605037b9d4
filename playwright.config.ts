import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/findChromium.mjs';

const executablePath = findChromium() ?? undefined;
// PW_PORT and PW_DIST let two checkouts (or two people) run the browser tests side by side
// against builds of their own (`vite build --outDir …`).
const port = Number(process.env.PW_PORT ?? 4173);
const dist = process.env.PW_DIST ?? 'dist';
// The demo hall keeps hall time in Asia/Shanghai (hall.timeZone). Tests write times of day as
// the hall reads them, so the test runner and the browser both run in the hall's zone; the
// unit tests of domain/hallClock cover a machine whose zone differs from the hall's.
export const HALL_TIME_ZONE = 'Asia/Shanghai';
process.env.TZ = HALL_TIME_ZONE;

/** Browser tests run against the production build (`vite preview`), the build that ships. */
export default defineConfig({
  testDir: 'tests/browser',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-reports/browser.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: HALL_TIME_ZONE,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    // A failed test keeps its trace (every action with the page's DOM before and after it, the
    // console and the network) and a picture of the page as it failed. The trace's film strip
    // (a screencast of every test, kept or not) is left out: it made the whole run a third slower.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
