import type { DBSchema, IDBPDatabase } from 'idb';
import { openStore } from '../shared/openStore';
import type {
  BeginResult,
  PrintJob,
  PrintJobRequest,
  PrintJobState,
  PrintJournal,
} from '../../domain';
import { PRINT_JOURNAL_DATABASE } from './database';

interface JournalDb extends DBSchema {
  jobs: {
    key: string;
    value: PrintJob;
    indexes: { byState: PrintJobState; byCreditCode: string };
  };
}

/**
 * The print journal in this browser's IndexedDB. Every change is its own read-write transaction,
 * committed before the promise resolves, so the state on disk is never behind what the kiosk did:
 * a job is 'sent' on disk before the printer hears of it.
 */
export class IndexedDbPrintJournal implements PrintJournal {
  readonly #db: Promise<IDBPDatabase<JournalDb>>;

  constructor(options: { databaseName?: string } = {}) {
    this.#db = openStore<JournalDb>(options.databaseName ?? PRINT_JOURNAL_DATABASE, 1, {
      upgrade(db) {
        const jobs = db.createObjectStore('jobs', { keyPath: 'key' });
        jobs.createIndex('byState', 'state');
        jobs.createIndex('byCreditCode', 'creditCode');
      },
    });
  }

  async begin(request: PrintJobRequest, now: Date): Promise<BeginResult> {
    const db = await this.#db;
    const tx = db.transaction('jobs', 'readwrite');
    const existing = await tx.store.get(request.key);
    if (existing && existing.state !== 'failed') {
      await tx.done;
      const reason =
        existing.state === 'needs-check'
          ? 'needs-check'
          : existing.state === 'pending'
            ? 'in-progress'
            : 'already-printed';
      return { ok: false, reason, job: existing };
    }
    const job: PrintJob = {
      ...request,
      state: 'pending',
      attempts: existing?.attempts ?? 0,
      createdAt: existing?.createdAt ?? now.toISOString(),
      sentAt: null,
      settledAt: null,
      note: existing?.note ?? null,
    };
    await tx.store.put(job);
    await tx.done;
    return { ok: true, job };
  }

  async #change(
    key: string,
    from: readonly PrintJobState[],
    change: (job: PrintJob) => PrintJob,
  ): Promise<PrintJob> {
    const db = await this.#db;
    const tx = db.transaction('jobs', 'readwrite');
    const job = await tx.store.get(key);
    if (!job) throw new Error(`no print job ${key}`);
    if (!from.includes(job.state))
      throw new Error(`print job ${key} is ${job.state}, not ${from.join(' or ')}`);
    const changed = change(job);
    await tx.store.put(changed);
    await tx.done;
    return changed;
  }

  async markSent(key: string, now: Date): Promise<void> {
    await this.#change(key, ['pending'], (job) => ({
      ...job,
      state: 'sent',
      attempts: job.attempts + 1,
      sentAt: now.toISOString(),
    }));
  }

  async confirm(key: string, now: Date): Promise<void> {
    await this.#change(key, ['sent'], (job) => ({
      ...job,
      state: 'confirmed',
      settledAt: now.toISOString(),
    }));
  }

  async fail(key: string, note: string, now: Date): Promise<void> {
    await this.#change(key, ['pending', 'sent'], (job) => ({
      ...job,
      state: 'failed',
      settledAt: now.toISOString(),
      note,
    }));
  }

  async needsCheck(key: string, note: string, now: Date): Promise<void> {
    await this.#change(key, ['pending', 'sent'], (job) => ({
      ...job,
      state: 'needs-check',
      settledAt: now.toISOString(),
      note,
    }));
  }

  async get(key: string): Promise<PrintJob | null> {
    return (await (await this.#db).get('jobs', key)) ?? null;
  }

  async unsettled(): Promise<PrintJob[]> {
    const db = await this.#db;
    const [pending, sent] = await Promise.all([
      db.getAllFromIndex('jobs', 'byState', 'pending'),
      db.getAllFromIndex('jobs', 'byState', 'sent'),
    ]);
    return [...pending, ...sent];
  }

  async historyOf(creditCode: string): Promise<PrintJob[]> {
    const jobs = await (await this.#db).getAllFromIndex('jobs', 'byCreditCode', creditCode);
    return jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async jobs(): Promise<PrintJob[]> {
    const jobs = await (await this.#db).getAll('jobs');
    return jobs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async settle(key: string, printed: boolean, note: string, now: Date): Promise<PrintJob> {
    // Only an uncertain job is staff's to decide: any other is still printing or already answered.
    return this.#change(key, ['needs-check'], (job) => ({
      ...job,
      state: printed ? 'confirmed' : 'failed',
      settledAt: now.toISOString(),
      note,
    }));
  }

  /** Closes the database (tests, and a reload in the chaos harness). */
  async close(): Promise<void> {
    (await this.#db).close();
  }
}
