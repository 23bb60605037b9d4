import type { InspectionEvent } from 'xstate';
import type { PrintedItem } from '../../device-adapters/mock';
import type { AllocateResult, BookResult, CheckInResult, QueueTicket } from '../../domain';

/** What the chaos run counts; each non-zero count fails it. */
export const FINDING_KINDS = [
  'stuck',
  'duplicatePrint',
  'duplicateTicket',
  'skippedTicket',
  'error',
  'cardData',
  'noDriver',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  kind: FindingKind;
  /** The visit it showed in (0-based); -1 for the run as a whole. */
  visit: number;
  detail: string;
  /** Earlier visits that took part (the citizen who first held a number). */
  related?: number[];
}

/** Most lines a visit's event log keeps. */
const MAX_LOG_LINES = 400;

interface Allocation {
  visit: number;
  ticketId: string;
  key: string;
  sequence: number;
  via: 'allocate' | 'checkIn';
  holder: string | null;
}

/** Why a ticket came to count as given to someone: seen on screen as valid, or printed. */
type Delivery = { visit: number; how: string };

const keyOf = (t: QueueTicket) => `${t.serviceCode} ${t.date} ${t.number}`;

/**
 * Everything the run observes: findings with the visit they showed in, every visit's event log,
 * queue numbers as allocated and delivered, and printed paper against what may be printed.
 */
export class Ledger {
  visit = -1;
  readonly findings: Finding[] = [];
  readonly logs = new Map<number, string[]>();
  readonly info: Record<string, number> = {};
  readonly #tickets = new Map<string, Allocation[]>();
  readonly #byNumber = new Map<string, Set<string>>();
  readonly #delivered = new Map<string, Delivery>();
  readonly #prints = new Map<string, number>();
  /** The visit each piece of paper first came out in. */
  readonly #firstPrinted = new Map<string, number>();
  readonly #reprintsAllowed = new Map<string, number>();
  readonly #checkedIn = new Set<string>();
  /** Appointment id → the test person who booked it. */
  readonly bookedBy = new Map<string, string>();
  #person = '';
  /** Visits in which the page was reloaded, in order. */
  readonly #reloads: number[] = [];
  /** Flow states reached, each counted once per visit: how much of each flow the run walked. */
  readonly coverage: Record<string, number> = {};
  #reached = new Set<string>();
  #errorActors = new WeakSet<object>();
  /** Tickets the kiosk handed out (about to print): never to be given to anyone else. */
  readonly #handedOut = new Set<string>();

