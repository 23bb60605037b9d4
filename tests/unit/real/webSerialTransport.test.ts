import { describe, expect, it } from 'vitest';
import {
  WebSerialTransport,
  type SerialLike,
  type SerialPortLike,
} from '../../../device-adapters/real/escpos/webSerialTransport';

function fakePort(vendor: number, product: number) {
  const written: number[][] = [];
  let push: (bytes: Uint8Array) => void = () => {};
  const port: SerialPortLike & {
    written: number[][];
    answer(bytes: number[]): void;
    opened: number;
  } = {
    opened: 0,
    written,
    getInfo: () => ({ usbVendorId: vendor, usbProductId: product }),
    open: async () => void (port.opened += 1),
    close: async () => {},
    readable: new ReadableStream<Uint8Array>({
      start: (controller) => void (push = (b) => controller.enqueue(b)),
    }),
    writable: new WritableStream<Uint8Array>({ write: (chunk) => void written.push([...chunk]) }),
    answer: (bytes) => push(Uint8Array.from(bytes)),
  };
  return port;
}

function fakeSerial(ports: SerialPortLike[]): SerialLike {
  const target = new EventTarget() as SerialLike;
  return Object.assign(target, {
    getPorts: async () => ports,
    requestPort: async () => ports[0] as SerialPortLike,
  });
}

describe('WebSerialTransport', () => {
  it('reopens the permitted port of this printer by USB vendor and product id, with no picker', async () => {
    const other = fakePort(0x1111, 0x2222);
    const printer = fakePort(0x0519, 0x0001);
    const transport = new WebSerialTransport(fakeSerial([other, printer]));
    expect(await transport.reconnect({ vendorId: 0x0519, productId: 0x0001 })).toBe(true);
    expect(printer.opened).toBe(1);
    expect(other.opened).toBe(0);
    expect(
      await new WebSerialTransport(fakeSerial([other])).reconnect({
        vendorId: 0x0519,
        productId: 1,
      }),
    ).toBe(false);
  });

  it('writes in order and passes on what the printer answers', async () => {
    const port = fakePort(1, 2);
    const transport = new WebSerialTransport(fakeSerial([port]));
    await transport.reconnect();
    const heard: number[] = [];
    transport.onData((bytes) => heard.push(...bytes));
    await Promise.all([transport.write(Uint8Array.of(1, 2)), transport.write(Uint8Array.of(3))]);
    expect(port.written).toEqual([[1, 2], [3]]);
    port.answer([0x12]);
    await new Promise((r) => setTimeout(r, 10));
    expect(heard).toEqual([0x12]);
  });

  it('goes disconnected when its port is unplugged, and refuses writes', async () => {
    const port = fakePort(1, 2);
    const serial = fakeSerial([port]);
    const transport = new WebSerialTransport(serial);
    await transport.reconnect();
    const states: boolean[] = [];
    transport.onConnection((c) => states.push(c));
    const event = new Event('disconnect');
    Object.defineProperty(event, 'target', { value: port });
    serial.dispatchEvent(event);
    expect(transport.connected).toBe(false);
    expect(states).toEqual([false]);
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(/not open/);
  });
});
