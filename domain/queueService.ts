import { ageOn } from './idCardCheck';
import type { CalendarDate } from './calendarDate';
import type { LocalizedText } from './locale';
import type { ClockTime } from './workingCalendar';

/** A time window in which tickets are issued, with its own quota (e.g. 08:30–11:30, 60 tickets). */
export interface IssuingWindow {
  start: ClockTime;
  end: ClockTime;
  quota: number;
}

/** A queue service staff configure (取号业务): one ticket sequence per day, A001…A999. */
export interface QueueServiceConfig {
  code: string;
  name: LocalizedText;
  /** One capital letter, the ticket number's prefix. */
  prefix: string;
  /** The windows that serve it, as printed on the ticket (e.g. "3–5号窗口"). */
  windows: LocalizedText;
  /** How many windows serve it at once, for the estimated wait. */
  windowCount: number;
  /** What to bring (一次性告知). */
  materials: readonly LocalizedText[];
  averageHandlingMinutes: number;
  requiresIdCard: boolean;
  dailyMax: number;
  issuingWindows: readonly IssuingWindow[];
}

export const MAX_DAILY_NUMBER = 999;

/** A001 … A999: the prefix and the day's sequence number in three digits. */
export function ticketNumber(prefix: string, sequence: number): string {
  if (!/^[A-Z]$/.test(prefix))
    throw new Error(`A ticket prefix is one capital letter A–Z, not "${prefix}"`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_NUMBER) {
    throw new Error(`A day's ticket numbers run from 1 to ${MAX_DAILY_NUMBER}, not ${sequence}`);
  }
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}

/** Why no ticket can be issued now; each reason has its own advice for the citizen. */
export type IssueRefusal =
  | { reason: 'outside-issuing-hours'; nextWindowStart: ClockTime | null }
  | { reason: 'window-quota-used'; nextWindowStart: ClockTime | null }
  | { reason: 'daily-max-reached' };

export interface IssuedSoFar {
  /** Tickets of this service issued today. */
  today: number;
  /** Of them, issued in each issuing window, by the window's start time. */
  byWindow: Readonly<Record<ClockTime, number>>;
}

/** The issuing window a time falls in, if any. */
export function issuingWindowAt(
  service: QueueServiceConfig,
  time: ClockTime,
): IssuingWindow | undefined {
  return service.issuingWindows.find((w) => time >= w.start && time < w.end);
}

/** Whether a ticket may be issued at `time`, given what was issued today ("号已取完" otherwise). */
export function checkIssuing(
  service: QueueServiceConfig,
  time: ClockTime,
  issued: IssuedSoFar,
): IssueRefusal | null {
  if (issued.today >= Math.min(service.dailyMax, MAX_DAILY_NUMBER))
    return { reason: 'daily-max-reached' };
  const later = service.issuingWindows
    .filter((w) => w.start > time)
    .map((w) => w.start)
    .sort();
  const nextWindowStart = later[0] ?? null;
  const window = issuingWindowAt(service, time);
  if (!window) return { reason: 'outside-issuing-hours', nextWindowStart };
  if ((issued.byWindow[window.start] ?? 0) >= window.quota)
    return { reason: 'window-quota-used', nextWindowStart };
  return null;
}

/** Why a citizen gets a priority (green-channel, 绿色通道) ticket. */
export type PriorityReason = 'age' | 'disability' | 'military' | 'appointment';

/**
 * A ticket's priority as printed: its reason, or `unstated` for a priority ticket printed again
 * when this visit gave no reason (the store keeps only that it is one).
 */
export type TicketPriority = PriorityReason | 'unstated';

export const DEFAULT_PRIORITY_AGE = 60;

/** Whether a birth date (from the ID card) earns a priority ticket today: at or over the age. */
export function isPriorityAge(
  birthDate: CalendarDate,
  today: CalendarDate,
  threshold = DEFAULT_PRIORITY_AGE,
): boolean {
  return ageOn(birthDate, today) >= threshold;
}

/**
 * The estimated wait: the people ahead shared among the windows serving, each taking the
 * average of recent handling times (the configured average until enough are known).
 */
export function estimatedWaitMinutes(
  service: Pick<QueueServiceConfig, 'averageHandlingMinutes' | 'windowCount'>,
  waitingAhead: number,
  recentHandlingMinutes: readonly number[] = [],
): number {
  const recent = recentHandlingMinutes.filter((m) => Number.isFinite(m) && m > 0).slice(-20);
  const perPerson =
    recent.length >= 3
      ? recent.reduce((sum, m) => sum + m, 0) / recent.length
      : service.averageHandlingMinutes;
  return Math.ceil((waitingAhead * perPerson) / Math.max(1, service.windowCount));
}
