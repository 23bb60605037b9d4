import type { CalendarDate } from './calendarDate';

/**
 * What a stable holder key serves. Each purpose has its own key, so the records of one card in
 * two stores cannot be joined by their keys.
 */
export type StableKeyPurpose = 'appointment' | 'face-lockout';

/**
 * Keys that tell the same ID card again without holding its number: a keyed hash (HMAC-SHA-256)
 * under a secret only this kiosk has. A plain hash would not do: with the masked number printed
 * beside it, the eight hidden digits are found by trying them all in under a second.
 */
export interface HolderKeys {
  /**
   * The card's key for one hall day ("one open ticket per card and service a day"): the same
   * card gives another key the next day, so one day's tickets cannot be linked to another's.
   */
  daily(idNumber: string, date: CalendarDate): Promise<string>;
  /**
   * The card's key on every day, only where a record must be found again days later: an
   * appointment booked with the card and checked in with it, and the face lock-out.
   */
  stable(idNumber: string, purpose: StableKeyPurpose): Promise<string>;
}
