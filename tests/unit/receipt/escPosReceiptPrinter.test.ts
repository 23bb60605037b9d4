import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDeviceError, type DeviceStatus } from '../../../device-adapters/device';
import type { MediaEvent, ReceiptTicket } from '../../../device-adapters/receiptPrinter';
import { PRINTER_MODELS } from '../../../device-adapters/receipt/printerModels';
import { printerRig, type PrinterRig, type RigOptions } from './fakes/printerRig';

const TICKET: ReceiptTicket = {
  title: '取号 A001',
  blocks: [
    { kind: 'bigNumber', text: 'A001' },
    { kind: 'qr', data: 'https://example.gov.cn/q?t=A001' },
  ],
};

const rigs: PrinterRig[] = [];
async function started(
  kind: 'serial' | 'usb' = 'serial',
  options: RigOptions = {},
): Promise<PrinterRig> {
  const rig = printerRig(kind, options);
  rigs.push(rig);
  await rig.printer.start();
  return rig;
}

afterEach(async () => {
  for (const rig of rigs.splice(0)) await rig.dispose();
});

async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(
    () => new Error('resolved'),
    (e: unknown) => e,
  );
  if (!isDeviceError(error)) throw new Error(`expected a DeviceError, got ${String(error)}`);
  expect(error.device).toBe('receipt');
  return { code: error.code, message: error.message };
}

const wait = (assertion: () => void) => vi.waitFor(assertion, { timeout: 1000, interval: 5 });

