import { DeviceError, type Unsubscribe } from '../device';
import type { ReceiptTransport, ReceiptTransportEvents, UsbIds } from './receiptTransport';
import { TransportEvents } from './transportEvents';
import { readBytes } from './readBytes';
import { readError, transportError } from './transportError';
import type { UsbConnectionEvent, UsbInterface, WebUsb, WebUsbDevice } from './webPlatform';
import { WriteQueue } from './writeQueue';

export interface WebUsbTransportOptions {
  /** The printer to look for: the picker's filter, and how reconnect() finds it again. */
  usb: UsbIds;
  /** `navigator.usb` unless a test stands in. */
  usbApi?: WebUsb;
}

/** USB class 7: printers. */
const PRINTER_CLASS = 7;
/** Status answers are a few bytes; one full-speed bulk packet holds them all. */
const READ_LENGTH = 64;

function browserUsb(): WebUsb | undefined {
  return (globalThis.navigator as (Navigator & { usb?: WebUsb }) | undefined)?.usb;
}

interface Endpoints {
  interfaceNumber: number;
  in: number;
  out: number;
}

/** The printer interface: class 7 if the printer has one, else the first with bulk in and out. */
function printerEndpoints(device: WebUsbDevice): Endpoints | undefined {
  const interfaces = device.configuration?.interfaces ?? [];
  const bulk = (candidate: UsbInterface, direction: 'in' | 'out') =>
    candidate.alternate.endpoints.find((e) => e.type === 'bulk' && e.direction === direction);
  const usable = interfaces.filter((i) => bulk(i, 'in') && bulk(i, 'out'));
  const chosen = usable.find((i) => i.alternate.interfaceClass === PRINTER_CLASS) ?? usable[0];
  if (!chosen) return undefined;
  return {
    interfaceNumber: chosen.interfaceNumber,
    in: bulk(chosen, 'in')?.endpointNumber ?? 0,
    out: bulk(chosen, 'out')?.endpointNumber ?? 0,
  };
}

/**
 * A receipt printer on USB through WebUSB (for printers the operating system's printer driver
 * does not claim). Same shape and failures as WebSerialTransport; status answers are read with
 * bulk IN transfers, so the printer must have a bulk IN endpoint.
 */
export class WebUsbTransport implements ReceiptTransport {
  readonly #ids: UsbIds;
  readonly #usb: WebUsb | undefined;
  readonly #events = new TransportEvents();
  readonly #queue = new WriteQueue();
  #device: WebUsbDevice | undefined;
  #endpoints: Endpoints | undefined;
  #reading: Promise<void> = Promise.resolve();
  #listening = false;

  constructor(options: WebUsbTransportOptions) {
    this.#ids = options.usb;
    this.#usb = options.usbApi ?? browserUsb();
  }

  get connected(): boolean {
    return this.#device !== undefined;
  }

  on<E extends keyof ReceiptTransportEvents>(
    event: E,
    listener: (value: ReceiptTransportEvents[E]) => void,
  ): Unsubscribe {
    return this.#events.on(event, listener);
  }

  async connect(): Promise<void> {
    const usb = this.#api();
    let device: WebUsbDevice;
    try {
      device = await usb.requestDevice({
        filters: [{ vendorId: this.#ids.vendorId, productId: this.#ids.productId }],
      });
    } catch (error) {
      throw transportError('no receipt printer was chosen', error);
    }
    await this.#open(device);
  }

  async reconnect(): Promise<void> {
    const usb = this.#api();
    let devices: WebUsbDevice[];
    try {
      devices = await usb.getDevices();
    } catch (error) {
      throw transportError('the permitted USB devices could not be listed', error);
    }
    const device = devices.find((candidate) => this.#matches(candidate));
    if (!device) {
      throw new DeviceError('receipt', 'offline', `no permitted USB device is ${this.#describe()}`);
    }
    await this.#open(device);
  }

  async disconnect(): Promise<void> {
    this.#stopListening();
    const device = this.#device;
    const endpoints = this.#endpoints;
    if (!device) return;
    this.#device = undefined;
    this.#endpoints = undefined;
    try {
      if (endpoints) await device.releaseInterface(endpoints.interfaceNumber);
      // Closing ends the pending transferIn, and with it the read loop.
      await device.close();
      await this.#reading;
    } catch (error) {
      throw transportError('the USB printer did not close', error);
    } finally {
      this.#events.emit('disconnected', undefined);
    }
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.#queue.run(async () => {
      const device = this.#device;
      const endpoints = this.#endpoints;
      if (!device || !endpoints) {
        throw new DeviceError('receipt', 'offline', 'the receipt printer is not connected');
      }
      let status: string;
      try {
        ({ status } = await device.transferOut(endpoints.out, bytes));
      } catch (error) {
        throw transportError(
          'writing to the receipt printer failed',
          error,
          this.#device ? 'hardware-error' : 'offline',
        );
      }
      if (status === 'stall') {
        await device.clearHalt('out', endpoints.out).catch((error: unknown) => {
          throw transportError('the printer stalled and would not clear', error);
        });
      }
      if (status !== 'ok') {
        throw new DeviceError(
          'receipt',
          'hardware-error',
          `the printer answered the write with '${status}'`,
        );
      }
    });
  }

  read(count: number, timeoutMs: number): Promise<Uint8Array> {
    return readBytes(this, count, timeoutMs);
  }

  #api(): WebUsb {
    if (!this.#usb) {
      throw new DeviceError(
        'receipt',
        'not-supported',
        'this browser has no WebUSB (navigator.usb)',
      );
    }
    return this.#usb;
  }

