import type { Appointment, QueueTicket } from './queuePort';

/**
 * What a code the kiosk printed stands for: a queue ticket, an appointment slip, or an
 * application's receipt slip (its id is `<application number>.<slip token>`).
 */
export type KioskCode =
  | { kind: 'ticket'; id: string }
  | { kind: 'appointment'; id: string }
  | { kind: 'application'; id: string };

/** The QR payload of a ticket: enough for a window's scanner to find it, nothing personal. */
export const ticketQrData = (ticket: Pick<QueueTicket, 'id'>) => `BDY1:T:${ticket.id}`;

/** The QR payload of an appointment slip: what check-in looks up, nothing personal. */
export const appointmentQrData = (appointment: Pick<Appointment, 'id'>) =>
  `BDY1:A:${appointment.id}`;

/**
 * The QR payload of an application's receipt slip: its number and the slip's token, which lets
 * whoever holds the slip follow the application (进度查询) and nobody who only guessed a number.
 */
export const applicationQrData = (application: { number: string; slipToken: string }) =>
  `BDY1:S:${application.number}.${application.slipToken}`;

/** Reads a code the kiosk printed (BDY1:T:…, BDY1:A:…, BDY1:S:…); anything else is not ours. */
export function parseKioskCode(text: string): KioskCode | null {
  const trimmed = text.trim();
  const slip = /^BDY1:S:(SQ\d{15}\.[0-9a-f]{16,64})$/i.exec(trimmed);
  if (slip?.[1]) return { kind: 'application', id: slip[1].replace(/^sq/i, 'SQ') };
  const match = /^BDY1:([TA]):([0-9a-f-]{8,64})$/i.exec(trimmed);
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1].toUpperCase() === 'T' ? 'ticket' : 'appointment', id: match[2] };
}

/** An application slip's code read back: its number and token. */
export function applicationOfCode(code: KioskCode): { number: string; slipToken: string } | null {
  if (code.kind !== 'application') return null;
  const [number, slipToken] = code.id.split('.');
  return number && slipToken ? { number, slipToken } : null;
}
