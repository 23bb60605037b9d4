import { DeviceError, type Unsubscribe } from '../device';
import type { ReceiptTransport, ReceiptTransportEvents, UsbIds } from './receiptTransport';
import { TransportEvents } from './transportEvents';
import { readBytes } from './readBytes';
import { readError, transportError } from './transportError';
import type { WebSerial, WebSerialPort } from './webPlatform';
import { WriteQueue } from './writeQueue';

export interface WebSerialTransportOptions {
  /** The printer to look for: the picker's filter, and how reconnect() finds it again. */
  usb: UsbIds;
  /** Most USB printers ignore it (USB CDC); a real RS-232 printer must match its DIP switches. */
  baudRate?: number;
  /** `navigator.serial` unless a test stands in. */
  serial?: WebSerial;
}

function browserSerial(): WebSerial | undefined {
  return (globalThis.navigator as (Navigator & { serial?: WebSerial }) | undefined)?.serial;
}

/**
 * A receipt printer on a serial port (a USB printer in CDC mode, or RS-232), after Niels
 * Leenheer's WebSerialReceiptPrinter, except that no failure is swallowed: calls reject with a
 * DeviceError, and failures outside a call (the read loop, an automatic reconnect) are 'error' events.
 * When the printer is unplugged and plugged back in, the transport reopens it by itself.
 */
export class WebSerialTransport implements ReceiptTransport {
  readonly #ids: UsbIds;
  readonly #baudRate: number;
  readonly #serial: WebSerial | undefined;
  readonly #events = new TransportEvents();
  readonly #queue = new WriteQueue();
  #port: WebSerialPort | undefined;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #reading: Promise<void> = Promise.resolve();
  #listening = false;

  constructor(options: WebSerialTransportOptions) {
    this.#ids = options.usb;
    this.#baudRate = options.baudRate ?? 9600;
    this.#serial = options.serial ?? browserSerial();
  }

  get connected(): boolean {
    return this.#port !== undefined;
  }

  on<E extends keyof ReceiptTransportEvents>(
    event: E,
    listener: (value: ReceiptTransportEvents[E]) => void,
  ): Unsubscribe {
    return this.#events.on(event, listener);
  }

  async connect(): Promise<void> {
    const serial = this.#api();
    let port: WebSerialPort;
    try {
      port = await serial.requestPort({
        filters: [{ usbVendorId: this.#ids.vendorId, usbProductId: this.#ids.productId }],
      });
    } catch (error) {
      throw transportError('no receipt printer was chosen', error);
    }
    await this.#open(port);
  }

  async reconnect(): Promise<void> {
    const serial = this.#api();
    let ports: WebSerialPort[];
    try {
      ports = await serial.getPorts();
    } catch (error) {
      throw transportError('the permitted serial ports could not be listed', error);
    }
    const port = ports.find((candidate) => this.#matches(candidate));
    if (!port) {
      throw new DeviceError(
        'receipt',
        'offline',
        `no permitted serial port is ${this.#describe()}`,
      );
    }
    await this.#open(port);
  }

  async disconnect(): Promise<void> {
    this.#stopListening();
    const port = this.#port;
    if (!port) return;
    this.#port = undefined;
    try {
      await this.#reader?.cancel();
      await this.#reading;
      await port.close();
    } catch (error) {
      throw transportError('the serial port did not close', error);
    } finally {
      this.#events.emit('disconnected', undefined);
    }
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.#queue.run(async () => {
      const port = this.#port;
      if (!port?.writable) {
        throw new DeviceError('receipt', 'offline', 'the receipt printer is not connected');
      }
      const writer = port.writable.getWriter();
      try {
        await writer.write(bytes);
      } catch (error) {
        throw transportError(
          'writing to the receipt printer failed',
          error,
          this.#port ? 'hardware-error' : 'offline',
        );
      } finally {
        writer.releaseLock();
      }
    });
  }

  read(count: number, timeoutMs: number): Promise<Uint8Array> {
    return readBytes(this, count, timeoutMs);
  }

  #api(): WebSerial {
    if (!this.#serial) {
      throw new DeviceError(
        'receipt',
        'not-supported',
        'this browser has no WebSerial (navigator.serial)',
      );
    }
    return this.#serial;
  }

  #describe(): string {
    const hex = (n: number) => n.toString(16).padStart(4, '0');
    return `USB ${hex(this.#ids.vendorId)}:${hex(this.#ids.productId)}`;
  }

  #matches(port: WebSerialPort): boolean {
    const info = port.getInfo();
    return info.usbVendorId === this.#ids.vendorId && info.usbProductId === this.#ids.productId;
  }

  async #open(port: WebSerialPort): Promise<void> {
    if (this.#port === port) return;
    if (this.#port) await this.disconnect();
    try {
      await port.open({ baudRate: this.#baudRate });
    } catch (error) {
      throw transportError(`the serial port ${this.#describe()} did not open`, error);
    }
    this.#port = port;
    this.#startListening();
    this.#reading = this.#readLoop(port);
    this.#events.emit('connected', undefined);
  }

  /** Reads until the port closes; a non-fatal error gives the port a new readable, so it goes on. */
  async #readLoop(port: WebSerialPort): Promise<void> {
    while (this.#port === port && port.readable) {
      const reader = port.readable.getReader();
      this.#reader = reader;
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          if (value && value.length > 0) this.#events.emit('data', value);
        }
      } catch (error) {
        if (this.#port === port) {
          this.#events.emit('error', readError(error));
        }
      } finally {
        reader.releaseLock();
        this.#reader = undefined;
      }
    }
  }

  readonly #onDisconnect = (event: Event) => {
    if (!this.#port || event.target !== this.#port) return;
    this.#port = undefined;
    this.#reader?.cancel().catch((error: unknown) => {
      this.#events.emit('error', transportError('the lost port did not stop reading', error));
    });
    this.#events.emit('disconnected', undefined);
  };

  readonly #onConnect = (event: Event) => {
    const port = event.target as WebSerialPort | null;
    if (this.#port || !port || !this.#matches(port)) return;
    this.#open(port).catch((error: unknown) => {
      this.#events.emit('error', transportError('the printer came back but did not reopen', error));
    });
  };

  #startListening(): void {
    if (this.#listening || !this.#serial) return;
    this.#listening = true;
    this.#serial.addEventListener('disconnect', this.#onDisconnect);
    this.#serial.addEventListener('connect', this.#onConnect);
  }

  #stopListening(): void {
    if (!this.#listening || !this.#serial) return;
    this.#listening = false;
    this.#serial.removeEventListener('disconnect', this.#onDisconnect);
    this.#serial.removeEventListener('connect', this.#onConnect);
  }
}
