import * as v from 'valibot';
import { DEFAULT_DEVICE_TIMEOUTS } from '../../domain';
import { DeviceError, type DeviceStatus, type WaitOptions } from '../device';
import type { FaceMatch, FaceVerifier } from '../faceVerifier';
import { bounded } from '../shared/bounded';
import { StatusDevice } from '../shared/statusCell';
import type { BridgeConnection } from './bridgeConnection';
import { completionError, completionSchema, statusChangedSchema } from './bridgeProtocol';

/** The face verifier (人证核验) behind the local device bridge. */
export class BridgeFaceVerifier extends StatusDevice<'face'> implements FaceVerifier {
  readonly #bridge: BridgeConnection;
  #deviceStatus: DeviceStatus = 'online';

  constructor(bridge: BridgeConnection) {
    super('face', bridge.open ? 'online' : 'offline');
    this.#bridge = bridge;
    bridge.onConnection((open) => this.setStatus(open ? this.#deviceStatus : 'offline'));
    bridge.onUnsolicited((message) => {
      if (message.header.name !== 'Common.StatusChanged') return;
      const change = v.safeParse(statusChangedSchema, message.payload);
      if (change.success && change.output.device === 'face') {
        this.#deviceStatus = change.output.status;
        if (bridge.open) this.setStatus(change.output.status);
      }
    });
  }

  verify(cardPhoto: string | undefined, options?: WaitOptions): Promise<FaceMatch> {
    return bounded<FaceMatch>(
      'face',
      ({ resolve, reject }) => {
        if (this.status === 'offline') {
          reject(new DeviceError('face', 'offline', 'the face verifier is not connected'));
          return;
        }
        let requestId: number | null = this.#bridge.command(
          'Face.Verify',
          { cardPhoto: cardPhoto ?? null },
          (message) => {
            requestId = null;
            if (!message)
              return reject(
                new DeviceError('face', 'offline', 'the device bridge went away mid-verification'),
              );
            const completion = v.safeParse(completionSchema, message.payload);
            if (!completion.success)
              return reject(
                new DeviceError('face', 'hardware-error', 'a completion outside the protocol'),
              );
            if (completion.output.completionCode !== 'success') {
              const code = completionError(
                completion.output.completionCode,
                completion.output.errorCode,
              );
              return reject(
                new DeviceError(
                  'face',
                  code,
                  `Face.Verify: ${completion.output.errorCode ?? completion.output.completionCode}`,
                ),
              );
            }
            const score = message.payload.score;
            resolve({ score: typeof score === 'number' ? score : 1 });
          },
        );
        const offStatus = this.onStatus((status) => {
          if (status === 'offline')
            reject(new DeviceError('face', 'offline', 'the face verifier went offline'));
        });
        return () => {
          offStatus();
          if (requestId !== null) this.#bridge.cancel(requestId);
        };
      },
      options,
      DEFAULT_DEVICE_TIMEOUTS.faceMs,
    );
  }
}
