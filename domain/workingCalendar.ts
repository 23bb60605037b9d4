import { calendarParts, type CalendarDate } from './calendarDate';
import type { ClockTime } from './hallClock';
import type { OfficeHours } from './kioskConfig';

export type { ClockTime } from './hallClock';

/**
 * The hall's working calendar: weekday hours with a lunch break, and the dates staff enter each
 * year from the State Council's notice — public holidays (法定节假日) and the weekend days that
 * are worked instead (调休). Nothing here is hard-coded to a year.
 */
export interface WorkingCalendar {
  hours: OfficeHours;
  holidays: readonly CalendarDate[];
  makeupWorkdays: readonly CalendarDate[];
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const parts = calendarParts(date);
  if (!parts) throw new Error(`not a calendar date: ${date} (write YYYY-MM-DD)`);
  const day = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const parts = calendarParts(date);
  if (!parts) throw new Error(`not a calendar date: ${date} (write YYYY-MM-DD)`);
  const moved = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  return moved.toISOString().slice(0, 10);
}

/** A make-up working day counts even on a weekend; a holiday never does. */
export function isWorkingDay(calendar: WorkingCalendar, date: CalendarDate): boolean {
  if (calendar.holidays.includes(date)) return false;
  if (calendar.makeupWorkdays.includes(date)) return true;
  return calendar.hours.days.includes(isoWeekday(date));
}

/** Whether the windows serve at this time of a working day (not at lunch). */
export function isWithinOfficeHours(
  calendar: WorkingCalendar,
  date: CalendarDate,
  time: ClockTime,
): boolean {
  if (!isWorkingDay(calendar, date)) return false;
  const { open, close, lunch } = calendar.hours;
  if (time < open || time >= close) return false;
  return !(lunch && time >= lunch.start && time < lunch.end);
}

/** The next `count` working days strictly after `date` (searching at most a year ahead). */
export function nextWorkingDays(
  calendar: WorkingCalendar,
  date: CalendarDate,
  count: number,
): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let offset = 1; days.length < count && offset <= 366; offset += 1) {
    const candidate = addDays(date, offset);
    if (isWorkingDay(calendar, candidate)) days.push(candidate);
  }
  return days;
}

/** The day the windows next open: today if they have yet to open (or are open), else the next working day. */
export function nextOpeningDay(
  calendar: WorkingCalendar,
  date: CalendarDate,
  time: ClockTime,
): CalendarDate | null {
  if (isWorkingDay(calendar, date) && time < calendar.hours.close) return date;
  return nextWorkingDays(calendar, date, 1)[0] ?? null;
}
