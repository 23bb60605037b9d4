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

/**
 * The stand-in for an actor the composition root must provide: a machine started without it
 * fails at once, naming what is missing, instead of waiting forever.
 */
export const unprovidedActor = (machine: string) => (name: string) => async (): Promise<never> => {
  throw new Error(`${machine} needs ${name}: provide it from the composition root.`);
};
