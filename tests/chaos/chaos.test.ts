import { expect, it } from 'vitest';
import { EXTRA_FAULTS, REQUIRED_FAULTS } from './faults';
import { NO_FINDINGS, runChaos, type ChaosReport } from './runChaos';

// The quick chaos run for `npm test`: some sixty citizens at one kiosk, every fault kind, on
// simulated time. `npm run chaos` runs the long one (scripts/chaos.mjs).
const seed = process.env['CHAOS_QUICK_SEED'] ?? '20261123';
const visits = 60;

function explain(report: ChaosReport): string {
  const lines = report.findings.map(
    (f) =>
      `- ${f.kind} (visit ${f.visit}): ${f.detail}${f.log ? `\n    ${f.log.join('\n    ')}` : ''}`,
  );
  return `chaos run, seed ${report.seed} (replay: CHAOS_QUICK_SEED=${report.seed}):\n${lines.join('\n')}`;
}

it(`${visits} simulated visits with faults, reloads and walk-aways leave no finding (seed ${seed})`, async () => {
  const report = await runChaos({ visits, seed });
  for (const kind of [...REQUIRED_FAULTS, ...EXTRA_FAULTS])
    expect
      .soft(report.faultsInjected[kind] ?? 0, `visits with ${kind}`)
      .toBeGreaterThanOrEqual(Math.ceil(visits * 0.05));
  expect(report.counts, explain(report)).toEqual(NO_FINDINGS);
}, 120_000);
