import type { WaitOptions } from '../device';
import { MockDevice } from './mockDevice';
import { MockPrintTray, type PrintedItem } from './mockPrintTray';

export interface MockPrinterOptions {
  /** How long a job takes to print; the printer is 'busy' meanwhile. */
  printMs?: number;
  /** Bound when the caller gives no timeoutMs. */
  defaultTimeoutMs?: number;
  /** Where finished jobs go; shared by both printers in createMockDevices. */
  tray?: MockPrintTray;
}

/** What the two mock printers share: a job keeps the printer busy, then lies in the tray. */
export abstract class MockPrinter<K extends PrintedItem['device']> extends MockDevice<K> {
  readonly tray: MockPrintTray;
  readonly #printMs: number;
  readonly #defaultTimeoutMs: number;

  constructor(
    kind: K,
    options: MockPrinterOptions,
    defaults: { printMs: number; defaultTimeoutMs: number },
  ) {
    super(kind);
    this.#printMs = options.printMs ?? defaults.printMs;
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? defaults.defaultTimeoutMs;
    this.tray = options.tray ?? new MockPrintTray();
  }

  /** How many jobs this printer has finished. */
  get printedCount(): number {
    return this.tray.count(this.kind);
  }

  /**
   * Prints one job: a fault injected meanwhile fails it, so testers can run out of paper mid-job.
   * Once printed, the job (as `job` tells it then) goes to the tray and `printed` runs.
   */
  protected printJob(
    options: WaitOptions,
    job: () => Omit<PrintedItem, 'device' | 'at'>,
    printed?: () => void,
  ): Promise<void> {
    return this.core.run(options, this.#defaultTimeoutMs, async (signal) => {
      await this.core.busyFor(this.#printMs, signal);
      const { title, text, ...content } = job();
      this.tray.add({ device: this.kind, title, text, at: Date.now(), ...content });
      printed?.();
    });
  }
}
