import type { DeviceError, Unsubscribe } from '../device';

/** What a transport tells its printer driver. */
export interface ReceiptTransportEvents {
  /** The port is open (after connect, reconnect, or the printer being plugged back in). */
  connected: undefined;
  /** The port is gone: unplugged, switched off, or disconnect() was called. */
  disconnected: undefined;
  /** Bytes the printer sent (status answers), in the chunks they arrived in. */
  data: Uint8Array;
  /** A failure outside any call, such as the read loop breaking or an automatic reconnect failing. */
  error: DeviceError;
}

/**
 * How bytes reach a receipt printer and come back: WebSerial or WebUSB, with the same shape.
 * Every failure is a DeviceError of the 'receipt' device.
 */
export interface ReceiptTransport {
  readonly connected: boolean;
  /** Asks the operator to choose the printer (needs a user gesture), then opens it. */
  connect(): Promise<void>;
  /** Opens the printer chosen before, found by its USB vendor and product id, without asking. */
  reconnect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Queues bytes for the printer; resolves once they were handed to the port. */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * The next `count` bytes the printer sends (status answers), rejecting 'timeout' after
   * `timeoutMs`; they still reach the 'data' listeners.
   */
  read(count: number, timeoutMs: number): Promise<Uint8Array>;
  on<E extends keyof ReceiptTransportEvents>(
    event: E,
    listener: (value: ReceiptTransportEvents[E]) => void,
  ): Unsubscribe;
}

/** Which printer a transport looks for when it reconnects without asking. */
export interface UsbIds {
  vendorId: number;
  productId: number;
}
