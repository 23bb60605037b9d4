import { DeviceError, type DeviceKind, type WaitOptions } from '../device';

/** setTimeout fires at once past 2^31 − 1 ms; a bound that long means no bound. */
const MAX_TIMER_MS = 2_147_483_647;

/** How a bounded call says it was cancelled or ran out of time. */
export interface BoundMessages {
  /** The signal was already aborted when the call was made. */
  cancelledEarly: string;
  cancelled: string;
  timeout: (timeoutMs: number) => string;
}

/** The way a device call ends; each tells whether it ended the call (false: it had ended before). */
export interface Settle<T> {
  resolve: (value: T) => boolean;
  reject: (error: DeviceError) => boolean;
}

function plainMessages(device: DeviceKind): BoundMessages {
  return {
    cancelledEarly: `${device}: cancelled before it started`,
    cancelled: `${device}: cancelled`,
    timeout: (timeoutMs) => `${device}: no answer within ${timeoutMs} ms`,
  };
}

/**
 * Runs a device call with the bounds every call has on an unattended kiosk: a timeout and an
 * abort signal, both ending it with a DeviceError ('timeout', 'cancelled'). `work` starts the
 * call and may end it at once; the function it returns runs once however the call ends (before
 * the caller hears of it), so the driver can cancel the work at the device.
 */
export function bounded<T>(
  device: DeviceKind,
  work: (settle: Settle<T>) => (() => void) | undefined,
  options: WaitOptions = {},
  defaultTimeoutMs = 30_000,
  messages: BoundMessages = plainMessages(device),
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DeviceError(device, 'cancelled', messages.cancelledEarly));
      return;
    }
    const cleanup: { run?: (() => void) | undefined } = {};
    let done = false;
    const finish = (): boolean => {
      if (done) return false;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      cleanup.run?.();
      return true;
    };
    const onAbort = () => {
      if (finish()) reject(new DeviceError(device, 'cancelled', messages.cancelled));
    };
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    const timer =
      timeoutMs <= MAX_TIMER_MS
        ? setTimeout(() => {
            if (finish()) reject(new DeviceError(device, 'timeout', messages.timeout(timeoutMs)));
          }, timeoutMs)
        : undefined;
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      cleanup.run = work({
        resolve: (value) => {
          if (!finish()) return false;
          resolve(value);
          return true;
        },
        reject: (error) => {
          if (!finish()) return false;
          reject(error);
          return true;
        },
      });
    } catch (error) {
      if (finish()) reject(error);
    }
    if (done) cleanup.run?.();
  });
}
