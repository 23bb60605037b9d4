import type { DeviceStatus } from '../../device';

/** DLE EOT n: the real-time status requests an ESC/POS printer answers even mid-job. */
export const STATUS_REQUEST = {
  printer: [0x10, 0x04, 1],
  offlineCause: [0x10, 0x04, 2],
  errorCause: [0x10, 0x04, 3],
  paper: [0x10, 0x04, 4],
} as const;

export interface RealtimeStatus {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
}

/** Reads the answers to DLE EOT 1, 2, 3 and 4 (one byte each, bits as the ESC/POS manual gives). */
export function parseRealtimeStatus(
  printer: number,
  offlineCause: number,
  errorCause: number,
  paper: number,
): RealtimeStatus {
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (offlineCause & 0x20) !== 0 || (paper & 0x60) === 0x60,
    paperNearEnd: (paper & 0x0c) === 0x0c,
    cutterError: (errorCause & 0x08) !== 0,
    unrecoverableError: (errorCause & 0x20) !== 0,
  };
}

/** The one status the kiosk shows, the most serious first. */
export function deviceStatusOf(status: RealtimeStatus): DeviceStatus {
  if (status.coverOpen) return 'cover-open';
  if (status.paperOut) return 'paper-out';
  if (status.cutterError) return 'jam';
  if (status.unrecoverableError) return 'hardware-error';
  if (status.offline) return 'offline';
  if (status.paperNearEnd) return 'paper-low';
  return 'online';
}
