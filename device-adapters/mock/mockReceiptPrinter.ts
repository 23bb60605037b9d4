import type { DeviceStatus, Unsubscribe, WaitOptions } from '../device';
import type { MediaEvent, ReceiptPrinter, ReceiptTicket } from '../receiptPrinter';
import { MockDeviceCore } from './mockDeviceCore';
import type { MockFault } from './mockFault';
import { MockPrintTray, receiptText } from './mockPrintTray';
import { sleep } from './mockTiming';

export interface MockReceiptPrinterOptions {
  /** How long a ticket takes to print and cut; the printer is 'busy' meanwhile. Default 600 ms. */
  printMs?: number;
  /** Bound when the caller gives no timeoutMs. Default 30 s. */
  defaultTimeoutMs?: number;
  /** Where finished tickets go; shared with the document printer by createMockDevices. */
  tray?: MockPrintTray;
}

/**
 * A simulated thermal receipt printer. A fault injected while a ticket prints fails that ticket,
 * so testers can run out of paper mid-ticket.
 */
export class MockReceiptPrinter implements ReceiptPrinter {
  readonly kind = 'receipt' as const;
  readonly #core = new MockDeviceCore('receipt');
  readonly #printMs: number;
  readonly #defaultTimeoutMs: number;
  readonly tray: MockPrintTray;
  #mediaAtExit = false;
  #mediaListeners = new Set<(event: MediaEvent) => void>();

  constructor(options: MockReceiptPrinterOptions = {}) {
    this.#printMs = options.printMs ?? 600;
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? 30_000;
    this.tray = options.tray ?? new MockPrintTray();
  }

  get status(): DeviceStatus {
    return this.#core.status;
  }

  get mediaAtExit(): boolean {
    return this.#mediaAtExit;
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.#core.onStatus(listener);
  }

  onMedia(listener: (event: MediaEvent) => void): Unsubscribe {
    this.#mediaListeners.add(listener);
    return () => this.#mediaListeners.delete(listener);
  }

  print(ticket: ReceiptTicket, options: WaitOptions = {}): Promise<void> {
    return this.#core.run(options, this.#defaultTimeoutMs, async (signal) => {
      const endBusy = this.#core.beginBusy();
      try {
        await sleep(this.#core.duration(this.#printMs), signal);
      } finally {
        endBusy();
      }
      this.tray.add({
        device: 'receipt',
        title: ticket.title,
        text: receiptText(ticket),
        at: Date.now(),
        ticket: structuredClone(ticket),
      });
      this.#mediaAtExit = true;
      this.#emitMedia('presented');
    });
  }

  // Controls for testers and the simulator.

  /** The citizen pulls the ticket out of the exit slot; nothing happens when none is there. */
  takePaper(): void {
    if (!this.#mediaAtExit) return;
    this.#mediaAtExit = false;
    this.#emitMedia('taken');
  }

  /** How many tickets this printer has finished. */
  get printedCount(): number {
    return this.tray.list().filter((item) => item.device === 'receipt').length;
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

  #emitMedia(event: MediaEvent): void {
    for (const listener of [...this.#mediaListeners]) listener(event);
    this.#core.notifyChange();
  }
}
