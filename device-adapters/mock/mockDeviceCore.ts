import {
  DeviceError,
  type DeviceErrorCode,
  type DeviceKind,
  type DeviceStatus,
  type Unsubscribe,
  type WaitOptions,
} from '../device';
import { MOCK_FAULTS, describeFault, type MockFault, type MockFaultName } from './mockFault';

/** Faults that are a device condition: they set the status and fail calls, also calls under way. */
const CONDITIONS = ['offline', 'hardware-error', 'cover-open', 'jam', 'paper-out'] as const;
type Condition = (typeof CONDITIONS)[number];

const MAX_TIMER_MS = 2_147_483_647;

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
  #status: DeviceStatus = 'online';
  #statusListeners = new Set<(status: DeviceStatus) => void>();
  #changeListeners = new Set<() => void>();
  #calls = new Set<AbortController>();

  constructor(kind: DeviceKind) {
    this.kind = kind;
  }

  get status(): DeviceStatus {
    return this.#status;
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
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
      for (const call of [...this.#calls]) call.abort(error);
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

  /**
   * Runs one device call: refused at once when cancelled or under a condition fault; otherwise
   * `body` runs with a signal that aborts (with the DeviceError to throw) on the caller's abort,
   * on the timeout, or when a condition fault is injected meanwhile.
   */
  async run<T>(
    options: WaitOptions,
    defaultTimeoutMs: number,
    body: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const { signal: callerSignal, timeoutMs = defaultTimeoutMs } = options;
    if (callerSignal?.aborted)
      throw this.error('cancelled', 'the call was cancelled before it began');
    const refusal = this.#refusal();
    if (refusal) throw refusal;

    const call = new AbortController();
    const onCallerAbort = () => call.abort(this.error('cancelled', 'the call was cancelled'));
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    // setTimeout fires at once past 2^31 − 1 ms; a bound that long means no bound.
    const timer =
      timeoutMs <= MAX_TIMER_MS
        ? setTimeout(
            () => call.abort(this.error('timeout', `no answer within ${timeoutMs} ms`)),
            timeoutMs,
          )
        : undefined;
    this.#calls.add(call);
    try {
      const result = await body(call.signal);
      call.signal.throwIfAborted();
      return result;
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      this.#calls.delete(call);
    }
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
    if (next === this.#status) return;
    this.#status = next;
    for (const listener of [...this.#statusListeners]) listener(next);
    this.notifyChange();
  }
}
