import type {
  UsbConfiguration,
  UsbDeviceFilter,
  UsbInTransferResult,
  UsbOutTransferResult,
  WebUsb,
  WebUsbDevice,
} from '../../../../device-adapters/receipt/webPlatform';
import { FakeEscPosPrinter } from './fakeEscPosPrinter';

function domError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function usbEvent(type: 'connect' | 'disconnect', device: FakeUsbDevice): Event {
  const event = new Event(type);
  Object.defineProperty(event, 'device', { value: device });
  return event;
}

/** A printer-class USB configuration: interface 0, bulk OUT 1 and bulk IN 2 (3 is a vendor interface). */
export const PRINTER_CONFIGURATION: UsbConfiguration = {
  configurationValue: 1,
  interfaces: [
    {
      interfaceNumber: 0,
      alternate: {
        interfaceClass: 0xff,
        endpoints: [{ endpointNumber: 5, direction: 'out', type: 'interrupt' }],
      },
    },
    {
      interfaceNumber: 1,
      alternate: {
        interfaceClass: 7,
        endpoints: [
          { endpointNumber: 1, direction: 'out', type: 'bulk' },
          { endpointNumber: 2, direction: 'in', type: 'bulk' },
        ],
      },
    },
  ],
};

/** A USB printer with a FakeEscPosPrinter behind it. */
export class FakeUsbDevice implements WebUsbDevice {
  opened = false;
  configuration: UsbConfiguration | null = null;
  claimed: number | undefined;
  plugged = true;
  readonly outTransfers: Array<{ endpoint: number; bytes: number[] }> = [];
  #answers: number[] = [];
  #waiting: Array<{ resolve: (r: UsbInTransferResult) => void; reject: (e: Error) => void }> = [];

  constructor(
    readonly printer: FakeEscPosPrinter,
    readonly vendorId: number,
    readonly productId: number,
    readonly configurations: UsbConfiguration = PRINTER_CONFIGURATION,
  ) {
    printer.answerTo((bytes) => {
      if (!this.opened) return;
      this.#answers.push(...bytes);
      this.#deliver();
    });
  }

  async open(): Promise<void> {
    if (!this.plugged) throw domError('NotFoundError', 'The device was disconnected.');
    this.opened = true;
  }

  async close(): Promise<void> {
    this.opened = false;
    this.configuration = null;
    this.claimed = undefined;
    this.#abortWaiting();
  }

  async selectConfiguration(value: number): Promise<void> {
    if (value !== this.configurations.configurationValue)
      throw domError('NotFoundError', 'no configuration');
    this.configuration = this.configurations;
  }

  async claimInterface(interfaceNumber: number): Promise<void> {
    this.claimed = interfaceNumber;
  }

  async releaseInterface(): Promise<void> {
    this.claimed = undefined;
  }

  async clearHalt(): Promise<void> {}

  transferIn(endpointNumber: number, length: number): Promise<UsbInTransferResult> {
    if (!this.opened || endpointNumber !== 2)
      return Promise.reject(domError('InvalidStateError', 'not open'));
    return new Promise((resolve, reject) => {
      this.#waiting.push({
        resolve: (result) => resolve(result),
        reject,
      });
      this.#deliver(length);
    });
  }

  async transferOut(endpointNumber: number, data: Uint8Array): Promise<UsbOutTransferResult> {
    if (!this.plugged) throw domError('NetworkError', 'A transfer error has occurred.');
    if (!this.opened || this.claimed === undefined)
      throw domError('InvalidStateError', 'not claimed');
    this.outTransfers.push({ endpoint: endpointNumber, bytes: [...data] });
    this.printer.receive(data);
    return { bytesWritten: data.length, status: 'ok' };
  }

  unplug(usb: FakeUsb): void {
    this.plugged = false;
    this.opened = false;
    this.#abortWaiting();
    usb.dispatchEvent(usbEvent('disconnect', this));
  }

  plugIn(usb: FakeUsb): void {
    this.plugged = true;
    usb.dispatchEvent(usbEvent('connect', this));
  }

  #deliver(length = 64): void {
    const waiting = this.#waiting[0];
    if (!waiting || this.#answers.length === 0) return;
    this.#waiting.shift();
    const bytes = Uint8Array.from(this.#answers.splice(0, length));
    waiting.resolve({ status: 'ok', data: new DataView(bytes.buffer) });
  }

  #abortWaiting(): void {
    for (const waiting of this.#waiting.splice(0)) {
      waiting.reject(domError('AbortError', 'The transfer was cancelled.'));
    }
  }
}

/** `navigator.usb` with the devices this page was given permission for. */
export class FakeUsb extends EventTarget implements WebUsb {
  readonly devices: FakeUsbDevice[] = [];
  choice: FakeUsbDevice | undefined;
  lastFilters: UsbDeviceFilter[] | undefined;

  async requestDevice(options: { filters: UsbDeviceFilter[] }): Promise<WebUsbDevice> {
    this.lastFilters = options.filters;
    if (!this.choice) throw domError('NotFoundError', 'No device selected.');
    if (!this.devices.includes(this.choice)) this.devices.push(this.choice);
    return this.choice;
  }

  async getDevices(): Promise<WebUsbDevice[]> {
    return this.devices.filter((device) => device.plugged);
  }
}
