import type { DBSchema, IDBPDatabase } from 'idb';
import { openStore } from '../shared/openStore';
import type { CalendarDate, ReservedBlock, TicketRequestBody } from '../../domain';
import { HALL_QUEUE_DATABASE } from './database';

/** A number issued from this kiosk's reserved block while the hall server did not answer (备用号). */
export interface ReserveTicket {
  /** The reconcile key, and the ticket's id on this kiosk (its QR, its marks). */
  requestId: string;
  kioskId: string;
  serviceCode: string;
  date: CalendarDate;
  /** AR001 … */
  number: string;
  sequence: number;
  issuedAt: string;
  priority: boolean;
  /** The card's key for the day (a keyed hash), or null: one ticket per card, as online. */
  holderKey: string | null;
  /** Shown or on its way to the printer: the citizen's. */
  handedOut: boolean;
  printed: boolean;
  /**
   * pending: not yet on the hall's list; accepted / already: it is (already: sent before);
   * refused: the server would not take it (kept, and reported: never silently lost); released:
   * nobody saw it (the citizen left while it was allocated), so it is never sent.
   */
  state: 'pending' | 'accepted' | 'already' | 'refused' | 'released';
  refusal: string | null;
  settledAt: string | null;
}

/** Something the server must still be told, kept until it answers. */
export type OutboxEntry =
  | {
      key: string;
      kind: 'mark';
      ticketId: string;
      mark: 'handed-out' | 'printed' | 'release';
      at: string;
    }
  | {
      key: string;
      /**
       * An allocation the server may have made after all (it did not answer in time, and the
       * citizen got a reserve number instead): asked again with its requestId and released, so
       * the number goes to the next citizen rather than waiting on the list for nobody.
       */
      kind: 'abandoned';
      body: TicketRequestBody & { requestId: string };
      at: string;
    };

/** A reserve number the server refused at reconciliation: for staff, never deleted. */
export interface ReserveProblem {
  at: string;
  number: string;
  serviceCode: string;
  date: CalendarDate;
  requestId: string;
  reason: string;
}

export interface OfflineQueueDb extends DBSchema {
  /** By kiosk, day and service: pages of several kiosks in one tester's browser share this database. */
  blocks: { key: [string, CalendarDate, string]; value: ReservedBlock & { fetchedAt: string } };
  reserve: {
    key: string;
    value: ReserveTicket;
    indexes: { byServiceDay: [string, string]; byState: string; byDate: string };
  };
  outbox: { key: string; value: OutboxEntry };
  problems: { key: number; value: ReserveProblem; indexes: { byDate: string } };
}

export function openOfflineQueue(
  name: string = HALL_QUEUE_DATABASE,
): Promise<IDBPDatabase<OfflineQueueDb>> {
  return openStore<OfflineQueueDb>(name, 1, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('blocks', { keyPath: ['kioskId', 'date', 'serviceCode'] });
        const reserve = db.createObjectStore('reserve', { keyPath: 'requestId' });
        reserve.createIndex('byServiceDay', ['serviceCode', 'date']);
        reserve.createIndex('byState', 'state');
        reserve.createIndex('byDate', 'date');
        db.createObjectStore('outbox', { keyPath: 'key' });
        const problems = db.createObjectStore('problems', { autoIncrement: true });
        problems.createIndex('byDate', 'date');
      }
    },
  });
}
