import {
  DeviceError,
  type DeviceErrorCode,
  type DeviceKind,
  type DeviceStatus,
  type Unsubscribe,
  type WaitOptions,
} from '../device';
import { bounded } from '../shared/bounded';
import { StatusCell } from '../shared/statusCell';
import { MOCK_FAULTS, describeFault, type MockFault, type MockFaultName } from './mockFault';
import { sleep } from './mockTiming';

/** Faults that are a device condition: they set the status and fail calls, also calls under way. */
const CONDITIONS = ['offline', 'hardware-error', 'cover-open', 'jam', 'paper-out'] as const;
type Condition = (typeof CONDITIONS)[number];

/** Paper is one quantity: low and out replace each other. */
const PAPER_LEVELS: readonly MockFaultName[] = ['paper-low', 'paper-out'];

function isCondition(name: MockFaultName): name is Condition {
  return (CONDITIONS as readonly MockFaultName[]).includes(name);
}

/**
 * What every mock device shares: its status with listeners, the faults a tester has put on it,
 * and the bounded, cancellable, interruptible running of its calls.
 */
export class MockDeviceCore {
  readonly kind: DeviceKind;
  #faults = new Set<MockFaultName>();
  #slowMs = 0;
  #busyCalls = 0;
  readonly #status = new StatusCell('online');
  #changeListeners = new Set<() => void>();
  /** The calls under way, each interrupted with the error of a condition fault injected meanwhile. */
  #calls = new Set<(error: DeviceError) => void>();

  constructor(kind: DeviceKind) {
    this.kind = kind;
  }

  get status(): DeviceStatus {
    return this.#status.value;
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.#status.subscribe(listener);
  }

  /** For the tester's panel: anything about this device changed (status, faults, its own state). */
  onChange(listener: () => void): Unsubscribe {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  notifyChange(): void {
    for (const listener of [...this.#changeListeners]) listener();
  }

  get faults(): MockFault[] {
    const named: MockFault[] = [...this.#faults];
    return this.#slowMs > 0 ? [...named, { slow: this.#slowMs }] : named;
  }

  has(name: MockFaultName): boolean {
    return this.#faults.has(name);
  }

  /** Removes a one-shot fault as it takes effect; tells whether it was there. */
  take(name: MockFaultName): boolean {
    const had = this.#faults.delete(name);
    if (had) this.notifyChange();
    return had;
  }

  /** A call's own duration plus what a `{ slow }` fault adds. */
  duration(ms: number): number {
    return ms + this.#slowMs;
  }

  inject(fault: MockFault): void {
    if (typeof fault === 'object') {
      if (!Number.isFinite(fault.slow) || fault.slow < 0) {
        throw new Error(
          `{ slow: ms } takes a finite number of milliseconds ≥ 0, got ${fault.slow}`,
        );
      }
      this.#slowMs = fault.slow;
      this.notifyChange();
      return;
    }
    const takes = MOCK_FAULTS[this.kind];
    if (!takes.includes(fault)) {
      throw new Error(
        `The mock ${this.kind} device does not take the fault ${describeFault(fault)}; it takes: ${[
          ...takes.map((name) => `'${name}'`),
          '{ slow: ms }',
        ].join(', ')}`,
      );
    }
    if (PAPER_LEVELS.includes(fault)) {
      for (const level of PAPER_LEVELS) this.#faults.delete(level);
    }
    this.#faults.add(fault);
    if (isCondition(fault)) {
      const error = this.#conditionError(fault);
      for (const interrupt of [...this.#calls]) interrupt(error);
    }
    this.#update();
    this.notifyChange();
  }

  /** Removes every fault: the status returns to 'online' (or 'busy' while a call runs). */
  clear(): void {
    this.#faults.clear();
    this.#slowMs = 0;
    this.#update();
    this.notifyChange();
  }

  error(code: DeviceErrorCode, message: string): DeviceError {
    return new DeviceError(this.kind, code, `mock ${this.kind}: ${message}`);
  }

  /** Marks the device busy until the returned function is called. */
  beginBusy(): () => void {
    this.#busyCalls += 1;
    this.#update();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#busyCalls -= 1;
      this.#update();
    };
  }

  /** The device is 'busy' for `ms` plus what a `{ slow }` fault adds, or until the signal aborts. */
  async busyFor(ms: number, signal: AbortSignal): Promise<void> {
    const endBusy = this.beginBusy();
    try {
      await sleep(this.duration(ms), signal);
    } finally {
      endBusy();
    }
  }

  /**
   * Runs one device call, bounded like every device call (see bounded): refused at once when
   * cancelled or under a condition fault; otherwise `body` runs with a signal that aborts when
   * the call ends early: on the caller's abort, on the timeout, or when a condition fault is
   * injected meanwhile, which fails the call with that fault's error.
   */
  run<T>(
    options: WaitOptions,
    defaultTimeoutMs: number,
    body: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    return bounded<T>(
      this.kind,
      ({ resolve, reject }) => {
        const refusal = this.#refusal();
        if (refusal) {
          reject(refusal);
          return undefined;
        }
        const call = new AbortController();
        const interrupt = (error: DeviceError) => {
          call.abort(error);
          reject(error);
        };
        this.#calls.add(interrupt);
        // The body's own failure (a staged outcome, a DeviceError of its own) passes through as it is.
        body(call.signal).then(resolve, (error: unknown) => reject(error as DeviceError));
        return () => {
          this.#calls.delete(interrupt);
          call.abort();
        };
      },
      options,
      defaultTimeoutMs,
      {
        cancelledEarly: `mock ${this.kind}: the call was cancelled before it began`,
        cancelled: `mock ${this.kind}: the call was cancelled`,
        timeout: (timeoutMs) => `mock ${this.kind}: no answer within ${timeoutMs} ms`,
      },
    );
  }

  #refusal(): DeviceError | undefined {
    const condition = CONDITIONS.find((name) => this.#faults.has(name));
    return condition && this.#conditionError(condition);
  }

  #conditionError(condition: Condition): DeviceError {
    return this.error(condition, `the device is ${condition} (a fault the tester injected)`);
  }

  #update(): void {
    const condition = CONDITIONS.find((name) => this.#faults.has(name));
    const next: DeviceStatus =
      condition ??
      (this.#faults.has('paper-low') ? 'paper-low' : this.#busyCalls > 0 ? 'busy' : 'online');
    if (this.#status.set(next)) this.notifyChange();
  }
}
