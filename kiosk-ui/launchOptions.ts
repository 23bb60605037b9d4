import type { DeviceProfile, KioskConfig } from '../domain';

/** How this start of the kiosk runs, after the tester's URL parameters are applied. */
export interface LaunchOptions {
  devices: DeviceProfile;
  /** The configuration with any tester overrides in it. */
  config: KioskConfig;
  /** Whether the tester's simulator panel starts open (?sim=1). */
  simulatorOpen: boolean;
  /** Mock devices answer at once (?timing=instant), for soak runs of thousands of visits. */
  instantMocks: boolean;
}

/**
 * Applies the tester's URL parameters: ?devices=mock|real, ?idle=SECONDS, ?sim=1,
 * ?timing=instant, ?scanner=camera. A kiosk
 * configured for real devices ignores them all, so a citizen cannot change a hall's terminal
 * from its address bar.
 */
export function resolveLaunchOptions(config: KioskConfig, search: string): LaunchOptions {
  if (config.devices === 'real')
    return { devices: 'real', config, simulatorOpen: false, instantMocks: false };
  const params = new URLSearchParams(search);
  const devices = params.get('devices') === 'real' ? 'real' : 'mock';
  const idle = Number.parseInt(params.get('idle') ?? '', 10);
  let session = config.session;
  if (Number.isFinite(idle) && idle >= 2 && idle <= 3600) {
    // Both modes get the tester's timeout; the warning keeps at least a second before it.
    const warningSeconds = Math.min(session.warningSeconds, Math.max(1, Math.floor(idle / 2)));
    session = { ...session, idleSeconds: idle, elderlyIdleSeconds: idle, warningSeconds };
  }
  // ?scanner=camera: the camera reads codes beside the (simulated) handheld scanner.
  const hardware =
    params.get('scanner') === 'camera'
      ? { ...config.hardware, cameraScanner: true }
      : config.hardware;
  return {
    devices,
    config: { ...config, session, hardware },
    simulatorOpen: devices === 'mock' && params.get('sim') === '1',
    instantMocks: devices === 'mock' && params.get('timing') === 'instant',
  };
}
