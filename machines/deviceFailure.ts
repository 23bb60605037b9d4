import type { EventObject } from 'xstate';
import type { DeviceErrorCode } from '../device-adapters';
import { isQuotaError } from '../domain/storageFailure';

export { StorageFullError, isQuotaError } from '../domain/storageFailure';

/**
 * The code of a failed device call; a full storage is 'storage-full' wherever it was refused;
 * anything else that is not a DeviceError counts as a hardware error.
 */
export function deviceErrorCode(error: unknown): DeviceErrorCode {
  if (isQuotaError(error)) return 'storage-full';
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
    ? (error.code as DeviceErrorCode)
    : 'hardware-error';
}

/** The error an invoked actor failed with, read from the event that says so (none: undefined). */
export function errorOf(event: EventObject): unknown {
  return 'error' in event ? event.error : undefined;
}

/** The device error code of the failure event a named action runs for. */
export const failureOf = (event: EventObject): DeviceErrorCode => deviceErrorCode(errorOf(event));

/** Whether a failed print may have printed (a jam, a timeout): the journal's PrintFailedError says so. */
export function mayHavePrinted(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'uncertain' in error && error.uncertain === true
  );
}

/**
 * The stand-in for an actor the composition root must provide: a machine started without it
 * fails at once, naming what is missing, instead of waiting forever.
 */
export const unprovidedActor = (machine: string) => (name: string) => async (): Promise<never> => {
  throw new Error(`${machine} needs ${name}: provide it from the composition root.`);
};
