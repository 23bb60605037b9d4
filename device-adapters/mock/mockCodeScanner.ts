import { isWorking, type DeviceStatus, type Unsubscribe } from '../device';
import type { CodeScanner, ScanSource, ScannedCode } from '../codeScanner';
import { MockDevice } from './mockDevice';
import { sleep } from './mockTiming';

export interface MockCodeScannerOptions {
  /** The source scans report unless a scan says otherwise. Default 'wedge'. */
  source?: ScanSource;
  /** How long start() and stop() take (a camera takes a moment). Default 0. */
  switchMs?: number;
}

/** A scan that reached no listener, and why: testers can see that the kiosk was not listening. */
export interface IgnoredScan {
  text: string;
  at: number;
  reason: 'stopped' | DeviceStatus;
}

/** A simulated code scanner: codes reach listeners only between start() and stop(). */
export class MockCodeScanner extends MockDevice<'scanner'> implements CodeScanner {
  readonly #source: ScanSource;
  readonly #switchMs: number;
  #running = false;
  #codeListeners = new Set<(code: ScannedCode) => void>();
  #ignored: IgnoredScan[] = [];

  constructor(options: MockCodeScannerOptions = {}) {
    super('scanner');
    this.#source = options.source ?? 'wedge';
    this.#switchMs = options.switchMs ?? 0;
  }

  get running(): boolean {
    return this.#running;
  }

  onCode(listener: (code: ScannedCode) => void): Unsubscribe {
    this.#codeListeners.add(listener);
    return () => this.#codeListeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.#running) return;
    await this.core.run({}, 10_000, (signal) => sleep(this.core.duration(this.#switchMs), signal));
    this.#running = true;
    this.core.notifyChange();
  }

  /** Stops delivering at once; resolves once the (simulated) camera is released. Never fails. */
  async stop(): Promise<void> {
    const wasRunning = this.#running;
    this.#running = false;
    if (wasRunning) this.core.notifyChange();
    await sleep(this.core.duration(this.#switchMs));
  }

  // Controls for testers and the simulator.

  /**
   * Someone scans a code. Delivered to onCode listeners only while running and working;
   * otherwise kept as ignored. Tells whether it was delivered.
   */
  scan(text: string, source: ScanSource = this.#source): boolean {
    const at = Date.now();
    if (!this.#running || !isWorking(this.core.status)) {
      this.#ignored.push({ text, at, reason: this.#running ? this.core.status : 'stopped' });
      this.core.notifyChange();
      return false;
    }
    const code: ScannedCode = { text, source, at };
    for (const listener of [...this.#codeListeners]) listener(code);
    return true;
  }

  /** Scans that reached no listener, oldest first. */
  ignored(): IgnoredScan[] {
    return [...this.#ignored];
  }
}
