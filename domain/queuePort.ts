import type { CalendarDate } from './calendarDate';
import type { AppointmentSlot, CheckInTiming } from './appointments';
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

/** A booked window (预约) on a coming working day. */
export interface Appointment {
  id: string;
  serviceCode: string;
  date: CalendarDate;
  slot: AppointmentSlot;
  maskedId: string;
  maskedPhone: string;
  /** ISO 8601 moment of booking. */
  bookedAt: string;
  /** The priority ticket it became at check-in, if it has. */
  ticketId: string | null;
}

export interface BookingRequest {
  serviceCode: string;
  date: CalendarDate;
  slot: AppointmentSlot;
  holderKey: string;
  maskedId: string;
  maskedPhone: string;
}

export type BookResult =
  | { ok: true; appointment: Appointment }
  | { ok: false; reason: 'slot-full' | 'unknown-service' }
  /** One appointment per person per service per day. */
  | { ok: false; reason: 'already-booked'; appointment: Appointment };

export type CheckInRequest = ({ appointmentId: string } | { holderKey: string }) & {
  today: CalendarDate;
  now: ClockTime;
};

export type CheckInResult =
  | { ok: true; appointment: Appointment; ticket: QueueTicket }
  | { ok: false; reason: 'unknown-appointment' }
  | Exclude<CheckInTiming, { ok: true }>;

/** How queue numbers are allocated: in this browser now, on a hall server shared by kiosks later. */
export interface QueueService {
  allocate(request: TicketRequest): Promise<AllocateResult>;
  /**
   * The number is the citizen's: it is about to go to the printer or is on the screen. From now on
   * it is never handed to anyone else, even when the page reloads before it was printed. Until
   * then (a reload between allocation and this) the next citizen of that service gets it.
   */
  markHandedOut(ticketId: string): Promise<void>;
  /** The ticket came out of the printer (it was handed out before it was sent). */
  markPrinted(ticketId: string): Promise<void>;
  /**
   * Nobody saw the number (the citizen left while it was being allocated): the next citizen of
   * that service gets it, so no number is skipped. A ticket already handed out is left alone.
   */
  release(ticketId: string): Promise<void>;
  /** What was issued of a service on a day. */
  issued(serviceCode: string, date: CalendarDate): Promise<QueueTicket[]>;
  /** Places left in each slot of each day: date → slot start → places. */
  placesLeft(
    serviceCode: string,
    dates: readonly CalendarDate[],
  ): Promise<Record<CalendarDate, Record<ClockTime, number>>>;
  book(request: BookingRequest): Promise<BookResult>;
  /** Turns a booked appointment into a priority ticket, within its check-in window. */
  checkIn(request: CheckInRequest): Promise<CheckInResult>;
}
