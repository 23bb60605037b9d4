import pg from 'pg';
import { CommitQueue, type SqlSession } from './commitQueue';
import type { SqlDriver, SqlTx, SqlValue, TransactionOptions } from './sqlDriver';

/** serialization_failure, deadlock_detected, unique_violation: a race another try resolves. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/**
 * PostgreSQL through a `pg` Pool. A transaction takes a connection, BEGIN … COMMIT, and is run
 * again whole (a few times) when it lost a race: a serialization failure, a deadlock, or a
 * unique key another transaction committed first (two requests with the same requestId on two
 * servers). Writes given a lane (the store gives each hall its own) that arrive while the lane
 * is busy commit together (commitQueue.ts); other lanes run at the same time on other
 * connections. Statements are named prepared statements, parsed once per connection.
 */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly #pool: pg.Pool;
  /** `?` SQL → its numbered text and a statement name. */
  readonly #statements = new Map<string, { name: string; text: string }>();
  readonly #writes: CommitQueue;
  readonly #reads: CommitQueue;
  /** Lanes of one transaction each, for work that needs no grouping. */
  #solo = 0;

  readonly #connectionString: string;
  /** Stops the LISTEN connections, at close. */
  readonly #listeners = new Set<() => Promise<void>>();

  constructor(options: { connectionString: string; max?: number }) {
    this.#connectionString = options.connectionString;
    this.#pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
    });
    // A connection the server drops while idle is replaced; the error must not end the process.
    this.#pool.on('error', (error) =>
      console.error('PostgreSQL: an idle connection failed', error),
    );
    const connect = async () => {
      const client = await this.#pool.connect();
      return {
        session: this.#session(client),
        release: (broken: boolean) => client.release(broken),
      };
    };
    this.#writes = new CommitQueue({ begin: 'BEGIN', connect, isRetryable });
    this.#reads = new CommitQueue({ begin: 'BEGIN READ ONLY', connect, isRetryable });
  }

  #statement(sql: string): { name: string; text: string } {
    let statement = this.#statements.get(sql);
    if (!statement) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      statement = { name: `hall${this.#statements.size + 1}`, text };
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #session(client: pg.PoolClient): SqlSession {
    const query = <Row>(sql: string, params: readonly SqlValue[] = []) => {
      const { name, text } = this.#statement(sql);
      return client.query<Row & pg.QueryResultRow>({ name, text, values: [...params] });
    };
    const tx: SqlTx = {
      all: async <Row>(sql: string, params?: readonly SqlValue[]) =>
        (await query<Row>(sql, params)).rows,
      get: async <Row>(sql: string, params?: readonly SqlValue[]) =>
        (await query<Row>(sql, params)).rows[0],
      run: async (sql: string, params?: readonly SqlValue[]) =>
        (await query(sql, params)).rowCount ?? 0,
    };
    return { tx, exec: async (sql) => void (await client.query(sql)) };
  }

  transaction<T>(work: (tx: SqlTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (options.readOnly) return this.#reads.run(`read-${++this.#solo}`, work);
    return this.#writes.run(options.lane ?? `solo-${++this.#solo}`, work);
  }

  /**
   * LISTEN on a connection of its own (outside the pool: a pooled one would be handed to
   * transactions). A dropped connection is replaced after a second; what was notified meanwhile
   * is found by the event stream's poll, which reads by id.
   */
  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let client: pg.Client | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      const next = new pg.Client({ connectionString: this.#connectionString });
      next.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      const again = () => {
        if (stopped || client !== next) return;
        client = null;
        next.end().catch(() => undefined);
        retry = setTimeout(() => void connect().catch(() => undefined), 1000);
        retry.unref();
      };
      next.on('error', (error) => {
        console.error(`PostgreSQL: the LISTEN ${channel} connection failed`, error);
        again();
      });
      next.on('end', again);
      client = next;
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    };
    await connect();
    this.#listeners.add(async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    });
    return async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.#listeners].map((stop) => stop()));
    await Promise.all([this.#writes.idle(), this.#reads.idle()]);
    await this.#pool.end();
  }
}
