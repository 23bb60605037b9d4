/**
 * Once per Vitest run: a directory where the first test that needs PostgreSQL starts a throw-away
 * cluster (tests/hall/postgres.ts), and which the teardown stops and removes. Nothing is started
 * here, so a run without hall tests pays nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopCluster } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's throw-away PostgreSQL cluster lives once a test has started it. */
    hallPostgresRun: string;
  }
}

export default function setup(project: TestProject): () => void {
  const run = mkdtempSync(join(tmpdir(), 'hall-pg-run-'));
  project.provide('hallPostgresRun', run);
  return () => {
    stopCluster(run);
    rmSync(run, { recursive: true, force: true });
  };
}
