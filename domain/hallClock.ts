import type { CalendarDate } from './calendarDate';

/** HH:MM on a 24-hour clock; fixed width, so it orders correctly as a string. */
export type ClockTime = string;

/**
 * The hall's time zone when the configuration names none. Hall time, not the machine's: a
 * terminal whose operating system is set to UTC (or jumps zones) still numbers by the hall's day.
 */
export const DEFAULT_HALL_TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // Throws a RangeError for a zone the browser does not know: configurations are checked first.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether this browser knows `zone` as an IANA time zone (Asia/Shanghai, Asia/Urumqi, …). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  try {
    formatIn(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of the hall at a moment: date, HH:MM and seconds. */
export function hallClockOf(
  moment: Date,
  timeZone: string,
): { date: CalendarDate; time: ClockTime; seconds: string } {
  const parts: Record<string, string> = {};
  for (const part of formatIn(timeZone).formatToParts(moment)) parts[part.type] = part.value;
  const year = (parts.year ?? '').padStart(4, '0');
  return {
    date: `${year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    seconds: parts.second ?? '00',
  };
}

/** Date and HH:MM of a moment as the hall's clock shows them, in the hall's time zone. */
export function clockOf(moment: Date, timeZone: string): { date: CalendarDate; time: ClockTime } {
  const { date, time } = hallClockOf(moment, timeZone);
  return { date, time };
}

/** The hall's calendar date of a moment. */
export function hallDateOf(moment: Date, timeZone: string): CalendarDate {
  return hallClockOf(moment, timeZone).date;
}

/** A moment as printed on paper, in hall time: 2026/11/3 10:05:09. */
export function hallDateTimeText(moment: Date, timeZone: string): string {
  return moment.toLocaleString('zh-CN', { hour12: false, timeZone });
}
