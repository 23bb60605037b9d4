import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_DEVICE_TIMEOUTS, DEFAULT_KIOSK_CONFIG, parseKioskConfig } from '../../../domain';

describe('parseKioskConfig', () => {
  it('accepts the defaults and the shipped public/kiosk.config.json', () => {
    expect(parseKioskConfig(DEFAULT_KIOSK_CONFIG)).toEqual({
      ok: true,
      config: DEFAULT_KIOSK_CONFIG,
    });
    const shipped: unknown = JSON.parse(readFileSync('public/kiosk.config.json', 'utf8'));
    expect(parseKioskConfig(shipped).ok).toBe(true);
  });

  it.each([
    [{ officeHours: { days: [1], open: '18:00', close: '09:00' } }, 'open before they close'],
    [
      {
        officeHours: {
          days: [1],
          open: '09:00',
          close: '17:00',
          lunch: { start: '08:00', end: '09:30' },
        },
      },
      'lunch break',
    ],
    [{ officeHours: { days: [], open: '09:00', close: '17:00' } }, 'at least one weekday'],
    [{ officeHours: { days: [1], open: '9:00', close: '17:00' } }, 'HH:MM'],
    [
      {
        session: {
          idleSeconds: 90,
          elderlyIdleSeconds: 60,
          warningSeconds: 15,
          goodbyeSeconds: 10,
        },
      },
      'elderly mode may not time out sooner',
    ],
    [
      {
        session: {
          idleSeconds: 20,
          elderlyIdleSeconds: 60,
          warningSeconds: 30,
          goodbyeSeconds: 10,
        },
      },
      'warning must be shorter',
    ],
    [{ hall: { name: { 'zh-CN': '', en: 'Hall' } } }, 'Chinese text may not be empty'],
    [{ kioskId: 'kiosk 1; drop' }, 'letters, digits'],
  ])('refuses %o with a message that says why', (change, message) => {
    const result = parseKioskConfig({ ...DEFAULT_KIOSK_CONFIG, ...change });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.join('\n')).toContain(message);
  });

  it('refuses what is not a configuration at all', () => {
    for (const input of [null, 42, 'config', [], {}])
      expect(parseKioskConfig(input).ok).toBe(false);
  });

  describe('deviceTimeouts', () => {
    const { deviceTimeouts: _left, ...withoutTimeouts } = DEFAULT_KIOSK_CONFIG;

    it('defaults every device timeout when the file names none', () => {
      const result = parseKioskConfig(withoutTimeouts);
      expect(result.ok && result.config.deviceTimeouts).toEqual({
        cardReadMs: 60_000,
        faceMs: 30_000,
        captureMs: 15_000,
        receiptPrintMs: 30_000,
        documentPrintMs: 120_000,
      });
      expect(DEFAULT_KIOSK_CONFIG.deviceTimeouts).toEqual(DEFAULT_DEVICE_TIMEOUTS);
    });

    it('takes the ones the file gives and defaults the rest', () => {
      const result = parseKioskConfig({
        ...withoutTimeouts,
        deviceTimeouts: { faceMs: 20_000, documentPrintMs: 180_000 },
      });
      expect(result.ok && result.config.deviceTimeouts).toEqual({
        ...DEFAULT_DEVICE_TIMEOUTS,
        faceMs: 20_000,
        documentPrintMs: 180_000,
      });
    });

    it.each([
      [{ cardReadMs: 1_000 }, 'deviceTimeouts.cardReadMs: at least 5000 ms'],
      [{ receiptPrintMs: 3_600_000 }, 'deviceTimeouts.receiptPrintMs: at most 120000 ms'],
      [{ captureMs: 1.5e4 + 0.5 }, 'deviceTimeouts.captureMs: a whole number of milliseconds'],
    ])('refuses %o, naming the field, so the kiosk runs on the defaults', (timeouts, problem) => {
      const result = parseKioskConfig({ ...withoutTimeouts, deviceTimeouts: timeouts });
      expect(result.ok ? [] : result.problems).toContain(problem);
    });
  });
});
