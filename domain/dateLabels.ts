import { calendarParts, type CalendarDate } from './calendarDate';
import type { Locale } from './locale';
import { addDays, isoWeekday } from './workingCalendar';

const WEEKDAYS: Record<Locale, readonly string[]> = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface DateLabelOptions {
  /** The hall's today: a day that is today or tomorrow says so, and another year shows its year. */
  today?: CalendarDate;
  /** Always show the year (paper, which is read on another day). */
  year?: boolean;
}

/**
 * A day as a citizen reads it on screen or paper, with its weekday: “12月2日 周三（明天）”,
 * “Wed 2 Dec (tomorrow)”. Every view that shows a date uses this, never the YYYY-MM-DD form.
 * 今天/明天 only with `today` (never on paper, which is read later).
 */
export function dateLabel(
  date: CalendarDate,
  locale: Locale,
  options: DateLabelOptions = {},
): string {
  const parts = calendarParts(date);
  if (!parts) throw new Error(`not a calendar date: ${date} (write YYYY-MM-DD)`);
  const { today } = options;
  const weekday = WEEKDAYS[locale][isoWeekday(date) - 1] ?? '';
  const withYear =
    options.year === true || (today !== undefined && today.slice(0, 4) !== date.slice(0, 4));
  const relative =
    today === undefined
      ? null
      : date === today
        ? 'today'
        : date === addDays(today, 1)
          ? 'tomorrow'
          : null;
  if (locale === 'zh-CN') {
    const day = `${withYear ? `${parts.year}年` : ''}${parts.month}月${parts.day}日 ${weekday}`;
    return relative ? `${day}（${relative === 'today' ? '今天' : '明天'}）` : day;
  }
  const day = `${weekday} ${parts.day} ${MONTHS[parts.month - 1] ?? ''}${withYear ? ` ${parts.year}` : ''}`;
  return relative ? `${day} (${relative})` : day;
}
