import { fromCallback } from 'xstate';
import { DEVICE_KINDS, type DeviceProfile, type KioskConfig } from '../domain';
import type { KioskDevices } from '../device-adapters';
import type { MockControls } from '../device-adapters/mock';
import type { DeviceHealthEvent, DeviceStatuses } from '../machines';

export interface BuiltDevices {
  devices: KioskDevices;
  /** The tester's controls, in the mock profile only. */
  controls: MockControls | null;
}

/** Builds the devices of the chosen profile: the simulated ones, or drivers for the hardware. */
export async function buildDevices(
  config: KioskConfig,
  profile: DeviceProfile,
): Promise<BuiltDevices> {
  if (profile === 'mock') {
    // Loaded only in the mock profile, so a hall's terminal never ships the simulated devices.
    const { createMockDevices } = await import('../device-adapters/mock');
    const { devices, controls } = createMockDevices();
    return { devices, controls };
  }
  const { createRealDevices } = await import('./realDevices');
  return { devices: await createRealDevices(config), controls: null };
}

export function currentStatuses(devices: KioskDevices): DeviceStatuses {
  return Object.fromEntries(
    DEVICE_KINDS.map((kind) => [kind, devices[kind].status]),
  ) as DeviceStatuses;
}

/** The device-health supervisor's watch: every device's status now, then every change. */
export function watchDevices(devices: KioskDevices) {
  return fromCallback<DeviceHealthEvent>(({ sendBack }) => {
    const unsubscribes = DEVICE_KINDS.map((device) => {
      sendBack({ type: 'device.status', device, status: devices[device].status });
      return devices[device].onStatus((status) =>
        sendBack({ type: 'device.status', device, status }),
      );
    });
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  });
}

/**
 * What the devices tell the session by themselves: a card placed or a code scanned wakes the
 * kiosk from attract and counts as activity. The scanner listens between visits too.
 */
export async function connectSessionToDevices(
  devices: KioskDevices,
  send: (
    event: { type: 'device.cardInserted' } | { type: 'device.codeScanned'; code: string },
  ) => void,
): Promise<void> {
  devices.idCard.onCard((presence) => {
    if (presence === 'inserted') send({ type: 'device.cardInserted' });
  });
  devices.scanner.onCode((code) => send({ type: 'device.codeScanned', code: code.text }));
  await devices.scanner.start();
}
