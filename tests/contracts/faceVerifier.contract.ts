import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaceVerifier } from '../../device-adapters/faceVerifier';
import {
  SHORT_TIMEOUT_MS,
  delay,
  eventually,
  expectDeviceError,
  followStatus,
} from './contractSupport';

type Awaitable<T> = T | Promise<T>;

/** Who stands in front of the verifier's camera for the next verify(). */
export type PresentedFace = 'match' | 'mismatch' | 'no-face' | 'liveness-failed';

/**
 * The world around a face verifier under test, as a fake device can stage it.
 * Every method may act asynchronously: the contract waits (up to 1 s) to see its effect in the adapter.
 * The harness's verifier must answer within 50 ms of real time unless stalled.
 */
export interface FaceVerifierHarness {
  /** The adapter under test: connected, status 'online'; with nothing staged, verify() matches. */
  verifier: FaceVerifier;
  /** The next verify() sees this: the card holder, someone else, nobody, or a photo held up. */
  presentFace(face: PresentedFace): Awaitable<void>;
  /** The device stops answering: calls hang until their timeout or abort. */
  stall(): Awaitable<void>;
  /** The verifier is disconnected. */
  goOffline(): Awaitable<void>;
  /** Releases timers, sockets and listeners. */
  dispose(): Awaitable<void>;
}

/** A card photo as a reader delivers it: the verifier must accept any data: URL. */
const CARD_PHOTO =
  'data:image/svg+xml;charset=utf-8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="102" height="126"><rect width="102" height="126" fill="#ddd"/></svg>',
  );

export function describeFaceVerifierContract(
  name: string,
  makeHarness: () => Awaitable<FaceVerifierHarness>,
): void {
  describe(`FaceVerifier contract: ${name}`, () => {
    let world: FaceVerifierHarness;
    let verifier: FaceVerifier;

    beforeEach(async () => {
      world = await makeHarness();
      verifier = world.verifier;
    });
    afterEach(async () => {
      await world.dispose();
    });

    it('starts online as a face verifier', () => {
      expect(verifier.kind).toBe('face');
      expect(verifier.status).toBe('online');
    });

    it('resolves a match with a score between 0 and 1', async () => {
      await world.presentFace('match');
      const match = await verifier.verify(CARD_PHOTO, { timeoutMs: 1000 });
      expect(match.score).toBeGreaterThanOrEqual(0);
      expect(match.score).toBeLessThanOrEqual(1);
    });

    it('accepts a missing card photo', async () => {
      await world.presentFace('match');
      const match = await verifier.verify(undefined, { timeoutMs: 1000 });
      expect(typeof match.score).toBe('number');
    });

    it("rejects with 'mismatch' when someone else stands there", async () => {
      await world.presentFace('mismatch');
      await expectDeviceError(verifier.verify(CARD_PHOTO, { timeoutMs: 1000 }), 'face', 'mismatch');
    });

    it("rejects with 'no-face' when nobody stands there", async () => {
      await world.presentFace('no-face');
      await expectDeviceError(verifier.verify(CARD_PHOTO, { timeoutMs: 1000 }), 'face', 'no-face');
    });

    it("rejects with 'liveness-failed' when the face is not alive", async () => {
      await world.presentFace('liveness-failed');
      await expectDeviceError(
        verifier.verify(CARD_PHOTO, { timeoutMs: 1000 }),
        'face',
        'liveness-failed',
      );
    });

    it('can verify again after a failure', async () => {
      await world.presentFace('mismatch');
      await expectDeviceError(verifier.verify(CARD_PHOTO, { timeoutMs: 1000 }), 'face', 'mismatch');
      await world.presentFace('match');
      await expect(verifier.verify(CARD_PHOTO, { timeoutMs: 1000 })).resolves.toHaveProperty(
        'score',
      );
    });

    it("rejects with 'timeout' when the device does not answer within timeoutMs", async () => {
      await world.stall();
      await expectDeviceError(
        verifier.verify(CARD_PHOTO, { timeoutMs: SHORT_TIMEOUT_MS }),
        'face',
        'timeout',
      );
    });

    it("rejects with 'cancelled' when the signal aborts mid-verify", async () => {
      await world.stall();
      const controller = new AbortController();
      const verifying = verifier.verify(CARD_PHOTO, { timeoutMs: 1000, signal: controller.signal });
      await delay(10);
      controller.abort();
      await expectDeviceError(verifying, 'face', 'cancelled');
    });

    it("rejects with 'cancelled' when the signal is already aborted", async () => {
      await expectDeviceError(
        verifier.verify(CARD_PHOTO, { timeoutMs: 1000, signal: AbortSignal.abort() }),
        'face',
        'cancelled',
      );
    });

    it("goes 'offline', tells onStatus listeners, and rejects with 'offline'", async () => {
      const status = followStatus(verifier);
      await world.goOffline();
      await eventually(() => expect(verifier.status).toBe('offline'));
      expect(status.seen).toContain('offline');
      await expectDeviceError(verifier.verify(CARD_PHOTO, { timeoutMs: 1000 }), 'face', 'offline');
    });

    it('does not call an onStatus listener for the current status, nor after unsubscribing', async () => {
      const status = followStatus(verifier);
      await delay(20);
      expect(status.seen).toEqual([]);
      status.stop();
      await world.goOffline();
      await eventually(() => expect(verifier.status).toBe('offline'));
      expect(status.seen).toEqual([]);
    });
  });
}
