// The hall server's rows (issue 15): tickets per second and p99 at 50 kiosks over HTTP against
// the real server process, beside raw SQLite running the same allocation statements; the same at
// offered loads; call → display latency over the event stream; SQLite, and PostgreSQL when one
// can be had. The measuring is TypeScript (bench/hall/run.ts, run with tsx in a process of its
// own); this module runs it and hands its rows to scripts/bench.mjs. No browser, no kiosk build.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './common.mjs';

/** @param {import('./common.mjs').BenchContext} ctx */
export async function run(ctx) {
  const dir = mkdtempSync(join(tmpdir(), 'hall-bench-rows-'));
  const out = join(dir, 'rows.json');
  try {
    const args = ['--import', 'tsx', 'bench/hall/run.ts', '--out', out];
    if (ctx.quick) args.push('--quick');
    const code = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.once('error', reject);
      child.once('exit', (status, signal) => resolve(status ?? signal));
    });
    /** @type {import('./common.mjs').BenchRow[]} */
    let rows = [];
    try {
      rows = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      // it wrote nothing
    }
    if (code !== 0) {
      const error = new Error(`bench/hall/run.ts ended with ${code} (its output is above)`);
      Object.assign(error, { rows });
      throw error;
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
