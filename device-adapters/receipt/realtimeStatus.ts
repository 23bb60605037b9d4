import type { DeviceStatus } from '../device';

const DLE = 0x10;
const EOT = 0x04;

/**
 * DLE EOT n for n = 1 (printer), 2 (offline cause), 3 (error cause), 4 (paper roll sensor), sent
 * together: real-time commands are answered at once and in order, one byte each, even while the
 * printer is offline or its buffer is full.
 */
export const REALTIME_STATUS_REQUEST: readonly number[] = [
  DLE,
  EOT,
  1,
  DLE,
  EOT,
  2,
  DLE,
  EOT,
  3,
  DLE,
  EOT,
  4,
];

/** DLE EOT 20: the full status of printers with a presenter (Custom's kiosk printers), 6 bytes. */
export const PRESENTER_STATUS_REQUEST: readonly number[] = [DLE, EOT, 20];

/** The four answers to REALTIME_STATUS_REQUEST, in its order. */
export interface RealtimeAnswers {
  printer: number;
  offline: number;
  error: number;
  paper: number;
}

/** A DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear; nothing else the printer sends does. */
export function isRealtimeStatusByte(byte: number): boolean {
  return (byte & 0b1001_0011) === 0b0001_0010;
}

const bit = (byte: number, n: number) => (byte & (1 << n)) !== 0;

/**
 * What the printer's real-time status says, most urgent first: cover open, paper end, jam
 * (mechanical or autocutter error), unrecoverable error, offline for another reason, then paper
 * near end as a warning ('paper-low' still prints) and a self-clearing error (head too hot) as busy.
 * Throws on a byte that is not a DLE EOT answer: the conversation with the printer is out of step.
 */
export function parseRealtimeStatus(answers: RealtimeAnswers): DeviceStatus {
  for (const [name, byte] of Object.entries(answers)) {
    if (!isRealtimeStatusByte(byte)) {
      throw new Error(
        `0x${byte.toString(16).padStart(2, '0')} is not a DLE EOT answer (${name} status)`,
      );
    }
  }
  const { printer, offline, error, paper } = answers;
  if (bit(offline, 2)) return 'cover-open';
  // DLE EOT 4 reports the paper end sensor on bits 5 and 6; DLE EOT 2 bit 5 is the stop it caused.
  if ((paper & 0b0110_0000) !== 0 || bit(offline, 5)) return 'paper-out';
  if (bit(error, 2) || bit(error, 3)) return 'jam';
  if (bit(error, 5)) return 'hardware-error';
  if (bit(offline, 6) && !bit(error, 6)) return 'hardware-error';
  if (bit(offline, 3)) return 'busy';
  if (bit(printer, 3) && !bit(error, 6)) return 'offline';
  if ((paper & 0b0000_1100) !== 0) return 'paper-low';
  if (bit(error, 6)) return 'busy';
  return 'online';
}

/** Whether a presenter's full status (DLE EOT 20: 10 0F paper user recoverable unrecoverable) sees a ticket in the exit. */
export function isTicketAtExit(fullStatus: Uint8Array): boolean {
  const paper = fullStatus[2];
  if (
    fullStatus.length !== 6 ||
    fullStatus[0] !== DLE ||
    fullStatus[1] !== 0x0f ||
    paper === undefined
  ) {
    throw new Error(
      `not a full status answer: ${[...fullStatus].map((b) => b.toString(16)).join(' ')}`,
    );
  }
  return bit(paper, 5);
}
