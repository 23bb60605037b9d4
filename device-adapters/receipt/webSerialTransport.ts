import type { UsbIds } from './receiptTransport';
import { readError, transportError } from './transportError';
import { UsbTransport, browserApi, notConnected, type UsbPrinterApi } from './usbTransport';
import type { WebSerial, WebSerialPort } from './webPlatform';

export interface WebSerialTransportOptions {
  /** The printer to look for: the picker's filter, and how reconnect() finds it again. */
  usb: UsbIds;
  /** Most USB printers ignore it (USB CDC); a real RS-232 printer must match its DIP switches. */
  baudRate?: number;
  /** `navigator.serial` unless a test stands in. */
  serial?: WebSerial;
}

function serialApi(serial: WebSerial | undefined): UsbPrinterApi<WebSerialPort> | undefined {
  return (
    serial && {
      target: serial,
      request: (ids) =>
        serial.requestPort({
          filters: [{ usbVendorId: ids.vendorId, usbProductId: ids.productId }],
        }),
      permitted: () => serial.getPorts(),
      idsOf: (port) => {
        const info = port.getInfo();
        return { vendorId: info.usbVendorId, productId: info.usbProductId };
      },
      handleOf: (event) => event.target as WebSerialPort | null,
    }
  );
}

/**
 * A receipt printer on a serial port (a USB printer in CDC mode, or RS-232), after Niels
 * Leenheer's WebSerialReceiptPrinter, except that no failure is swallowed: calls reject with a
 * DeviceError, and failures outside a call (the read loop, an automatic reconnect) are 'error' events.
 * When the printer is unplugged and plugged back in, the transport reopens it by itself.
 */
export class WebSerialTransport extends UsbTransport<WebSerialPort> {
  readonly #baudRate: number;
  #port: WebSerialPort | undefined;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #reading: Promise<void> = Promise.resolve();

  constructor(options: WebSerialTransportOptions) {
    super(
      options.usb,
      {
        api: 'WebSerial (navigator.serial)',
        one: 'serial port',
        many: 'serial ports',
        printer: 'serial port',
      },
      serialApi(options.serial ?? browserApi<WebSerial>('serial')),
    );
    this.#baudRate = options.baudRate ?? 9600;
  }

  protected current(): WebSerialPort | undefined {
    return this.#port;
  }

  protected async open(port: WebSerialPort): Promise<void> {
    if (this.#port === port) return;
    if (this.#port) await this.disconnect();
    try {
      await port.open({ baudRate: this.#baudRate });
    } catch (error) {
      throw this.openError(error);
    }
    this.#port = port;
    this.startListening();
    this.#reading = this.#readLoop(port);
    this.emit('connected', undefined);
  }

  protected detach(): (() => Promise<void>) | undefined {
    const port = this.#port;
    if (!port) return undefined;
    this.#port = undefined;
    return async () => {
      await this.#reader?.cancel();
      await this.#reading;
      await port.close();
    };
  }

  protected async send(port: WebSerialPort, bytes: Uint8Array): Promise<void> {
    if (!port.writable) throw notConnected();
    const writer = port.writable.getWriter();
    try {
      await writer.write(bytes);
    } finally {
      writer.releaseLock();
    }
  }

  protected lost(): void {
    this.#port = undefined;
    this.#reader?.cancel().catch((error: unknown) => {
      this.emit('error', transportError('the lost port did not stop reading', error));
    });
    this.emit('disconnected', undefined);
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
          if (value && value.length > 0) this.emit('data', value);
        }
      } catch (error) {
        if (this.#port === port) {
          this.emit('error', readError(error));
        }
      } finally {
        reader.releaseLock();
        this.#reader = undefined;
      }
    }
  }
}
