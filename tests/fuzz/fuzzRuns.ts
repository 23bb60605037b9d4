import fc from 'fast-check';
import { TestRunner } from 'vitest';

/** What scripts/fuzz.mjs reads back from the JSON report: the properties a test checked and their runs. */
interface FuzzMeta {
  fuzzProperties?: number;
  fuzzRuns?: number[];
  fuzzNotes?: string[];
}

/**
 * How many random inputs a property gets: FUZZ_RUNS, 100 when unset (the quick run inside
 * `npm test`); `npm run fuzz` sets 10,000. Use it as `fc.assert(property, { numRuns: fuzzRuns() })`.
 * A property whose every run is costly may take a share of them (`fuzzRuns(1 / 10)`); the count
 * is noted on the running test so that the fuzz table shows what really ran.
 */
export function fuzzRuns(share = 1): number {
  const raw = process.env.FUZZ_RUNS;
  const all = raw === undefined || raw === '' ? 100 : Number(raw);
  if (!Number.isInteger(all) || all < 1) {
    throw new Error(`FUZZ_RUNS takes a whole number of runs ≥ 1, got ${JSON.stringify(raw)}`);
  }
  const runs = Math.max(1, Math.ceil(all * share));
  const test = TestRunner.getCurrentTest();
  if (test) {
    const meta = test.meta as FuzzMeta;
    Object.assign(test.meta, {
      fuzzProperties: (meta.fuzzProperties ?? 0) + 1,
      fuzzRuns: [...(meta.fuzzRuns ?? []), runs],
    } satisfies FuzzMeta);
  }
  return runs;
}

/** A line for the fuzz table's notes about the running test (what the random runs reached). */
export function noteForReport(note: string): void {
  const test = TestRunner.getCurrentTest();
  if (!test) return;
  const meta = test.meta as FuzzMeta;
  Object.assign(test.meta, { fuzzNotes: [...(meta.fuzzNotes ?? []), note] } satisfies FuzzMeta);
}

// A failing property prints its seed, counterexample and error (the JSON report keeps only the
// message, not the cause); FUZZ_SEED=<seed> (npm run fuzz -- --seed <seed>) replays it.
const seed = process.env.FUZZ_SEED;
if (seed !== undefined && seed !== '' && !Number.isInteger(Number(seed))) {
  throw new Error(
    `FUZZ_SEED takes the integer seed a failure printed, got ${JSON.stringify(seed)}`,
  );
}
fc.configureGlobal({
  includeErrorInReport: true,
  ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
});
