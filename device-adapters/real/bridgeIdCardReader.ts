import * as v from 'valibot';
import type { IdCardRecord } from '../../domain';
import { DeviceError, type DeviceStatus, type Unsubscribe, type WaitOptions } from '../device';
import type { CardPresence, IdCardReader } from '../idCardReader';
import { bounded } from '../shared/bounded';
import { StatusDevice } from '../shared/statusCell';
import type { BridgeConnection } from './bridgeConnection';
import {
  completionError,
  completionSchema,
  idCardRecordSchema,
  statusChangedSchema,
} from './bridgeProtocol';

/** The resident-ID reader behind the local device bridge. */
export class BridgeIdCardReader extends StatusDevice<'idCard'> implements IdCardReader {
  readonly #bridge: BridgeConnection;
  #deviceStatus: DeviceStatus = 'online';
  #cardPresent = false;
  /** Whether the card now in the field was read: it must leave before the next read. */
  #placementRead = false;
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
          this.#placementRead = true;
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
              // A failed read leaves the card to be read again.
              if (code === 'read-failed') this.#placementRead = false;
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
        if (this.#cardPresent && !this.#placementRead) start();
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
    if (!present) this.#placementRead = false;
    for (const listener of [...this.#presence]) listener(present ? 'inserted' : 'removed');
  }
}
