import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockDevices } from '../../../device-adapters/mock';
import { SCANNER_RETRY_MS, connectSessionToDevices } from '../../../kiosk-ui/devices';

afterEach(() => vi.restoreAllMocks());

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('connectSessionToDevices', () => {
  it('a scanner offline at boot is started when it comes back, and its codes then wake the kiosk', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { devices, controls } = createMockDevices({ instant: true });
    const scanner = controls.scanner;
    controls.fault('scanner', 'offline');
    const sent: unknown[] = [];
    await connectSessionToDevices(devices, (event) => sent.push(event));
    expect(devices.scanner.running).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);

    expect(scanner.scan('BDY1:A:nothing')).toBe(false);
    controls.clear('scanner');
    await settle();
    expect(devices.scanner.running).toBe(true);
    expect(scanner.scan('BDY1:A:after')).toBe(true);
    expect(sent).toEqual([{ type: 'device.codeScanned', code: 'BDY1:A:after' }]);
  });

  it('a running scanner that blinks offline and back is not started again', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    const start = vi.spyOn(devices.scanner, 'start');
    await connectSessionToDevices(devices, () => undefined);
    controls.fault('scanner', 'offline');
    controls.clear('scanner');
    await settle();
    expect(devices.scanner.running).toBe(true);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('a card placed wakes the kiosk', async () => {
    const { devices, controls } = createMockDevices({ instant: true });
    const sent: unknown[] = [];
    await connectSessionToDevices(devices, (event) => sent.push(event));
    controls.idCard.insert('adult');
    expect(sent).toContainEqual({ type: 'device.cardInserted' });
  });
});

describe('connectSessionToDevices, a scanner that timed out starting', () => {
  afterEach(() => vi.useRealTimers());

  it('is tried again every half minute while it says it works', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { devices } = createMockDevices({ instant: true });
    const start = vi
      .spyOn(devices.scanner, 'start')
      .mockRejectedValueOnce(new Error('no answer in time'))
      .mockRejectedValueOnce(new Error('no answer in time'));
    await connectSessionToDevices(devices, () => undefined);
    expect(devices.scanner.running).toBe(false);
    await vi.advanceTimersByTimeAsync(SCANNER_RETRY_MS);
    expect(start).toHaveBeenCalledTimes(2);
    expect(devices.scanner.running).toBe(false);
    await vi.advanceTimersByTimeAsync(SCANNER_RETRY_MS);
    expect(start).toHaveBeenCalledTimes(3);
    expect(devices.scanner.running).toBe(true);
    await vi.advanceTimersByTimeAsync(SCANNER_RETRY_MS * 4);
    expect(start).toHaveBeenCalledTimes(3);
  });
});
