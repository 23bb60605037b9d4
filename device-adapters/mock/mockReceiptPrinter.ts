import { DEFAULT_DEVICE_TIMEOUTS } from '../../domain';
import type { Unsubscribe, WaitOptions } from '../device';
import type { MediaEvent, ReceiptPrinter, ReceiptTicket } from '../receiptPrinter';
import { MockPrinter, type MockPrinterOptions } from './mockPrinter';
import { receiptText } from './mockPrintTray';

export interface MockReceiptPrinterOptions extends MockPrinterOptions {
  /** How long a ticket takes to print and cut; the printer is 'busy' meanwhile. Default 600 ms. */
  printMs?: number;
  /** Bound when the caller gives no timeoutMs. Default 30 s. */
  defaultTimeoutMs?: number;
}

/**
 * A simulated thermal receipt printer. A fault injected while a ticket prints fails that ticket,
 * so testers can run out of paper mid-ticket.
 */
export class MockReceiptPrinter extends MockPrinter<'receipt'> implements ReceiptPrinter {
  #mediaAtExit = false;
  #mediaListeners = new Set<(event: MediaEvent) => void>();

  constructor(options: MockReceiptPrinterOptions = {}) {
    super('receipt', options, {
      printMs: 600,
      defaultTimeoutMs: DEFAULT_DEVICE_TIMEOUTS.receiptPrintMs,
    });
  }

  get mediaAtExit(): boolean {
    return this.#mediaAtExit;
  }

  onMedia(listener: (event: MediaEvent) => void): Unsubscribe {
    this.#mediaListeners.add(listener);
    return () => this.#mediaListeners.delete(listener);
  }

  print(ticket: ReceiptTicket, options: WaitOptions = {}): Promise<void> {
    const job = () => ({
      title: ticket.title,
      text: receiptText(ticket),
      ticket: structuredClone(ticket),
    });
    return this.printJob(options, job, () => {
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

  #emitMedia(event: MediaEvent): void {
    for (const listener of [...this.#mediaListeners]) listener(event);
    this.core.notifyChange();
  }
}
