import { expect, it } from 'vitest';
import type { Device, WaitOptions } from '../../device-adapters/device';
import {
  SHORT_TIMEOUT_MS,
  delay,
  eventually,
  expectDeviceError,
  followStatus,
} from './contractSupport';

type Awaitable<T> = T | Promise<T>;

/**
 * The world around a printer under test, shared by the receipt and document printer harnesses.
 * Every method may act asynchronously: the contract waits (up to 1 s) to see its effect in the adapter.
 * In the harness's world a print takes between 30 and 150 ms of real time, so that the contract
 * can act while one is under way.
 */
export interface PrinterWorld {
  /** The paper runs low: the printer warns but still prints. */
  paperLow(): Awaitable<void>;
  /** The paper runs out (also while a print is under way). */
  paperOut(): Awaitable<void>;
  /** The paper jams. */
  jam(): Awaitable<void>;
  /** The cover is opened. */
  coverOpen(): Awaitable<void>;
  /** The printer is disconnected. */
  goOffline(): Awaitable<void>;
  /** Every condition above is put right: paper loaded, jam cleared, cover shut, reconnected. */
  recover(): Awaitable<void>;
  /** The printer stops answering: prints hang until their timeout. */
  stall(): Awaitable<void>;
  /** How many jobs the printer itself has finished (a failed job does not count). */
  printedCount(): number;
  /** Releases timers, ports and listeners. */
  dispose(): Awaitable<void>;
}

/** The contract tests both printers share; `print` prints one sample job on the adapter. */
export function printerContractTests(
  kind: 'receipt' | 'document',
  get: () => {
    device: Device;
    world: PrinterWorld;
    print: (options?: WaitOptions) => Promise<void>;
  },
): void {
  it(`starts online as a ${kind} printer`, () => {
    const { device } = get();
    expect(device.kind).toBe(kind);
    expect(device.status).toBe('online');
  });

  it('resolves print only once the printer has finished the job', async () => {
    const { world, print } = get();
    let countWhenResolved = -1;
    await print({ timeoutMs: 2000 }).then(() => {
      countWhenResolved = world.printedCount();
    });
    expect(countWhenResolved).toBe(1);
  });

  it('prints several jobs one after another', async () => {
    const { world, print } = get();
    await print({ timeoutMs: 2000 });
    await print({ timeoutMs: 2000 });
    expect(world.printedCount()).toBe(2);
  });

  it("warns 'paper-low' through status and onStatus, and still prints", async () => {
    const { device, world, print } = get();
    const status = followStatus(device);
    await world.paperLow();
    await eventually(() => expect(device.status).toBe('paper-low'));
    expect(status.seen).toContain('paper-low');
    await print({ timeoutMs: 2000 });
    expect(world.printedCount()).toBe(1);
    expect(device.status).toBe('paper-low');
  });

  const refusals = [
    ['paperOut', 'paper-out'],
    ['jam', 'jam'],
    ['coverOpen', 'cover-open'],
    ['goOffline', 'offline'],
  ] as const;

  for (const [condition, code] of refusals) {
    it(`reports '${code}' through status and onStatus, and rejects print with '${code}'`, async () => {
      const { device, world, print } = get();
      const status = followStatus(device);
      await world[condition]();
      await eventually(() => expect(device.status).toBe(code));
      expect(status.seen).toContain(code);
      await expectDeviceError(print({ timeoutMs: 2000 }), kind, code);
      expect(world.printedCount()).toBe(0);
    });
  }

  it("returns to 'online' on recovery, tells onStatus listeners, and prints again", async () => {
    const { device, world, print } = get();
    await world.paperOut();
    await eventually(() => expect(device.status).toBe('paper-out'));
    const status = followStatus(device);
    await world.recover();
    await eventually(() => expect(device.status).toBe('online'));
    expect(status.seen).toContain('online');
    await print({ timeoutMs: 2000 });
    expect(world.printedCount()).toBe(1);
  });

  it("fails a print under way with 'paper-out' when the paper runs out mid-job", async () => {
    const { world, print } = get();
    const printing = print({ timeoutMs: 2000 });
    await delay(5);
    await world.paperOut();
    await expectDeviceError(printing, kind, 'paper-out');
    expect(world.printedCount()).toBe(0);
  });

  it("rejects with 'timeout' when the printer does not finish within timeoutMs", async () => {
    const { world, print } = get();
    await world.stall();
    await expectDeviceError(print({ timeoutMs: SHORT_TIMEOUT_MS }), kind, 'timeout');
  });

  it('does not call an onStatus listener for the current status, nor after unsubscribing', async () => {
    const { device, world } = get();
    const status = followStatus(device);
    await delay(20);
    expect(status.seen).toEqual([]);
    status.stop();
    await world.jam();
    await eventually(() => expect(device.status).toBe('jam'));
    expect(status.seen).toEqual([]);
  });
}
