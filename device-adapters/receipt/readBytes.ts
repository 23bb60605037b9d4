import { DeviceError } from '../device';
import type { ReceiptTransport } from './receiptTransport';

/**
 * The next `count` bytes the printer sends, for a caller that asks one question and waits for
 * its answer (a service tool sending DLE EOT by hand). The transport's read loop keeps running
 * for the driver meanwhile: the bytes still reach every 'data' listener. Rejects 'timeout' when
 * fewer arrive within `timeoutMs`, and 'offline' when the printer goes away first.
 */
export function readBytes(
  transport: Pick<ReceiptTransport, 'connected' | 'on'>,
  count: number,
  timeoutMs: number,
): Promise<Uint8Array> {
  if (!Number.isInteger(count) || count < 1) {
    return Promise.reject(
      new RangeError(`read() needs a whole number of bytes of at least 1, not ${count}`),
    );
  }
  if (!transport.connected) {
    return Promise.reject(
      new DeviceError('receipt', 'offline', 'the receipt printer is not connected'),
    );
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    const received: number[] = [];
    const finish = (error?: DeviceError) => {
      clearTimeout(timer);
      offData();
      offDisconnected();
      if (error) reject(error);
      else resolve(Uint8Array.from(received.slice(0, count)));
    };
    const timer = setTimeout(
      () =>
        finish(
          new DeviceError(
            'receipt',
            'timeout',
            `the printer sent ${received.length} of ${count} bytes within ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
    const offData = transport.on('data', (bytes) => {
      received.push(...bytes);
      if (received.length >= count) finish();
    });
    const offDisconnected = transport.on('disconnected', () =>
      finish(new DeviceError('receipt', 'offline', 'the receipt printer went away during a read')),
    );
  });
}
