import type { DeviceStatus, Unsubscribe } from '../device';

/**
 * Where a document printer's status comes from when the terminal can know it (e.g. a local bridge
 * that asks the printer over IPP or SNMP). The browser itself cannot see the printer's paper.
 */
export interface PrinterStatusSource {
  readonly status: DeviceStatus;
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe;
}