  #describe(): string {
    const hex = (n: number) => n.toString(16).padStart(4, '0');
    return `USB ${hex(this.#ids.vendorId)}:${hex(this.#ids.productId)}`;
  }

  #matches(device: WebUsbDevice): boolean {
    return device.vendorId === this.#ids.vendorId && device.productId === this.#ids.productId;
  }

  async #open(device: WebUsbDevice): Promise<void> {
    if (this.#device === device) return;
    if (this.#device) await this.disconnect();
    let endpoints: Endpoints | undefined;
    try {
      if (!device.opened) await device.open();
      if (!device.configuration) await device.selectConfiguration(1);
      endpoints = printerEndpoints(device);
      if (endpoints) await device.claimInterface(endpoints.interfaceNumber);
    } catch (error) {
      throw transportError(`the USB printer ${this.#describe()} did not open`, error);
    }
    if (!endpoints) {
      // A failure to close is kept as the cause; the missing endpoint is what the operator must fix.
      const closing = await device.close().then(
        () => undefined,
        (error: unknown) => error,
      );
      throw new DeviceError(
        'receipt',
        'not-supported',
        `the USB device ${this.#describe()} has no interface with bulk IN and OUT endpoints, so its status cannot be read`,
        { cause: closing },
      );
    }
    this.#device = device;
    this.#endpoints = endpoints;
    this.#startListening();
    this.#reading = this.#readLoop(device, endpoints.in);
    this.#events.emit('connected', undefined);
  }

  async #readLoop(device: WebUsbDevice, endpoint: number): Promise<void> {
    while (this.#device === device) {
      try {
        const result = await device.transferIn(endpoint, READ_LENGTH);
        if (result.status === 'stall') {
          await device.clearHalt('in', endpoint);
          continue;
        }
        const data = result.data;
        if (data && data.byteLength > 0) {
          this.#events.emit(
            'data',
            new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)),
          );
        }
      } catch (error) {
        if (this.#device === device) {
          this.#events.emit('error', readError(error));
        }
        return;
      }
    }
  }

  readonly #onDisconnect = (event: Event) => {
    const device = (event as UsbConnectionEvent).device;
    if (!this.#device || device !== this.#device) return;
    this.#device = undefined;
    this.#endpoints = undefined;
    this.#events.emit('disconnected', undefined);
  };

  readonly #onConnect = (event: Event) => {
    const device = (event as UsbConnectionEvent).device;
    if (this.#device || !device || !this.#matches(device)) return;
    this.#open(device).catch((error: unknown) => {
      this.#events.emit('error', transportError('the printer came back but did not reopen', error));
    });
  };

  #startListening(): void {
    if (this.#listening || !this.#usb) return;
    this.#listening = true;
    this.#usb.addEventListener('disconnect', this.#onDisconnect);
    this.#usb.addEventListener('connect', this.#onConnect);
  }

  #stopListening(): void {
    if (!this.#listening || !this.#usb) return;
    this.#listening = false;
    this.#usb.removeEventListener('disconnect', this.#onDisconnect);
    this.#usb.removeEventListener('connect', this.#onConnect);
  }
}
