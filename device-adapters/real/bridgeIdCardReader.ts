import * as v from 'valibot';
import type { IdCardRecord } from '../../domain';
import { DeviceError, type DeviceStatus, type Unsubscribe, type WaitOptions } from '../device';
import type { CardInField, CardPresence, IdCardReader } from '../idCardReader';
import { bounded } from '../shared/bounded';
import { StatusDevice } from '../shared/statusCell';
import type { BridgeConnection } from './bridgeConnection';
import {
  cardStatusSchema,
  completionError,
  completionSchema,
  idCardRecordSchema,
  statusChangedSchema,
} from './bridgeProtocol';

/** How long the bridge has to say whether a card lies in the field. */
const STATUS_BOUND_MS = 2_000;

/** The resident-ID reader behind the local device bridge. */
export class BridgeIdCardReader extends StatusDevice<'idCard'> implements IdCardReader {
  readonly #bridge: BridgeConnection;
  #deviceStatus: DeviceStatus = 'online';
  #cardPresent = false;
  /** Whether the card now in the field lay there when a visit ended: not read until placed again. */
  #aside = false;
  #presence = new Set<(presence: CardPresence) => void>();

  constructor(bridge: BridgeConnection) {
    super('idCard', bridge.open ? 'online' : 'offline');
    this.#bridge = bridge;
    bridge.onConnection((open) => this.setStatus(open ? this.#deviceStatus : 'offline'));
    bridge.onUnsolicited((message) => {
      if (message.header.name === 'IdCard.MediaInserted') this.#setPresence(true);
      else if (message.header.name === 'IdCard.MediaRemoved') this.#setPresence(false);
      else if (message.header.name === 'Common.StatusChanged') {
        const change = v.safeParse(statusChangedSchema, message.payload);
        if (change.success && change.output.device === 'idCard') {
          this.#deviceStatus = change.output.status;
          if (bridge.open) this.setStatus(change.output.status);
        }
      }
    });
  }

  get cardPresent(): boolean {
    return this.#cardPresent;
  }

  onCard(listener: (presence: CardPresence) => void): Unsubscribe {
    this.#presence.add(listener);
    return () => this.#presence.delete(listener);
  }

  /**
   * Asks the bridge (`IdCard.Status`) whether a card lies in the field, and follows its answer:
   * a card placed while the connection was down is known from here on. A bridge that does not
   * answer (an older one, or none) leaves what the media events told.
   */
  queryCard(): Promise<CardInField> {
    const known = (): CardInField =>
      !this.#cardPresent ? 'none' : this.#aside ? 'set-aside' : 'card';
    if (!this.#bridge.open) return Promise.resolve(known());
    return new Promise<CardInField>((resolve) => {
      let settled = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(bound);
        resolve(known());
      };
      const requestId = this.#bridge.command('IdCard.Status', {}, (message) => {
        const status = v.safeParse(cardStatusSchema, message?.payload);
        const media = status.success ? status.output.media : undefined;
        if (!settled && status.success && status.output.completionCode === 'success' && media)
          this.#setPresence(media === 'present');
        finish();
      });
      const bound = setTimeout(() => {
        this.#bridge.cancel(requestId);
        finish();
      }, STATUS_BOUND_MS);
    });
  }

  setAside(): void {
    if (this.#cardPresent) this.#aside = true;
  }

  read(options?: WaitOptions): Promise<IdCardRecord> {
    return bounded<IdCardRecord>(
      'idCard',
      ({ resolve, reject }) => {
        if (this.status === 'offline') {
          reject(new DeviceError('idCard', 'offline', 'the ID reader is not connected'));
          return;
        }
        let requestId: number | null = null;
        const start = () => {
          requestId = this.#bridge.command('IdCard.Read', {}, (message) => {
            requestId = null;
            if (!message)
              return reject(
                new DeviceError('idCard', 'offline', 'the device bridge went away mid-read'),
              );
            const completion = v.safeParse(completionSchema, message.payload);
            if (!completion.success)
              return reject(
                new DeviceError('idCard', 'hardware-error', 'a completion outside the protocol'),
              );
            if (completion.output.completionCode !== 'success') {
              const code = completionError(
                completion.output.completionCode,
                completion.output.errorCode,
              );
              return reject(
                new DeviceError(
                  'idCard',
                  code,
                  `IdCard.Read: ${completion.output.completionCode} ${completion.output.errorCode ?? ''}`,
                ),
              );
            }
            const record = v.safeParse(idCardRecordSchema, message.payload.record);
            if (!record.success)
              return reject(
                new DeviceError(
                  'idCard',
                  'read-failed',
                  'the bridge sent a card record outside the protocol',
                ),
              );
            resolve(record.output);
          });
        };
        const offCard = this.onCard((presence) => {
          if (presence === 'inserted' && requestId === null) start();
        });
        const offStatus = this.onStatus((status) => {
          if (status === 'offline')
            reject(new DeviceError('idCard', 'offline', 'the ID reader went offline'));
        });
        if (this.#cardPresent && !this.#aside) start();
        return () => {
          offCard();
          offStatus();
          if (requestId !== null) this.#bridge.cancel(requestId);
        };
      },
      options,
      15_000,
    );
  }

  #setPresence(present: boolean): void {
    if (present === this.#cardPresent) return;
    this.#cardPresent = present;
    if (!present) this.#aside = false;
    for (const listener of [...this.#presence]) listener(present ? 'inserted' : 'removed');
  }
}
