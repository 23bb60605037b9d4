import type { CalendarDate } from './calendarDate';
import type { OfficeHours } from './kioskConfig';
import type { ClockTime } from './workingCalendar';

/** A bookable time slot of a working day (预约时段). */
export interface AppointmentSlot {
  start: ClockTime;
  end: ClockTime;
}

export interface AppointmentRules {
  slotMinutes: number;
  capacityPerSlot: number;
  /** How many working days ahead can be booked. */
  daysAhead: number;
  /** Check-in opens this many minutes before the slot, and closes this many after it starts. */
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
}

export const DEFAULT_APPOINTMENT_RULES: AppointmentRules = {
  slotMinutes: 30,
  capacityPerSlot: 4,
  daysAhead: 5,
  checkInEarlyMinutes: 30,
  checkInLateMinutes: 15,
};

const toMinutes = (time: ClockTime) => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const toClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The day's slots: office hours cut into equal slots, none crossing the lunch break or closing time. */
export function appointmentSlots(hours: OfficeHours, slotMinutes: number): AppointmentSlot[] {
  if (!Number.isInteger(slotMinutes) || slotMinutes < 5)
    throw new Error('slots are whole minutes, at least 5');
  const periods = hours.lunch
    ? [
        [hours.open, hours.lunch.start],
        [hours.lunch.end, hours.close],
      ]
    : [[hours.open, hours.close]];
  const slots: AppointmentSlot[] = [];
  for (const [from, to] of periods) {
    for (let t = toMinutes(from ?? ''); t + slotMinutes <= toMinutes(to ?? ''); t += slotMinutes) {
      slots.push({ start: toClock(t), end: toClock(t + slotMinutes) });
    }
  }
  return slots;
}

export type CheckInTiming =
  | { ok: true }
  | { ok: false; reason: 'too-early'; opensAt: ClockTime }
  | { ok: false; reason: 'too-late' }
  | { ok: false; reason: 'other-day'; date: CalendarDate };

/** Whether an appointment can be checked in now: from a while before its slot to a while after it starts. */
export function checkInTiming(
  appointment: { date: CalendarDate; slot: AppointmentSlot },
  rules: Pick<AppointmentRules, 'checkInEarlyMinutes' | 'checkInLateMinutes'>,
  today: CalendarDate,
  now: ClockTime,
): CheckInTiming {
  if (appointment.date !== today) {
    return appointment.date > today
      ? { ok: false, reason: 'other-day', date: appointment.date }
      : { ok: false, reason: 'too-late' };
  }
  const start = toMinutes(appointment.slot.start);
  const opens = start - rules.checkInEarlyMinutes;
  if (toMinutes(now) < opens) return { ok: false, reason: 'too-early', opensAt: toClock(opens) };
  if (toMinutes(now) > start + rules.checkInLateMinutes) return { ok: false, reason: 'too-late' };
  return { ok: true };
}

/** A mainland mobile number: 11 digits starting 13–19. */
export function isMobileNumber(text: string): boolean {
  return /^1[3-9]\d{9}$/.test(text);
}
