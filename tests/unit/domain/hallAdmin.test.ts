import { describe, expect, it } from 'vitest';
import { OPEN_ENTRY, afterWrongPin, isEntryLocked, type EntryLock } from '../../../domain';

const NOW = new Date('2026-03-02T08:00:00.000Z');
const MINUTE = 60_000;

/** `count` wrong PINs in a row, all at `now`. */
function wrongPins(lock: EntryLock, count: number, now = NOW): EntryLock {
  let next = lock;
  for (let i = 0; i < count; i += 1) next = afterWrongPin(next, now);
  return next;
}

const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('afterWrongPin', () => {
  it('counts four wrong PINs without locking', () => {
    const lock = wrongPins(OPEN_ENTRY, 4);
    expect(lock).toEqual({ wrong: 4, locks: 0, lockedUntil: null });
    expect(isEntryLocked(lock, NOW)).toBe(false);
  });

  it('locks for 5 minutes at the fifth, and starts counting again', () => {
    expect(wrongPins(OPEN_ENTRY, 5)).toEqual({
      wrong: 0,
      locks: 1,
      lockedUntil: '2026-03-02T08:05:00.000Z',
    });
  });

  it('locks for 15, then 45 minutes on the next fives', () => {
    const first = wrongPins(OPEN_ENTRY, 5);
    const second = wrongPins(first, 5);
    expect(second).toEqual({ wrong: 0, locks: 2, lockedUntil: '2026-03-02T08:15:00.000Z' });
    const third = wrongPins(second, 5);
    expect(third).toEqual({ wrong: 0, locks: 3, lockedUntil: '2026-03-02T08:45:00.000Z' });
  });

  it('never locks for longer than a day', () => {
    // 5 · 3⁵ = 1215 minutes is still under a day; 5 · 3⁶ = 3645 is capped.
    const sixth = wrongPins({ wrong: 0, locks: 5, lockedUntil: null }, 5);
    expect(sixth.lockedUntil).toBe(at(1215 * MINUTE).toISOString());
    const seventh = wrongPins(sixth, 5);
    expect(seventh).toEqual({ wrong: 0, locks: 7, lockedUntil: '2026-03-03T08:00:00.000Z' });
    expect(wrongPins({ wrong: 0, locks: 40, lockedUntil: null }, 5).lockedUntil).toBe(
      '2026-03-03T08:00:00.000Z',
    );
  });

  it('counts from the moment of the fifth wrong PIN', () => {
    const lock = afterWrongPin({ wrong: 4, locks: 1, lockedUntil: null }, at(3 * MINUTE));
    expect(lock.lockedUntil).toBe('2026-03-02T08:18:00.000Z');
  });

  it('clears a passed lock on a wrong PIN that does not lock', () => {
    const passed: EntryLock = { wrong: 0, locks: 1, lockedUntil: '2026-03-02T07:00:00.000Z' };
    expect(afterWrongPin(passed, NOW)).toEqual({ wrong: 1, locks: 1, lockedUntil: null });
  });
});

describe('isEntryLocked', () => {
  const locked = wrongPins(OPEN_ENTRY, 5);

  it('is locked until the last millisecond, and open from the moment named', () => {
    expect(isEntryLocked(locked, NOW)).toBe(true);
    expect(isEntryLocked(locked, at(5 * MINUTE - 1))).toBe(true);
    expect(isEntryLocked(locked, at(5 * MINUTE))).toBe(false);
    expect(isEntryLocked(locked, at(6 * MINUTE))).toBe(false);
  });

  it('is open with no lock', () => {
    expect(isEntryLocked(OPEN_ENTRY, NOW)).toBe(false);
  });
});
