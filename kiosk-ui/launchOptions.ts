import type { DeviceProfile, KioskConfig } from '../domain';

/** How this start of the kiosk runs, after the tester's URL parameters are applied. */
export interface LaunchOptions {
  devices: DeviceProfile;
  /** The configuration with any tester overrides in it. */
  config: KioskConfig;
  /** Whether the tester's simulator panel starts open (?sim=1). */
  simulatorOpen: boolean;
  /**
   * Whether the simulator's dock (its small SIM button) is on screen at all: with ?sim=1 or the
   * tester setting (localStorage `budayang.kiosk.simulator` = `1`), never on a citizen's screen
   * by default. `window.kioskSim` is there in the mock profile either way.
   */
  simulatorButton: boolean;
  /** Mock devices answer at once (?timing=instant), for soak runs of thousands of visits. */
  instantMocks: boolean;
  /**
   * How long the hall name is held to open the staff console: 5 s, or a tester's ?hold=MS
   * (300–5000) with mock devices, so that browser tests do not wait five seconds each time.
   */
  staffHoldMs: number;
}

/** The hold that opens the staff console on a hall's terminal. */
export const STAFF_HOLD_MS = 5_000;

/** The tester setting that puts the simulator's SIM button on screen (README, For testers). */
export const SIMULATOR_SETTING_KEY = 'budayang.kiosk.simulator';

/** Whether this browser carries the tester setting; false where storage cannot be read. */
export function testerSetting(storage: Pick<Storage, 'getItem'> | null = safeLocalStorage()) {
  try {
    return storage?.getItem(SIMULATOR_SETTING_KEY) === '1';
  } catch {
    return false;
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Applies the tester's URL parameters: ?devices=mock|real, ?idle=SECONDS, ?sim=1,
 * ?timing=instant, ?scanner=camera, ?hold=MS, ?kiosk=ID, and the tester setting (`tester`: the SIM button). A kiosk
 * configured for real devices ignores them all, so a citizen cannot change a hall's terminal
 * from its address bar.
 */
export function resolveLaunchOptions(
  config: KioskConfig,
  search: string,
  tester = false,
): LaunchOptions {
  if (config.devices === 'real')
    return {
      devices: 'real',
      config,
      simulatorOpen: false,
      simulatorButton: false,
      instantMocks: false,
      staffHoldMs: STAFF_HOLD_MS,
    };
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
    config: {
      ...config,
      session,
      hardware,
      ...kioskOf(config, devices === 'mock' ? params.get('kiosk') : null),
    },
    simulatorOpen: devices === 'mock' && params.get('sim') === '1',
    simulatorButton: devices === 'mock' && (params.get('sim') === '1' || tester),
    instantMocks: devices === 'mock' && params.get('timing') === 'instant',
    staffHoldMs: devices === 'mock' ? holdOf(params.get('hold')) : STAFF_HOLD_MS,
  };
}

/**
 * ?kiosk=kiosk-02: this page is that kiosk of the hall (several kiosk pages in one tester's
 * browser). With a demo hall server token (`demo-…`), the matching demo token `demo-<id>`; a real
 * token is left alone (the server then refuses the other id, as it should).
 */
function kioskOf(
  config: KioskConfig,
  raw: string | null,
): Pick<KioskConfig, 'kioskId'> & Partial<Pick<KioskConfig, 'hallServer'>> {
  if (raw === null || !/^[A-Za-z0-9-]{1,32}$/.test(raw)) return { kioskId: config.kioskId };
  const hall = config.hallServer;
  return hall?.token.startsWith('demo-')
    ? { kioskId: raw, hallServer: { ...hall, token: `demo-${raw}` } }
    : { kioskId: raw };
}

function holdOf(raw: string | null): number {
  const ms = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(ms) && ms >= 300 && ms <= STAFF_HOLD_MS ? ms : STAFF_HOLD_MS;
}
