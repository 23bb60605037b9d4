import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyStaffSettings,
  holidayToggled,
  parseKioskConfig,
  type KioskConfig,
  type StaffSettings,
} from '../../../domain';

function shippedConfig(): KioskConfig {
  const result = parseKioskConfig(JSON.parse(readFileSync('public/kiosk.config.json', 'utf8')));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

const file = shippedConfig();

describe('applyStaffSettings', () => {
  it('changes nothing when staff set nothing', () => {
    expect(applyStaffSettings(file, {})).toEqual({ config: file, rejected: [] });
  });

  it('merges hall and session field by field, and keeps the rest of the file', () => {
    const { config, rejected } = applyStaffSettings(file, {
      hall: { telephone: '0000-99999' } as StaffSettings['hall'],
      session: { idleSeconds: 120 } as StaffSettings['session'],
    });
    expect(rejected).toEqual([]);
    expect(config).toEqual({
      ...file,
      hall: { ...file.hall, telephone: '0000-99999' },
      session: { ...file.session, idleSeconds: 120 },
    });
    expect(config.hall.name).toEqual(file.hall.name);
  });

  it('replaces officeHours, calendar, queue and defaultLocale whole', () => {
    const settings: StaffSettings = {
      officeHours: { days: [1, 2, 3, 4, 5, 6], open: '08:30', close: '18:00' },
      calendar: { holidays: ['2026-10-01'], makeupWorkdays: ['2026-09-27'] },
      queue: { priorityAge: 65, services: [] },
      defaultLocale: 'en',
    };
    const { config, rejected } = applyStaffSettings(file, settings);
    expect(rejected).toEqual([]);
    expect(config).toEqual({ ...file, ...settings });
    // The file's lunch break is not merged into staff's hours: they replaced the hours whole.
    expect(config.officeHours.lunch).toBeUndefined();
  });

  it('drops only the setting that breaks the configuration, and names it', () => {
    const { config, rejected } = applyStaffSettings(file, {
      session: { idleSeconds: 10 } as StaffSettings['session'],
      officeHours: { days: [1], open: '18:00', close: '09:00' },
      defaultLocale: 'en',
      calendar: { holidays: ['2026-02-30'], makeupWorkdays: [] },
    });
    expect(rejected).toEqual(['officeHours', 'calendar', 'session']);
    expect(config).toEqual({ ...file, defaultLocale: 'en' });
  });

  it('checks a merged setting against the file’s other fields', () => {
    // The file's warning is 15 s: an idle timeout of 12 s alone would come before it.
    expect(
      applyStaffSettings(file, { session: { idleSeconds: 12 } as StaffSettings['session'] }),
    ).toEqual({ config: file, rejected: ['session'] });
    const { config, rejected } = applyStaffSettings(file, {
      session: { idleSeconds: 20, warningSeconds: 5 } as StaffSettings['session'],
      hall: { telephone: 'call us' } as StaffSettings['hall'],
    });
    expect(rejected).toEqual(['hall']);
    expect(config.session).toEqual({ ...file.session, idleSeconds: 20, warningSeconds: 5 });
    expect(config.hall).toEqual(file.hall);
  });

  it('rejects a setting of the wrong shape from an old store', () => {
    const settings = { queue: 'none', defaultLocale: 'fr' } as unknown as StaffSettings;
    expect(applyStaffSettings(file, settings)).toEqual({
      config: file,
      rejected: ['queue', 'defaultLocale'],
    });
  });

  it('leaves the configuration it was given as it was', () => {
    const before = structuredClone(file);
    applyStaffSettings(file, {
      hall: { telephone: '0000-99999' } as StaffSettings['hall'],
      calendar: { holidays: ['2026-10-01'], makeupWorkdays: [] },
    });
    expect(file).toEqual(before);
  });
});

describe('holidayToggled', () => {
  const calendar = {
    holidays: ['2026-01-01', '2026-10-01'],
    makeupWorkdays: ['2026-02-14', '2026-09-27'],
  };

  it('adds an absent holiday in date order', () => {
    expect(holidayToggled(calendar, '2026-05-01', 'holiday')).toEqual({
      holidays: ['2026-01-01', '2026-05-01', '2026-10-01'],
      makeupWorkdays: ['2026-02-14', '2026-09-27'],
    });
  });

  it('removes a present holiday', () => {
    expect(holidayToggled(calendar, '2026-10-01', 'holiday')).toEqual({
      holidays: ['2026-01-01'],
      makeupWorkdays: ['2026-02-14', '2026-09-27'],
    });
  });

  it('adds and removes a make-up working day', () => {
    const added = holidayToggled(calendar, '2026-04-26', 'makeup');
    expect(added).toEqual({
      holidays: ['2026-01-01', '2026-10-01'],
      makeupWorkdays: ['2026-02-14', '2026-04-26', '2026-09-27'],
    });
    expect(holidayToggled(added, '2026-04-26', 'makeup')).toEqual(calendar);
  });

  it('moves a day from one list to the other: a day cannot be both', () => {
    expect(holidayToggled(calendar, '2026-09-27', 'holiday')).toEqual({
      holidays: ['2026-01-01', '2026-09-27', '2026-10-01'],
      makeupWorkdays: ['2026-02-14'],
    });
    expect(holidayToggled(calendar, '2026-01-01', 'makeup')).toEqual({
      holidays: ['2026-10-01'],
      makeupWorkdays: ['2026-01-01', '2026-02-14', '2026-09-27'],
    });
  });

  it('leaves the calendar it was given as it was', () => {
    const before = structuredClone(calendar);
    holidayToggled(calendar, '2026-05-01', 'holiday');
    holidayToggled(calendar, '2026-10-01', 'holiday');
    expect(calendar).toEqual(before);
  });

  it('refuses what is not a date', () => {
    expect(() => holidayToggled(calendar, '2026-02-30', 'holiday')).toThrow(
      'holidayToggled: "2026-02-30" is not a date written YYYY-MM-DD',
    );
    expect(() => holidayToggled(calendar, '2026-5-1', 'makeup')).toThrow('YYYY-MM-DD');
  });
});
