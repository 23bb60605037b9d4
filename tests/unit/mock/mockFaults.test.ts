import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isDeviceError, type DeviceStatus } from '../../../device-adapters/device';
import type { ReceiptTicket } from '../../../device-adapters/receiptPrinter';
import { createMockDevices, MOCK_FAULTS } from '../../../device-adapters/mock';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isDeviceError(error)
      ? `${error.device}:${error.code}`
      : `not a DeviceError: ${String(error)}`;
  }
}

const TICKET: ReceiptTicket = { title: '取号 A001', blocks: [{ kind: 'bigNumber', text: 'A001' }] };

describe('mock faults', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuse a fault a device does not take, naming those it does', () => {
    const { controls } = createMockDevices();
    expect(() => controls.fault('scanner', 'paper-out')).toThrow(
      "The mock scanner device does not take the fault 'paper-out'; it takes: 'offline', 'hardware-error', { slow: ms }",
    );
    expect(() => controls.fault('face', 'read-error')).toThrow(
      /does not take the fault 'read-error'/,
    );
    expect(() => controls.fault('receipt', 'pull-mid-read')).toThrow(
      /it takes: 'offline', 'paper-low'/,
    );
    expect(() => controls.fault('camera', { slow: -1 })).toThrow(/≥ 0/);
  });

  it('take every fault listed for each device', () => {
    const { controls } = createMockDevices();
    for (const [device, faults] of Object.entries(MOCK_FAULTS)) {
      for (const fault of faults) {
        expect(() => controls.fault(device as keyof typeof MOCK_FAULTS, fault)).not.toThrow();
      }
      expect(() => controls.fault(device as keyof typeof MOCK_FAULTS, { slow: 10 })).not.toThrow();
    }
  });

  it('set the status, notify onStatus, and clear back to online', () => {
    const { devices, controls } = createMockDevices();
    const seen: DeviceStatus[] = [];
    devices.receipt.onStatus((status) => seen.push(status));
    for (const fault of [
      'paper-low',
      'paper-out',
      'jam',
      'cover-open',
      'hardware-error',
      'offline',
    ] as const) {
      controls.clear('receipt');
      controls.fault('receipt', fault);
      expect(devices.receipt.status).toBe(fault);
    }
    controls.clear('receipt');
    expect(devices.receipt.status).toBe('online');
    expect(seen).toEqual([
      'paper-low',
      'online',
      'paper-out',
      'online',
      'jam',
      'online',
      'cover-open',
      'online',
      'hardware-error',
      'online',
      'offline',
      'online',
    ]);
  });

  it('treat paper low and paper out as one level that replaces itself', () => {
    const { devices, controls } = createMockDevices();
    controls.fault('document', 'paper-out');
    controls.fault('document', 'paper-low');
    expect(devices.document.status).toBe('paper-low');
    expect(controls.faults('document')).toEqual(['paper-low']);
  });

  it('show the gravest condition when several hold, and list them all', () => {
    const { devices, controls } = createMockDevices();
    controls.fault('receipt', 'paper-low');
    controls.fault('receipt', 'cover-open');
    controls.fault('receipt', { slow: 500 });
    expect(devices.receipt.status).toBe('cover-open');
    expect(controls.faults('receipt')).toEqual(['paper-low', 'cover-open', { slow: 500 }]);
  });

  it('clear one device, or all when none is named', () => {
    const { devices, controls } = createMockDevices();
    controls.fault('face', 'offline');
    controls.fault('camera', 'offline');
    controls.clear('face');
    expect(devices.face.status).toBe('online');
    expect(devices.camera.status).toBe('offline');
    controls.fault('scanner', 'hardware-error');
    controls.clear();
    expect(devices.camera.status).toBe('online');
    expect(devices.scanner.status).toBe('online');
  });

  it('refuse calls under a condition with the matching code', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    controls.fault('receipt', 'hardware-error');
    await expect(codeOf(devices.receipt.print(TICKET))).resolves.toBe('receipt:hardware-error');
    controls.fault('face', 'hardware-error');
    await expect(codeOf(devices.face.verify(undefined))).resolves.toBe('face:hardware-error');
    controls.fault('scanner', 'offline');
    await expect(codeOf(devices.scanner.start())).resolves.toBe('scanner:offline');
    controls.fault('camera', 'offline');
    await expect(codeOf(devices.camera.capture('front'))).resolves.toBe('camera:offline');
  });

  it('fail a print under way with the fault injected meanwhile ("out of paper mid-ticket")', async () => {
    const { devices, controls } = createMockDevices();
    for (const fault of ['paper-out', 'jam', 'cover-open', 'offline'] as const) {
      controls.clear();
      const printing = codeOf(devices.receipt.print(TICKET));
      await vi.advanceTimersByTimeAsync(300);
      controls.fault('receipt', fault);
      await expect(printing).resolves.toBe(`receipt:${fault}`);
    }
    expect(controls.printed()).toEqual([]);
    expect(devices.receipt.mediaAtExit).toBe(false);
  });

  it('let a print under way finish when the paper only runs low', async () => {
    const { devices, controls } = createMockDevices();
    const printing = codeOf(
      devices.document.print({ title: '证明', paper: 'A4', pages: [], text: '证明' }),
    );
    await vi.advanceTimersByTimeAsync(500);
    controls.fault('document', 'paper-low');
    await vi.advanceTimersByTimeAsync(1000);
    await expect(printing).resolves.toBe('resolved');
    expect(devices.document.status).toBe('paper-low');
  });

  it('fail a verification under way when the verifier goes offline', async () => {
    const { devices, controls } = createMockDevices();
    const verifying = codeOf(devices.face.verify(undefined));
    await vi.advanceTimersByTimeAsync(400);
    controls.fault('face', 'offline');
    await expect(verifying).resolves.toBe('face:offline');
  });

  it('make every call slower by { slow }, until cleared', async () => {
    const { devices, controls } = createMockDevices();
    controls.fault('receipt', { slow: 2000 });
    let done = false;
    void devices.receipt.print(TICKET).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(2599);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    controls.clear('receipt');
    done = false;
    void devices.receipt.print(TICKET).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(600);
    expect(done).toBe(true);
  });

  it("time a slowed call out with 'timeout' at its timeoutMs", async () => {
    const { devices, controls } = createMockDevices();
    controls.fault('camera', { slow: 60_000 });
    const capturing = codeOf(devices.camera.capture('back', { timeoutMs: 5000 }));
    await vi.advanceTimersByTimeAsync(5000);
    await expect(capturing).resolves.toBe('camera:timeout');
    expect(devices.camera.status).toBe('online');
  });

  it("fail captures with 'hardware-error' while the camera's 'read-error' lasts", async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    controls.fault('camera', 'read-error');
    await expect(codeOf(devices.camera.capture('front'))).resolves.toBe('camera:hardware-error');
    await expect(codeOf(devices.camera.capture('front'))).resolves.toBe('camera:hardware-error');
    controls.clear('camera');
    await expect(codeOf(devices.camera.capture('front'))).resolves.toBe('resolved');
  });
});
