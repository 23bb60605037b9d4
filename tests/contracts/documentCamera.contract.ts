import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CapturedImage, DocumentCamera } from '../../device-adapters/documentCamera';
import {
  SHORT_TIMEOUT_MS,
  delay,
  eventually,
  expectDeviceError,
  followStatus,
} from './contractSupport';

type Awaitable<T> = T | Promise<T>;

/**
 * The world around a document camera (高拍仪) under test, as a fake device can stage it.
 * Every method may act asynchronously: the contract waits (up to 1 s) to see its effect in the adapter.
 * The harness's camera must capture within 100 ms of real time unless stalled.
 */
export interface DocumentCameraHarness {
  /** The adapter under test: connected, status 'online'. */
  camera: DocumentCamera;
  /** The next capture fails at the device; the one after works again. */
  failNextCapture(): Awaitable<void>;
  /** The device stops answering: captures hang until their timeout. */
  stall(): Awaitable<void>;
  /** The camera is disconnected. */
  goOffline(): Awaitable<void>;
  /** Releases timers, streams and listeners. */
  dispose(): Awaitable<void>;
}

/** A real image: a data: URL of an image type with a non-empty payload, and a positive size. */
function expectImage(image: CapturedImage): void {
  const match = /^data:(image\/(?:png|jpeg|svg\+xml))(;[^,]*)?,(.+)$/s.exec(image.dataUrl);
  expect(match, `not an image data: URL: ${image.dataUrl.slice(0, 40)}`).not.toBeNull();
  const isBase64 = match?.[2]?.includes('base64') ?? false;
  const payload = match?.[3] ?? '';
  const bytes = isBase64 ? atob(payload) : decodeURIComponent(payload);
  expect(bytes.length).toBeGreaterThan(20);
  if (match?.[1] === 'image/png') expect(bytes.startsWith('\x89PNG')).toBe(true);
  if (match?.[1] === 'image/jpeg') expect(bytes.startsWith('\xFF\xD8')).toBe(true);
  if (match?.[1] === 'image/svg+xml') expect(bytes).toContain('<svg');
  expect(Number.isInteger(image.width) && image.width > 0).toBe(true);
  expect(Number.isInteger(image.height) && image.height > 0).toBe(true);
}

export function describeDocumentCameraContract(
  name: string,
  makeHarness: () => Awaitable<DocumentCameraHarness>,
): void {
  describe(`DocumentCamera contract: ${name}`, () => {
    let world: DocumentCameraHarness;
    let camera: DocumentCamera;

    beforeEach(async () => {
      world = await makeHarness();
      camera = world.camera;
    });
    afterEach(async () => {
      await world.dispose();
    });

    it('starts online as a document camera', () => {
      expect(camera.kind).toBe('camera');
      expect(camera.status).toBe('online');
    });

    it('captures the front and the back as real images', async () => {
      expectImage(await camera.capture('front', { timeoutMs: 2000 }));
      expectImage(await camera.capture('back', { timeoutMs: 2000 }));
    });

    it("rejects with 'hardware-error' when a capture fails, and captures again afterwards", async () => {
      await world.failNextCapture();
      await expectDeviceError(
        camera.capture('front', { timeoutMs: 2000 }),
        'camera',
        'hardware-error',
      );
      expectImage(await camera.capture('front', { timeoutMs: 2000 }));
    });

    it("rejects with 'timeout' when the camera does not answer within timeoutMs", async () => {
      await world.stall();
      await expectDeviceError(
        camera.capture('front', { timeoutMs: SHORT_TIMEOUT_MS }),
        'camera',
        'timeout',
      );
    });

    it("goes 'offline', tells onStatus listeners, and rejects with 'offline'", async () => {
      const status = followStatus(camera);
      await world.goOffline();
      await eventually(() => expect(camera.status).toBe('offline'));
      expect(status.seen).toContain('offline');
      await expectDeviceError(camera.capture('front', { timeoutMs: 2000 }), 'camera', 'offline');
    });

    it('does not call an onStatus listener for the current status, nor after unsubscribing', async () => {
      const status = followStatus(camera);
      await delay(20);
      expect(status.seen).toEqual([]);
      status.stop();
      await world.goOffline();
      await eventually(() => expect(camera.status).toBe('offline'));
      expect(status.seen).toEqual([]);
    });
  });
}
