/**
 * The two databases every hall store test runs against, with the same test bodies: SQLite in a
 * temporary directory and PostgreSQL (tests/hall/postgres.ts). Each test file opens one store per
 * database; each test makes a hall of its own in it (every row is keyed by its hall).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parseKioskConfig } from '../../domain';
import {
  DEMO_CONFIG_FILE,
  PostgresDriver,
  SqlHallStore,
  SqliteDriver,
  hallConfigOf,
  type HallConfig,
  type SqlDriver,
} from '../../hall-server/store';
import { dropDatabase, freshDatabase, postgresForTests } from './postgres';

const postgres = await postgresForTests();
if (!postgres.ok) console.warn(`\n⚠ ${postgres.why}\n`);

export interface OpenOptions {
  /** PostgreSQL connections per store (default 10). */
  poolSize?: number;
  /** Stores on the one database, as several hall servers would be (default 1). */
  servers?: number;
}

export interface Opened {
  /** The first (or only) store. */
  store: SqlHallStore;
  stores: SqlHallStore[];
  close(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Why it cannot run here (the PostgreSQL half without PostgreSQL, outside CI). */
  skip: string | null;
  /** A new empty database, migrated, with `servers` stores on it. */
  open(options?: OpenOptions): Promise<Opened>;
}

async function openOn(
  count: number,
  driver: () => SqlDriver,
  cleanup: () => Promise<void>,
): Promise<Opened> {
  const stores: SqlHallStore[] = [];
  for (let i = 0; i < count; i += 1) {
    const store = new SqlHallStore(driver());
    stores.push(store);
    await store.migrate();
  }
  const [store] = stores;
  if (!store) throw new Error('open at least one store');
  return {
    store,
    stores,
    async close() {
      await Promise.all(stores.map((s) => s.close()));
      await cleanup();
    },
  };
}

export const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    skip: null,
    open(options) {
      const dir = mkdtempSync(join(tmpdir(), 'hall-sqlite-'));
      return openOn(
        options?.servers ?? 1,
        () => new SqliteDriver(join(dir, 'hall.sqlite3')),
        async () => rmSync(dir, { recursive: true, force: true }),
      );
    },
  },
  {
    name: 'postgres',
    skip: postgres.ok ? null : postgres.why,
    async open(options) {
      if (!postgres.ok) throw new Error(postgres.why);
      const url = await freshDatabase(postgres);
      return openOn(
        options?.servers ?? 1,
        () => new PostgresDriver({ connectionString: url, max: options?.poolSize ?? 10 }),
        () => dropDatabase(postgres, url),
      );
    },
  },
];

/**
 * One store of the backend for the enclosing describe, opened before its tests and closed
 * after; `current()` gives it inside a test.
 */
export function useStore(backend: Backend, options?: OpenOptions): () => SqlHallStore {
  let opened: Opened | null = null;
  beforeAll(async () => {
    opened = await backend.open(options);
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
  });
  return () => {
    if (!opened) throw new Error('The store is opened in beforeAll: use it inside a test');
    return opened.store;
  };
}

/** The demo hall's configuration (public/kiosk.config.json), with a test's changes. */
export function demoHallConfig(change: (config: HallConfig) => HallConfig = (c) => c): HallConfig {
  const parsed = parseKioskConfig(JSON.parse(readFileSync(DEMO_CONFIG_FILE, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return change(hallConfigOf(parsed.config));
}

let halls = 0;
/** A hall id no other test of the file uses. */
export function newHallId(): string {
  halls += 1;
  return `hall-${halls}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A moment by the hall's clock (Asia/Shanghai, UTC+8): `at('2026-12-07', '09:00')`. */
export function at(date: string, time: string): Date {
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

/**
 * `describe` once per backend (`$name` in the title names it). A backend that cannot run here
 * (PostgreSQL missing outside CI) shows as one skipped test saying why, not as silence.
 */
export function describeOnBackends(title: string, body: (backend: Backend) => void): void {
  describe.each(BACKENDS)(title, (backend) => {
    if (backend.skip) {
      it.skip(`skipped: ${backend.skip}`, () => undefined);
      return;
    }
    body(backend);
  });
}
