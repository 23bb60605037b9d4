import { describe, expect, it } from 'vitest';
import { CommitQueue, type SqlSession } from '../../hall-server/store/commitQueue';
import type { SqlTx } from '../../hall-server/store/sqlDriver';

/**
 * A connection whose statements answer at once, as better-sqlite3's do, recording what runs.
 * `commitFails` makes the next COMMIT throw once (a disk error); `busy` the next N statements a
 * retryable error.
 */
function fakeSession() {
  const log: string[] = [];
  const state = { commitFails: false, busy: 0 };
  const tx: SqlTx = {
    all: () => Promise.resolve([]),
    get: () => Promise.resolve(undefined),
    run: (sql) => {
      if (state.busy > 0) {
        state.busy -= 1;
        return Promise.reject(
          Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
        );
      }
      log.push(sql);
      return Promise.resolve(1);
    },
  };
  const session: SqlSession = {
    tx,
    exec: async (sql) => {
      if (sql === 'COMMIT' && state.commitFails) {
        state.commitFails = false;
        throw new Error('disk I/O error');
      }
      log.push(sql);
    },
  };
  const queue = new CommitQueue({
    begin: 'BEGIN IMMEDIATE',
    connect: () => Promise.resolve({ session, release: () => {} }),
    isRetryable: (error) => (error as { code?: string }).code === 'SQLITE_BUSY',
  });
  return { log, state, queue };
}

const commits = (log: string[]) => log.filter((line) => line === 'COMMIT').length;

describe('CommitQueue (group commit, hall-server/store/commitQueue.ts)', () => {
  it('commits together the transactions asked for in one turn of the event loop, each in its own callback', async () => {
    const { log, queue } = fakeSession();
    // Twenty requests whose bytes arrived together: each reaches the queue from its own callback
    // (microtasks run between them), as twenty HTTP requests read in one poll do.
    const done = await Promise.all(
      Array.from(
        { length: 20 },
        (_, i) =>
          new Promise<number>((resolve, reject) =>
            setImmediate(() => {
              queue
                .run('hall', async (tx) => {
                  await tx.run(`INSERT ${i}`);
                  return i;
                })
                .then(resolve, reject);
            }),
          ),
      ),
    );
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(commits(log)).toBe(1);
    expect(log[0]).toBe('BEGIN IMMEDIATE');
    expect(log.filter((line) => line.startsWith('INSERT'))).toHaveLength(20);
  });

  it('answers nobody before the shared COMMIT, and everybody of a batch whose COMMIT failed with the error', async () => {
    const { log, state, queue } = fakeSession();
    state.commitFails = true;
    const answered: string[] = [];
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((name) =>
        queue.run('hall', async (tx) => {
          await tx.run(`INSERT ${name}`);
          answered.push(name);
          return name;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(log).toContain('ROLLBACK');
    expect(commits(log)).toBe(0);
    // The next batch commits as usual.
    await expect(queue.run('hall', async (tx) => tx.run('INSERT d'))).resolves.toBe(1);
    expect(commits(log)).toBe(1);
  });

  it('fails a transaction that throws alone; the others of its batch commit without it', async () => {
    const { log, queue } = fakeSession();
    const results = await Promise.allSettled(
      ['a', 'bad', 'c'].map((name) =>
        queue.run('hall', async (tx) => {
          if (name === 'bad') throw new Error('refused');
          await tx.run(`INSERT ${name}`);
          return name;
        }),
      ),
    );
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([
      'a',
      'failed',
      'c',
    ]);
    // Rolled back once with `bad` in it, then committed once without it.
    expect(log.filter((line) => line === 'ROLLBACK')).toHaveLength(1);
    expect(commits(log)).toBe(1);
    expect(log.slice(log.lastIndexOf('BEGIN IMMEDIATE'))).toEqual([
      'BEGIN IMMEDIATE',
      'INSERT a',
      'INSERT c',
      'COMMIT',
    ]);
  });

  it('runs a batch that lost a race again, and keeps lanes apart', async () => {
    const { log, state, queue } = fakeSession();
    state.busy = 2;
    await expect(queue.run('hall-1', async (tx) => tx.run('INSERT x'))).resolves.toBe(1);
    expect(log.filter((line) => line === 'ROLLBACK')).toHaveLength(2);
    expect(commits(log)).toBe(1);
    await Promise.all([
      queue.run('hall-1', async (tx) => tx.run('INSERT 1')),
      queue.run('hall-2', async (tx) => tx.run('INSERT 2')),
    ]);
    // One batch per lane.
    expect(commits(log)).toBe(3);
  });
});
