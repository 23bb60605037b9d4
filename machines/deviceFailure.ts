import type { DeviceErrorCode } from '../device-adapters';

/** The code of a failed device call; anything that is not a DeviceError counts as a hardware error. */
export function deviceErrorCode(error: unknown): DeviceErrorCode {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
    ? (error.code as DeviceErrorCode)
    : 'hardware-error';
}
