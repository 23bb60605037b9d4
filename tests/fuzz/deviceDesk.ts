import fc from 'fast-check';
import { fromPromise } from 'xstate';
import { deviceFailure } from './deviceErrors';

/** How the fuzz settles the oldest waiting device call: the `pick`-th answer, or a failure. */
export type Settle = { ok: true; pick: number } | { ok: false; error: unknown };

export const settle: fc.Arbitrary<Settle> = fc.oneof(
  { arbitrary: fc.record({ ok: fc.constant(true as const), pick: fc.nat() }), weight: 4 },
  { arbitrary: fc.record({ ok: fc.constant(false as const), error: deviceFailure }), weight: 1 },
);

interface Waiting {
  name: string;
  signal: AbortSignal;
  settle: (how: Settle) => void;
}

/**
 * The devices and services of a flow, as the fuzz plays them: every call waits here until the
 * property settles it, so that user events land while calls are in flight, in any order.
 * Calls never hang for good: real adapters bound every call (device-adapters/shared/bounded.ts),
 * so a device that never answers is a 'timeout' failure here. One desk serves every run of a
 * property (machines are provided once: provide() is slow); reset() starts a run afresh.
 */
export class DeviceDesk {
  #waiting: Waiting[] = [];

  reset(): void {
    this.#waiting = [];
  }

  /** A fromPromise actor that answers with one of `answers(input)`, or fails, when settled. */
  actor<T, I>(name: string, answers: (input: I) => readonly T[]) {
    return fromPromise<T, I>(
      ({ input, signal }) =>
        new Promise<T>((resolve, reject) => {
          this.#waiting.push({
            name,
            signal,
            settle: (how) => {
              if (!how.ok) return reject(how.error);
              const options = answers(input);
              if (options.length === 0) throw new Error(`the fuzz world has no answer for ${name}`);
              resolve(options[how.pick % options.length] as T);
            },
          });
        }),
    );
  }

  /** Whether a call is waiting whose invoking state is still there to hear the answer. */
  get busy(): boolean {
    this.#dropAbandoned();
    return this.#waiting.length > 0;
  }

  /** Settles the oldest call still awaited; false when none is. */
  settleOldest(how: Settle): boolean {
    this.#dropAbandoned();
    const call = this.#waiting.shift();
    call?.settle(how);
    return call !== undefined;
  }

  // A call whose state was left (the citizen went back) is stopped by XState: its answer is lost.
  #dropAbandoned(): void {
    this.#waiting = this.#waiting.filter((call) => !call.signal.aborted);
  }
}

/**
 * Lets a settled call's answer reach its machine, fake timers or not: fromPromise hears its
 * promise one microtask later and XState handles the event at once; ten turns leave room for
 * the answer to travel from a flow to the session. (A macrotask per step made the runs slow.)
 */
export async function flush(): Promise<void> {
  for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
}
