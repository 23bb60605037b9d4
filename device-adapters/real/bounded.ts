import { DeviceError, type DeviceKind, type WaitOptions } from '../device';

/**
 * Runs a device call with the bounds every call has on an unattended kiosk: a timeout and an
 * abort signal, both ending it with a DeviceError ('timeout', 'cancelled'). `onEnd` runs once
 * however it ends, so the driver can cancel the work at the device.
 */
export function bounded<T>(
  device: DeviceKind,
  work: (settle: {
    resolve: (value: T) => void;
    reject: (error: DeviceError) => void;
  }) => (() => void) | undefined,
  options: WaitOptions = {},
  defaultTimeoutMs = 30_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DeviceError(device, 'cancelled', `${device}: cancelled before it started`));
      return;
    }
    const cleanup: { run?: () => void } = {};
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      cleanup.run?.();
    };
    const onAbort = () => {
      if (done) return;
      finish();
      reject(new DeviceError(device, 'cancelled', `${device}: cancelled`));
    };
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    const timer = setTimeout(() => {
      if (done) return;
      finish();
      reject(new DeviceError(device, 'timeout', `${device}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    cleanup.run = work({
      resolve: (value) => {
        if (done) return;
        finish();
        resolve(value);
      },
      reject: (error) => {
        if (done) return;
        finish();
        reject(error);
      },
    });
    if (done) cleanup.run?.();
  });
}
