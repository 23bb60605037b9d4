/**
 * The print journal: every document the kiosk prints is a job with an idempotency key, written
 * before anything reaches the printer, so that a crash can never make the kiosk print it again
 * without anyone deciding so.
 *
 *   pending ──sent──▶ sent ──▶ confirmed
 *      │                 └──▶ failed (the printer refused it: nothing came out; may be tried again)
 *      │                 └──▶ needs-check (the printer may have printed it: staff look)
 *      └── (crash) ──▶ failed on reconciliation: it never reached the printer
 */
export type PrintJobState = 'pending' | 'sent' | 'confirmed' | 'failed' | 'needs-check';

export type PrintJobKind = 'licence' | 'certificate' | 'real-estate';

/** What a job is, as recorded: enough for staff to see the history, nothing of the card. */
export interface PrintJobRequest {
  key: string;
  kind: PrintJobKind;
  /** What was printed, in words: 营业执照（正本）, 无房证明, … */
  title: string;
  /** The enterprise's credit code, for licences: staff look up its history by it. */
  creditCode: string | null;
  /** The enterprise or the address the document is about. */
  subject: string;
  kioskId: string;
  /** The printing person's ID number, masked. */
  maskedId: string;
}

export interface PrintJob extends PrintJobRequest {
  state: PrintJobState;
  /** How many times it was sent to the printer (a failed job may be tried again). */
  attempts: number;
  /** ISO 8601 moments. */
  createdAt: string;
  sentAt: string | null;
  settledAt: string | null;
  /** Why it failed or needs a check, in words for staff. */
  note: string | null;
}

export type BeginResult =
  | { ok: true; job: PrintJob }
  | { ok: false; reason: 'already-printed' | 'needs-check' | 'in-progress'; job: PrintJob };

/** The journal's store. Implementations write each change durably before resolving. */
export interface PrintJournal {
  /** Opens the job, or reopens a failed one; refuses one that is printed, uncertain or open. */
  begin(request: PrintJobRequest, now: Date): Promise<BeginResult>;
  markSent(key: string, now: Date): Promise<void>;
  confirm(key: string, now: Date): Promise<void>;
  fail(key: string, note: string, now: Date): Promise<void>;
  needsCheck(key: string, note: string, now: Date): Promise<void>;
  get(key: string): Promise<PrintJob | null>;
  /** Jobs left pending or sent, as a crash leaves them. */
  unsettled(): Promise<PrintJob[]>;
  /** Every job about one enterprise, oldest first: what staff see. */
  historyOf(creditCode: string): Promise<PrintJob[]>;
  /** Every job, newest first (by when it was opened): the staff console's Prints section. */
  jobs(): Promise<PrintJob[]>;
  /**
   * Staff's answer for a job that needs a check: printed, it is confirmed; not printed, it is
   * failed, so its citizen may print it again. `note` keeps the staff's words. Rejects for a job
   * in any other state.
   */
  settle(key: string, printed: boolean, note: string, now: Date): Promise<PrintJob>;
}

/** Whether a job's key may still be printed: never printed, or refused by the printer. */
export function isPrintable(job: PrintJob | null): boolean {
  return job === null || job.state === 'failed';
}

/**
 * Printer errors after which nothing came out: the job may be tried again. Any other failure
 * after sending (a jam, a timeout, a hardware error) may have left a printed or half-printed
 * sheet, and needs a person to look.
 */
const NOTHING_PRINTED = new Set(['paper-out', 'cover-open', 'offline', 'busy']);

export type PrintOnceResult =
  | { printed: true }
  | { printed: false; refused: 'already-printed' | 'needs-check' | 'in-progress' };

export class PrintFailedError extends Error {
  constructor(
    readonly code: string,
    readonly uncertain: boolean,
    options?: ErrorOptions,
  ) {
    super(
      `the print failed (${code})${uncertain ? '; it may have printed: staff check' : ''}`,
      options,
    );
    this.name = 'PrintFailedError';
  }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
    ? error.code
    : 'hardware-error';
}

/**
 * Prints a document at most once under its key: journal first, then the printer, then the
 * journal again. Resolves { printed: false } when the journal refuses; rejects with a
 * PrintFailedError (carrying the printer's error code) when the printer fails.
 */
export async function printOnce(
  journal: PrintJournal,
  request: PrintJobRequest,
  send: () => Promise<void>,
  clock: () => Date = () => new Date(),
): Promise<PrintOnceResult> {
  const begun = await journal.begin(request, clock());
  if (!begun.ok) return { printed: false, refused: begun.reason };
  await journal.markSent(request.key, clock());
  try {
    await send();
  } catch (error) {
    const code = errorCode(error);
    const uncertain = !NOTHING_PRINTED.has(code);
    if (uncertain) await journal.needsCheck(request.key, `printer: ${code}`, clock());
    else await journal.fail(request.key, `printer: ${code}`, clock());
    throw new PrintFailedError(code, uncertain, { cause: error });
  }
  await journal.confirm(request.key, clock());
  return { printed: true };
}

/** What the printer can say of an earlier job, if it can say anything. */
export type PrinterJobStatus = 'completed' | 'not-found' | 'unknown';

/**
 * On start, after a crash or a power cut: a job never sent is marked failed (nothing reached the
 * printer); a job sent but not confirmed is confirmed when the printer says it completed, and
 * otherwise marked for staff to check. Nothing is printed again.
 */
export async function reconcileJournal(
  journal: PrintJournal,
  jobStatus: ((key: string) => Promise<PrinterJobStatus>) | null,
  clock: () => Date = () => new Date(),
): Promise<{ confirmed: number; failed: number; needsCheck: number }> {
  const counts = { confirmed: 0, failed: 0, needsCheck: 0 };
  for (const job of await journal.unsettled()) {
    if (job.state === 'pending') {
      await journal.fail(job.key, 'not sent before the kiosk restarted', clock());
      counts.failed += 1;
      continue;
    }
    let status: PrinterJobStatus;
    try {
      status = jobStatus ? await jobStatus(job.key) : 'unknown';
    } catch {
      status = 'unknown';
    }
    if (status === 'completed') {
      await journal.confirm(job.key, clock());
      counts.confirmed += 1;
    } else {
      await journal.needsCheck(
        job.key,
        `sent before the kiosk restarted; the printer reports ${status === 'not-found' ? 'no such job' : 'nothing'}`,
        clock(),
      );
      counts.needsCheck += 1;
    }
  }
  return counts;
}
