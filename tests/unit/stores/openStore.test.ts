import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../stores/shared/openStore';
import { watchStores, type StoreNotice } from '../../../stores/shared/storageHealth';
import { IndexedDbPrintJournal } from '../../../stores/journal';
import { IndexedDbQueueService } from '../../../stores/queue';
import { IndexedDbHolderKeys } from '../../../stores/keys';
import { IndexedDbFaceLockout } from '../../../stores/lockout';

let count = 0;
const freshDb = () => `open-store-unit-${(count += 1)}`;

/** The notices the page is given, while the test runs. */
function listen() {
  const notices: StoreNotice[] = [];
  const stop = watchStores((notice) => notices.push(notice));
  stops.push(stop);
  return notices;
}
const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.restoreAllMocks();
});

/** A raw connection, as an older (or newer) page of the kiosk would hold it: no handlers. */
function rawOpen(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains('things'))
        request.result.createObjectStore('things');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
  ]);

describe('openStore: one way to open every database of the kiosk', () => {
  it('blocked by an older page: says so, and opens the moment that page lets go', async () => {
    const name = freshDb();
    const notices = listen();
    const old = await rawOpen(name, 1);
    const opening = openStore(name, 2, {
      upgrade(db) {
        if (!db.objectStoreNames.contains('things')) db.createObjectStore('things');
      },
    });
    expect(await within(opening, 200)).toBe('still waiting');
    expect(notices).toEqual([{ database: name, state: 'blocked' }]);
    old.close();
    const db = await opening;
    expect(db.version).toBe(2);
    expect(notices.at(-1)).toEqual({ database: name, state: 'open' });
    db.close();
  });

  it('blocking a newer page: closes at once, so the upgrade goes on, and asks for a reload', async () => {
    const name = freshDb();
    const notices = listen();
    const mine = await openStore(name, 1, { upgrade: (db) => void db.createObjectStore('things') });
    const newer = await within(rawOpen(name, 2), 1000);
    expect(newer).not.toBe('still waiting');
    expect(notices).toEqual([{ database: name, state: 'superseded' }]);
    (newer as IDBDatabase).close();
    // This page's connection is gone: its calls fail instead of holding anyone up.
    await expect(mine.get('things', 'x')).rejects.toThrow();
  });

  it('an older page asked to open a newer database fails at once, not retried', async () => {
    const name = freshDb();
    const notices = listen();
    (await rawOpen(name, 3)).close();
    await expect(openStore(name, 2, { retryMs: 1 })).rejects.toMatchObject({
      name: 'VersionError',
    });
    expect(notices.map((n) => n.state)).toEqual(['failed']);
  });

  it('a failed open is tried again, then fails for good', async () => {
    const name = freshDb();
    const notices = listen();
    const open = indexedDB.open.bind(indexedDB);
    let failures = 2;
    vi.spyOn(indexedDB, 'open').mockImplementation((n: string, v?: number) => {
      if (failures > 0) {
        failures -= 1;
        throw new DOMException('the disk is busy', 'UnknownError');
      }
      return open(n, v);
    });
    const db = await openStore(name, 1, { retryMs: 1 });
    expect(notices.map((n) => n.state)).toEqual(['retrying', 'retrying', 'open']);
    db.close();

    failures = 10;
    await expect(openStore(freshDb(), 1, { retries: 2, retryMs: 1 })).rejects.toThrow(
      /disk is busy/,
    );
    expect(notices.slice(3).map((n) => n.state)).toEqual(['retrying', 'retrying', 'failed']);
  });

  it.each([
    [
      'the print journal',
      1,
      async (name: string) => new IndexedDbPrintJournal({ databaseName: name }).unsettled(),
    ],
    [
      'the holder keys',
      1,
      async (name: string) => new IndexedDbHolderKeys({ databaseName: name }).secret(),
    ],
    [
      'the face lock-out',
      1,
      async (name: string) =>
        new IndexedDbFaceLockout({
          databaseName: name,
          kioskId: 'k',
          policy: { rounds: 3, hours: 24, triesPerRound: 3 },
        }).refusals(),
    ],
    [
      'the queue store',
      3,
      async (name: string) =>
        new IndexedDbQueueService({ databaseName: name, services: [], locks: null }).issued(
          'tax',
          '2026-11-23',
        ),
    ],
  ])('%s (v%i) lets a newer version of the kiosk open its database', async (_, version, use) => {
    const name = freshDb();
    const notices = listen();
    await use(name); // the store is open and in use
    const newer = await within(rawOpen(name, version + 1), 1000);
    expect(newer).not.toBe('still waiting');
    (newer as IDBDatabase).close();
    expect(notices).toContainEqual({ database: name, state: 'superseded' });
  });
});
