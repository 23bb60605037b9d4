/**
 * A real PostgreSQL for the hall tests. With `HALL_TEST_DATABASE_URL` set, that server is used
 * (its user needs CREATEDB: each test file gets a database of its own). Otherwise the first test
 * file that asks starts a throw-away cluster for the whole Vitest run: initdb into a temporary
 * directory (as the `postgres` user when run as root; initdb refuses root), pg_ctl start on a
 * free port with its socket in that directory; tests/hall/globalSetup.ts stops and removes it at
 * the end. Without PostgreSQL installed the PostgreSQL half fails loudly in CI and is skipped,
 * with a message naming the package, elsewhere.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './freePort';

export const POSTGRES_INSTALL = 'apt-get install -y postgresql';

/** The newest installed PostgreSQL's bin directory (Debian's layout), if any. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Runs a PostgreSQL tool, as `postgres` when we are root. */
/** Runs one of PostgreSQL's tools, as the `postgres` user when run as root (initdb refuses root). */
export function asPostgres(bin: string, tool: string, args: string[]): string {
  const command = join(bin, tool);
  const root = process.getuid?.() === 0;
  return execFileSync(
    root ? 'runuser' : command,
    root ? ['-u', 'postgres', '--', command, ...args] : args,
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

export interface Cluster {
  port: number;
  socket: string;
}

const urlOf = (cluster: Cluster, database: string) =>
  `postgresql://postgres@localhost/${database}?host=${encodeURIComponent(cluster.socket)}&port=${cluster.port}`;

/**
 * A throw-away cluster in `run` (data and socket there, owned by `postgres` when run as root), on
 * a free port, no TCP listener; the bench's cluster (bench/hall/postgres.ts) is started the same way.
 */
export async function startCluster(run: string, bin: string): Promise<Cluster> {
  chmodSync(run, 0o755);
  const data = join(run, 'data');
  const socket = join(run, 'socket');
  mkdirSync(data, { mode: 0o700 });
  mkdirSync(socket);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(data, uid, gid);
    chownSync(socket, uid, gid);
  }
  asPostgres(bin, 'initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-locale',
    // A throw-away cluster: initdb need not wait for its files to reach the disk.
    '--no-sync',
  ]);
  const port = await freePort();
  asPostgres(bin, 'pg_ctl', [
    '-D',
    data,
    '-l',
    join(data, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${socket} -c listen_addresses='' -c max_connections=200`,
    'start',
  ]);
  return { port, socket };
}

/** Stops a run's cluster, if one was started (the global teardown calls this). */
export function stopCluster(run: string): void {
  const bin = postgresBin();
  const data = join(run, 'data');
  if (!bin || !existsSync(join(run, 'ready.json'))) return;
  try {
    asPostgres(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  } catch (error) {
    console.error('Could not stop the test PostgreSQL cluster', error);
  }
}

/** This run's cluster: started by the first caller of any test process, waited for by the rest. */
async function runCluster(run: string, bin: string): Promise<Cluster> {
  const ready = join(run, 'ready.json');
  const failed = join(run, 'failed.txt');
  let starter = false;
  try {
    mkdirSync(join(run, 'lock'));
    starter = true;
  } catch {
    // Another test file is starting it.
  }
  if (starter) {
    try {
      const cluster = await startCluster(run, bin);
      writeFileSync(ready, JSON.stringify(cluster));
      return cluster;
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
  }
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8')) as Cluster;
    if (existsSync(failed))
      throw new Error(
        `The test PostgreSQL cluster failed to start: ${readFileSync(failed, 'utf8')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The test PostgreSQL cluster did not start within 60 s (${run})`);
}

/** Where the run keeps its cluster: from the global setup, or this process's own. */
async function runDirectory(): Promise<string> {
  const { inject } = await import('vitest');
  const provided = inject('hallPostgresRun') as string | undefined;
  if (provided) return provided;
  const own = mkdtempSync(join(tmpdir(), 'hall-pg-run-'));
  process.once('exit', () => {
    stopCluster(own);
    rmSync(own, { recursive: true, force: true });
  });
  return own;
}

export type PostgresAvailability =
  { ok: true; adminUrl: string; urlFor: (database: string) => string } | { ok: false; why: string };

let availability: Promise<PostgresAvailability> | null = null;

/**
 * Whether the PostgreSQL half can run. In CI a missing PostgreSQL is an error, not a skip: the
 * acceptance asks for tests against a real one.
 */
export function postgresForTests(): Promise<PostgresAvailability> {
  availability ??= (async (): Promise<PostgresAvailability> => {
    const given = process.env.HALL_TEST_DATABASE_URL;
    if (given) {
      const urlFor = (database: string) => {
        const url = new URL(given);
        url.pathname = `/${database}`;
        return url.toString();
      };
      return { ok: true, adminUrl: given, urlFor };
    }
    const bin = postgresBin();
    if (!bin) {
      const why = `PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the PostgreSQL half of the hall store tests is skipped. Install it with \`${POSTGRES_INSTALL}\`, or set HALL_TEST_DATABASE_URL.`;
      if (process.env.CI) throw new Error(`In CI the hall tests need PostgreSQL. ${why}`);
      return { ok: false, why };
    }
    const cluster = await runCluster(await runDirectory(), bin);
    return { ok: true, adminUrl: urlOf(cluster, 'postgres'), urlFor: (db) => urlOf(cluster, db) };
  })();
  return availability;
}

let databases = 0;

/** A new, empty database on the test server; its URL. */
export async function freshDatabase(
  server: Extract<PostgresAvailability, { ok: true }>,
): Promise<string> {
  databases += 1;
  const name = `hall_test_${process.pid}_${databases}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return server.urlFor(name);
}

/** Drops a database made by freshDatabase (a server given by URL is kept clean). */
export async function dropDatabase(
  server: Extract<PostgresAvailability, { ok: true }>,
  url: string,
): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^hall_test_[a-z0-9_]+$/.test(name)) throw new Error(`Not a test database: ${name}`);
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
