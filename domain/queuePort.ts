import type { CalendarDate } from './calendarDate';
import type { IssueRefusal, PriorityReason } from './queueService';
import type { ClockTime } from './workingCalendar';

/** A queue ticket (排队号) as the kiosk issued it. */
export interface QueueTicket {
  id: string;
  serviceCode: string;
  date: CalendarDate;
  /** A001 … A999 */
  number: string;
  sequence: number;
  priority: PriorityReason | null;
  /** ISO 8601 moment of issue. */
  issuedAt: string;
  /** Tickets of the service issued before this one today and still waiting. */
  waitingAhead: number;
  /** The ID number masked for printing; the full number is never stored. */
  maskedId: string | null;
  printed: boolean;
}

export interface TicketRequest {
  serviceCode: string;
  date: CalendarDate;
  time: ClockTime;
  /** A one-way key of the ID number (never the number itself): one open ticket per card. */
  holderKey: string | null;
  maskedId: string | null;
  priority: PriorityReason | null;
}

export type AllocateResult =
  | {
      ok: true;
      ticket: QueueTicket;
      /** the holder already had one today: reprint it (补打) */ reprint: boolean;
    }
  | { ok: false; refusal: IssueRefusal | { reason: 'unknown-service' } };

/** How queue numbers are allocated: in this browser now, on a hall server shared by kiosks later. */
export interface QueueService {
  allocate(request: TicketRequest): Promise<AllocateResult>;
  /** The ticket came out of the printer; until then a reload may hand its number to the next citizen. */
  markPrinted(ticketId: string): Promise<void>;
  /** What was issued of a service on a day. */
  issued(serviceCode: string, date: CalendarDate): Promise<QueueTicket[]>;
}
