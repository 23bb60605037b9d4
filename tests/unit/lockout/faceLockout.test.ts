import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexedDbFaceLockout } from '../../../stores/lockout';

let count = 0;
const HOUR = 3_600_000;

function lockout() {
  let now = new Date('2026-11-23T10:00:00.000Z');
  const store = new IndexedDbFaceLockout({
    databaseName: `lockout-unit-${(count += 1)}`,
    kioskId: 'kiosk-07',
    policy: { rounds: 3, triesPerRound: 3, hours: 24 },
    now: () => now,
  });
  return {
    store,
    later: (hours: number) => {
      now = new Date(now.getTime() + hours * HOUR);
    },
  };
}

describe('the face lock-out store', () => {
  it('locks a card out for 24 h at three rounds of failed checks, and records each refusal', async () => {
    const { store, later } = lockout();
    for (let i = 1; i < 9; i += 1)
      expect(await store.recordFailure('card-a')).toEqual({ locked: false });
    expect(await store.recordFailure('card-a')).toEqual({
      locked: true,
      until: '2026-11-24T10:00:00.000Z',
    });
    later(1);
    expect(await store.check('card-a')).toEqual({
      locked: true,
      until: '2026-11-24T10:00:00.000Z',
    });
    expect(await store.check('card-b')).toEqual({ locked: false });
    expect(await store.refusals()).toEqual([
      expect.objectContaining({
        kind: 'locked',
        at: '2026-11-23T10:00:00.000Z',
        kioskId: 'kiosk-07',
        holderKey: 'card-a',
      }),
      expect.objectContaining({
        kind: 'refused',
        at: '2026-11-23T11:00:00.000Z',
        kioskId: 'kiosk-07',
        holderKey: 'card-a',
      }),
    ]);
    later(23);
    expect(await store.check('card-a')).toEqual({ locked: false });
  });

  it('failures older than the lock-out time no longer count', async () => {
    const { store, later } = lockout();
    for (let i = 0; i < 8; i += 1) await store.recordFailure('card-a');
    later(25);
    expect(await store.recordFailure('card-a')).toEqual({ locked: false });
  });

  it('purges ended lock-outs and refusals older than the retention period', async () => {
    const { store, later } = lockout();
    for (let i = 0; i < 9; i += 1) await store.recordFailure('card-a');
    await store.recordFailure('card-b');
    later(48);
    await store.check('card-c');
    await store.purge(1);
    expect(await store.refusals()).toEqual([]);
    expect(await store.recordFailure('card-a')).toEqual({ locked: false });
  });
});
