/**
 * A PostgreSQL for the bench's hall rows: HALL_BENCH_DATABASE_URL (or HALL_TEST_DATABASE_URL) when
 * set — its user needs CREATEDB, the bench makes and drops a database of its own — or else a
 * throw-away cluster started as tests/hall/postgres.ts does (initdb into a temporary directory as
 * the `postgres` user when run as root, pg_ctl on a free port with its socket there), stopped and
 * removed by `stop()`. Unlike the tests' cluster, this one keeps fsync on (PostgreSQL's default):
 * the figures are those of a real installation's commits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { asPostgres, postgresBin, startCluster } from '../../tests/hall/postgres';

export type BenchPostgres =
  { ok: true; url: string; how: string; stop: () => Promise<void> } | { ok: false; why: string };

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function benchPostgres(): Promise<BenchPostgres> {
  const given = process.env.HALL_BENCH_DATABASE_URL || process.env.HALL_TEST_DATABASE_URL;
  const name = `hall_bench_${process.pid}`;
  if (given) {
    const url = new URL(given);
    url.pathname = `/${name}`;
    await withAdmin(given, (c) => c.query(`CREATE DATABASE ${name}`));
    return {
      ok: true,
      url: url.toString(),
      how: 'the server of HALL_BENCH_DATABASE_URL / HALL_TEST_DATABASE_URL',
      stop: () =>
        withAdmin(given, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
          () => undefined,
        ),
    };
  }
  const bin = postgresBin();
  if (!bin)
    return {
      ok: false,
      why: 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; apt-get install -y postgresql), and HALL_BENCH_DATABASE_URL is not set',
    };
  const run = mkdtempSync(join(tmpdir(), 'hall-bench-pg-'));
  const data = join(run, 'data');
  const removeRun = () => rmSync(run, { recursive: true, force: true });
  try {
    const { port, socket } = await startCluster(run, bin);
    const admin = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socket)}&port=${port}`;
    await withAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
    const stop = async () => {
      try {
        asPostgres(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        removeRun();
      }
    };
    return {
      ok: true,
      url: `postgresql://postgres@localhost/${name}?host=${encodeURIComponent(socket)}&port=${port}`,
      how: `a throw-away PostgreSQL ${bin.split('/').at(-2)} cluster (fsync on, Unix socket)`,
      stop,
    };
  } catch (error) {
    try {
      asPostgres(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // it never started
    }
    removeRun();
    return {
      ok: false,
      why: `the throw-away PostgreSQL cluster did not start: ${String(error).split('\n')[0]}`,
    };
  }
}
