import type { Device, Unsubscribe } from './device';

export type ScanSource = 'camera' | 'wedge';

export interface ScannedCode {
  text: string;
  source: ScanSource;
  /** Epoch milliseconds. */
  at: number;
}

/**
 * A code scanner: a handheld keyboard-wedge scanner, the camera, or both. It delivers codes only
 * between start() and stop(); stop() resolves once the camera is really released.
 */
export interface CodeScanner extends Device {
  readonly kind: 'scanner';
  readonly running: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  onCode(listener: (code: ScannedCode) => void): Unsubscribe;
}
