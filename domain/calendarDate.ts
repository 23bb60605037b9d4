/**
 * Calendar dates as the hall writes them, YYYY-MM-DD. Being fixed-width, they order correctly as strings.
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year, month and day of a real calendar date, or undefined (so 1990-02-30 and 2023-02-29 are not dates). */
export function calendarParts(
  date: string,
): { year: number; month: number; day: number } | undefined {
  // RegExp.exec reads ['1990-02-03'] as its text: a date in a wrapper is not a date.
  if (typeof date !== 'string') return undefined;
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

export function isCalendarDate(date: string): date is CalendarDate {
  return calendarParts(date) !== undefined;
}

/** The local calendar date of a moment: the kiosk's day, not UTC's. */
export function calendarDateOf(moment: Date): CalendarDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(moment.getFullYear(), 4)}-${pad(moment.getMonth() + 1, 2)}-${pad(moment.getDate(), 2)}`;
}
