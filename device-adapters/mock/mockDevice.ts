import type { DeviceKind, DeviceStatus, Unsubscribe } from '../device';
import { MockDeviceCore } from './mockDeviceCore';
import type { MockFault } from './mockFault';

/**
 * What every mock device has besides its own calls: the status of its core, and the fault
 * controls testers and the simulator use (inject, clear, faults, onChange).
 */
export abstract class MockDevice<K extends DeviceKind> {
  readonly kind: K;
  /** The status, faults and bounded calls this mock runs on. */
  protected readonly core: MockDeviceCore;

  constructor(kind: K) {
    this.kind = kind;
    this.core = new MockDeviceCore(kind);
  }

  get status(): DeviceStatus {
    return this.core.status;
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.core.onStatus(listener);
  }

  // Controls for testers and the simulator.

  get faults(): MockFault[] {
    return this.core.faults;
  }

  inject(fault: MockFault): void {
    this.core.inject(fault);
  }

  /** Removes every fault: the status returns to 'online' (or 'busy' while a call runs). */
  clear(): void {
    this.core.clear();
  }

  /** For the tester's panel: anything about this device changed (status, faults, its own state). */
  onChange(listener: () => void): Unsubscribe {
    return this.core.onChange(listener);
  }
}
