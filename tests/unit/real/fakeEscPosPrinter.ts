import type { Unsubscribe } from '../../../device-adapters';
import type { PrinterTransport } from '../../../device-adapters/real/escpos/escPosReceiptPrinter';

type Condition = 'ok' | 'near-end' | 'paper-out' | 'cover-open' | 'jam';

/**
 * An ESC/POS printer at the far end of a transport: it answers DLE EOT from its condition at
 * once, prints a job in `printMs`, and answers GS r 1 only after the job — unless it ran out
 * of paper, jammed or had its cover opened meanwhile, when it stops, as a real one does.
 */
export class FakeEscPosPrinter implements PrinterTransport {
  connected = true;
  condition: Condition = 'ok';
  stalled = false;
  printed = 0;
  readonly jobs: Uint8Array[] = [];
  #data = new Set<(bytes: Uint8Array) => void>();
  #connection = new Set<(connected: boolean) => void>();
  #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(readonly printMs = 50) {}

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.connected) throw new Error('port closed');
    if (this.stalled) return;
    if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) {
      this.#answer(this.#realtime(bytes[2] ?? 0));
      return;
    }
    this.jobs.push(bytes);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (this.condition === 'ok' || this.condition === 'near-end') {
        this.printed += 1;
        this.#answer(0x00); // GS r 1: paper present
      }
    }, this.printMs);
    this.#timers.add(timer);
  }

  onData(listener: (bytes: Uint8Array) => void): Unsubscribe {
    this.#data.add(listener);
    return () => this.#data.delete(listener);
  }

  onConnection(listener: (connected: boolean) => void): Unsubscribe {
    this.#connection.add(listener);
    return () => this.#connection.delete(listener);
  }

  unplug(): void {
    this.connected = false;
    for (const l of [...this.#connection]) l(false);
  }

  plugIn(): void {
    this.connected = true;
    for (const l of [...this.#connection]) l(true);
  }

  dispose(): void {
    for (const timer of this.#timers) clearTimeout(timer);
  }

  #realtime(n: number): number {
    const base = 0x12;
    const stopped =
      this.condition === 'paper-out' || this.condition === 'cover-open' || this.condition === 'jam';
    if (n === 1) return base | (stopped ? 0x08 : 0);
    if (n === 2)
      return (
        base |
        (this.condition === 'cover-open' ? 0x04 : 0) |
        (this.condition === 'paper-out' ? 0x20 : 0)
      );
    if (n === 3) return base | (this.condition === 'jam' ? 0x08 : 0);
    return (
      base |
      (this.condition === 'near-end' ? 0x0c : 0) |
      (this.condition === 'paper-out' ? 0x60 : 0)
    );
  }

  #answer(byte: number): void {
    queueMicrotask(() => {
      for (const l of [...this.#data]) l(Uint8Array.of(byte));
    });
  }
}
