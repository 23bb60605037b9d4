import { DeviceError } from '../device';
import type { UsbIds } from './receiptTransport';
import { readError, transportError } from './transportError';
import { UsbTransport, browserApi, notConnected, type UsbPrinterApi } from './usbTransport';
import type { UsbConnectionEvent, UsbInterface, WebUsb, WebUsbDevice } from './webPlatform';

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

function usbApi(usb: WebUsb | undefined): UsbPrinterApi<WebUsbDevice> | undefined {
  return (
    usb && {
      target: usb,
      request: (ids) =>
        usb.requestDevice({ filters: [{ vendorId: ids.vendorId, productId: ids.productId }] }),
      permitted: () => usb.getDevices(),
      idsOf: (device) => device,
      handleOf: (event) => (event as UsbConnectionEvent).device,
    }
  );
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
export class WebUsbTransport extends UsbTransport<WebUsbDevice> {
  #device: WebUsbDevice | undefined;
  #endpoints: Endpoints | undefined;
  #reading: Promise<void> = Promise.resolve();

  constructor(options: WebUsbTransportOptions) {
    super(
      options.usb,
      {
        api: 'WebUSB (navigator.usb)',
        one: 'USB device',
        many: 'USB devices',
        printer: 'USB printer',
      },
      usbApi(options.usbApi ?? browserApi<WebUsb>('usb')),
    );
  }

  protected current(): WebUsbDevice | undefined {
    return this.#device;
  }

  protected async open(device: WebUsbDevice): Promise<void> {
    if (this.#device === device) return;
    if (this.#device) await this.disconnect();
    let endpoints: Endpoints | undefined;
    try {
      if (!device.opened) await device.open();
      if (!device.configuration) await device.selectConfiguration(1);
      endpoints = printerEndpoints(device);
      if (endpoints) await device.claimInterface(endpoints.interfaceNumber);
    } catch (error) {
      throw this.openError(error);
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
        `the USB device ${this.describe()} has no interface with bulk IN and OUT endpoints, so its status cannot be read`,
        { cause: closing },
      );
    }
    this.#device = device;
    this.#endpoints = endpoints;
    this.startListening();
    this.#reading = this.#readLoop(device, endpoints.in);
    this.emit('connected', undefined);
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
          this.emit(
            'data',
            new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)),
          );
        }
      } catch (error) {
        if (this.#device === device) {
          this.emit('error', readError(error));
        }
        return;
      }
    }
  }

  protected detach(): (() => Promise<void>) | undefined {
    const device = this.#device;
    const endpoints = this.#endpoints;
    if (!device) return undefined;
    this.#device = undefined;
    this.#endpoints = undefined;
    return async () => {
      if (endpoints) await device.releaseInterface(endpoints.interfaceNumber);
      // Closing ends the pending transferIn, and with it the read loop.
      await device.close();
      await this.#reading;
    };
  }

  protected async send(device: WebUsbDevice, bytes: Uint8Array): Promise<void> {
    const endpoints = this.#endpoints;
    if (!endpoints) throw notConnected();
    const { status } = await device.transferOut(endpoints.out, bytes);
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
  }

  protected lost(): void {
    this.#device = undefined;
    this.#endpoints = undefined;
    this.emit('disconnected', undefined);
  }
}
