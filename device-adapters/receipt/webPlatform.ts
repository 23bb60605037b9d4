/**
 * The parts of WebSerial and WebUSB the receipt transports use. TypeScript's DOM library does not
 * declare these Chromium APIs, so they are written here, as narrow as the drivers need them, and
 * the test fakes implement the same shapes.
 */

/** `navigator.serial` */
export interface WebSerial extends EventTarget {
  requestPort(options?: { filters?: SerialPortFilter[] }): Promise<WebSerialPort>;
  getPorts(): Promise<WebSerialPort[]>;
}

export interface SerialPortFilter {
  usbVendorId?: number;
  usbProductId?: number;
}

export interface WebSerialPort extends EventTarget {
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  getInfo(): SerialPortFilter;
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
}

/** `navigator.usb` */
export interface WebUsb extends EventTarget {
  requestDevice(options: { filters: UsbDeviceFilter[] }): Promise<WebUsbDevice>;
  getDevices(): Promise<WebUsbDevice[]>;
}

export interface UsbDeviceFilter {
  vendorId?: number;
  productId?: number;
  classCode?: number;
}

export interface WebUsbDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly opened: boolean;
  readonly configuration: UsbConfiguration | null;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(configurationValue: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  transferIn(endpointNumber: number, length: number): Promise<UsbInTransferResult>;
  transferOut(endpointNumber: number, data: Uint8Array): Promise<UsbOutTransferResult>;
  clearHalt(direction: 'in' | 'out', endpointNumber: number): Promise<void>;
}

export interface UsbConfiguration {
  readonly configurationValue: number;
  readonly interfaces: readonly UsbInterface[];
}

export interface UsbInterface {
  readonly interfaceNumber: number;
  readonly alternate: UsbAlternateInterface;
}

export interface UsbAlternateInterface {
  readonly interfaceClass: number;
  readonly endpoints: readonly UsbEndpoint[];
}

export interface UsbEndpoint {
  readonly endpointNumber: number;
  readonly direction: 'in' | 'out';
  readonly type: 'bulk' | 'interrupt' | 'isochronous';
}

export type UsbTransferStatus = 'ok' | 'stall' | 'babble';

export interface UsbInTransferResult {
  readonly data?: DataView;
  readonly status: UsbTransferStatus;
}

export interface UsbOutTransferResult {
  readonly bytesWritten: number;
  readonly status: UsbTransferStatus;
}

/** The event `navigator.usb` fires on `connect` and `disconnect`. */
export interface UsbConnectionEvent extends Event {
  readonly device: WebUsbDevice;
}
