import { vi } from 'vitest';

/** Taken before any faking: fake-indexeddb and Node's crypto keep running on real turns. */
const realSetImmediate = globalThis.setImmediate;
const realSetTimeout = globalThis.setTimeout;
const nextTurn = () => new Promise<void>((resolve) => realSetImmediate(resolve));
/** A real millisecond, for work that takes longer than a few turns (a GC pause, a busy thread pool). */
const realPause = () => new Promise<void>((resolve) => realSetTimeout(resolve, 1));

/** Only the clock and the timers are simulated; setImmediate and microtasks stay real. */
const FAKED = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;

/** Timers a single wait may fire before the harness calls it a timer storm. */
const MAX_TIMERS_PER_WAIT = 200_000;
/** Real time a drain may take before the harness calls the outstanding work stuck. */
const MAX_DRAIN_MS = 30_000;

/**
 * Simulated time for the whole kiosk: fake timers fired one at a time, and after each one every
 * piece of real asynchronous work (IndexedDB, SHA-256) is let finish before the next fires. So a
 * run depends on its seed, not on how fast the machine is.
 */
export class SimClock {
  #inFlight = 0;
  /** Called with what a timer threw, or with outstanding work that never finished. */
  readonly #onFault: (what: string, error: unknown) => void;
  /** Harness work to do between two timers (a reload asked for from inside a device callback). */
  between: (() => Promise<void>) | null = null;

  constructor(onFault: (what: string, error: unknown) => void) {
    this.#onFault = onFault;
  }

  install(start: Date): void {
    vi.useFakeTimers({ toFake: [...FAKED], now: start });
  }

  uninstall(): void {
    vi.useRealTimers();
  }

  get now(): number {
    return Date.now();
  }

  /** Moves the wall clock forward without firing anything (the gap between two visitors). */
  jumpTo(moment: number): void {
    if (moment > Date.now()) vi.setSystemTime(moment);
  }

  /** Counts real asynchronous work, so that drain() waits for it. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.#inFlight += 1;
    const settled = () => {
      this.#inFlight -= 1;
    };
    promise.then(settled, settled);
    return promise;
  }

  /** Lets every microtask and every tracked piece of real work finish. */
  async drain(): Promise<void> {
    let quiet = 0;
    const started = performance.now();
    for (let turn = 0; quiet < 2; turn += 1) {
      await (turn < 1_000 ? nextTurn() : realPause());
      quiet = this.#inFlight === 0 ? quiet + 1 : 0;
      if (quiet === 0 && performance.now() - started > MAX_DRAIN_MS) {
        this.#onFault(
          'drain',
          new Error(`${this.#inFlight} asynchronous operation(s) never finished`),
        );
        return;
      }
    }
  }

  /** Lets `ms` of simulated time pass. */
  async advance(ms: number): Promise<void> {
    await this.advanceUntil(() => false, ms);
  }

  /**
   * Fires timers one by one until `done` holds or `ms` have passed; tells whether `done` held.
   * Between timers the outstanding real work finishes, then `between` runs.
   */
  async advanceUntil(done: () => boolean, ms: number): Promise<boolean> {
    let reached = false;
    const limit = setTimeout(() => {
      reached = true;
    }, ms);
    await this.drain();
    await this.between?.();
    for (let fired = 0; !reached; fired += 1) {
      if (done()) {
        clearTimeout(limit);
        return true;
      }
      if (fired > MAX_TIMERS_PER_WAIT) {
        this.#onFault('timers', new Error(`more than ${MAX_TIMERS_PER_WAIT} timers in one wait`));
        clearTimeout(limit);
        break;
      }
      try {
        vi.advanceTimersToNextTimer();
      } catch (error) {
        this.#onFault('timer', error);
      }
      await this.drain();
      await this.between?.();
    }
    return done();
  }
}
