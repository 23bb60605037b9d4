import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, it } from 'vitest';
import { NO_FINDINGS, runChaos, type ChaosReport } from './runChaos';

// The full chaos run, started by scripts/chaos.mjs (npm run chaos): CHAOS_VISITS visits from
// CHAOS_SEED; the report goes to CHAOS_REPORT for the script to print as a table.
const visits = Number(process.env['CHAOS_VISITS'] ?? 1000);
const seed = process.env['CHAOS_SEED'] ?? String(Date.now() % 1_000_000);
const reportPath = process.env['CHAOS_REPORT'] ?? '.test-reports/chaos.json';
const logVisits = (process.env['CHAOS_LOG_VISITS'] ?? '')
  .split(',')
  .filter((v) => v.trim() !== '')
  .map(Number);

function write(report: ChaosReport, finished: boolean): void {
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, JSON.stringify({ ...report, finished }, null, 2));
}

it(`chaos: ${visits} simulated visits, seed ${seed}`, async () => {
  const report = await runChaos({
    visits,
    seed,
    logVisits,
    progress: (done, partial) => {
      if (done % 250 !== 0 || done === visits) return;
      process.stderr.write(`chaos: ${done}/${visits} visits\n`);
      write(partial(), false);
    },
  });
  write(report, true);
  expect(report.counts).toEqual(NO_FINDINGS);
});
