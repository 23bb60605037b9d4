import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { IndexedDbHolderKeys } from '../../../stores/keys';

const ID = '11010519491231002X';
let count = 0;
const freshDb = () => `keys-unit-${(count += 1)}`;

describe('holder keys (HMAC-SHA-256 under the kiosk secret)', () => {
  it('are not the plain hash the masked number gave back, nor anything without the secret', async () => {
    const keys = new IndexedDbHolderKeys({ databaseName: freshDb() });
    const key = await keys.daily(ID, '2026-11-23');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const plain = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(key).not.toBe(plain(`kiosk-01:${ID}`));
    expect(key).not.toBe(plain(ID));
    // Another kiosk (another secret) gives another key for the same card and day.
    const elsewhere = new IndexedDbHolderKeys({ databaseName: freshDb() });
    expect(await elsewhere.daily(ID, '2026-11-23')).not.toBe(key);
  });

  it('a day key tells the same card that day only; a stable key on every day, one per purpose', async () => {
    const keys = new IndexedDbHolderKeys({ databaseName: freshDb() });
    const monday = await keys.daily(ID, '2026-11-23');
    expect(await keys.daily(ID, '2026-11-23')).toBe(monday);
    expect(await keys.daily(ID, '2026-11-24')).not.toBe(monday);
    expect(await keys.daily('110105194912310011', '2026-11-23')).not.toBe(monday);
    const appointment = await keys.stable(ID, 'appointment');
    expect(await keys.stable(ID, 'appointment')).toBe(appointment);
    expect(await keys.stable(ID, 'face-lockout')).not.toBe(appointment);
    expect([monday, await keys.daily(ID, '2026-11-24')]).not.toContain(appointment);
  });

  it('the secret is made once, survives a restart, and cannot be read out', async () => {
    const name = freshDb();
    const [a, b] = [
      new IndexedDbHolderKeys({ databaseName: name }),
      new IndexedDbHolderKeys({ databaseName: name }),
    ];
    // Two pages starting at once agree on one secret.
    const [ka, kb] = await Promise.all([a.daily(ID, '2026-11-23'), b.daily(ID, '2026-11-23')]);
    expect(ka).toBe(kb);
    await a.close();
    const restarted = new IndexedDbHolderKeys({ databaseName: name });
    expect(await restarted.stable(ID, 'appointment')).toBe(await b.stable(ID, 'appointment'));
    const secret = await restarted.secret();
    expect(secret.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', secret)).rejects.toThrow();
    const db = await openDB(name);
    const stored = (await db.getAll('secrets')) as { key: CryptoKey }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.key.extractable).toBe(false);
    db.close();
  });
});
