import { calendarDateOf, isWorkingDay, type KioskConfig, type WorkingCalendar } from '../../domain';
import { workingCalendarOf } from '../../kiosk-ui/flows/queue/wiring';
import type { Slip } from './drivers/types';
import type { Rng } from './rng';

const MINUTE = 60_000;
/** The working day's visitors come between 08:50 and 17:10. */
const DAY_SPAN = 500 * MINUTE;

/** When the next citizen comes, and whether to check in for an appointment. */
export interface VisitStart {
  at: number;
  night: boolean;
  checkIn: Slip | null;
}

function at(day: Date, hours: number, minutes = 0): number {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes).getTime();
}

/** The Monday after `from` (a working week ahead of the real date the test persons were made on). */
export function firstMonday(from: Date): Date {
  const day = new Date(from.getFullYear(), from.getMonth(), from.getDate() + 1);
  while (day.getDay() !== 1) day.setDate(day.getDate() + 1);
  return day;
}

/** The moments [from, to] in which a slip's appointment can be checked in (30 min before to 15 after). */
export function checkInWindow(slip: Slip): [number, number] {
  const [y, m, d] = slip.date.split('-').map(Number);
  const [hh, mm] = slip.start.split(':').map(Number);
  const start = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0).getTime();
  return [start - 30 * MINUTE, start + 15 * MINUTE];
}

/**
 * The hall's days, one after the other: a few visitors in the small hours (2 a.m., when 取号
 * offers 预约), then a working day's visitors from before the windows open, some of them coming
 * to check in at their appointment's time. Weekends and holidays have night visitors only.
 */
export class VisitSchedule {
  readonly #rng: Rng;
  readonly #calendar: WorkingCalendar;
  #day: Date;
  #nightLeft = 0;
  #dayLeft = 0;
  #dayTotal = 0;
  days = 0;

  constructor(config: KioskConfig, rng: Rng, firstDay: Date) {
    this.#rng = rng;
    this.#calendar = workingCalendarOf(config);
    this.#day = new Date(firstDay.getFullYear(), firstDay.getMonth(), firstDay.getDate() - 1);
    this.#nextDay();
  }

  #nextDay(): void {
    this.#day = new Date(this.#day.getFullYear(), this.#day.getMonth(), this.#day.getDate() + 1);
    this.days += 1;
    const working = isWorkingDay(this.#calendar, calendarDateOf(this.#day));
    this.#nightLeft = this.#rng.int(3, 12);
    this.#dayLeft = working ? this.#rng.int(40, 90) : 0;
    this.#dayTotal = this.#dayLeft;
  }

  /** The next visit, after `now` (when the last one ended); `slips` are the slips citizens hold. */
  next(now: number, slips: readonly Slip[]): VisitStart {
    for (;;) {
      const gap = this.#rng.int(5_000, 2 * MINUTE);
      if (this.#nightLeft > 0) {
        this.#nightLeft -= 1;
        const start = Math.max(now + gap, at(this.#day, 2, this.#rng.int(0, 30)));
        if (start < at(this.#day, 5)) return { at: start, night: true, checkIn: null };
        continue;
      }
      if (this.#dayLeft > 0) {
        // Spread over the day, 08:50 to about 17:10: some before the windows open, some at lunch.
        const share = DAY_SPAN / this.#dayTotal;
        const k = this.#dayTotal - this.#dayLeft;
        this.#dayLeft -= 1;
        const planned = at(this.#day, 8, 50) + k * share + this.#rng.int(0, Math.floor(share));
        return this.#maybeCheckIn(Math.max(now + gap, planned), slips);
      }
      this.#nextDay();
    }
  }

  /** Some citizens come at their appointment's time; a few at the wrong time. */
  #maybeCheckIn(start: number, slips: readonly Slip[]): VisitStart {
    const today = calendarDateOf(new Date(start));
    if (this.#rng.chance(0.25)) {
      // Those whose check-in window is open now or opens within a quarter of an hour.
      const due = slips.filter((slip) => {
        const [from, to] = checkInWindow(slip);
        return slip.date === today && to > start && from <= start + 15 * MINUTE;
      });
      if (due.length > 0) {
        const slip = this.#rng.pick(due);
        const [from, to] = checkInWindow(slip);
        const moment = Math.max(start, from) + this.#rng.int(0, to - Math.max(start, from));
        return { at: moment, night: false, checkIn: slip };
      }
    }
    if (slips.length > 0 && this.#rng.chance(0.04))
      return { at: start, night: false, checkIn: this.#rng.pick(slips) };
    return { at: start, night: false, checkIn: null };
  }
}
