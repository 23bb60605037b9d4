import type { DBSchema, IDBPDatabase } from 'idb';
import { openStore } from '../shared/openStore';
import type { CardLock, FaceLockout, FaceLockoutPolicy, FaceRefusal } from '../../domain';
import { FACE_LOCKOUT_DATABASE } from './database';

/** One card's failed face checks (ISO moments) and the end of its lock-out, if it is locked. */
interface CardRecord {
  holderKey: string;
  failures: string[];
  lockedUntil: string | null;
}

interface LockoutDb extends DBSchema {
  cards: { key: string; value: CardRecord };
  refusals: { key: string; value: FaceRefusal; indexes: { byAt: string } };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Failed face checks per card (a stable holder key) in this browser's IndexedDB. Every failed
 * check counts, so stepping back before the last try of a round does not escape: at
 * `rounds × triesPerRound` failures within `hours` the card is refused here for `hours`.
 * Each refusal is recorded for the staff console; nothing of the person but the key is kept.
 */
export class IndexedDbFaceLockout implements FaceLockout {
  readonly #db: Promise<IDBPDatabase<LockoutDb>>;
  readonly #policy: FaceLockoutPolicy;
  readonly #kioskId: string;
  readonly #now: () => Date;

  constructor(options: {
    policy: FaceLockoutPolicy;
    kioskId: string;
    databaseName?: string;
    now?: () => Date;
  }) {
    this.#policy = options.policy;
    this.#kioskId = options.kioskId;
    this.#now = options.now ?? (() => new Date());
    this.#db = openStore<LockoutDb>(options.databaseName ?? FACE_LOCKOUT_DATABASE, 1, {
      upgrade(db) {
        db.createObjectStore('cards', { keyPath: 'holderKey' });
        db.createObjectStore('refusals', { keyPath: 'id' }).createIndex('byAt', 'at');
      },
    });
  }

  async check(holderKey: string): Promise<CardLock> {
    const now = this.#now();
    const db = await this.#db;
    const tx = db.transaction(['cards', 'refusals'], 'readwrite');
    const card = await tx.objectStore('cards').get(holderKey);
    const lock = lockOf(card, now);
    if (lock.locked)
      await tx.objectStore('refusals').add(this.#refusal(holderKey, 'refused', now, lock.until));
    await tx.done;
    return lock;
  }

  async recordFailure(holderKey: string): Promise<CardLock> {
    const now = this.#now();
    const db = await this.#db;
    const tx = db.transaction(['cards', 'refusals'], 'readwrite');
    const cards = tx.objectStore('cards');
    const card = await cards.get(holderKey);
    const already = lockOf(card, now);
    if (already.locked) {
      await tx.done;
      return already;
    }
    const since = now.getTime() - this.#policy.hours * HOUR;
    const failures = [
      ...(card?.failures ?? []).filter((at) => Date.parse(at) > since),
      now.toISOString(),
    ];
    const limit = this.#policy.rounds * this.#policy.triesPerRound;
    let lock: CardLock = { locked: false };
    if (failures.length >= limit) {
      lock = {
        locked: true,
        until: new Date(now.getTime() + this.#policy.hours * HOUR).toISOString(),
      };
      await cards.put({ holderKey, failures: [], lockedUntil: lock.until });
      await tx.objectStore('refusals').add(this.#refusal(holderKey, 'locked', now, lock.until));
    } else {
      await cards.put({ holderKey, failures, lockedUntil: null });
    }
    await tx.done;
    return lock;
  }

  async refusals(): Promise<FaceRefusal[]> {
    return (await this.#db).getAllFromIndex('refusals', 'byAt');
  }

  /**
   * Erases what no longer counts: cards whose lock-out ended and whose failures are older than
   * `hours`, and refusals older than `retentionDays`. Run at start and daily.
   */
  async purge(retentionDays: number): Promise<void> {
    const now = this.#now();
    const db = await this.#db;
    const tx = db.transaction(['cards', 'refusals'], 'readwrite');
    const since = now.getTime() - this.#policy.hours * HOUR;
    for (
      let cursor = await tx.objectStore('cards').openCursor();
      cursor;
      cursor = await cursor.continue()
    ) {
      const { lockedUntil, failures } = cursor.value;
      const locked = lockedUntil !== null && Date.parse(lockedUntil) > now.getTime();
      if (!locked && failures.every((at) => Date.parse(at) <= since)) await cursor.delete();
    }
    const before = new Date(now.getTime() - retentionDays * DAY).toISOString();
    const old = IDBKeyRange.upperBound(before, true);
    for (
      let cursor = await tx.objectStore('refusals').index('byAt').openCursor(old);
      cursor;
      cursor = await cursor.continue()
    )
      await cursor.delete();
    await tx.done;
  }

  async close(): Promise<void> {
    (await this.#db).close();
  }

  #refusal(holderKey: string, kind: FaceRefusal['kind'], at: Date, until: string): FaceRefusal {
    return {
      id: crypto.randomUUID(),
      at: at.toISOString(),
      kioskId: this.#kioskId,
      holderKey,
      kind,
      until,
    };
  }
}

function lockOf(card: CardRecord | undefined, now: Date): CardLock {
  if (card?.lockedUntil && Date.parse(card.lockedUntil) > now.getTime())
    return { locked: true, until: card.lockedUntil };
  return { locked: false };
}
