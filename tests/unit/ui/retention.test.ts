import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_KIOSK_CONFIG, type QueueService } from '../../../domain';
import { keepRetention } from '../../../kiosk-ui/retention';

afterEach(() => vi.useRealTimers());

describe('keepRetention', () => {
  it('erases old records at start, then once each hall day', async () => {
    vi.useFakeTimers();
    let now = new Date('2026-11-23T10:00:00+08:00');
    const queuePurges: [string, number][] = [];
    const lockoutPurges: number[] = [];
    const queue = {
      purge: async (today: string, days: number) => {
        queuePurges.push([today, days]);
      },
    } as unknown as QueueService;
    const stop = keepRetention(
      { ...DEFAULT_KIOSK_CONFIG, retentionDays: 30 },
      { queue, faceLockout: { purge: async (days) => void lockoutPurges.push(days) } },
      () => now,
    );
    expect(queuePurges).toEqual([['2026-11-23', 30]]);
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(queuePurges).toHaveLength(1);
    now = new Date('2026-11-24T00:30:00+08:00');
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(queuePurges).toEqual([
      ['2026-11-23', 30],
      ['2026-11-24', 30],
    ]);
    expect(lockoutPurges).toEqual([30, 30]);
    stop();
  });
});
