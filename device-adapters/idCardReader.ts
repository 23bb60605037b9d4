import type { IdCardRecord } from '../domain/idCardRecord';
import type { Device, Unsubscribe, WaitOptions } from './device';

export type CardPresence = 'inserted' | 'removed';

/**
 * What lies in the reader's field: nothing, a card to read, or a card set aside (one that lay
 * there when a visit ended: it is not read until it leaves the field and is placed again).
 */
export type CardInField = 'none' | 'card' | 'set-aside';

/** A resident-ID-card reader (居民身份证阅读器), also reading the two other card types. */
export interface IdCardReader extends Device {
  readonly kind: 'idCard';
  /** Whether a card lies in the field, as the reader last told (set aside or not). */
  readonly cardPresent: boolean;
  onCard(listener: (presence: CardPresence) => void): Unsubscribe;
  /**
   * Asks the reader what lies in its field now (a driver that can ask the device does, and
   * follows its answer). Never rejects: a reader that cannot answer reports what it last knew.
   */
  queryCard(): Promise<CardInField>;
  /**
   * Reads the card in the field, or waits for one to be placed; a card already read that never
   * left the field is read again (a second flow of the same visit). A card set aside is not read:
   * until it leaves the field and is placed again, this waits. Rejects with a DeviceError:
   * `timeout`, `card-removed` (pulled out mid-read), `read-failed`, `offline`, `cancelled`.
   */
  read(options?: WaitOptions): Promise<IdCardRecord>;
  /**
   * Sets the card now in the field aside (the visit it belonged to ended): it is not read until
   * it leaves the field and is placed again. Does nothing when the field is empty.
   */
  setAside(): void;
}
