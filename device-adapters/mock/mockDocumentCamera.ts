import type { WaitOptions } from '../device';
import type { CaptureSide, CapturedImage, DocumentCamera } from '../documentCamera';
import { MockDevice } from './mockDevice';
import { sampleCardImage } from './mockImages';
import { sleep } from './mockTiming';

export interface MockDocumentCameraOptions {
  /** How long a capture takes; the camera is 'busy' meanwhile. Default 500 ms. */
  captureMs?: number;
  /** Bound when the caller gives no timeoutMs. Default 10 s. */
  defaultTimeoutMs?: number;
}

/** A simulated document camera (高拍仪) that captures a specimen card picture. */
export class MockDocumentCamera extends MockDevice<'camera'> implements DocumentCamera {
  readonly #captureMs: number;
  readonly #defaultTimeoutMs: number;
  #failingCaptures = 0;

  constructor(options: MockDocumentCameraOptions = {}) {
    super('camera');
    this.#captureMs = options.captureMs ?? 500;
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? 10_000;
  }

  capture(side: CaptureSide, options: WaitOptions = {}): Promise<CapturedImage> {
    return this.core.run(options, this.#defaultTimeoutMs, async (signal) => {
      const endBusy = this.core.beginBusy();
      try {
        await sleep(this.core.duration(this.#captureMs), signal);
        if (this.#failingCaptures > 0 || this.core.has('read-error')) {
          this.#failingCaptures = Math.max(0, this.#failingCaptures - 1);
          throw this.core.error('hardware-error', 'the capture failed (a fault the tester set)');
        }
        return await sampleCardImage(side);
      } finally {
        endBusy();
      }
    });
  }

  // Controls for testers and the simulator.

  /** The next capture fails with 'hardware-error'; the one after works again. */
  failNextCapture(): void {
    this.#failingCaptures += 1;
    this.core.notifyChange();
  }

  override clear(): void {
    this.#failingCaptures = 0;
    super.clear();
  }
}
