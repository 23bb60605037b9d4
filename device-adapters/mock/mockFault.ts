import type { DeviceKind } from '../device';

/** A fault a tester can put on a mock device by name. */
export type MockFaultName =
  | 'offline'
  | 'paper-low'
  | 'paper-out'
  | 'jam'
  | 'cover-open'
  | 'hardware-error'
  /** Reader: every read fails 'read-failed'; camera: every capture fails 'hardware-error'. */
  | 'read-error'
  /** Reader: the next read starts, then the card is pulled out of the field (one-shot). */
  | 'pull-mid-read';

/** A fault for a mock device: a named one, or `{ slow: ms }` adding that much to every call. */
export type MockFault = MockFaultName | { slow: number };

/** Which named faults each mock takes; every mock also takes `{ slow: ms }`. */
export const MOCK_FAULTS: Readonly<Record<DeviceKind, readonly MockFaultName[]>> = {
  idCard: ['offline', 'hardware-error', 'read-error', 'pull-mid-read'],
  face: ['offline', 'hardware-error'],
  scanner: ['offline', 'hardware-error'],
  receipt: ['offline', 'paper-low', 'paper-out', 'jam', 'cover-open', 'hardware-error'],
  document: ['offline', 'paper-low', 'paper-out', 'jam', 'cover-open', 'hardware-error'],
  camera: ['offline', 'hardware-error', 'read-error'],
};

export function describeFault(fault: MockFault): string {
  return typeof fault === 'string' ? `'${fault}'` : `{ slow: ${fault.slow} }`;
}
