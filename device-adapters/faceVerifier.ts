import type { Device, WaitOptions } from './device';

export interface FaceMatch {
  /** Similarity from 0 to 1 as the verifier reports it. */
  score: number;
}

/** A face verifier (人证核验): the live face against the card photo, with a liveness check. */
export interface FaceVerifier extends Device {
  readonly kind: 'face';
  /**
   * Resolves when the live face matches the card photo. Rejects with a DeviceError: `mismatch`,
   * `no-face`, `liveness-failed`, `timeout`, `offline`, `cancelled`.
   */
  verify(cardPhoto: string | undefined, options?: WaitOptions): Promise<FaceMatch>;
}
