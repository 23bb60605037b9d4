import { describe, expect, it } from 'vitest';
import { isDeviceError } from '../../../device-adapters/device';
import { WebUsbTransport } from '../../../device-adapters/receipt/webUsbTransport';
import { FakeEscPosPrinter } from './fakes/fakeEscPosPrinter';
import { FakeUsb, FakeUsbDevice } from './fakes/fakeUsb';

const IDS = { vendorId: 0x04b8, productId: 0x0202 };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDeviceError(error)) throw new Error(`expected a DeviceError, got ${String(error)}`);
  return `${error.code}: ${error.message}`;
}

function world() {
  const usb = new FakeUsb();
  const printer = new FakeEscPosPrinter();
  const other = new FakeUsbDevice(new FakeEscPosPrinter(), 0x046d, 0xc52b);
  const device = new FakeUsbDevice(printer, IDS.vendorId, IDS.productId);
  usb.devices.push(other, device);
  const transport = new WebUsbTransport({ usb: IDS, usbApi: usb });
  const events: string[] = [];
  transport.on('connected', () => events.push('connected'));
  transport.on('disconnected', () => events.push('disconnected'));
  return { usb, printer, device, other, transport, events };
}

describe('WebUsbTransport', () => {
  it('connect() asks the picker by vendor and product id, opens the device and claims its printer interface', async () => {
    const { usb, device, transport, events } = world();
    usb.choice = device;
    await transport.connect();
    expect(usb.lastFilters).toEqual([IDS]);
    expect(device.opened).toBe(true);
    expect(device.claimed).toBe(1);
    expect(events).toEqual(['connected']);
  });

  it("connect() rejects 'cancelled' when the operator closes the picker", async () => {
    const { transport } = world();
    expect(await codeOf(transport.connect())).toBe(
      'cancelled: no receipt printer was chosen (NotFoundError: No device selected.)',
    );
  });

  it('reconnect() opens the permitted device with the ids, without a picker', async () => {
    const { device, other, transport } = world();
    await transport.reconnect();
    expect(device.opened).toBe(true);
    expect(other.opened).toBe(false);
  });

  it("reconnect() rejects 'offline' when no permitted device has the ids", async () => {
    const { usb, device, transport } = world();
    device.unplug(usb);
    expect(await codeOf(transport.reconnect())).toBe(
      'offline: no permitted USB device is USB 04b8:0202',
    );
  });

  it("rejects 'not-supported' for a device without bulk IN, whose status could never be read", async () => {
    const usb = new FakeUsb();
    const device = new FakeUsbDevice(new FakeEscPosPrinter(), IDS.vendorId, IDS.productId, {
      configurationValue: 1,
      interfaces: [
        {
          interfaceNumber: 0,
          alternate: {
            interfaceClass: 7,
            endpoints: [{ endpointNumber: 1, direction: 'out', type: 'bulk' }],
          },
        },
      ],
    });
    usb.devices.push(device);
    const transport = new WebUsbTransport({ usb: IDS, usbApi: usb });
    expect(await codeOf(transport.reconnect())).toBe(
      'not-supported: the USB device USB 04b8:0202 has no interface with bulk IN and OUT endpoints, so its status cannot be read',
    );
    expect(device.opened).toBe(false);
  });

  it("rejects 'not-supported' in a browser without WebUSB", async () => {
    const transport = new WebUsbTransport({ usb: IDS });
    expect(await codeOf(transport.reconnect())).toBe(
      'not-supported: this browser has no WebUSB (navigator.usb)',
    );
  });

  it('writes to the bulk OUT endpoint in order and reads answers from bulk IN as data', async () => {
    const { device, transport } = world();
    await transport.reconnect();
    const data: number[] = [];
    transport.on('data', (bytes) => data.push(...bytes));
    await Promise.all([
      transport.write(Uint8Array.of(0x41)),
      transport.write(Uint8Array.of(0x10, 0x04, 0x04)),
    ]);
    expect(device.outTransfers).toEqual([
      { endpoint: 1, bytes: [0x41] },
      { endpoint: 1, bytes: [0x10, 0x04, 0x04] },
    ]);
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
    const { usb, device, printer, transport } = world();
    expect(await codeOf(transport.read(1, 10))).toBe(
      'offline: the receipt printer is not connected',
    );
    await transport.reconnect();
    const partial = transport.read(2, 30);
    await transport.write(Uint8Array.of(0x10, 0x04, 1));
    expect(await codeOf(partial)).toBe('timeout: the printer sent 1 of 2 bytes within 30 ms');
    printer.stalled = true;
    const lost = transport.read(1, 1000);
    device.unplug(usb);
    expect(await codeOf(lost)).toBe('offline: the receipt printer went away during a read');
  });

  it('read() refuses a count that is not a whole number of bytes, saying so', async () => {
    const { transport } = world();
    await transport.reconnect();
    await expect(transport.read(0, 10)).rejects.toThrow(
      'read() needs a whole number of bytes of at least 1, not 0',
    );
  });

  it("rejects a write with 'offline' when not connected, and with the reason when the transfer fails", async () => {
    const { usb, device, transport } = world();
    expect(await codeOf(transport.write(Uint8Array.of(0)))).toBe(
      'offline: the receipt printer is not connected',
    );
    await transport.reconnect();
    device.plugged = false;
    expect(await codeOf(transport.write(Uint8Array.of(0)))).toBe(
      'offline: writing to the receipt printer failed (NetworkError: A transfer error has occurred.)',
    );
    device.unplug(usb);
  });

  it('disconnect() releases the interface, closes the device and tells its listeners', async () => {
    const { device, transport, events } = world();
    await transport.reconnect();
    await transport.disconnect();
    expect(device.opened).toBe(false);
    expect(device.claimed).toBeUndefined();
    expect(events).toEqual(['connected', 'disconnected']);
  });

  it("follows navigator.usb's disconnect for its own device only, and reopens it on connect", async () => {
    const { usb, device, other, transport, events } = world();
    await transport.reconnect();
    other.unplug(usb);
    expect(events).toEqual(['connected']);
    device.unplug(usb);
    expect(events).toEqual(['connected', 'disconnected']);
    device.plugIn(usb);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toEqual(['connected', 'disconnected', 'connected']);
    expect(transport.connected).toBe(true);
  });
});
