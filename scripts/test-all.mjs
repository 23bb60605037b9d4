// Runs every check the project has, in the order a failure is cheapest to find:
// type-check, lint and format, unit and machine tests, then (with Chromium found or installed)
// the production build, the deployment watchdog tests and the browser tests.
// `--only browser` runs the build and browser tests; `--only screenshots` just the tests that
// take pictures (tagged @shots), into SHOTS_DIR (screenshots/ unless set).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { aptInstall, ensureChromium, isDebian, isRoot } from './findChromium.mjs';

const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
const counts = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function run(title, command, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✘ ${title} failed after ${seconds} s`);
    finish(1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

function addVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}

function addPlaywright(file) {
  if (!existsSync(file)) return;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += stats.expected + stats.flaky;
  counts.failed += stats.unexpected;
  counts.skipped += stats.skipped;
}

function finish(code) {
  addVitest('.test-reports/unit.json');
  addVitest('.test-reports/deploy.json');
  addPlaywright('.test-reports/browser.json');
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  console.log(`\nAll checks took ${minutes} min.`);
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  process.exit(code || (counts.failed > 0 ? 1 : 0));
}

rmSync('.test-reports', { recursive: true, force: true });
const npx = 'npx';

/**
 * The hall server's tests run against a real PostgreSQL too (tests/hall/postgres.ts starts a
 * throw-away cluster from the server binaries): on Debian as root they are installed when
 * missing, as Chromium is; elsewhere the PostgreSQL half says what to install (and fails in CI).
 */
function ensurePostgres() {
  const found = () =>
    existsSync('/usr/lib/postgresql') &&
    readdirSync('/usr/lib/postgresql').some((v) =>
      existsSync(`/usr/lib/postgresql/${v}/bin/initdb`),
    );
  if (found() || process.env.HALL_TEST_DATABASE_URL) return;
  if (isDebian() && isRoot()) aptInstall(['postgresql']);
  else
    console.warn(
      'No PostgreSQL server binaries: apt-get install -y postgresql (or set HALL_TEST_DATABASE_URL).',
    );
}

if (!only) {
  ensurePostgres();
  run('type-check', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('type-check (service worker)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.sw.json']);
  run('lint', npx, ['eslint', '.', '--max-warnings', '0']);
  run('format', npx, ['prettier', '--check', '.']);
  run('unit and machine tests', npx, [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile=.test-reports/unit.json',
  ]);
}

let chromium;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error(`\n${error.message}`);
  finish(1);
}
console.log(`\nChromium: ${chromium}`);
const browserEnv = { CHROMIUM_PATH: chromium };

run('production build', npx, ['vite', 'build']);
run('hall pages build', npx, ['vite', 'build', '--config', 'hall-server/pages/vite.config.ts']);
run('hall 管理 page build', npx, [
  'vite',
  'build',
  '--config',
  'kiosk-ui/hallAdmin/vite.config.ts',
]);
if (!only && existsSync('tests/deploy/vitest.config.ts')) {
  run(
    'deployment watchdog tests',
    npx,
    [
      'vitest',
      'run',
      '--config',
      'tests/deploy/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=.test-reports/deploy.json',
    ],
    browserEnv,
  );
}
// Tests that only take pictures (tagged @shots) skip unless SHOTS_DIR says where to put them.
if (only === 'screenshots') {
  const shots = resolve(process.env.SHOTS_DIR || 'screenshots');
  run('screenshots', npx, ['playwright', 'test', '--grep', '@shots'], {
    ...browserEnv,
    SHOTS_DIR: shots,
  });
  console.log(`Pictures in ${shots}`);
} else run('browser tests', npx, ['playwright', 'test'], browserEnv);
finish(0);
