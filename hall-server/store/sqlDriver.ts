/**
 * The little the hall store needs of a SQL database, so one `SqlHallStore` holds every rule for
 * both SQLite and PostgreSQL. Statements are written once with `?` placeholders (the PostgreSQL
 * driver numbers them $1, $2 …); where the dialects differ the store asks `dialect`.
 */
export type SqlDialect = 'sqlite' | 'postgres';

/** What a statement takes: text, whole numbers and null (booleans are 0/1, JSON is text). */
export type SqlValue = string | number | null;

/** One transaction's statements. Each resolves once the database has answered. */
export interface SqlTx {
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  get<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  /** A statement without rows; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface TransactionOptions {
  /** Only reads (PostgreSQL runs it READ ONLY, on any free connection). */
  readOnly?: boolean;
  /**
   * Writes of one lane (the store passes the hall) that queue while the lane is busy commit
   * together, each in its own savepoint (commitQueue.ts); lanes run side by side.
   */
  lane?: string;
}

export interface SqlDriver {
  readonly dialect: SqlDialect;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws; it
   * resolves only once its commit is durable. A transaction that lost a race (a deadlock, a
   * serialization failure, a unique key another connection committed first) is run again, so
   * `work` must do nothing outside the database that cannot be done twice.
   */
  transaction<T>(work: (tx: SqlTx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Calls `onNotify` with each notification's payload on `channel` (PostgreSQL LISTEN), from
   * whichever process committed it; resolves to a function that stops listening. Absent where
   * one process owns the database (SQLite).
   */
  listen?(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** `?, ?, ?` for an IN list of `count` values (at least one). */
export function placeholders(count: number): string {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`An IN list needs at least one value, not ${count}: check the list first`);
  return Array.from({ length: count }, () => '?').join(', ');
}
