import { join } from 'node:path';
import type { HallStore } from './hallStore';
import { PostgresDriver } from './postgresDriver';
import { SqlHallStore } from './sqlHallStore';
import { SqliteDriver } from './sqliteDriver';

export interface OpenHallStoreOptions {
  /** PostgreSQL when set (DATABASE_URL). */
  databaseUrl?: string | undefined;
  /** Where SQLite keeps hall.sqlite3 otherwise (HALL_DATA, default ./hall-data). */
  dataDir?: string | undefined;
  /** PostgreSQL connections (default 10). */
  poolSize?: number;
}

/** The hall store the environment asks for, migrated and ready. */
export async function openHallStore(options: OpenHallStoreOptions = {}): Promise<HallStore> {
  const driver = options.databaseUrl
    ? new PostgresDriver({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
    : new SqliteDriver(join(options.dataDir ?? './hall-data', 'hall.sqlite3'));
  const store = new SqlHallStore(driver);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
