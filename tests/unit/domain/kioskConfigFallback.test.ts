import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_CONFIG, resolveKioskConfig, type KioskConfig } from '../../../domain';
import { taxService } from '../../support/queueServices';

/** A hall's real terminal, with two queue services. */
const hall = JSON.parse(
  JSON.stringify({
    ...DEFAULT_KIOSK_CONFIG,
    kioskId: 'hall-2-east',
    devices: 'real',
    officeHours: { ...DEFAULT_KIOSK_CONFIG.officeHours, open: '08:30' },
    queue: {
      priorityAge: 65,
      services: [taxService(), taxService({ code: 'social', prefix: 'C' })],
    },
  }),
) as KioskConfig;
// The file as JSON.parse gives it: anything goes where a typo is made.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type File = any;
const withTypo = (change: (file: File) => void): unknown => {
  const file = JSON.parse(JSON.stringify(hall)) as File;
  change(file);
  return file;
};

describe('resolveKioskConfig: a typo loses only the field it is in', () => {
  it('takes a valid file whole', () => {
    expect(resolveKioskConfig(hall)).toEqual({
      usable: true,
      config: hall,
      rejected: [],
      problems: [],
    });
  });

  it('a bad officeHours.open falls back alone; devices and the queue services stay', () => {
    const result = resolveKioskConfig(withTypo((f) => (f.officeHours.open = '8:30')));
    expect(result.usable).toBe(true);
    if (!result.usable) return;
    expect(result.rejected).toEqual(['officeHours.open']);
    expect(result.problems[0]).toMatch(/^officeHours\.open: /);
    expect(result.config).toEqual({
      ...hall,
      officeHours: { ...hall.officeHours, open: DEFAULT_KIOSK_CONFIG.officeHours.open },
    });
  });

  it('a broken queue service loses only that service', () => {
    const result = resolveKioskConfig(withTypo((f) => (f.queue.services[1].prefix = 'bb')));
    expect(result.usable && result.config.queue.services.map((s) => s.code)).toEqual([
      hall.queue.services[0]?.code,
    ]);
    expect(result.usable && result.config.queue.priorityAge).toBe(65);
    expect(result.usable && result.config.devices).toBe('real');
    expect(result.rejected.some((path) => path.startsWith('queue.services.1'))).toBe(true);
  });

  it('a rule over several fields rejects the object that holds them', () => {
    const result = resolveKioskConfig(withTypo((f) => (f.officeHours.close = '08:00')));
    expect(result.usable && result.config.officeHours).toEqual(DEFAULT_KIOSK_CONFIG.officeHours);
    expect(result.usable && result.config.kioskId).toBe('hall-2-east');
    expect(result.rejected).toEqual(['officeHours']);
  });

  it('several typos: each falls back on its own, the fallback given', () => {
    const fallback = { ...DEFAULT_KIOSK_CONFIG, kioskId: 'last-good' };
    const result = resolveKioskConfig(
      withTypo((f) => {
        f.kioskId = 'kiosk 1';
        f.session.goodbyeSeconds = 1;
        f.hall.timeZone = 'Asia/Shangai';
      }),
      fallback,
    );
    expect(result.usable).toBe(true);
    if (!result.usable) return;
    expect(result.config.kioskId).toBe('last-good');
    expect(result.config.session.goodbyeSeconds).toBe(DEFAULT_KIOSK_CONFIG.session.goodbyeSeconds);
    expect(result.config.hall.timeZone).toBe('Asia/Shanghai');
    expect(result.config.devices).toBe('real');
    expect([...result.rejected].sort()).toEqual(
      ['hall.timeZone', 'kioskId', 'session.goodbyeSeconds'].sort(),
    );
  });

  it('never falls back to simulated devices: without a readable devices value it is unusable', () => {
    for (const devices of ['reel', undefined, 1, 'MOCK']) {
      const result = resolveKioskConfig(withTypo((f) => (f.devices = devices)));
      expect(result).toMatchObject({ usable: false });
      expect(result.rejected).toContain('devices');
    }
    expect(resolveKioskConfig('devices: real')).toMatchObject({ usable: false });
    expect(resolveKioskConfig(null)).toMatchObject({ usable: false });
  });
});
