import type { IdCardRecord } from '../../domain';
import type { Unsubscribe, WaitOptions } from '../device';
import type { CardInField, CardPresence, IdCardReader } from '../idCardReader';
import { MockDevice } from './mockDevice';
import { sleep, until } from './mockTiming';
import { TEST_PERSONS, findTestPerson, type TestPerson } from '../../domain/testPersons';

export interface MockIdCardReaderOptions {
  /** How long reading a card takes; the reader is 'busy' meanwhile. Default 400 ms. */
  readMs?: number;
  /** How long read() waits for a card when the caller gives no timeoutMs. Default 15 s. */
  defaultTimeoutMs?: number;
  /** Who insert() finds by slug. Default TEST_PERSONS. */
  persons?: readonly TestPerson[];
}

/**
 * A simulated ID-card reader. It never validates: a card is delivered exactly as inserted,
 * which is how testers check that flows reject bad cards.
 */
export class MockIdCardReader extends MockDevice<'idCard'> implements IdCardReader {
  readonly #readMs: number;
  readonly #defaultTimeoutMs: number;
  readonly #persons: readonly TestPerson[];
  /** The card in the field; `aside` once a visit ended with it there (see setAside). */
  #card: { record: IdCardRecord; aside: boolean } | undefined;
  #cardListeners = new Set<(presence: CardPresence) => void>();
  /** Aborts the read under way with 'card-removed' when the card leaves the field. */
  #reading: AbortController | undefined;
  #failingReads = 0;

  constructor(options: MockIdCardReaderOptions = {}) {
    super('idCard');
    this.#readMs = options.readMs ?? 400;
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? 15_000;
    this.#persons = options.persons ?? TEST_PERSONS;
  }

  get cardPresent(): boolean {
    return this.#card !== undefined;
  }

  onCard(listener: (presence: CardPresence) => void): Unsubscribe {
    this.#cardListeners.add(listener);
    return () => this.#cardListeners.delete(listener);
  }

  queryCard(): Promise<CardInField> {
    if (!this.#card) return Promise.resolve('none');
    return Promise.resolve(this.#card.aside ? 'set-aside' : 'card');
  }

  setAside(): void {
    if (this.#card) this.#card.aside = true;
  }

  read(options: WaitOptions = {}): Promise<IdCardRecord> {
    return this.core.run(options, this.#defaultTimeoutMs, async (signal) => {
      await until(signal, (done) => {
        const ifReadable = () => {
          if (this.#card && !this.#card.aside) done();
        };
        ifReadable();
        return this.onCard(ifReadable);
      });
      return this.#readCard(signal);
    });
  }

  async #readCard(callSignal: AbortSignal): Promise<IdCardRecord> {
    const card = this.#card;
    if (!card) throw this.core.error('card-removed', 'the card left the field as reading began');
    const reading = new AbortController();
    this.#reading = reading;
    const signal = AbortSignal.any([callSignal, reading.signal]);
    const endBusy = this.core.beginBusy();
    try {
      let remaining = this.core.duration(this.#readMs);
      if (this.core.take('pull-mid-read')) {
        await sleep(remaining / 2, signal);
        remaining -= remaining / 2;
        this.remove();
      }
      await sleep(remaining, signal);
      if (this.#failingReads > 0 || this.core.has('read-error')) {
        this.#failingReads = Math.max(0, this.#failingReads - 1);
        throw this.core.error('read-failed', 'the card could not be read (a fault the tester set)');
      }
      return { ...card.record };
    } finally {
      endBusy();
      if (this.#reading === reading) this.#reading = undefined;
    }
  }

  // Controls for testers and the simulator.

  /** Puts a card in the field (a record, or a test person's slug); a card already there leaves first. */
  insert(recordOrPersonId: IdCardRecord | string): void {
    const record =
      typeof recordOrPersonId === 'string'
        ? findTestPerson(recordOrPersonId, this.#persons).record
        : recordOrPersonId;
    if (this.#card) this.remove();
    this.#card = { record, aside: false };
    this.#emitCard('inserted');
  }

  /** Takes the card out of the field; a read under way fails with 'card-removed'. */
  remove(): void {
    if (!this.#card) return;
    this.#card = undefined;
    this.#reading?.abort(this.core.error('card-removed', 'the card was pulled out mid-read'));
    this.#emitCard('removed');
  }

  /** The next read fails with 'read-failed'; the card stays in the field and unread. */
  failNextRead(): void {
    this.#failingReads += 1;
    this.core.notifyChange();
  }

  /** The record of the card in the field, for the panel. */
  get card(): IdCardRecord | undefined {
    return this.#card?.record;
  }

  override clear(): void {
    this.#failingReads = 0;
    super.clear();
  }

  #emitCard(presence: CardPresence): void {
    for (const listener of [...this.#cardListeners]) listener(presence);
    this.core.notifyChange();
  }
}
