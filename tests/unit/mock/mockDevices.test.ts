import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isDeviceError, type DeviceStatus } from '../../../device-adapters/device';
import type { ScannedCode } from '../../../device-adapters/codeScanner';
import type { PrintDocument } from '../../../domain';
import type { MediaEvent, ReceiptTicket } from '../../../device-adapters/receiptPrinter';
import { createMockDevices, TEST_PERSONS } from '../../../device-adapters/mock';

const TICKET: ReceiptTicket = {
  title: '取号 A001',
  blocks: [
    { kind: 'text', text: '不打烊自助服务厅', bold: true },
    { kind: 'rule' },
    { kind: 'bigNumber', text: 'A001' },
    { kind: 'qr', data: 'https://example.gov.cn/q?t=A001', caption: '扫码查看进度' },
    { kind: 'qr', data: 'https://example.gov.cn/x' },
    { kind: 'feed', lines: 3 },
    { kind: 'text', text: '请留意叫号' },
  ],
};

const LICENCE: PrintDocument = {
  title: '营业执照副本',
  paper: 'licence',
  pages: ['<svg xmlns="http://www.w3.org/2000/svg"/>'],
  text: '营业执照 统一社会信用代码 91350100M000100Y43',
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isDeviceError(error) ? error.code : `not a DeviceError: ${String(error)}`;
  }
}

