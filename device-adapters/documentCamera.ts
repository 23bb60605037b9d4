import type { Device, WaitOptions } from './device';

export type CaptureSide = 'front' | 'back';

export interface CapturedImage {
  /** data: URL: image/jpeg or image/png from a camera; image/svg+xml from a simulated one without a canvas. */
  dataUrl: string;
  width: number;
  height: number;
}

/** A document camera (高拍仪) for copies of ID cards and papers. */
export interface DocumentCamera extends Device {
  readonly kind: 'camera';
  /** Rejects with a DeviceError: `offline`, `timeout`, `hardware-error`, `permission-denied`. */
  capture(side: CaptureSide, options?: WaitOptions): Promise<CapturedImage>;
}
