import { DEFAULT_DEVICE_TIMEOUTS } from '../../domain';
import type { WaitOptions } from '../device';
import type { FaceMatch, FaceVerifier } from '../faceVerifier';
import { MockDevice } from './mockDevice';

/** Who the mock's camera sees: the card holder, someone else, nobody, or a photo held up. */
export type FaceOutcome = 'match' | 'mismatch' | 'no-face' | 'liveness-failed';

export interface MockFaceVerifierOptions {
  /** How long a verification takes; the verifier is 'busy' meanwhile. Default 800 ms. */
  verifyMs?: number;
  /** Bound when the caller gives no timeoutMs. Default 30 s. */
  defaultTimeoutMs?: number;
}

/** The score the mock reports for a match; real verifiers pass at about 0.8. */
const MATCH_SCORE = 0.93;

/** A simulated face verifier (人证核验). */
export class MockFaceVerifier extends MockDevice<'face'> implements FaceVerifier {
  readonly #verifyMs: number;
  readonly #defaultTimeoutMs: number;
  #next: FaceOutcome = 'match';

  constructor(options: MockFaceVerifierOptions = {}) {
    super('face');
    this.#verifyMs = options.verifyMs ?? 800;
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_DEVICE_TIMEOUTS.faceMs;
  }

  verify(_cardPhoto: string | undefined, options: WaitOptions = {}): Promise<FaceMatch> {
    return this.core.run(options, this.#defaultTimeoutMs, async (signal) => {
      await this.core.busyFor(this.#verifyMs, signal);
      const outcome = this.#next;
      this.#next = 'match';
      this.core.notifyChange();
      switch (outcome) {
        case 'match':
          return { score: MATCH_SCORE };
        case 'mismatch':
          throw this.core.error('mismatch', 'the face does not match the card photo (as staged)');
        case 'no-face':
          throw this.core.error('no-face', 'nobody stood in front of the camera (as staged)');
        case 'liveness-failed':
          throw this.core.error('liveness-failed', 'the face was not a live one (as staged)');
      }
    });
  }

  // Controls for testers and the simulator.

  /**
   * What the next verification that completes sees. One-shot: afterwards the verifier sees the
   * card holder again, so "next" means the next one, as testers expect.
   */
  next(outcome: FaceOutcome): void {
    this.#next = outcome;
    this.core.notifyChange();
  }

  /** The outcome the next verification will have, for the panel. */
  get upcoming(): FaceOutcome {
    return this.#next;
  }
}
