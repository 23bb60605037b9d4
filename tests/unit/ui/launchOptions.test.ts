import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_CONFIG } from '../../../domain';
import {
  SIMULATOR_SETTING_KEY,
  resolveLaunchOptions,
  testerSetting,
} from '../../../kiosk-ui/launchOptions';

const mockKiosk = DEFAULT_KIOSK_CONFIG;
const realKiosk = { ...DEFAULT_KIOSK_CONFIG, devices: 'real' as const };

describe('resolveLaunchOptions', () => {
  it('runs the configured profile with no parameters', () => {
    expect(resolveLaunchOptions(mockKiosk, '')).toMatchObject({
      devices: 'mock',
      simulatorOpen: false,
    });
    expect(resolveLaunchOptions(realKiosk, '').devices).toBe('real');
  });

  it('lets a tester pick real devices, a short idle timeout and the simulator on a mock kiosk', () => {
    const launch = resolveLaunchOptions(mockKiosk, '?devices=real&idle=20&sim=1');
    expect(launch.devices).toBe('real');
    expect(launch.simulatorOpen).toBe(false); // the simulator drives mocks only
    expect(launch.config.session).toMatchObject({
      idleSeconds: 20,
      elderlyIdleSeconds: 20,
      warningSeconds: 10,
    });
    expect(resolveLaunchOptions(mockKiosk, '?sim=1').simulatorOpen).toBe(true);
  });

  it('keeps the warning shorter than a very short idle timeout', () => {
    expect(resolveLaunchOptions(mockKiosk, '?idle=4').config.session).toMatchObject({
      idleSeconds: 4,
      warningSeconds: 2,
    });
    expect(resolveLaunchOptions(mockKiosk, '?idle=60').config.session.warningSeconds).toBe(15);
  });

  it('ignores nonsense values', () => {
    for (const idle of ['abc', '0', '1', '-5', '99999']) {
      expect(resolveLaunchOptions(mockKiosk, `?idle=${idle}`).config.session).toEqual(
        mockKiosk.session,
      );
    }
    expect(resolveLaunchOptions(mockKiosk, '?devices=printer').devices).toBe('mock');
  });

  it('a kiosk configured for real devices ignores every tester parameter', () => {
    const launch = resolveLaunchOptions(realKiosk, '?devices=mock&idle=5&sim=1&hold=300');
    expect(launch).toEqual({
      devices: 'real',
      config: realKiosk,
      simulatorOpen: false,
      simulatorButton: false,
      instantMocks: false,
      staffHoldMs: 5_000,
    });
    expect(resolveLaunchOptions(realKiosk, '', true).simulatorButton).toBe(false);
    expect(resolveLaunchOptions(realKiosk, '?timing=instant&scanner=camera')).toEqual(launch);
  });

  it('lets a tester shorten the staff console hold, within 300–5000 ms, with mock devices only', () => {
    expect(resolveLaunchOptions(mockKiosk, '').staffHoldMs).toBe(5_000);
    expect(resolveLaunchOptions(mockKiosk, '?hold=500').staffHoldMs).toBe(500);
    expect(resolveLaunchOptions(mockKiosk, '?hold=50').staffHoldMs).toBe(5_000);
    expect(resolveLaunchOptions(mockKiosk, '?hold=60000').staffHoldMs).toBe(5_000);
    expect(resolveLaunchOptions(mockKiosk, '?devices=real&hold=500').staffHoldMs).toBe(5_000);
  });

  it('lets a tester make the mocks instant and add the camera scanner', () => {
    expect(resolveLaunchOptions(mockKiosk, '').instantMocks).toBe(false);
    expect(resolveLaunchOptions(mockKiosk, '?timing=instant').instantMocks).toBe(true);
    expect(resolveLaunchOptions(mockKiosk, '?devices=real&timing=instant').instantMocks).toBe(
      false,
    );
    expect(resolveLaunchOptions(mockKiosk, '').config.hardware.cameraScanner).toBe(false);
    expect(resolveLaunchOptions(mockKiosk, '?scanner=camera').config.hardware.cameraScanner).toBe(
      true,
    );
  });

  it('puts the SIM button on screen only with ?sim=1 or the tester setting, never by default', () => {
    expect(resolveLaunchOptions(mockKiosk, '').simulatorButton).toBe(false);
    expect(resolveLaunchOptions(mockKiosk, '?sim=1').simulatorButton).toBe(true);
    expect(resolveLaunchOptions(mockKiosk, '?sim=yes').simulatorButton).toBe(false);
    expect(resolveLaunchOptions(mockKiosk, '', true)).toMatchObject({
      simulatorButton: true,
      simulatorOpen: false,
    });
    // The simulator drives mocks only.
    expect(resolveLaunchOptions(mockKiosk, '?devices=real&sim=1', true).simulatorButton).toBe(
      false,
    );
  });

  it('reads the tester setting from storage, and never fails on it', () => {
    const stored = (value: string | null) => ({ getItem: () => value });
    expect(SIMULATOR_SETTING_KEY).toMatch(/^budayang\.kiosk\./); // kept through the privacy wipe
    expect(testerSetting(stored('1'))).toBe(true);
    expect(testerSetting(stored(null))).toBe(false);
    expect(testerSetting(stored('true'))).toBe(false);
    expect(testerSetting(null)).toBe(false);
    const broken = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(testerSetting(broken)).toBe(false);
  });
});
