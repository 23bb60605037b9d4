import type { Appointment, QueueTicket } from './queuePort';

/** What a code the kiosk printed stands for: a queue ticket or an appointment slip. */
export type KioskCode = { kind: 'ticket'; id: string } | { kind: 'appointment'; id: string };

/** The QR payload of a ticket: enough for a window's scanner to find it, nothing personal. */
export const ticketQrData = (ticket: Pick<QueueTicket, 'id'>) => `BDY1:T:${ticket.id}`;

/** The QR payload of an appointment slip: what check-in looks up, nothing personal. */
export const appointmentQrData = (appointment: Pick<Appointment, 'id'>) =>
  `BDY1:A:${appointment.id}`;

/** Reads a code the kiosk printed (BDY1:T:… or BDY1:A:…); anything else is not ours. */
export function parseKioskCode(text: string): KioskCode | null {
  const match = /^BDY1:([TA]):([0-9a-f-]{8,64})$/i.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1].toUpperCase() === 'T' ? 'ticket' : 'appointment', id: match[2] };
}
