import { describe, expect, it } from 'vitest';
import { isDeviceError } from '../../../device-adapters/device';
import { WebSerialTransport } from '../../../device-adapters/receipt/webSerialTransport';
import { FakeEscPosPrinter } from './fakes/fakeEscPosPrinter';
import { FakeSerial, FakeSerialPort } from './fakes/fakeSerial';

const IDS = { vendorId: 0x0416, productId: 0x5011 };
const INFO = { usbVendorId: IDS.vendorId, usbProductId: IDS.productId };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDeviceError(error)) throw new Error(`expected a DeviceError, got ${String(error)}`);
  return `${error.code}: ${error.message}`;
}

function world() {
  const serial = new FakeSerial();
  const printer = new FakeEscPosPrinter();
  const other = new FakeSerialPort(new FakeEscPosPrinter(), {
    usbVendorId: 0x1a86,
    usbProductId: 0x7523,
  });
  const port = new FakeSerialPort(printer, INFO);
  serial.ports.push(other, port);
  const transport = new WebSerialTransport({ usb: IDS, serial, baudRate: 19200 });
  const events: string[] = [];
  transport.on('connected', () => events.push('connected'));
  transport.on('disconnected', () => events.push('disconnected'));
  return { serial, printer, port, other, transport, events };
}

describe('WebSerialTransport', () => {
  it('connect() asks the picker for the printer by its USB ids and opens the chosen port', async () => {
    const { serial, port, transport, events } = world();
    serial.choice = port;
    await transport.connect();
    expect(serial.lastFilters).toEqual([INFO]);
    expect(port.isOpen).toBe(true);
    expect(transport.connected).toBe(true);
    expect(events).toEqual(['connected']);
  });

  it("connect() rejects 'cancelled' when the operator closes the picker", async () => {
    const { transport } = world();
    expect(await codeOf(transport.connect())).toBe(
      'cancelled: no receipt printer was chosen (NotFoundError: No port selected by the user.)',
    );
  });

  it('reconnect() opens the permitted port whose getInfo() has the ids, without a picker', async () => {
    const { port, other, transport } = world();
    await transport.reconnect();
    expect(port.isOpen).toBe(true);
    expect(other.isOpen).toBe(false);
  });

  it("reconnect() rejects 'offline' when no permitted port has the ids", async () => {
    const { serial, port, transport } = world();
    serial.ports.splice(serial.ports.indexOf(port), 1);
    expect(await codeOf(transport.reconnect())).toBe(
      'offline: no permitted serial port is USB 0416:5011',
    );
  });

  it('rejects with the reason when the port will not open', async () => {
    const { port, transport } = world();
    const busy = new Error('Failed to open serial port.');
    busy.name = 'NetworkError';
    port.failOpen = busy;
    expect(await codeOf(transport.reconnect())).toBe(
      'offline: the serial port USB 0416:5011 did not open (NetworkError: Failed to open serial port.)',
    );
  });

  it("rejects 'not-supported' in a browser without WebSerial", async () => {
    const transport = new WebSerialTransport({ usb: IDS });
    expect(await codeOf(transport.reconnect())).toBe(
      'not-supported: this browser has no WebSerial (navigator.serial)',
    );
  });

  it('writes in the order asked, and delivers what the printer answers as data', async () => {
    const { printer, transport } = world();
    await transport.reconnect();
    const data: number[] = [];
    transport.on('data', (bytes) => data.push(...bytes));
    await Promise.all([
      transport.write(Uint8Array.of(0x1b, 0x40)),
      transport.write(Uint8Array.of(0x10, 0x04, 0x01)),
      transport.write(Uint8Array.of(0x41)),
    ]);
    expect(printer.received).toEqual([0x1b, 0x40, 0x10, 0x04, 0x01, 0x41]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(data).toEqual([0x12]);
  });

  it('read(count, timeoutMs) resolves with the next bytes the printer sends: DLE EOT 1–4 answered', async () => {
    const { printer, transport } = world();
    await transport.reconnect();
    printer.paper = 'near-end';
    const answer = transport.read(4, 200);
    await transport.write(
      Uint8Array.of(0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4),
    );
    expect([...(await answer)]).toEqual([0x12, 0x12, 0x12, 0x1e]);
  });

  it("read() rejects 'timeout' when too few bytes come, and 'offline' when not connected or unplugged", async () => {
    const { serial, port, printer, transport } = world();
    expect(await codeOf(transport.read(1, 10))).toBe(
      'offline: the receipt printer is not connected',
    );
    await transport.reconnect();
    const partial = transport.read(2, 30);
    await transport.write(Uint8Array.of(0x10, 0x04, 1));
    expect(await codeOf(partial)).toBe('timeout: the printer sent 1 of 2 bytes within 30 ms');
    printer.stalled = true;
    const lost = transport.read(1, 1000);
    port.unplug(serial);
    expect(await codeOf(lost)).toBe('offline: the receipt printer went away during a read');
  });

  it('read() refuses a count that is not a whole number of bytes, saying so', async () => {
    const { transport } = world();
    await transport.reconnect();
    await expect(transport.read(0, 10)).rejects.toThrow(
      'read() needs a whole number of bytes of at least 1, not 0',
    );
  });

  it("rejects a write with 'offline' when not connected", async () => {
    const { transport } = world();
    expect(await codeOf(transport.write(Uint8Array.of(0)))).toBe(
      'offline: the receipt printer is not connected',
    );
  });

  it('disconnect() closes the port and tells its listeners', async () => {
    const { port, transport, events } = world();
    await transport.reconnect();
    await transport.disconnect();
    expect(port.isOpen).toBe(false);
    expect(transport.connected).toBe(false);
    expect(events).toEqual(['connected', 'disconnected']);
  });

  it("follows navigator.serial's disconnect for its own port only, and reopens it on connect", async () => {
    const { serial, port, other, transport, events } = world();
    await transport.reconnect();
    other.unplug(serial);
    expect(events).toEqual(['connected']);
    port.unplug(serial);
    expect(events).toEqual(['connected', 'disconnected']);
    expect(transport.connected).toBe(false);
    port.plugIn(serial);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toEqual(['connected', 'disconnected', 'connected']);
    expect(port.isOpen).toBe(true);
  });

  it('does not reopen after disconnect() was asked for', async () => {
    const { serial, port, transport, events } = world();
    await transport.reconnect();
    await transport.disconnect();
    port.plugIn(serial);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toEqual(['connected', 'disconnected']);
  });
});