  startVisit(visit: number, person: string): void {
    for (const state of this.#reached) this.coverage[state] = (this.coverage[state] ?? 0) + 1;
    this.#reached.clear();
    this.visit = visit;
    this.#person = person;
    this.logs.set(visit, []);
  }

  log(line: string): void {
    const lines = this.logs.get(this.visit);
    if (!lines) return;
    if (lines.length < MAX_LOG_LINES) lines.push(line);
    else if (lines.length === MAX_LOG_LINES) lines.push('… (log cut)');
  }

  reloaded(): void {
    this.count('reloads');
    if (this.#reloads[this.#reloads.length - 1] !== this.visit) this.#reloads.push(this.visit);
  }

  count(name: string, by = 1): void {
    this.info[name] = (this.info[name] ?? 0) + by;
  }

  find(kind: FindingKind, detail: string, visit = this.visit, related?: number[]): void {
    this.findings.push({ kind, visit, detail, ...(related ? { related } : {}) });
    if (visit === this.visit) this.log(`!! ${kind}: ${detail}`);
  }

  findingsOf(kind: FindingKind): Finding[] {
    return this.findings.filter((f) => f.kind === kind);
  }

  // Queue numbers.

  /** A call on the queue store finished: what it handed out. */
  async queueCall(method: string, args: unknown[], result: Promise<unknown>): Promise<void> {
    let value: unknown;
    try {
      value = await result;
    } catch {
      return;
    }
    // Sent to the printer: the number is the citizen's even if the page dies before the paper is
    // out. Whether it came out is then unknown; that number is skipped at the window, never doubled.
    if (method === 'markHandedOut' && typeof args[0] === 'string') this.#handedOut.add(args[0]);
    if (method === 'allocate') this.#allocated(value as AllocateResult);
    if (method === 'checkIn') this.#checkedInResult(value as CheckInResult);
    if (method === 'book') this.#booked(value as BookResult);
  }

  #allocated(result: AllocateResult): void {
    if (!result.ok) return;
    const { ticket } = result;
    this.count('ticketsAllocated');
    if (result.reprint) {
      this.count('ticketReprintsByCard');
      this.#allowReprint(`T:${ticket.id}`);
      return;
    }
    const earlier = this.#tickets.get(ticket.id);
    if (earlier) {
      // An orphan handed on: right only if nobody had been given it.
      this.count('orphansAdopted');
      const delivered =
        this.#delivered.get(ticket.id) ??
        (this.#handedOut.has(ticket.id)
          ? { visit: this.#tickets.get(ticket.id)?.[0]?.visit ?? this.visit, how: 'sent to print' }
          : undefined);
      if (delivered) {
        const reloads = this.#reloads.filter((v) => v >= delivered.visit && v <= this.visit);
        this.find(
          'duplicateTicket',
          `${keyOf(ticket)} was ${delivered.how} in visit ${delivered.visit}, then handed again to another citizen as an orphan (ticket ${ticket.id.slice(0, 8)}; page reloaded in visit ${reloads.join(', ') || 'none'})`,
          this.visit,
          [delivered.visit],
        );
      }
    }
    this.#record(ticket, 'allocate');
  }

  #checkedInResult(result: CheckInResult): void {
    if (!result.ok) return;
    const { ticket } = result;
    this.count('checkIns');
    if (this.#checkedIn.has(ticket.id)) {
      this.count('checkInReprints');
      this.#allowReprint(`T:${ticket.id}`);
      return;
    }
    this.#checkedIn.add(ticket.id);
    // The appointment holds its check-in ticket from the start: a second check-in reprints it.
    this.#handedOut.add(ticket.id);
    this.#record(ticket, 'checkIn');
  }

  #booked(result: BookResult): void {
    if (result.ok) {
      this.count('appointmentsBooked');
      this.bookedBy.set(result.appointment.id, this.#person);
    } else if (result.reason === 'already-booked') {
      this.#allowReprint(`A:${result.appointment.id}`);
    }
  }

  #record(ticket: QueueTicket, via: Allocation['via']): void {
    const key = keyOf(ticket);
    const allocation: Allocation = {
      visit: this.visit,
      ticketId: ticket.id,
      key,
      sequence: ticket.sequence,
      via,
      holder: this.#person,
    };
    this.#tickets.set(ticket.id, [...(this.#tickets.get(ticket.id) ?? []), allocation]);
    const ids = this.#byNumber.get(key) ?? new Set<string>();
    ids.add(ticket.id);
    this.#byNumber.set(key, ids);
    if (ids.size === 2) {
      const first = [...ids][0] ?? '';
      const firstVisit = this.#tickets.get(first)?.[0]?.visit;
      this.find(
        'duplicateTicket',
        `${key} was allocated twice as different tickets (visit ${firstVisit} by ${via === 'checkIn' ? 'check-in' : 'allocation'}, and now)`,
        this.visit,
        firstVisit === undefined ? [] : [firstVisit],
      );
    }
  }

  #deliver(ticketId: string, how: string): void {
    if (!this.#delivered.has(ticketId)) this.#delivered.set(ticketId, { visit: this.visit, how });
  }

