import type { IdCardRecord } from '../domain/idCardRecord';
import type { Device, Unsubscribe, WaitOptions } from './device';

export type CardPresence = 'inserted' | 'removed';

/** A resident-ID-card reader (居民身份证阅读器), also reading the two other card types. */
export interface IdCardReader extends Device {
  readonly kind: 'idCard';
  readonly cardPresent: boolean;
  onCard(listener: (presence: CardPresence) => void): Unsubscribe;
  /**
   * Reads the card in the field. A card already read must leave the field first, as with real
   * readers: until a fresh card is placed, this waits. Rejects with a DeviceError: `timeout`,
   * `card-removed` (pulled out mid-read), `read-failed`, `offline`, `cancelled`.
   */
  read(options?: WaitOptions): Promise<IdCardRecord>;
}
