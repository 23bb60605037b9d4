import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdCardRecord } from '../../domain/idCardRecord';
import type { CardPresence, IdCardReader } from '../../device-adapters/idCardReader';
import {
  SHORT_TIMEOUT_MS,
  delay,
  eventually,
  expectDeviceError,
  followStatus,
  track,
} from './contractSupport';

type Awaitable<T> = T | Promise<T>;

/**
 * The world around an ID-card reader under test, as a fake device can stage it.
 * Every method may act asynchronously: the contract waits (up to 1 s) to see its effect in the adapter.
 * The harness's reader must read a card within 50 ms of real time.
 */
export interface IdCardReaderHarness {
  /** The adapter under test: connected, status 'online', no card in the field. */
  reader: IdCardReader;
  /** A card carrying this record enters the reader's field. */
  placeCard(record: IdCardRecord): Awaitable<void>;
  /** The card in the field leaves it. */
  pullCard(): Awaitable<void>;
  /** The next read attempt fails at the device (an unreadable chip); the card stays in the field. */
  failNextRead(): Awaitable<void>;
  /** The next read starts, then the card leaves the field before that read completes. */
  pullCardDuringNextRead(): Awaitable<void>;
  /** The reader is disconnected (unplugged, bridge gone). */
  goOffline(): Awaitable<void>;
  /** Releases timers, sockets and listeners. */
  dispose(): Awaitable<void>;
}

/** A valid record: the GB 11643 standard's own example number. */
const WANG_FANG: IdCardRecord = {
  cardType: 'resident',
  name: '王芳',
  sex: 'F',
  nation: '汉',
  birthDate: '1949-12-31',
  address: '北京市朝阳区示例路1号',
  idNumber: '11010519491231002X',
  issuer: '北京市公安局朝阳分局',
  validFrom: '2010-03-01',
  validTo: '长期',
};

/** Fails validation on purpose (wrong check character): readers deliver what the card holds. */
const BAD_CHECK: IdCardRecord = {
  ...WANG_FANG,
  name: '李四',
  idNumber: '110105194912310021',
};