describe('createMockDevices controls', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-01T09:00:00+08:00'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('builds the six devices with their kinds, all online', () => {
    const { devices } = createMockDevices();
    expect(
      Object.fromEntries(Object.entries(devices).map(([key, d]) => [key, [d.kind, d.status]])),
    ).toEqual({
      idCard: ['idCard', 'online'],
      face: ['face', 'online'],
      scanner: ['scanner', 'online'],
      receipt: ['receipt', 'online'],
      document: ['document', 'online'],
      camera: ['camera', 'online'],
    });
  });

  it('keeps what both printers printed, in order, with the printed words', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    await devices.receipt.print(TICKET);
    vi.setSystemTime(new Date('2025-06-01T09:01:00+08:00'));
    await devices.document.print(LICENCE);
    const printed = controls.printed();
    expect(printed.map(({ device, title, text, at }) => ({ device, title, text, at }))).toEqual([
      {
        device: 'receipt',
        title: '取号 A001',
        text: '不打烊自助服务厅\nA001\n扫码查看进度\n请留意叫号',
        at: new Date('2025-06-01T09:00:00+08:00').getTime(),
      },
      {
        device: 'document',
        title: '营业执照副本',
        text: LICENCE.text,
        at: new Date('2025-06-01T09:01:00+08:00').getTime(),
      },
    ]);
    expect(printed[0]?.ticket).toEqual(TICKET);
    expect(printed[1]?.document).toEqual(LICENCE);
    controls.clearPrinted();
    expect(controls.printed()).toEqual([]);
  });

  it('prints a receipt in 600 ms and a document in 1500 ms by default', async () => {
    const { devices, controls } = createMockDevices();
    void devices.receipt.print(TICKET);
    void devices.document.print(LICENCE);
    expect(devices.receipt.status).toBe('busy');
    await vi.advanceTimersByTimeAsync(599);
    expect(controls.printed()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(controls.printed().map((item) => item.device)).toEqual(['receipt']);
    expect(devices.receipt.status).toBe('online');
    await vi.advanceTimersByTimeAsync(900);
    expect(controls.printed().map((item) => item.device)).toEqual(['receipt', 'document']);
  });

  it('presents a printed ticket until the tester takes it', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    const media: MediaEvent[] = [];
    devices.receipt.onMedia((event) => media.push(event));
    controls.receipt.takePaper();
    expect(media).toEqual([]);
    await devices.receipt.print(TICKET);
    expect(controls.receipt.mediaAtExit).toBe(true);
    controls.receipt.takePaper();
    expect(controls.receipt.mediaAtExit).toBe(false);
    expect(media).toEqual(['presented', 'taken']);
  });

  it('puts test persons on the reader by slug, and shows the card', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    expect(controls.persons).toBe(TEST_PERSONS);
    controls.idCard.insert('hk-permit');
    expect(controls.idCard.cardPresent).toBe(true);
    expect(controls.idCard.card?.cardType).toBe('hmt-residence-permit');
    await expect(devices.idCard.read()).resolves.toHaveProperty('name', '陈家明');
    controls.idCard.remove();
    expect(devices.idCard.cardPresent).toBe(false);
  });

  it('makes face.next one-shot: the verification after it matches again', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    await expect(devices.face.verify(undefined)).resolves.toEqual({ score: 0.93 });
    controls.face.next('mismatch');
    expect(controls.face.upcoming).toBe('mismatch');
    await expect(codeOf(devices.face.verify(undefined))).resolves.toBe('mismatch');
    expect(controls.face.upcoming).toBe('match');
    await expect(codeOf(devices.face.verify(undefined))).resolves.toBe('resolved');
    controls.face.next('no-face');
    await expect(codeOf(devices.face.verify(undefined))).resolves.toBe('no-face');
  });

  it('keeps face.next for the verification that completes, not one cancelled', async () => {
    const { devices, controls } = createMockDevices();
    controls.face.next('mismatch');
    const controller = new AbortController();
    const first = codeOf(devices.face.verify(undefined, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(300);
    controller.abort();
    await expect(first).resolves.toBe('cancelled');
    const second = codeOf(devices.face.verify(undefined));
    await vi.advanceTimersByTimeAsync(800);
    await expect(second).resolves.toBe('mismatch');
  });

  it('verifies in 800 ms by default, busy meanwhile', async () => {
    const { devices } = createMockDevices();
    const statuses: DeviceStatus[] = [];
    devices.face.onStatus((status) => statuses.push(status));
    let done = false;
    void devices.face.verify(undefined).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(799);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(statuses).toEqual(['busy', 'online']);
  });

  it('counts scans while the scanner is stopped or offline as ignored, not delivered', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    const codes: ScannedCode[] = [];
    devices.scanner.onCode((code) => codes.push(code));
    expect(controls.scanner.scan('EARLY')).toBe(false);
    await devices.scanner.start();
    expect(controls.scanner.running).toBe(true);
    expect(controls.scanner.scan('A001')).toBe(true);
    expect(controls.scanner.scan('B002', 'camera')).toBe(true);
    controls.fault('scanner', 'offline');
    expect(controls.scanner.scan('LOST')).toBe(false);
    await devices.scanner.stop();
    expect(controls.scanner.scan('LATE')).toBe(false);
    const now = Date.now();
    expect(codes).toEqual([
      { text: 'A001', source: 'wedge', at: now },
      { text: 'B002', source: 'camera', at: now },
    ]);
    expect(controls.scanner.ignored()).toEqual([
      { text: 'EARLY', at: now, reason: 'stopped' },
      { text: 'LOST', at: now, reason: 'offline' },
      { text: 'LATE', at: now, reason: 'stopped' },
    ]);
  });

  it("lets the scanner report 'camera' as its source", async () => {
    const { devices, controls } = createMockDevices({
      instant: true,
      scanner: { source: 'camera' },
    });
    const codes: ScannedCode[] = [];
    devices.scanner.onCode((code) => codes.push(code));
    await devices.scanner.start();
    controls.scanner.scan('X');
    expect(codes[0]?.source).toBe('camera');
  });

  it('captures a specimen card as an SVG image where there is no canvas', async () => {
    const { devices } = createMockDevices({ instant: true });
    const front = await devices.camera.capture('front');
    const back = await devices.camera.capture('back');
    expect(front).toMatchObject({ width: 856, height: 540 });
    expect(front.dataUrl).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(decodeURIComponent(front.dataUrl)).toContain('正面 样张');
    expect(decodeURIComponent(back.dataUrl)).toContain('反面 样张');
  });

  it('fails the next capture only, on failNextCapture', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    controls.camera.failNextCapture();
    await expect(codeOf(devices.camera.capture('front'))).resolves.toBe('hardware-error');
    await expect(codeOf(devices.camera.capture('front'))).resolves.toBe('resolved');
  });

  it('tells onChange listeners of every change a panel shows, until unsubscribed', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    const listener = vi.fn();
    const unsubscribe = controls.onChange(listener);
    const changes: [string, () => unknown][] = [
      ['fault', () => controls.fault('receipt', 'paper-low')],
      ['slow', () => controls.fault('face', { slow: 5 })],
      ['clear', () => controls.clear()],
      ['card', () => controls.idCard.insert('adult')],
      ['face next', () => controls.face.next('no-face')],
      ['ignored scan', () => controls.scanner.scan('A')],
      ['printed', () => devices.document.print(LICENCE)],
      ['cleared printed', () => controls.clearPrinted()],
    ];
    for (const [what, change] of changes) {
      listener.mockClear();
      await change();
      expect(listener, what).toHaveBeenCalled();
    }
    unsubscribe();
    listener.mockClear();
    controls.fault('camera', 'offline');
    expect(listener).not.toHaveBeenCalled();
  });

  it('lists the faults each device takes, and refuses unknown device names', () => {
    const { controls } = createMockDevices();
    expect(controls.faultsTaken('idCard')).toEqual([
      'offline',
      'hardware-error',
      'read-error',
      'pull-mid-read',
    ]);
    expect(() => controls.fault('printer' as 'receipt', 'jam')).toThrow(
      "No mock device 'printer'; the devices are: idCard, face, scanner, receipt, document, camera",
    );
  });

  it('lets a device option win over instant', async () => {
    const { devices } = createMockDevices({ instant: true, receipt: { printMs: 100 } });
    let done = false;
    void devices.receipt.print(TICKET).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
