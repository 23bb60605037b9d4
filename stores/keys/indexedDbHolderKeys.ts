import type { DBSchema, IDBPDatabase } from 'idb';
import { openStore } from '../shared/openStore';
import type { CalendarDate, HolderKeys, StableKeyPurpose } from '../../domain';
import { KEYS_DATABASE } from './database';

interface StoredSecret {
  /** The kiosk's own secret, or the hall's (with a hall server: every kiosk of the hall shares it). */
  id: 'holder-secret' | 'hall-secret';
  /** A non-extractable HMAC-SHA-256 key: the browser signs with it, nobody can read it out. */
  key: CryptoKey;
  /** ISO 8601 moment it was generated (the kiosk's first start). */
  createdAt: string;
}

interface KeysDb extends DBSchema {
  secrets: { key: string; value: StoredSecret };
}

const HMAC: HmacKeyGenParams & HmacImportParams = { name: 'HMAC', hash: 'SHA-256' };
const encode = (text: string) => new TextEncoder().encode(text);
const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Holder keys under a secret of this kiosk: a random HMAC-SHA-256 key generated on first start
 * (WebCrypto, non-extractable) and kept in a database of its own, which no export reads. Each
 * use has a key derived from it — one per hall day, one per stable purpose — and the holder key
 * is HMAC(derived key, ID number). Without the kiosk's secret the keys say nothing about a card.
 */
export class IndexedDbHolderKeys implements HolderKeys {
  readonly #db: Promise<IDBPDatabase<KeysDb>>;
  #secret: Promise<CryptoKey> | null = null;
  /** Derived keys by label; a day's key is kept only while it is today's or yesterday's. */
  readonly #derived = new Map<string, Promise<CryptoKey>>();
  readonly #now: () => Date;

  /** With a hall server: the hall's secret in base64 (rejects when the server does not answer). */
  readonly #hallSecret: (() => Promise<string>) | null;

  constructor(
    options: {
      databaseName?: string;
      now?: () => Date;
      /**
       * With a hall server, the hall's secret (GET /api/kiosk/holder-secret): every kiosk of the
       * hall keys a card alike, so one open ticket per card holds hall-wide and a card checks in
       * at any kiosk an appointment booked at another. Kept here once fetched, for the starts
       * when the server does not answer; a kiosk that never had it keys with its own meanwhile.
       */
      hallSecret?: () => Promise<string>;
    } = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#hallSecret = options.hallSecret ?? null;
    this.#db = openStore<KeysDb>(options.databaseName ?? KEYS_DATABASE, 1, {
      upgrade(db) {
        db.createObjectStore('secrets', { keyPath: 'id' });
      },
    });
  }

  /**
   * The secret cards are keyed with: the hall's when there is a hall server (fetched at start,
   * or the copy kept from an earlier start), else the kiosk's own, generated and stored on first
   * use; every page of the kiosk shares one.
   */
  secret(): Promise<CryptoKey> {
    this.#secret ??= this.#loadSecret().catch((error: unknown) => {
      this.#secret = null;
      throw error;
    });
    return this.#secret;
  }

  async daily(idNumber: string, date: CalendarDate): Promise<string> {
    return this.#sign(`day:${date}`, idNumber);
  }

  async stable(idNumber: string, purpose: StableKeyPurpose): Promise<string> {
    return this.#sign(`stable:${purpose}`, idNumber);
  }

  async close(): Promise<void> {
    (await this.#db).close();
  }

  async #sign(label: string, idNumber: string): Promise<string> {
    const key = await this.#derive(label);
    return hex(await crypto.subtle.sign('HMAC', key, encode(idNumber)));
  }

  /** HMAC(secret, label) as a key of its own (non-extractable). */
  #derive(label: string): Promise<CryptoKey> {
    let derived = this.#derived.get(label);
    if (!derived) {
      derived = (async () => {
        const raw = await crypto.subtle.sign(
          'HMAC',
          await this.secret(),
          encode(`budayang:${label}`),
        );
        return crypto.subtle.importKey('raw', raw, HMAC, false, ['sign']);
      })();
      derived.catch(() => this.#derived.delete(label));
      if (label.startsWith('day:')) {
        for (const old of [...this.#derived.keys()]
          .filter((l) => l.startsWith('day:'))
          .slice(0, -1))
          this.#derived.delete(old);
      }
      this.#derived.set(label, derived);
    }
    return derived;
  }

  async #loadSecret(): Promise<CryptoKey> {
    if (this.#hallSecret) {
      const hall = await this.#loadHallSecret(this.#hallSecret);
      if (hall) return hall;
    }
    const db = await this.#db;
    const stored = await db.get('secrets', 'holder-secret');
    if (stored) return stored.key;
    // Generated outside the transaction (WebCrypto is not an IndexedDB request); when another
    // page of the kiosk stored its own first, that one is kept and this one forgotten.
    const key = await crypto.subtle.generateKey(HMAC, false, ['sign']);
    const tx = db.transaction('secrets', 'readwrite');
    const first = await tx.store.get('holder-secret');
    if (!first)
      await tx.store.add({ id: 'holder-secret', key, createdAt: this.#now().toISOString() });
    await tx.done;
    return first?.key ?? key;
  }

  /** The hall's secret, fetched now and kept, or the copy kept from before; null without either. */
  async #loadHallSecret(fetchSecret: () => Promise<string>): Promise<CryptoKey | null> {
    const db = await this.#db;
    try {
      const text = await fetchSecret();
      const raw = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      const key = await crypto.subtle.importKey('raw', raw, HMAC, false, ['sign']);
      await db.put('secrets', { id: 'hall-secret', key, createdAt: this.#now().toISOString() });
      return key;
    } catch (error) {
      const kept = await db.get('secrets', 'hall-secret');
      console.warn(
        kept
          ? 'The hall server gave no card-key secret: the copy kept from an earlier start serves'
          : 'The hall server gave no card-key secret and none is kept: this kiosk keys cards with its own until it does',
        error,
      );
      return kept?.key ?? null;
    }
  }
}
