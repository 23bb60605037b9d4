import { fromCallback } from 'xstate';
import { DEVICE_KINDS, isWorking, type DeviceProfile, type KioskConfig } from '../domain';
import type { KioskDevices } from '../device-adapters';
import type { MockControls } from '../device-adapters/mock';
import type { MockLicenceRegistry } from '../stores/registry';
import type { LicenceRegistry } from '../domain';
import type { DeviceHealthEvent, DeviceStatuses } from '../machines';

export interface BuiltDevices {
  devices: KioskDevices;
  /** The tester's controls, in the mock profile only. */
  controls: MockControls | null;
  /**
   * The 电子证照库: the simulated one in the mock profile. A terminal has none until a registry
   * connection is configured (a later issue), and then offers no document flows.
   */
  registry: LicenceRegistry | null;
  /** The simulated registry's controls, for the tester. */
  registryControls: MockLicenceRegistry | null;
}

/**
 * Builds the devices of the chosen profile: the simulated ones, or drivers for the hardware.
 * With `hardware.cameraScanner` the camera reads codes too, beside the handheld scanner.
 */
export async function buildDevices(
  config: KioskConfig,
  profile: DeviceProfile,
  options: { instantMocks?: boolean } = {},
): Promise<BuiltDevices> {
  let built: BuiltDevices;
  if (profile === 'mock') {
    // Loaded only in the mock profile, so a hall's terminal never ships the simulated devices.
    const { createMockDevices } = await import('../device-adapters/mock');
    const { MockLicenceRegistry } = await import('../stores/registry');
    const instant = options.instantMocks === true;
    const registry = new MockLicenceRegistry(instant ? { respondMs: 0 } : {});
    built = {
      ...createMockDevices({ instant }),
      registry,
      registryControls: registry,
    };
  } else {
    const { createRealDevices } = await import('./realDevices');
    built = {
      devices: await createRealDevices(config),
      controls: null,
      registry: null,
      registryControls: null,
    };
  }
  if (!config.hardware.cameraScanner) return built;
  const [{ CombinedScanner, loadCameraScanner }, { trustedScriptUrl }] = await Promise.all([
    import('../device-adapters/real'),
    import('./trustedTypes'),
  ]);
  const camera = await loadCameraScanner(trustedScriptUrl);
  return {
    ...built,
    devices: { ...built.devices, scanner: new CombinedScanner([built.devices.scanner, camera]) },
  };
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
 * kiosk from attract and counts as activity. The scanner listens between visits too. Never
 * rejects: a scanner that cannot start now is started when it reports itself working.
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
  // A scanner that could not start (unplugged at boot, a camera that did not answer in time) is
  // started again as soon as it reports itself working, and every half minute while it says it
  // works but is not running: the kiosk must not need a reload to read codes again.
  let starting: Promise<void> | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const start = (): Promise<void> => {
    clearTimeout(retry);
    return (starting ??= devices.scanner
      .start()
      .catch((error: unknown) => {
        console.warn('The code scanner did not start; it is tried again.', error);
        retry = setTimeout(() => {
          if (isWorking(devices.scanner.status) && !devices.scanner.running) void start();
        }, SCANNER_RETRY_MS);
      })
      .finally(() => {
        starting = null;
      }));
  };
  devices.scanner.onStatus((status) => {
    if (isWorking(status) && !devices.scanner.running) void start();
  });
  await start();
}

/** How long a scanner that failed to start while reporting itself working waits for another try. */
export const SCANNER_RETRY_MS = 30_000;
