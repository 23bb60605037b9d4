import type { Unsubscribe } from '../device';

/**
 * Waits `ms` (0: only a microtask, so tests under fake timers need not advance the clock), failing
 * with the signal's reason when it aborts. Uses the global setTimeout at call time, so fake timers apply.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    if (ms <= 0) {
      queueMicrotask(() => (signal?.aborted ? reject(signal.reason) : resolve()));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Waits until `subscribe` calls its `done` (which it may do at once), failing with the signal's
 * reason when it aborts first. The subscription is always undone.
 */
export function until(
  signal: AbortSignal,
  subscribe: (done: () => void) => Unsubscribe,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    // `done` may be called inside `subscribe`, before its unsubscribe exists.
    const subscription: { finished: boolean; undo?: Unsubscribe } = { finished: false };
    const finish = () => {
      subscription.finished = true;
      subscription.undo?.();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const undo = subscribe(() => {
      if (subscription.finished) return;
      finish();
      resolve();
    });
    if (subscription.finished) undo();
    else subscription.undo = undo;
  });
}
