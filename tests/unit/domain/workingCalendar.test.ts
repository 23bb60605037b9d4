import { describe, expect, it } from 'vitest';
import {
  addDays,
  clockOf,
  isWithinOfficeHours,
  isWorkingDay,
  isoWeekday,
  nextOpeningDay,
  nextWorkingDays,
  type WorkingCalendar,
} from '../../../domain';

// National Day 2025 as the State Council set it: 1–8 October off, Sunday 28 September and
// Saturday 11 October worked instead (调休). Staff would enter exactly these dates.
const calendar: WorkingCalendar = {
  hours: {
    days: [1, 2, 3, 4, 5],
    open: '09:00',
    close: '17:00',
    lunch: { start: '12:00', end: '13:30' },
  },
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeupWorkdays: ['2025-09-28', '2025-10-11'],
};

describe('working calendar', () => {
  it('knows the weekday of a date', () => {
    expect(isoWeekday('2025-10-01')).toBe(3); // a Wednesday
    expect(isoWeekday('2025-09-28')).toBe(7);
    expect(() => isoWeekday('2025-02-30')).toThrow(/YYYY-MM-DD/);
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('a holiday on a weekday is closed; a make-up weekend day is open', () => {
    expect(isWorkingDay(calendar, '2025-10-01')).toBe(false);
    expect(isWorkingDay(calendar, '2025-09-28')).toBe(true);
    expect(isWorkingDay(calendar, '2025-10-11')).toBe(true);
    expect(isWorkingDay(calendar, '2025-10-12')).toBe(false);
    expect(isWorkingDay(calendar, '2025-10-09')).toBe(true);
  });

  it('office hours exclude lunch, the closing minute and nights', () => {
    expect(isWithinOfficeHours(calendar, '2025-10-09', '09:00')).toBe(true);
    expect(isWithinOfficeHours(calendar, '2025-10-09', '12:30')).toBe(false);
    expect(isWithinOfficeHours(calendar, '2025-10-09', '13:30')).toBe(true);
    expect(isWithinOfficeHours(calendar, '2025-10-09', '17:00')).toBe(false);
    expect(isWithinOfficeHours(calendar, '2025-10-09', '02:00')).toBe(false);
    expect(isWithinOfficeHours(calendar, '2025-10-02', '10:00')).toBe(false);
  });

  it('the next working days skip the holiday week and include the make-up Saturday', () => {
    expect(nextWorkingDays(calendar, '2025-09-30', 4)).toEqual([
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
      '2025-10-13',
    ]);
    expect(nextWorkingDays(calendar, '2025-09-26', 2)).toEqual(['2025-09-28', '2025-09-29']);
  });

  it('the windows next open today before closing time, else on the next working day', () => {
    expect(nextOpeningDay(calendar, '2025-10-09', '02:00')).toBe('2025-10-09');
    expect(nextOpeningDay(calendar, '2025-10-09', '12:30')).toBe('2025-10-09');
    expect(nextOpeningDay(calendar, '2025-10-09', '17:00')).toBe('2025-10-10');
    expect(nextOpeningDay(calendar, '2025-09-30', '20:00')).toBe('2025-10-09');
  });

  it('reads the hall clock of a moment', () => {
    expect(clockOf(new Date('2025-10-09T02:05:00+08:00'), 'Asia/Shanghai')).toEqual({
      date: '2025-10-09',
      time: '02:05',
    });
  });
});
