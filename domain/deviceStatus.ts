/** The devices a terminal may have, named as testers and the simulator name them. */
export type DeviceKind = 'idCard' | 'face' | 'scanner' | 'receipt' | 'document' | 'camera';

export const DEVICE_KINDS: readonly DeviceKind[] = [
  'idCard',
  'face',
  'scanner',
  'receipt',
  'document',
  'camera',
];

/** What a device reports of itself (after XFS4IoT's device status); each kind uses the values that apply. */
export type DeviceStatus =
  | 'online'
  | 'offline'
  | 'busy'
  | 'paper-low'
  | 'paper-out'
  | 'jam'
  | 'cover-open'
  | 'hardware-error';

/** Statuses in which a device can still do its work: paper-low warns but prints. */
export const WORKING_STATUSES: readonly DeviceStatus[] = ['online', 'busy', 'paper-low'];

export function isWorking(status: DeviceStatus): boolean {
  return WORKING_STATUSES.includes(status);
}
