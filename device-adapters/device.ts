import type { DeviceKind, DeviceStatus } from '../domain/deviceStatus';

export {
  DEVICE_KINDS,
  WORKING_STATUSES,
  isWorking,
  type DeviceKind,
  type DeviceStatus,
} from '../domain/deviceStatus';

/** Why a device call failed; machines branch on these codes. */
export type DeviceErrorCode =
  | 'timeout'
  | 'cancelled'
  | 'offline'
  | 'busy'
  | 'hardware-error'
  // ID-card reader
  | 'card-removed'
  | 'read-failed'
  // face verifier
  | 'no-face'
  | 'mismatch'
  | 'liveness-failed'
  // printers
  | 'paper-out'
  | 'jam'
  | 'cover-open'
  // scanners and cameras
  | 'permission-denied'
  | 'not-supported'
  // the kiosk's own storage (IndexedDB quota): not a device, but failing the same steps
  | 'storage-full';

export class DeviceError extends Error {
  override readonly name = 'DeviceError';
  constructor(
    readonly device: DeviceKind,
    readonly code: DeviceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isDeviceError(error: unknown, code?: DeviceErrorCode): error is DeviceError {
  return error instanceof DeviceError && (code === undefined || error.code === code);
}

export type Unsubscribe = () => void;

/** What every device adapter has: a kind and a status that can be read and followed. */
export interface Device {
  readonly kind: DeviceKind;
  readonly status: DeviceStatus;
  /** Calls the listener with every status change (not the current one); returns the unsubscribe. */
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe;
}

/** Options every waiting call takes: an unattended kiosk never waits without a bound. */
export interface WaitOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}