export function describeIdCardReaderContract(
  name: string,
  makeHarness: () => Awaitable<IdCardReaderHarness>,
): void {
  describe(`IdCardReader contract: ${name}`, () => {
    let world: IdCardReaderHarness;
    let reader: IdCardReader;

    beforeEach(async () => {
      world = await makeHarness();
      reader = world.reader;
    });
    afterEach(async () => {
      await world.dispose();
    });

    it('starts online as an idCard reader with no card in the field', () => {
      expect(reader.kind).toBe('idCard');
      expect(reader.status).toBe('online');
      expect(reader.cardPresent).toBe(false);
    });

    it('reports a card entering and leaving the field through onCard and cardPresent', async () => {
      const seen: CardPresence[] = [];
      reader.onCard((presence) => seen.push(presence));
      await world.placeCard(WANG_FANG);
      await eventually(() => expect(reader.cardPresent).toBe(true));
      await eventually(() => expect(seen).toEqual(['inserted']));
      await world.pullCard();
      await eventually(() => expect(reader.cardPresent).toBe(false));
      await eventually(() => expect(seen).toEqual(['inserted', 'removed']));
    });

    it('stops calling an onCard listener once unsubscribed', async () => {
      const seen: CardPresence[] = [];
      const unsubscribe = reader.onCard((presence) => seen.push(presence));
      unsubscribe();
      await world.placeCard(WANG_FANG);
      await eventually(() => expect(reader.cardPresent).toBe(true));
      await delay(20);
      expect(seen).toEqual([]);
    });

    it('reads the card in the field and yields its record', async () => {
      await world.placeCard(WANG_FANG);
      await expect(reader.read({ timeoutMs: 1000 })).resolves.toEqual(WANG_FANG);
    });

    it('delivers a record exactly as read, even one that fails validation', async () => {
      await world.placeCard(BAD_CHECK);
      await expect(reader.read({ timeoutMs: 1000 })).resolves.toEqual(BAD_CHECK);
    });

    it('waits for a card placed after read() was called', async () => {
      const reading = track(reader.read({ timeoutMs: 1000 }));
      await delay(20);
      expect(reading.settled).toBe(false);
      await world.placeCard(WANG_FANG);
      await expect(reading.promise).resolves.toEqual(WANG_FANG);
    });

    it("rejects with 'timeout' when no card comes within timeoutMs", async () => {
      await expectDeviceError(reader.read({ timeoutMs: SHORT_TIMEOUT_MS }), 'idCard', 'timeout');
    });

    it('reads a card still in the field again (a second flow of the same visit)', async () => {
      await world.placeCard(WANG_FANG);
      await expect(reader.read({ timeoutMs: 1000 })).resolves.toEqual(WANG_FANG);
      await expect(reader.read({ timeoutMs: 1000 })).resolves.toEqual(WANG_FANG);
    });

    it('answers queryCard with what lies in the field: none, a card, a card set aside', async () => {
      await expect(reader.queryCard()).resolves.toBe('none');
      await world.placeCard(WANG_FANG);
      await eventually(() => expect(reader.cardPresent).toBe(true));
      await expect(reader.queryCard()).resolves.toBe('card');
      reader.setAside();
      await expect(reader.queryCard()).resolves.toBe('set-aside');
      await world.pullCard();
      await eventually(() => expect(reader.cardPresent).toBe(false));
      await expect(reader.queryCard()).resolves.toBe('none');
    });

    it('does not read a card set aside until it leaves the field and is placed again', async () => {
      await world.placeCard(WANG_FANG);
      await eventually(() => expect(reader.cardPresent).toBe(true));
      reader.setAside();
      await expectDeviceError(reader.read({ timeoutMs: SHORT_TIMEOUT_MS }), 'idCard', 'timeout');
      const reading = track(reader.read({ timeoutMs: 1000 }));
      await world.pullCard();
      await eventually(() => expect(reader.cardPresent).toBe(false));
      await delay(20);
      expect(reading.settled).toBe(false);
      await world.placeCard(WANG_FANG);
      await expect(reading.promise).resolves.toEqual(WANG_FANG);
    });

    it('sets nothing aside while the field is empty: the next card placed is read', async () => {
      reader.setAside();
      await world.placeCard(WANG_FANG);
      await expect(reader.read({ timeoutMs: 1000 })).resolves.toEqual(WANG_FANG);
    });

    it("rejects with 'cancelled' when the signal aborts while waiting", async () => {
      const controller = new AbortController();
      const reading = reader.read({ timeoutMs: 1000, signal: controller.signal });
      await delay(10);
      controller.abort();
      await expectDeviceError(reading, 'idCard', 'cancelled');
    });

    it("rejects with 'cancelled' when the signal is already aborted, without consuming the card", async () => {
      await world.placeCard(WANG_FANG);
      await eventually(() => expect(reader.cardPresent).toBe(true));
      await expectDeviceError(
        reader.read({ timeoutMs: 1000, signal: AbortSignal.abort() }),
        'idCard',
        'cancelled',
      );
      await expect(reader.read({ timeoutMs: 1000 })).resolves.toEqual(WANG_FANG);
    });

    it("rejects with 'read-failed' on an unreadable card, which can be read again without lifting it", async () => {
      await world.placeCard(WANG_FANG);
      await world.failNextRead();
      await expectDeviceError(reader.read({ timeoutMs: 1000 }), 'idCard', 'read-failed');
      expect(reader.cardPresent).toBe(true);
      await expect(reader.read({ timeoutMs: 1000 })).resolves.toEqual(WANG_FANG);
    });

    it("rejects with 'card-removed' when the card is pulled out mid-read", async () => {
      await world.placeCard(WANG_FANG);
      await world.pullCardDuringNextRead();
      await expectDeviceError(reader.read({ timeoutMs: 1000 }), 'idCard', 'card-removed');
      await eventually(() => expect(reader.cardPresent).toBe(false));
    });

    it("goes 'offline', tells onStatus listeners, and rejects reads with 'offline'", async () => {
      const status = followStatus(reader);
      await world.goOffline();
      await eventually(() => expect(reader.status).toBe('offline'));
      expect(status.seen).toContain('offline');
      await expectDeviceError(reader.read({ timeoutMs: 1000 }), 'idCard', 'offline');
    });

    it("fails a read that is waiting for a card with 'offline' when the reader goes offline", async () => {
      const reading = reader.read({ timeoutMs: 1000 });
      await delay(10);
      await world.goOffline();
      await expectDeviceError(reading, 'idCard', 'offline');
    });

    it('does not call an onStatus listener for the current status, nor after unsubscribing', async () => {
      const status = followStatus(reader);
      await delay(20);
      expect(status.seen).toEqual([]);
      status.stop();
      await world.goOffline();
      await eventually(() => expect(reader.status).toBe('offline'));
      expect(status.seen).toEqual([]);
    });
  });
}
