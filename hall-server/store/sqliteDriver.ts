import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CommitQueue, type SqlSession } from './commitQueue';
import { startCheckpointer, type Checkpointer } from './sqliteCheckpointer';
import type { SqlDriver, SqlTx, SqlValue } from './sqlDriver';

/**
 * Embedded SQLite through better-sqlite3: WAL with synchronous=FULL, so a ticket acknowledged
 * after COMMIT survives `kill -9` and a power cut. better-sqlite3 is synchronous and has one
 * connection, while a transaction's work is async (it awaits each statement): transactions
 * therefore queue behind one another in-process and never interleave, and those that queued
 * while one ran commit together (commitQueue.ts). Each batch begins IMMEDIATE, taking the file's
 * write lock at once; another process on the same file waits up to busy_timeout, then retries.
 * WAL checkpoints run in a worker thread (sqliteCheckpointer.ts), not inside a request's COMMIT.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #queue: CommitQueue;
  readonly #checkpointer: Checkpointer | null;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('busy_timeout = 5000');
    this.#db.pragma('foreign_keys = ON');
    this.#checkpointer = file === ':memory:' ? null : startCheckpointer(this.#db, file);
    const statement = (sql: string) => this.#statement(sql);
    const tx: SqlTx = {
      all: <Row>(sql: string, params: readonly SqlValue[] = []) =>
        Promise.resolve(statement(sql).all(...params) as Row[]),
      get: <Row>(sql: string, params: readonly SqlValue[] = []) =>
        Promise.resolve(statement(sql).get(...params) as Row | undefined),
      run: (sql: string, params: readonly SqlValue[] = []) =>
        Promise.resolve(statement(sql).run(...params).changes),
    };
    const session: SqlSession = {
      tx,
      // async, so a failing statement rejects rather than throws.
      exec: async (sql) => {
        this.#db.exec(sql);
      },
    };
    this.#queue = new CommitQueue({
      begin: 'BEGIN IMMEDIATE',
      connect: () => Promise.resolve({ session, release: () => {} }),
      isRetryable: (error) => /^SQLITE_BUSY/.test(String((error as { code?: unknown }).code)),
    });
  }

  #statement(sql: string): Database.Statement {
    let prepared = this.#statements.get(sql);
    if (!prepared) {
      prepared = this.#db.prepare(sql);
      this.#statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Every transaction takes the one connection's queue, whatever its lane. */
  transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.#queue.run('sqlite', work);
  }

  async close(): Promise<void> {
    await this.#queue.idle();
    await this.#checkpointer?.stop();
    this.#db.close();
  }
}
