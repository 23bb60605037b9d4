// npm run fuzz [-- --runs N | --quick] [--seed S]: the property-based tests of tests/fuzz/ with
// N random inputs per property (10,000 by default; --quick: 100, as `npm test` runs them).
// Prints one table of what ran and exits non-zero when any property failed; a failure prints
// its seed and counterexample, and --seed S replays it.
import { basename } from 'node:path';
import { flag, option, runVitest } from './vitestRun.mjs';

const quick = flag('quick');
const runsOption = option('runs', quick ? '100' : (process.env.FUZZ_RUNS ?? '10000'));
const runs = Number(runsOption);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs takes a whole number of runs per property ≥ 1, got ${runsOption}`);
  process.exit(2);
}
const seed = option('seed', process.env.FUZZ_SEED ?? '');
if (seed !== '' && !Number.isInteger(Number(seed))) {
  console.error(`--seed takes the integer seed a failure printed, got ${seed}`);
  process.exit(2);
}
const reportPath = '.test-reports/fuzz.json';

console.log(`Fuzz: ${runs} runs per property${seed ? `, seed ${seed}` : ''}`);
const { report, status, wall } = runVitest({
  what: 'fuzz',
  args: [
    '--config',
    'tests/fuzz/vitest.config.ts',
    '--reporter=dot',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
  ],
  env: { FUZZ_RUNS: String(runs), FUZZ_SEED: seed },
  reportPath,
});

const rows = [];
const notes = [];
const failures = [];
for (const file of [...report.testResults].sort((a, b) => a.name.localeCompare(b.name))) {
  const tests = file.assertionResults;
  const passed = tests.filter((t) => t.status === 'passed').length;
  const failed = tests.filter((t) => t.status === 'failed').length;
  const properties = tests.reduce((n, t) => n + (t.meta?.fuzzProperties ?? 0), 0);
  const counts = [...new Set(tests.flatMap((t) => t.meta?.fuzzRuns ?? []))].sort((a, b) => a - b);
  const runsEach =
    counts.length === 0
      ? '–'
      : counts.length === 1
        ? `${counts[0]}`
        : `${counts[0]}–${counts.at(-1)}`;
  const seconds = ((file.endTime - file.startTime) / 1000).toFixed(1);
  const name = basename(file.name);
  rows.push([name, String(properties), runsEach, `${passed} / ${failed}`, seconds]);
  for (const t of tests) for (const note of t.meta?.fuzzNotes ?? []) notes.push(note);
  for (const t of tests.filter((x) => x.status === 'failed')) {
    failures.push({ where: `${name} › ${t.title}`, message: t.failureMessages.join('\n') });
  }
  if (tests.length === 0 && file.status === 'failed') {
    failures.push({ where: name, message: file.message });
    rows[rows.length - 1][3] = 'did not run';
  }
}

const header = ['target file', 'properties', 'runs each', 'passed / failed', 'seconds'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' │ ');
const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
const totalProperties = rows.reduce((n, r) => n + Number(r[1]), 0);

console.log(`\nFuzz run: ${runs} runs per property${seed ? `, seed ${seed}` : ''}`);
console.log(line(header));
console.log(rule);
for (const r of rows) console.log(line(r));
console.log(rule);
console.log(
  line([
    'total',
    String(totalProperties),
    '',
    `${report.numPassedTests} / ${report.numFailedTests}`,
    `${wall.toFixed(1)} wall`,
  ]),
);
if (notes.length > 0) console.log(`\nReached: ${notes.join('; ')}`);

for (const { where, message } of failures) {
  // fast-check's message: the seed and path, the shrunk counterexample, the error; then a stack.
  const lines = (message ?? '').split('\n');
  const stack = lines.findIndex((l) => /^\s+at /.test(l));
  const shown = lines.slice(0, Math.min(stack < 0 ? lines.length : stack, 20));
  console.log(`\n✘ ${where}\n    ${shown.join('\n    ')}`);
}
if (failures.length > 0) {
  console.log(`\nReplay a failure: npm run fuzz -- --runs ${runs} --seed <seed it printed>`);
  console.log(`Full report: ${reportPath}`);
}

process.exit(failures.length > 0 || report.numFailedTests > 0 || status !== 0 ? 1 : 0);
