import type {
  SerialPortFilter,
  WebSerial,
  WebSerialPort,
} from '../../../../device-adapters/receipt/webPlatform';
import { FakeEscPosPrinter } from './fakeEscPosPrinter';

function domError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** An event whose target is the port, as a SerialPort event bubbling up to navigator.serial has. */
function portEvent(type: 'connect' | 'disconnect', port: FakeSerialPort): Event {
  const event = new Event(type);
  Object.defineProperty(event, 'target', { value: port });
  return event;
}

/** A serial port with a FakeEscPosPrinter behind it. */
export class FakeSerialPort extends EventTarget implements WebSerialPort {
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  isOpen = false;
  plugged = true;
  failOpen: Error | undefined;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;

  constructor(
    readonly printer: FakeEscPosPrinter,
    readonly info: SerialPortFilter,
  ) {
    super();
    printer.answerTo((bytes) => {
      if (this.isOpen) this.#controller?.enqueue(bytes);
    });
  }

  getInfo(): SerialPortFilter {
    return this.info;
  }

  async open(options: { baudRate: number }): Promise<void> {
    if (options.baudRate <= 0) throw new TypeError('baudRate');
    if (this.failOpen) throw this.failOpen;
    if (!this.plugged) throw domError('NetworkError', 'The device has been lost.');
    if (this.isOpen) throw domError('InvalidStateError', 'The port is already open.');
    this.isOpen = true;
    this.readable = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
      },
    });
    this.writable = new WritableStream<Uint8Array>({
      write: (chunk) => {
        if (!this.plugged) throw domError('NetworkError', 'The device has been lost.');
        this.printer.receive(chunk);
      },
    });
  }

  async close(): Promise<void> {
    this.isOpen = false;
    this.readable = null;
    this.writable = null;
  }

  /** The cable is pulled: the streams break and the port is gone. */
  unplug(serial: FakeSerial): void {
    this.plugged = false;
    this.#controller?.error(domError('NetworkError', 'The device has been lost.'));
    this.isOpen = false;
    this.readable = null;
    this.writable = null;
    serial.dispatchEvent(portEvent('disconnect', this));
  }

  plugIn(serial: FakeSerial): void {
    this.plugged = true;
    serial.dispatchEvent(portEvent('connect', this));
  }
}

/** `navigator.serial` with the ports this page was given permission for. */
export class FakeSerial extends EventTarget implements WebSerial {
  readonly ports: FakeSerialPort[] = [];
  /** What the operator picks in the chooser; undefined closes it without a choice. */
  choice: FakeSerialPort | undefined;
  lastFilters: SerialPortFilter[] | undefined;

  async requestPort(options?: { filters?: SerialPortFilter[] }): Promise<WebSerialPort> {
    this.lastFilters = options?.filters;
    if (!this.choice) throw domError('NotFoundError', 'No port selected by the user.');
    if (!this.ports.includes(this.choice)) this.ports.push(this.choice);
    return this.choice;
  }

  async getPorts(): Promise<WebSerialPort[]> {
    return this.ports.filter((port) => port.plugged);
  }
}
