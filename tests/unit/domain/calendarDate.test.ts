import { describe, expect, it } from 'vitest';
import { calendarDateOf, calendarParts, isCalendarDate } from '../../../domain/calendarDate';

describe('calendar dates', () => {
  it('accepts real dates only, leap years included', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1990-04-31')).toBe(false);
    expect(isCalendarDate('1990-00-10')).toBe(false);
    expect(isCalendarDate('1990-1-10')).toBe(false);
    expect(calendarParts('1990-12-31')).toEqual({ year: 1990, month: 12, day: 31 });
  });

  it('writes the local date of a moment', () => {
    expect(calendarDateOf(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});
