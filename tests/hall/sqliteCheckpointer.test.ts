import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCheckpointer } from '../../hall-server/store/sqliteCheckpointer';

/** A WAL database with synchronous=FULL, as the hall store opens it, and one table. */
function open(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  return db;
}

const autocheckpoint = (db: Database.Database) => db.pragma('wal_autocheckpoint', { simple: true });
const walBytes = (file: string) => statSync(`${file}-wal`).size;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('WAL checkpoints in a worker thread (hall-server/store/sqliteCheckpointer.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-checkpoint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('turns the writer’s own checkpoints off and keeps the log from growing while it writes', async () => {
    const file = join(dir, 'hall.sqlite3');
    const db = open(file);
    expect(autocheckpoint(db)).toBe(1000);
    const checkpointer = startCheckpointer(db, file, 20);
    await until(() => autocheckpoint(db) === 0, 'the writer’s automatic checkpoint to be off');
    const insert = db.prepare('INSERT INTO rows (text) VALUES (?)');
    const page = 'x'.repeat(3000);
    // 3,150 rows of almost a page each: without checkpoints the log would pass 3,000 pages
    // (12 MB), with the writer's own it would reach 1,000 (4 MB) before each; the worker's, every
    // 20 ms, let the writer start it again from its beginning after each burst.
    for (let i = 0; i < 30; i++) {
      db.transaction(() => {
        for (let j = 0; j < 100; j++) insert.run(page);
      })();
      for (let j = 0; j < 5; j++) db.transaction(() => insert.run(page))();
      await sleep(25);
    }
    expect(walBytes(file)).toBeLessThan(1024 * 1024);
    await checkpointer.stop();
    // The writer checkpoints itself again once the worker has gone.
    expect(autocheckpoint(db)).toBe(1000);
    db.close();
    const again = open(file);
    expect(again.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 30 * 105 });
    again.close();
  });

  it('gives the checkpoints back to the writer, and says so, when the worker fails', async () => {
    const file = join(dir, 'hall.sqlite3');
    const db = open(file);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // The worker opens the file with fileMustExist: a file that is not there makes it fail.
      const checkpointer = startCheckpointer(db, join(dir, 'missing.sqlite3'), 20);
      await until(() => errors.mock.calls.length > 0, 'the failure to be logged');
      expect(String(errors.mock.calls[0]?.[0])).toMatch(/background checkpoints stopped/);
      expect(autocheckpoint(db)).toBe(1000);
      await checkpointer.stop();
    } finally {
      errors.mockRestore();
      db.close();
    }
  });
});
