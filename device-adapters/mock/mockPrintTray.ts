import type { Unsubscribe } from '../device';
import type { PrintDocument } from '../../domain';
import type { ReceiptTicket } from '../receiptPrinter';

/** One job a mock printer finished, as the tester's tray shows it. */
export interface PrintedItem {
  device: 'receipt' | 'document';
  title: string;
  /** The printed words in order. */
  text: string;
  /** Epoch milliseconds when the job finished. */
  at: number;
  ticket?: ReceiptTicket;
  document?: PrintDocument;
}

/** The words a receipt carries, top to bottom: texts, the big number, QR captions. */
export function receiptText(ticket: ReceiptTicket): string {
  const lines: string[] = [];
  for (const block of ticket.blocks) {
    if (block.kind === 'text' || block.kind === 'bigNumber') lines.push(block.text);
    if (block.kind === 'qr' && block.caption !== undefined) lines.push(block.caption);
  }
  return lines.join('\n');
}

/** Everything the mock printers have printed, shared so the tray shows both in order. */
export class MockPrintTray {
  #items: PrintedItem[] = [];
  #listeners = new Set<() => void>();

  add(item: PrintedItem): void {
    this.#items.push(item);
    this.#notify();
  }

  list(): PrintedItem[] {
    return [...this.#items];
  }

  /** How many jobs this printer has finished. */
  count(device: PrintedItem['device']): number {
    return this.#items.filter((item) => item.device === device).length;
  }

  clear(): void {
    this.#items = [];
    this.#notify();
  }

  onChange(listener: () => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
