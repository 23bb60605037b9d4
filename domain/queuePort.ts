import type { CalendarDate } from './calendarDate';
import type { AppointmentSlot, CheckInTiming } from './appointments';
import type { IssueRefusal, TicketPriority } from './queueService';
import type { ClockTime } from './workingCalendar';

/**
 * A ticket as the queue store keeps it for the hall (the calling display, the staff console):
 * nothing of the card, and only whether it is a priority ticket, not why.
 */
export interface IssuedTicket {
  id: string;
  serviceCode: string;
  date: CalendarDate;
  /** A001 … A999 */
  number: string;
  sequence: number;
  priority: boolean;
  /** ISO 8601 moment of issue. */
  issuedAt: string;
  /** Tickets of the service issued before this one today and still waiting. */
  waitingAhead: number;
  printed: boolean;
  /**
   * 备用号: issued from the kiosk's reserved block (AR001 …) while the hall server was out of
   * reach; reconciled into the hall's list when it answers again. Absent on the kiosk's own store.
   */
  reserve?: boolean;
}

/** A queue ticket (排队号) as the citizen gets it, on paper and on screen. */
export interface QueueTicket extends Omit<IssuedTicket, 'priority'> {
  /** Why it is a priority ticket, as this visit found (it is not stored). */
  priority: TicketPriority | null;
  /**
   * The ID number masked for printing, from the card read in this visit; the store keeps the
   * card's key, not this (never both in one record), and never the full number.
   */
  maskedId: string | null;
}

export interface TicketRequest {
  serviceCode: string;
  date: CalendarDate;
  time: ClockTime;
  /**
   * The card's key for this hall day (HolderKeys.daily; never the number): one open ticket per
   * card. Stored.
   */
  holderKey: string | null;
  /** For the printed ticket only: not stored. */
  maskedId: string | null;
  /** Why it is a priority ticket; only whether it is one is stored. */
  priority: TicketPriority | null;
}

export type AllocateResult =
  | {
      ok: true;
      ticket: QueueTicket;
      /** the holder already had one today: reprint it (补打) */ reprint: boolean;
    }
  | {
      ok: false;
      refusal: IssueRefusal | { reason: 'unknown-service' } | DayClosed | HallUnreachable;
    };

/**
 * The hall server did not answer and this kiosk holds no reserved number for the service and
 * day: no ticket can be issued now (the citizen is told to try again later or telephone).
 */
export interface HallUnreachable {
  reason: 'hall-unreachable';
}

/**
 * The request is dated before a day the store has already issued numbers for: the clock went
 * back. A closed day is never reopened (its numbers would be issued twice); staff must look.
 */
export interface DayClosed {
  reason: 'day-closed';
  /** The latest day the store has issued numbers for. */
  latestDay: CalendarDate;
}

/** A booked window (预约) on a coming working day. */
export interface Appointment {
  id: string;
  serviceCode: string;
  date: CalendarDate;
  slot: AppointmentSlot;
  /**
   * The ID number masked, for the slip printed at booking: known only while the card is there
   * (the store keeps the card's stable key instead, never both in one record).
   */
  maskedId: string | null;
  maskedPhone: string;
  /** ISO 8601 moment of booking. */
  bookedAt: string;
  /** The priority ticket it became at check-in, if it has. */
  ticketId: string | null;
  /**
   * ISO 8601 moment staff cancelled it (取消预约). It is kept for the staff list, but holds no
   * place and never checks in. Absent or null while it stands.
   */
  cancelledAt?: string | null;
  /** Why staff cancelled it, as they typed it. */
  cancelReason?: string | null;
  /** Where it was before staff last moved it (改期): it keeps its id, so the slip's QR still works. */
  movedFrom?: AppointmentTime | null;
  /** ISO 8601 moment staff last moved it. */
  movedAt?: string | null;
  /** Why staff last moved it, as they typed it. */
  moveReason?: string | null;
}

/** A day and a slot of it: where an appointment is. */
export interface AppointmentTime {
  date: CalendarDate;
  slot: AppointmentSlot;
}

export interface BookingRequest {
  serviceCode: string;
  date: CalendarDate;
  slot: AppointmentSlot;
  /** The card's stable key for appointments (HolderKeys.stable): checked in with it days later. */
  holderKey: string;
  /** For the slip only: not stored. */
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
  /** With a card: its key for today, kept on the check-in ticket (one ticket per card a day). */
  ticketKey?: string | null;
  /** With a card: the masked number for the printed ticket (not stored). */
  maskedId?: string | null;
};

export type CheckInResult =
  | { ok: true; appointment: Appointment; ticket: QueueTicket }
  | { ok: false; reason: 'unknown-appointment' }
  | ({ ok: false } & DayClosed)
  | Exclude<CheckInTiming, { ok: true }>;

/** Staff cancelled an appointment, or could not: it is unknown (or already cancelled), or checked in. */
export type CancelResult =
  | { ok: true; appointment: Appointment }
  | { ok: false; reason: 'unknown-appointment' | 'checked-in' };

/**
 * Staff moved an appointment, or could not. Beside cancelling's reasons: the new slot has no place
 * left, it is where the appointment already is, or the holder already has an appointment of the
 * service that day (one per person per service per day, as at booking).
 */
export type MoveResult =
  | { ok: true; appointment: Appointment }
  | {
      ok: false;
      reason: 'unknown-appointment' | 'checked-in' | 'slot-full' | 'same-slot' | 'already-booked';
    };

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
  issued(serviceCode: string, date: CalendarDate): Promise<IssuedTicket[]>;
  /**
   * Erases tickets and appointments dated more than `retentionDays` before `today`; the kiosk
   * runs it at start and daily.
   */
  purge(today: CalendarDate, retentionDays: number): Promise<void>;
  /** Places left in each slot of each day: date → slot start → places. */
  placesLeft(
    serviceCode: string,
    dates: readonly CalendarDate[],
  ): Promise<Record<CalendarDate, Record<ClockTime, number>>>;
  book(request: BookingRequest): Promise<BookResult>;
  /** Turns a booked appointment into a priority ticket, within its check-in window. */
  checkIn(request: CheckInRequest): Promise<CheckInResult>;
  /**
   * Every appointment on those days, of every service, cancelled ones too (for the staff list):
   * by date, slot start, then booking time.
   */
  appointments(dates: readonly CalendarDate[]): Promise<Appointment[]>;
  /**
   * Staff cancel an appointment (取消预约) with the reason they give: its place is free again and
   * it no longer checks in. A reason is required.
   */
  cancelAppointment(id: string, reason: string, now: Date): Promise<CancelResult>;
  /**
   * Staff move an appointment (改期) to another slot, on its day or another, with the reason they
   * give; it keeps its id, so the citizen's slip still checks in. A reason is required.
   */
  moveAppointment(id: string, to: AppointmentTime, reason: string, now: Date): Promise<MoveResult>;
}