describe('EscPosReceiptPrinter', () => {
  it("is 'offline' before start(), and 'online' once the printer has answered", async () => {
    const rig = printerRig('serial');
    rigs.push(rig);
    expect(rig.printer.status).toBe('offline');
    await rig.printer.start();
    expect(rig.printer.status).toBe('online');
    expect(rig.device.statusRequests.slice(0, 5)).toEqual([1, 2, 3, 4, 20]);
  });

  it('prints: sends the encoded ticket then GS ( H with a process ID, and resolves on its answer', async () => {
    const rig = await started();
    await rig.printer.print(TICKET, { timeoutMs: 1000 });
    expect(rig.device.printed).toBe(1);
    const sent = rig.device.received;
    const init = sent.indexOf(0x1b);
    expect(sent.slice(init, init + 2)).toEqual([0x1b, 0x40]);
    const processId = [0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31];
    const at = sent.findIndex((_, i) => processId.every((b, j) => sent[i + j] === b));
    const cut = sent.findIndex((b, i) => b === 0x1d && sent[i + 1] === 0x56);
    expect(cut).toBeGreaterThan(init);
    expect(at).toBeGreaterThan(cut);
  });

  it('gives every job its own process ID, so jobs sent together finish separately', async () => {
    const rig = await started();
    await Promise.all([rig.printer.print(TICKET), rig.printer.print(TICKET)]);
    expect(rig.device.printed).toBe(2);
  });

  it("prints on 'paper-low' and reports it", async () => {
    const rig = await started();
    rig.device.paper = 'near-end';
    await wait(() => expect(rig.printer.status).toBe('paper-low'));
    await rig.printer.print(TICKET, { timeoutMs: 1000 });
    expect(rig.device.printed).toBe(1);
  });

  const faults = [
    ['paper-out', (rig: PrinterRig) => (rig.device.paper = 'out')],
    ['jam', (rig: PrinterRig) => (rig.device.jammed = true)],
    ['cover-open', (rig: PrinterRig) => (rig.device.coverOpen = true)],
  ] as const;

  for (const [code, fault] of faults) {
    it(`refuses to print while '${code}'`, async () => {
      const rig = await started();
      fault(rig);
      await wait(() => expect(rig.printer.status).toBe(code));
      expect(await rejection(rig.printer.print(TICKET))).toMatchObject({ code });
      expect(rig.device.received.includes(0x40)).toBe(false);
    });

    it(`fails a print under way with '${code}', and the printer finishes it after recovery`, async () => {
      const rig = await started('serial', { printMs: 80 });
      const printing = rig.printer.print(TICKET, { timeoutMs: 1000 });
      await new Promise((resolve) => setTimeout(resolve, 10));
      fault(rig);
      expect(await rejection(printing)).toMatchObject({
        code,
        message: `the receipt printer became ${code} while printing`,
      });
      expect(rig.device.printed).toBe(0);
      rig.device.paper = 'ok';
      rig.device.jammed = false;
      rig.device.coverOpen = false;
      rig.device.changed();
      await wait(() => expect(rig.printer.status).toBe('online'));
      // The held job's late process ID answers no waiting print; the next job still works.
      await rig.printer.print(TICKET, { timeoutMs: 1000 });
      expect(rig.device.printed).toBe(2);
    });
  }

  it("rejects with 'timeout' when the printer prints nothing within timeoutMs", async () => {
    const rig = await started();
    rig.device.stalled = true;
    expect(await rejection(rig.printer.print(TICKET, { timeoutMs: 50 }))).toEqual({
      code: 'timeout',
      message: 'the ticket was not printed within 50 ms',
    });
  });

  it('uses defaultTimeoutMs when the caller gives none', async () => {
    const rig = await started('serial', { defaultTimeoutMs: 40 });
    rig.device.stalled = true;
    expect(await rejection(rig.printer.print(TICKET))).toMatchObject({ code: 'timeout' });
  });

  it("counts a printer that stops answering DLE EOT as 'offline', and keeps the reason", async () => {
    const rig = await started('serial', { answerTimeoutMs: 30 });
    rig.device.stalled = true;
    await wait(() => expect(rig.printer.status).toBe('offline'));
    expect(rig.printer.lastError?.message).toBe('the printer did not answer DLE EOT within 30 ms');
    rig.device.stalled = false;
    await wait(() => expect(rig.printer.status).toBe('online'));
  });

  it('does not count one unanswered status request as offline', async () => {
    const rig = await started('serial', { answerTimeoutMs: 30 });
    const seen: DeviceStatus[] = [];
    rig.printer.onStatus((status) => seen.push(status));
    rig.device.dropAnswers = 1;
    await wait(() =>
      expect(rig.printer.lastError?.message).toBe(
        'the printer did not answer DLE EOT within 30 ms',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen).toEqual([]);
    expect(rig.printer.status).toBe('online');
  });

  it("reports 'hardware-error' when the printer answers out of step", async () => {
    const rig = await started();
    rig.device.garbleNextAnswer = true;
    await wait(() => expect(rig.printer.status).toBe('hardware-error'));
    expect(rig.printer.lastError?.message).toBe(
      'the printer sent 0xff, which answers nothing asked',
    );
    await wait(() => expect(rig.printer.status).toBe('online'));
  });

  it('cancels on an AbortSignal, also one aborted before the call', async () => {
    const rig = await started('serial', { printMs: 200 });
    const controller = new AbortController();
    const printing = rig.printer.print(TICKET, { signal: controller.signal });
    controller.abort();
    expect(await rejection(printing)).toMatchObject({ code: 'cancelled' });
    expect(await rejection(rig.printer.print(TICKET, { signal: controller.signal }))).toMatchObject(
      {
        code: 'cancelled',
      },
    );
  });

  it('rejects a ticket the model cannot print with a DeviceError that says why, sending nothing', async () => {
    const rig = await started('serial', { model: PRINTER_MODELS['epson-tm-t88vi'] });
    const before = rig.device.received.length;
    const error = await rejection(
      rig.printer.print({ title: 'x', blocks: [{ kind: 'text', text: '取号' }] }),
    );
    expect(error.code).toBe('hardware-error');
    expect(error.message).toContain('has no Chinese font');
    expect(rig.device.received.slice(before).includes(0x40)).toBe(false);
  });

  it("with a presenter: 'presented' once printed, 'taken' when the sensor no longer sees the ticket", async () => {
    const rig = await started();
    const media: MediaEvent[] = [];
    rig.printer.onMedia((event) => media.push(event));
    expect(rig.printer.presenter).toBe(true);
    await rig.printer.print(TICKET);
    expect(rig.printer.mediaAtExit).toBe(true);
    expect(media).toEqual(['presented']);
    rig.device.takePaper();
    await wait(() => expect(media).toEqual(['presented', 'taken']));
    expect(rig.printer.mediaAtExit).toBe(false);
  });

  it("without a presenter: 'presented' once printed, and 'taken' never (it cannot be known)", async () => {
    const rig = await started('serial', { model: PRINTER_MODELS['generic-80-gb18030'] });
    const media: MediaEvent[] = [];
    rig.printer.onMedia((event) => media.push(event));
    expect(rig.printer.presenter).toBe(false);
    await rig.printer.print(TICKET);
    rig.device.takePaper();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(media).toEqual(['presented']);
    expect(rig.printer.mediaAtExit).toBe(true);
    expect(rig.device.statusRequests).not.toContain(20);
  });

  it('polls at the injected interval and stops on dispose()', async () => {
    const rig = await started('serial', { pollIntervalMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 110));
    const polls = rig.device.statusRequests.filter((n) => n === 1).length;
    expect(polls).toBeGreaterThanOrEqual(3);
    expect(polls).toBeLessThanOrEqual(7);
    rig.printer.dispose();
    const after = rig.device.statusRequests.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(rig.device.statusRequests.length).toBe(after);
    expect(rig.printer.status).toBe('offline');
  });

  for (const kind of ['serial', 'usb'] as const) {
    it(`goes 'offline' when the ${kind} printer is unplugged, failing the print under way, and back when plugged in`, async () => {
      const rig = await started(kind, { printMs: 100 });
      const seen: DeviceStatus[] = [];
      rig.printer.onStatus((status) => seen.push(status));
      const printing = rig.printer.print(TICKET, { timeoutMs: 1000 });
      await new Promise((resolve) => setTimeout(resolve, 10));
      rig.unplug();
      expect(await rejection(printing)).toMatchObject({ code: 'offline' });
      expect(rig.printer.status).toBe('offline');
      expect(await rejection(rig.printer.print(TICKET))).toMatchObject({ code: 'offline' });
      rig.plugIn();
      await wait(() => expect(rig.printer.status).toBe('online'));
      expect(seen).toEqual(['offline', 'online']);
      await rig.printer.print(TICKET, { timeoutMs: 1000 });
    });
  }

  it('start() rejects when no permitted printer has the ids, and the status stays offline', async () => {
    const rig = printerRig('usb');
    rigs.push(rig);
    rig.unplug();
    expect(await rejection(rig.printer.start())).toMatchObject({
      code: 'offline',
      message: 'no permitted USB device is USB 0416:5011',
    });
    expect(rig.printer.status).toBe('offline');
  });
});
