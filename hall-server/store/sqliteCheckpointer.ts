import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * WAL checkpoints off the request path. By default SQLite checkpoints inside the COMMIT that
 * takes the write-ahead log past 1,000 pages: that COMMIT copies the pages into the database file
 * and waits for its fsync, 10–30 ms on the bench's disk, with the server's event loop stopped
 * (better-sqlite3 is synchronous) — every request in flight waits, once a second at 100 tickets a
 * second. Here a worker thread with its own connection runs a PASSIVE checkpoint every
 * `intervalMs` (it never waits for, nor blocks, the writer; the writer starts the log again from
 * its beginning once all of it is in the database file), and the writer's automatic checkpoint is
 * turned off while the worker runs. Durability is unchanged: a commit is durable when its frames
 * are synced to the log (synchronous=FULL), whoever copies them on later.
 *
 * Should the worker fail, the writer's automatic checkpoint is turned back on (and the failure
 * logged), so the log cannot grow without end.
 */
export interface Checkpointer {
  /** Stops the worker (its last checkpoint done); the writer checkpoints itself again. */
  stop(): Promise<void>;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
parentPort.postMessage('ready');
`;

const AUTOCHECKPOINT_PAGES = 1000;

export function startCheckpointer(
  db: Database.Database,
  file: string,
  intervalMs = 200,
): Checkpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      module: createRequire(import.meta.url).resolve('better-sqlite3'),
      file,
      intervalMs,
    },
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fallBack = (why: string) => {
    if (!db.open) return;
    db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    if (!stopping)
      console.error(
        `hall store: background checkpoints stopped (${why}); the writer checkpoints again`,
      );
  };
  worker.on('message', (message) => {
    if (message === 'ready' && !stopping && db.open) db.pragma('wal_autocheckpoint = 0');
  });
  worker.on('error', (error) => fallBack(error.message));
  worker.on('exit', (code) => fallBack(`exit ${code}`));
  // The worker must not keep a process alive that has nothing else to do.
  worker.unref();
  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
