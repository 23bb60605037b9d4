/**
 * How the settings staff change in the console (issue 13) are laid over `kiosk.config.json`, and
 * the console's holiday calendar edits.
 */
import { isCalendarDate, type CalendarDate } from './calendarDate';
import type { StaffSettings } from './hallAdmin';
import { parseKioskConfig, type KioskConfig } from './kioskConfig';

// The order settings are tried in, so that `rejected` reads the same every time.
const SETTING_KEYS = [
  'hall',
  'officeHours',
  'calendar',
  'queue',
  'session',
  'defaultLocale',
] as const satisfies readonly (keyof StaffSettings)[];

// Staff edit one field of these at a time; the fields they did not touch stay the file's.
const MERGED_KEYS: ReadonlySet<string> = new Set(['hall', 'session']);

/**
 * The configuration with each of staff's settings in place of the file's (`hall` and `session`
 * merged field by field, the others replaced whole). A setting that would make the configuration
 * invalid is left out and named in `rejected`, and the file's value stands; each is tried on its
 * own, so one bad setting (say, from an older version's store) does not cost the others.
 */
export function applyStaffSettings(
  config: KioskConfig,
  settings: StaffSettings,
): { config: KioskConfig; rejected: string[] } {
  let current = config;
  const rejected: string[] = [];
  for (const key of SETTING_KEYS) {
    const setting: unknown = settings[key];
    if (setting === undefined) continue;
    const value = MERGED_KEYS.has(key)
      ? { ...(current[key] as object), ...(setting as object) }
      : setting;
    const result = parseKioskConfig({ ...current, [key]: value });
    if (result.ok) current = result.config;
    else rejected.push(key);
  }
  return { config: current, rejected };
}

/**
 * The calendar with `date` toggled in its list (holidays, or 调休 make-up working days): added
 * when absent, removed when present. A day cannot be both, so it leaves the other list either way.
 * Both lists come back sorted.
 */
export function holidayToggled(
  calendar: KioskConfig['calendar'],
  date: CalendarDate,
  kind: 'holiday' | 'makeup',
): KioskConfig['calendar'] {
  if (!isCalendarDate(date))
    throw new Error(`holidayToggled: ${JSON.stringify(date)} is not a date written YYYY-MM-DD`);
  const [own, other] =
    kind === 'holiday'
      ? [calendar.holidays, calendar.makeupWorkdays]
      : [calendar.makeupWorkdays, calendar.holidays];
  const toggled = own.includes(date) ? own.filter((d) => d !== date) : [...own, date];
  const rest = other.filter((d) => d !== date);
  const sorted = (dates: readonly CalendarDate[]) => [...dates].sort();
  return kind === 'holiday'
    ? { holidays: sorted(toggled), makeupWorkdays: sorted(rest) }
    : { holidays: sorted(rest), makeupWorkdays: sorted(toggled) };
}
