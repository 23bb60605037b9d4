/**
 * Group commit: transactions that arrive while one is running wait in a queue (one per lane), and
 * are then run together, one after the other, in one database transaction. Each keeps its own
 * all-or-nothing (when one throws, the batch is rolled back, that one fails alone and the rest
 * run again without it), and none is answered before the shared COMMIT is durable, so an acknowledged write survives a
 * crash just as with one COMMIT each. What it saves is the flush to disk: 50 kiosks waiting on
 * one hall pay for one fsync per batch rather than one each (a commit of one hall cannot
 * overlap another anyway: its event ids are given out in commit order).
 *
 * A race the database reports (a deadlock, a serialization failure, a unique key another
 * connection committed first) rolls the whole batch back and runs it again, a few times.
 */
import type { SqlTx } from './sqlDriver';

/** One connection, with its statements and the transaction control statements. */
export interface SqlSession {
  readonly tx: SqlTx;
  exec(sql: string): Promise<void>;
}

interface Job {
  work: (tx: SqlTx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface CommitQueueOptions {
  /** BEGIN, or BEGIN IMMEDIATE for SQLite (take the write lock at once). */
  begin: string;
  /** A connection for one batch, given back (broken: do not reuse) after it. */
  connect(): Promise<{ session: SqlSession; release(broken: boolean): void }>;
  isRetryable(error: unknown): boolean;
  /** Transactions in one batch at most. */
  maxBatch?: number;
  /** Runs of a batch that lost a race, at most. */
  attempts?: number;
}

export class CommitQueue {
  readonly #options: Required<CommitQueueOptions>;
  readonly #lanes = new Map<string, Job[]>();

  constructor(options: CommitQueueOptions) {
    this.#options = { maxBatch: 64, attempts: 5, ...options };
  }

  /** Runs `work` in the lane's next batch; resolves once its batch has committed. */
  run<T>(lane: string, work: (tx: SqlTx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { work, resolve: resolve as (value: unknown) => void, reject };
      const waiting = this.#lanes.get(lane);
      if (waiting) {
        waiting.push(job);
        return;
      }
      this.#lanes.set(lane, [job]);
      void this.#drain(lane);
    });
  }

  /** Idle once every lane has drained. */
  async idle(): Promise<void> {
    while (this.#lanes.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  async #drain(lane: string): Promise<void> {
    const queue = this.#lanes.get(lane);
    if (!queue) return;
    // Let every transaction asked for in this turn of the event loop join the first batch: the
    // requests whose bytes arrived together reach here one I/O callback after another, and with
    // SQLite (whose statements answer at once) a batch started sooner would run and commit
    // before the next callback, one ticket and one fsync at a time.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const batch = queue.splice(0, this.#options.maxBatch);
      await this.#runBatch(batch);
    }
    this.#lanes.delete(lane);
  }

  async #runBatch(jobs: Job[]): Promise<void> {
    let batch = jobs;
    for (let attempt = 1; batch.length > 0; attempt += 1) {
      let connection: Awaited<ReturnType<CommitQueueOptions['connect']>>;
      try {
        connection = await this.#options.connect();
      } catch (error) {
        for (const job of batch) job.reject(error);
        return;
      }
      const { session } = connection;
      const values: unknown[] = [];
      let failed: Job | null = null;
      try {
        await session.exec(this.#options.begin);
        for (const job of batch) {
          failed = job;
          values.push(await job.work(session.tx));
        }
        failed = null;
        await session.exec('COMMIT');
      } catch (error) {
        let broken = false;
        await session.exec('ROLLBACK').catch(() => (broken = true));
        connection.release(broken);
        if (this.#options.isRetryable(error)) {
          if (attempt < this.#options.attempts) {
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
            continue;
          }
          for (const job of batch) job.reject(error);
          return;
        }
        // A transaction that threw fails alone; the others run again without it. A batch that
        // could not commit fails every transaction in it: none was answered, none is kept.
        if (failed) {
          failed.reject(error);
          batch = batch.filter((job) => job !== failed);
          continue;
        }
        for (const job of batch) job.reject(error);
        return;
      }
      connection.release(false);
      batch.forEach((job, i) => job.resolve(values[i]));
      return;
    }
  }
}
