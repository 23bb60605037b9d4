import type { DeviceStatus, Unsubscribe, WaitOptions } from '../device';
import type { DocumentPrinter, PrintDocument } from '../documentPrinter';
import { MockDeviceCore } from './mockDeviceCore';
import type { MockFault } from './mockFault';
import { MockPrintTray } from './mockPrintTray';
import { sleep } from './mockTiming';

export interface MockDocumentPrinterOptions {
  /** How long a document takes to print; the printer is 'busy' meanwhile. Default 1500 ms. */
  printMs?: number;
  /** Bound when the caller gives no timeoutMs. Default 120 s. */
  defaultTimeoutMs?: number;
  /** Where finished documents go; shared with the receipt printer by createMockDevices. */
  tray?: MockPrintTray;
}

/** A simulated A4 / licence-paper printer, with the receipt printer's fault and status model. */
export class MockDocumentPrinter implements DocumentPrinter {
  readonly kind = 'document' as const;
  readonly #core = new MockDeviceCore('document');
  readonly #printMs: number;
  readonly #defaultTimeoutMs: number;
  readonly tray: MockPrintTray;

  constructor(options: MockDocumentPrinterOptions = {}) {
    this.#printMs = options.printMs ?? 1500;
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? 120_000;
    this.tray = options.tray ?? new MockPrintTray();
  }

  get status(): DeviceStatus {
    return this.#core.status;
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.#core.onStatus(listener);
  }

  print(document: PrintDocument, options: WaitOptions = {}): Promise<void> {
    return this.#core.run(options, this.#defaultTimeoutMs, async (signal) => {
      const endBusy = this.#core.beginBusy();
      try {
        await sleep(this.#core.duration(this.#printMs), signal);
      } finally {
        endBusy();
      }
      this.tray.add({
        device: 'document',
        title: document.title,
        text: document.text,
        at: Date.now(),
        document: structuredClone(document),
      });
    });
  }

  /** The simulated printer keeps its job history: a job is completed when its paper is in the tray. */
  async jobStatus(jobKey: string): Promise<'completed' | 'not-found'> {
    return this.tray.list().some((item) => item.document?.jobKey === jobKey)
      ? 'completed'
      : 'not-found';
  }

  // Controls for testers and the simulator.

  /** How many documents this printer has finished. */
  get printedCount(): number {
    return this.tray.list().filter((item) => item.device === 'document').length;
  }

  get faults(): MockFault[] {
    return this.#core.faults;
  }

  inject(fault: MockFault): void {
    this.#core.inject(fault);
  }

  clear(): void {
    this.#core.clear();
  }

  onChange(listener: () => void): Unsubscribe {
    return this.#core.onChange(listener);
  }
}
