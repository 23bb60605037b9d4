import type { Unsubscribe } from '../../device';
import type { PrinterTransport } from './escPosReceiptPrinter';

/** The parts of the WebSerial API the transport uses (TypeScript's DOM library lacks them). */
export interface SerialPortLike {
  getInfo(): { usbVendorId?: number; usbProductId?: number };
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
}

export interface SerialLike extends EventTarget {
  getPorts(): Promise<SerialPortLike[]>;
  requestPort(options?: {
    filters: Array<{ usbVendorId: number; usbProductId?: number }>;
  }): Promise<SerialPortLike>;
}

/**
 * A receipt printer on a serial line (or a USB printer that shows up as one) through WebSerial.
 * `reconnect` finds a port the browser was already allowed to use, by USB vendor and product id,
 * so a kiosk restarts with its printer and no picker; `choose` opens the picker (staff only, it
 * needs a tap). Writes go through one queue; what the printer answers is passed on as it comes.
 */
export class WebSerialTransport implements PrinterTransport {
  #port: SerialPortLike | null = null;
  #writeQueue: Promise<void> = Promise.resolve();
  #data = new Set<(bytes: Uint8Array) => void>();
  #connection = new Set<(connected: boolean) => void>();
  readonly #serial: SerialLike;
  readonly #baudRate: number;

  constructor(serial: SerialLike, baudRate = 115_200) {
    this.#serial = serial;
    this.#baudRate = baudRate;
    serial.addEventListener('disconnect', (event) => {
      if ((event as Event & { target: unknown }).target === this.#port) this.#lost();
    });
  }

  get connected(): boolean {
    return this.#port !== null;
  }

  /** Opens a port already permitted for this printer; false when there is none. */
  async reconnect(usb?: { vendorId: number; productId: number }): Promise<boolean> {
    const ports = await this.#serial.getPorts();
    const port = ports.find((p) => {
      const info = p.getInfo();
      return !usb || (info.usbVendorId === usb.vendorId && info.usbProductId === usb.productId);
    });
    if (!port) return false;
    await this.#open(port);
    return true;
  }

  /** Asks staff to choose the printer's port (the browser's picker). */
  async choose(usb?: { vendorId: number; productId: number }): Promise<void> {
    const port = await this.#serial.requestPort(
      usb ? { filters: [{ usbVendorId: usb.vendorId, usbProductId: usb.productId }] } : undefined,
    );
    await this.#open(port);
  }

  write(bytes: Uint8Array): Promise<void> {
    const next = this.#writeQueue.then(async () => {
      const writable = this.#port?.writable;
      if (!writable) throw new Error('the printer port is not open');
      const writer = writable.getWriter();
      try {
        await writer.write(bytes);
      } finally {
        writer.releaseLock();
      }
    });
    this.#writeQueue = next.catch(() => undefined);
    return next;
  }

  onData(listener: (bytes: Uint8Array) => void): Unsubscribe {
    this.#data.add(listener);
    return () => this.#data.delete(listener);
  }

  onConnection(listener: (connected: boolean) => void): Unsubscribe {
    this.#connection.add(listener);
    return () => this.#connection.delete(listener);
  }

  async disconnect(): Promise<void> {
    const port = this.#port;
    this.#lost();
    await port?.close();
  }

  async #open(port: SerialPortLike): Promise<void> {
    await port.open({ baudRate: this.#baudRate });
    this.#port = port;
    for (const listener of [...this.#connection]) listener(true);
    void this.#readLoop(port);
  }

  async #readLoop(port: SerialPortLike): Promise<void> {
    const reader = port.readable?.getReader();
    if (!reader) return;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (value) for (const listener of [...this.#data]) listener(value);
      }
    } catch {
      // The port went away mid-read: the printer is offline until it is back.
      if (this.#port === port) this.#lost();
    } finally {
      reader.releaseLock();
    }
  }

  #lost(): void {
    if (!this.#port) return;
    this.#port = null;
    for (const listener of [...this.#connection]) listener(false);
  }
}