  #allowReprint(printKey: string): void {
    this.#reprintsAllowed.set(printKey, (this.#reprintsAllowed.get(printKey) ?? 0) + 1);
  }

  /** Watches the flows: a number on screen as valid has been given to the citizen. */
  inspect(event: InspectionEvent): void {
    if (event.type !== '@xstate.snapshot') return;
    const snapshot = event.snapshot as {
      status?: string;
      error?: unknown;
      machine?: { id?: string };
      value?: unknown;
      context?: { ticket?: QueueTicket | null };
    };
    if (snapshot.status === 'error' && !this.#errorActors.has(event.actorRef)) {
      const isMachine = snapshot.machine !== undefined;
      const src = (event.actorRef as { src?: unknown }).src;
      if (isMachine || src === 'watchDevices') {
        this.#errorActors.add(event.actorRef);
        this.find(
          'error',
          `actor ${isMachine ? `machine "${snapshot.machine?.id}"` : String(src)} ended in error: ${describe(snapshot.error)}`,
        );
      }
    }
    const id = snapshot.machine?.id;
    if (id && id !== 'session' && typeof snapshot.value === 'string')
      this.#reached.add(`${id}.${snapshot.value}`);
    const ticket = snapshot.context?.ticket;
    if (!ticket || typeof snapshot.value !== 'string') return;
    if (id === 'queue' && (snapshot.value === 'showNumber' || snapshot.value === 'printFailed'))
      this.#deliver(ticket.id, `shown on screen (${snapshot.value})`);
    if (
      id === 'appointment' &&
      (snapshot.value === 'checkedIn' || snapshot.value === 'ticketFailed')
    )
      this.#deliver(ticket.id, `shown on screen (${snapshot.value})`);
  }

  // Printed paper.

  /** A job came out of a printer. */
  printed(item: PrintedItem): void {
    if (item.device === 'document') {
      this.count('documentsPrinted');
      const key = item.document?.jobKey;
      if (key) this.#printedOnce(`D:${key}`, `document "${item.title}" (journal key ${key})`);
      return;
    }
    this.count('receiptsPrinted');
    for (const block of item.ticket?.blocks ?? []) {
      if (block.kind !== 'qr') continue;
      const ticket = /^BDY1:T:(.+)$/.exec(block.data)?.[1];
      const slip = /^BDY1:A:(.+)$/.exec(block.data)?.[1];
      if (ticket) {
        this.#deliver(ticket, 'printed');
        this.#printedOnce(`T:${ticket}`, `ticket "${item.title}" (ticket ${ticket.slice(0, 8)})`);
      }
      if (slip)
        this.#printedOnce(`A:${slip}`, `appointment slip "${item.title}" (${slip.slice(0, 8)})`);
    }
  }

  #printedOnce(printKey: string, what: string): void {
    const times = (this.#prints.get(printKey) ?? 0) + 1;
    this.#prints.set(printKey, times);
    if (!this.#firstPrinted.has(printKey)) this.#firstPrinted.set(printKey, this.visit);
    const first = this.#firstPrinted.get(printKey) ?? this.visit;
    const allowed = 1 + (this.#reprintsAllowed.get(printKey) ?? 0);
    if (times > allowed)
      this.find(
        'duplicatePrint',
        `${what} printed ${times} times (first in visit ${first}); ${allowed} asked for`,
        this.visit,
        first === this.visit ? [] : [first],
      );
  }

  /** At the end: numbers allocated, never given to anyone, below a number that was. */
  findSkippedNumbers(): void {
    const byDay = new Map<string, Allocation[]>();
    for (const allocations of this.#tickets.values()) {
      const last = allocations[allocations.length - 1];
      if (!last) continue;
      const day = last.key.slice(0, last.key.lastIndexOf(' '));
      byDay.set(day, [...(byDay.get(day) ?? []), last]);
    }
    for (const [day, allocations] of byDay) {
      const delivered = allocations.filter((a) => this.#delivered.has(a.ticketId));
      const highest = Math.max(0, ...delivered.map((a) => a.sequence));
      for (const a of allocations) {
        if (this.#delivered.has(a.ticketId) || a.sequence >= highest) continue;
        if (this.#handedOut.has(a.ticketId)) {
          // Held but never printed or shown: sent to the printer and cut off by a reload, or a
          // check-in ticket whose print failed before the citizen saw it (checking in again
          // prints it). Counted, not a finding: handing it on could put one number on two tickets.
          this.count('numbersHeldButNeverPrinted');
          continue;
        }
        this.find(
          'skippedTicket',
          `${a.key}: allocated in visit ${a.visit} (${a.via}) and never printed or shown to anyone, while later numbers of ${day} were`,
          a.visit,
        );
      }
    }
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
