import { DeviceError, type Unsubscribe } from '../device';
import { readBytes } from './readBytes';
import type { ReceiptTransport, ReceiptTransportEvents, UsbIds } from './receiptTransport';
import { transportError } from './transportError';
import { TransportEvents } from './transportEvents';
import { WriteQueue } from './writeQueue';

/** For messages: the API ('WebSerial (navigator.serial)'), what it lists, what it opens. */
export interface UsbApiNames {
  api: string;
  /** What the API lists: 'serial port', 'serial ports'. */
  one: string;
  many: string;
  /** What the transport opens and closes: 'serial port', 'USB printer'. */
  printer: string;
}

/** How a browser API (WebSerial, WebUSB) finds a printer by its USB ids. */
export interface UsbPrinterApi<H> {
  /** The API itself, for its 'connect' and 'disconnect' events. */
  readonly target: EventTarget;
  /** The picker, showing only printers with these ids. */
  request(ids: UsbIds): Promise<H>;
  /** The printers the operator permitted before. */
  permitted(): Promise<H[]>;
  idsOf(handle: H): { vendorId?: number | undefined; productId?: number | undefined };
  /** The printer a 'connect' or 'disconnect' event is about. */
  handleOf(event: Event): H | null | undefined;
}

/**
 * What the WebSerial and WebUSB transports share: choosing the printer by its USB ids, finding it
 * again without asking, reopening it when it is plugged back in, noticing it is gone, the events
 * and the write queue. Each transport opens, closes, reads and writes its own way.
 */
export abstract class UsbTransport<H> implements ReceiptTransport {
  readonly #ids: UsbIds;
  readonly #names: UsbApiNames;
  readonly #api: UsbPrinterApi<H> | undefined;
  readonly #events = new TransportEvents();
  readonly #queue = new WriteQueue();
  #listening = false;

  /** `api` is undefined in a browser without it: every call then fails 'not-supported'. */
  constructor(ids: UsbIds, names: UsbApiNames, api: UsbPrinterApi<H> | undefined) {
    this.#ids = ids;
    this.#names = names;
    this.#api = api;
  }

  /** The open printer, if any. */
  protected abstract current(): H | undefined;
  /** Opens this printer (closing another one open first); emits 'connected'. */
  protected abstract open(handle: H): Promise<void>;
  /** Forgets the open printer and returns how to close it; undefined when none is open. */
  protected abstract detach(): (() => Promise<void>) | undefined;
  /** The open printer went away: forget it and emit 'disconnected'. */
  protected abstract lost(): void;
  /** Hands the bytes to the open printer. */
  protected abstract send(handle: H, bytes: Uint8Array): Promise<void>;

  get connected(): boolean {
    return this.current() !== undefined;
  }

  on<E extends keyof ReceiptTransportEvents>(
    event: E,
    listener: (value: ReceiptTransportEvents[E]) => void,
  ): Unsubscribe {
    return this.#events.on(event, listener);
  }

  async connect(): Promise<void> {
    const api = this.#present();
    let handle: H;
    try {
      handle = await api.request(this.#ids);
    } catch (error) {
      throw transportError('no receipt printer was chosen', error);
    }
    await this.open(handle);
  }

  async reconnect(): Promise<void> {
    const api = this.#present();
    let handles: H[];
    try {
      handles = await api.permitted();
    } catch (error) {
      throw transportError(`the permitted ${this.#names.many} could not be listed`, error);
    }
    const handle = handles.find((candidate) => this.#matches(candidate));
    if (!handle) {
      throw new DeviceError(
        'receipt',
        'offline',
        `no permitted ${this.#names.one} is ${this.describe()}`,
      );
    }
    await this.open(handle);
  }

  async disconnect(): Promise<void> {
    this.stopListening();
    const close = this.detach();
    if (!close) return;
    try {
      await close();
    } catch (error) {
      throw transportError(`the ${this.#names.printer} did not close`, error);
    } finally {
      this.emit('disconnected', undefined);
    }
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.#queue.run(async () => {
      const handle = this.current();
      if (!handle) throw notConnected();
      try {
        await this.send(handle, bytes);
      } catch (error) {
        throw transportError(
          'writing to the receipt printer failed',
          error,
          this.current() ? 'hardware-error' : 'offline',
        );
      }
    });
  }

  read(count: number, timeoutMs: number): Promise<Uint8Array> {
    return readBytes(this, count, timeoutMs);
  }

  protected emit<E extends keyof ReceiptTransportEvents>(
    event: E,
    value: ReceiptTransportEvents[E],
  ): void {
    this.#events.emit(event, value);
  }

  /** The printer's USB ids as the operator reads them on its label: `USB 04b8:0e28`. */
  protected describe(): string {
    const hex = (n: number) => n.toString(16).padStart(4, '0');
    return `USB ${hex(this.#ids.vendorId)}:${hex(this.#ids.productId)}`;
  }

  /** Why the printer did not open, as a DeviceError. */
  protected openError(error: unknown): DeviceError {
    return transportError(`the ${this.#names.printer} ${this.describe()} did not open`, error);
  }

  /** Follows the printer being unplugged and plugged back in, until stopListening(). */
  protected startListening(): void {
    if (this.#listening || !this.#api) return;
    this.#listening = true;
    this.#api.target.addEventListener('disconnect', this.#onDisconnect);
    this.#api.target.addEventListener('connect', this.#onConnect);
  }

  protected stopListening(): void {
    if (!this.#listening || !this.#api) return;
    this.#listening = false;
    this.#api.target.removeEventListener('disconnect', this.#onDisconnect);
    this.#api.target.removeEventListener('connect', this.#onConnect);
  }

  /** The API, or 'not-supported' in a browser without it. */
  #present(): UsbPrinterApi<H> {
    if (!this.#api) {
      throw new DeviceError('receipt', 'not-supported', `this browser has no ${this.#names.api}`);
    }
    return this.#api;
  }

  #matches(handle: H): boolean {
    const ids = this.#api?.idsOf(handle);
    return ids?.vendorId === this.#ids.vendorId && ids.productId === this.#ids.productId;
  }

  readonly #onDisconnect = (event: Event) => {
    const current = this.current();
    if (!current || this.#api?.handleOf(event) !== current) return;
    this.lost();
  };

  readonly #onConnect = (event: Event) => {
    const handle = this.#api?.handleOf(event);
    if (this.current() || !handle || !this.#matches(handle)) return;
    this.open(handle).catch((error: unknown) => {
      this.emit('error', transportError('the printer came back but did not reopen', error));
    });
  };
}

/** `navigator.serial` or `navigator.usb`, where the browser has it. */
export function browserApi<T>(name: 'serial' | 'usb'): T | undefined {
  return (globalThis.navigator as (Navigator & Partial<Record<typeof name, T>>) | undefined)?.[
    name
  ];
}

/** A write with no printer open. */
export function notConnected(): DeviceError {
  return new DeviceError('receipt', 'offline', 'the receipt printer is not connected');
}
