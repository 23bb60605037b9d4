// npm run chaos [-- --full | --visits N] [--seed S]: N simulated citizens (default 1000; --full:
// 10,000) at one kiosk, with every fault kind, reloads and walk-aways, on simulated time
// (tests/chaos/). Prints one table of what it found and exits non-zero when it found anything.
// Replay a run with the seed it prints.
import { flag, option, runVitest } from './vitestRun.mjs';

const full = flag('full');
const visits = Number(option('visits', process.env.CHAOS_VISITS ?? (full ? '10000' : '1000')));
const seed = option('seed', process.env.CHAOS_SEED ?? String(Math.floor(Math.random() * 1e9)));
const reportPath = option('report', '.test-reports/chaos.json');
if (!Number.isInteger(visits) || visits < 1) {
  console.error(`--visits takes a whole number of visits ≥ 1, got ${option('visits')}`);
  process.exit(2);
}

console.log(`Chaos: ${visits} visits, seed ${seed}`);
const { report, status, wall } = runVitest({
  what: 'chaos',
  args: ['--config', 'tests/chaos/vitest.config.ts', '--reporter=dot', 'tests/chaos/full.chaos.ts'],
  env: { CHAOS_VISITS: String(visits), CHAOS_SEED: seed, CHAOS_REPORT: reportPath },
  reportPath,
  stdout: 'ignore',
});

const rows = [];
const section = (title) => rows.push([title, '']);
const row = (label, value) => rows.push([`  ${label}`, String(value)]);
const percent = (n) => `${n} (${((100 * n) / report.visits).toFixed(1)}%)`;

section('Findings (each must be 0)');
row('(a) visits not back at attract within idle timeout + warning', report.counts.stuckVisits);
row('(b) duplicate prints', report.counts.duplicatePrints);
row(
  '(c) queue numbers duplicated / skipped',
  `${report.counts.ticketsLostOrDuplicated} (${report.tickets.duplicated} / ${report.tickets.skipped})`,
);
row('(d) uncaught errors', report.counts.uncaughtErrors);
row('(e) card data left after the visit', report.counts.cardDataLeft);
row('flows without a chaos driver', report.counts.flowsWithoutDriver);
section('Visits per flow');
for (const [flow, n] of Object.entries(report.visitsPerFlow).sort()) row(flow, percent(n));
section('Faults injected (visits)');
for (const [kind, n] of Object.entries(report.faultsInjected).sort()) row(kind, percent(n));
section('Also seen');
for (const [name, n] of Object.entries(report.info).sort()) row(name, n);
for (const [where, n] of Object.entries(report.driverGaps)) row(`driver gap ${where}`, n);
section('Time');
row('simulated days', report.simulatedDays);
row('wall time of the run', `${report.wallSeconds} s`);
row('wall time with vitest start-up', `${wall.toFixed(1)} s`);

const width = Math.max(...rows.map(([label]) => label.length)) + 2;
const valueWidth = Math.max(...rows.map(([, value]) => value.length));
const line = '─'.repeat(width + valueWidth + 3);
console.log(
  `\nChaos run: ${report.visits} visits, seed ${report.seed}${report.finished ? '' : ' (unfinished)'}`,
);
console.log(line);
for (const [label, value] of rows) {
  if (value === '') console.log(label);
  else console.log(`${label.padEnd(width)} │ ${value.padStart(valueWidth)}`);
}
console.log(line);

const findings = report.findings ?? [];
if (findings.length > 0) {
  console.log(
    `\n${findings.length} finding(s), by kind; the first of each with its visits' event logs:`,
  );
  const kinds = [...new Set(findings.map((f) => f.kind))];
  for (const kind of kinds) {
    const ofKind = findings.filter((f) => f.kind === kind);
    console.log(`\n[${kind}] ×${ofKind.length}`);
    for (const finding of ofKind.slice(0, 8))
      console.log(`- visit ${finding.visit}: ${finding.detail}`);
    if (ofKind.length > 8) console.log(`- … ${ofKind.length - 8} more in the report`);
    const first = ofKind[0];
    for (const [visit, log] of Object.entries(first.relatedLogs ?? {}))
      console.log(`  visit ${visit}:\n    ${log.join('\n    ')}`);
    if (first.log) console.log(`  visit ${first.visit}:\n    ${first.log.join('\n    ')}`);
  }
  console.log(`\nFull report: ${reportPath}`);
}
console.log(`Replay: npm run chaos -- --visits ${report.visits} --seed ${report.seed}`);

const found = Object.values(report.counts).some((n) => n > 0);
process.exit(found || !report.finished || status !== 0 ? 1 : 0);
