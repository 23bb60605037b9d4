/**
 * The rules of 好差评 (issue 14): when a bad rating's work order is due, how it moves from open to
 * closed, and the figures and rates staff report (GB/T 39735-2020). The types are in ratings.ts.
 */
import { csvFile } from './auditCsv';
import type { CalendarDate } from './calendarDate';
import { hallClockOf, hallDateOf } from './hallClock';
import {
  DEFAULT_RECTIFY_WORKING_DAYS,
  RATING_LEVELS,
  RATING_LEVEL_NAMES,
  RATING_REASON_NAMES,
  isBadRating,
  isGoodRating,
  type CallBack,
  type Rating,
  type RatingLevel,
  type RatingOffer,
  type WorkOrder,
  type WorkOrderState,
} from './ratings';
import { isWorkingDay, nextWorkingDays, type WorkingCalendar } from './workingCalendar';

export const WORK_ORDER_STATE_NAMES: Readonly<Record<WorkOrderState, string>> = {
  open: '已受理',
  called: '已回访',
  rectified: '已整改',
  closed: '已办结',
};

/**
 * The day a work order opened on `opened` is due: the `workingDays`-th working day after it, so
 * a weekend or holiday in between moves it later and a 调休 make-up day counts.
 */
export function rectifyDueDate(
  calendar: WorkingCalendar,
  opened: CalendarDate,
  workingDays: number,
): CalendarDate {
  if (!Number.isInteger(workingDays) || workingDays < 1)
    throw new Error(
      `a work order is due in a whole number of working days, 1 or more (got ${workingDays})`,
    );
  const days = nextWorkingDays(calendar, opened, workingDays);
  const due = days[workingDays - 1];
  // nextWorkingDays looks a year ahead at most: fewer days means a calendar that hardly works.
  if (due === undefined)
    throw new Error(
      `only ${days.length} working days in the year after ${opened}: check the calendar's working days and holidays`,
    );
  return due;
}

/** The work order a bad rating opens: due `workingDays` working days after the rating's hall date. */
export function openWorkOrder(
  rating: Rating,
  calendar: WorkingCalendar,
  timeZone: string,
  workingDays: number = DEFAULT_RECTIFY_WORKING_DAYS,
): WorkOrder {
  if (!isBadRating(rating.level))
    throw new Error(
      `rating ${rating.id} is ${RATING_LEVEL_NAMES[rating.level]}: only 不满意 or 非常不满意 opens a work order (check isBadRating first)`,
    );
  const at = new Date(rating.at);
  if (Number.isNaN(at.getTime()))
    throw new Error(`rating ${rating.id} has no valid time: ${rating.at}`);
  return {
    id: rating.id,
    ratingId: rating.id,
    openedAt: rating.at,
    dueDate: rectifyDueDate(calendar, hallDateOf(at, timeZone), workingDays),
    state: 'open',
    callBacks: [],
    rectification: null,
    rectifiedAt: null,
    closedAt: null,
    closingNote: null,
  };
}

/** The order with one more call-back; it becomes 'called' unless it is already rectified. */
export function withCallBack(order: WorkOrder, callBack: CallBack): WorkOrder {
  refuseClosed(order, 'take a call-back');
  const note = requireNote(callBack.note, 'a call-back');
  return {
    ...order,
    state: order.state === 'rectified' ? 'rectified' : 'called',
    callBacks: [...order.callBacks, { ...callBack, note }],
  };
}

/** The order put right at `at`: once only, since the moment decides 按期整改率. */
export function rectified(order: WorkOrder, note: string, at: Date): WorkOrder {
  refuseClosed(order, 'be rectified');
  if (order.rectifiedAt !== null)
    throw new Error(`work order ${order.id} was already rectified at ${order.rectifiedAt}`);
  return {
    ...order,
    state: 'rectified',
    rectification: requireNote(note, 'a rectification'),
    rectifiedAt: at.toISOString(),
  };
}

/** The order closed at `at`: only once the citizen was called back or the cause put right. */
export function closed(order: WorkOrder, note: string, at: Date): WorkOrder {
  refuseClosed(order, 'be closed again');
  if (order.callBacks.length === 0 && order.rectification === null)
    throw new Error(
      `work order ${order.id} has neither a call-back nor a rectification: record one (withCallBack or rectified) before closing it`,
    );
  return {
    ...order,
    state: 'closed',
    closingNote: requireNote(note, 'closing a work order'),
    closedAt: at.toISOString(),
  };
}

function refuseClosed(order: WorkOrder, what: string): void {
  if (order.state === 'closed')
    throw new Error(`work order ${order.id} is closed and cannot ${what}`);
}

function requireNote(note: string, what: string): string {
  const trimmed = note.trim();
  if (trimmed.length === 0) throw new Error(`${what} needs a note saying what was done`);
  return trimmed;
}

export type DeadlineState = 'done' | 'overdue' | 'due-soon' | 'on-time';

/**
 * Where an order stands on `today`: 'done' once rectified or closed; 'overdue' after its due
 * date; 'due-soon' when the due date is among the next `soonDays` working days counting today
 * (if today is one); else 'on-time'.
 */
export function deadlineState(
  order: WorkOrder,
  today: CalendarDate,
  calendar: WorkingCalendar,
  soonDays = 3,
): DeadlineState {
  if (order.state === 'rectified' || order.state === 'closed') return 'done';
  if (today > order.dueDate) return 'overdue';
  if (soonDays < 1) return 'on-time';
  const soon = isWorkingDay(calendar, today)
    ? [today, ...nextWorkingDays(calendar, today, soonDays - 1)]
    : nextWorkingDays(calendar, today, soonDays);
  const last = soon.at(-1);
  return last !== undefined && order.dueDate <= last ? 'due-soon' : 'on-time';
}

/** How many ratings had one key (an item, a flow, a hall day). */
export interface RatingCount {
  key: string;
  count: number;
}

/**
 * What the ratings add up to. Each rate is a number in [0, 1], or null when its denominator is 0
 * (no ratings, offers or orders yet: nothing to divide, not 0 %).
 */
export interface RatingFigures {
  ratings: number;
  byLevel: Readonly<Record<RatingLevel, number>>;
  /** By item code, a rating of no item under its flow; most first, then by key. */
  byItem: readonly RatingCount[];
  /** By flow; most first, then by key. */
  byFlow: readonly RatingCount[];
  /** By the hall's calendar date of the rating, oldest first. */
  byDay: readonly RatingCount[];
  offers: number;
  offersRated: number;
  orders: number;
  ordersRectified: number;
  ordersRectifiedOnTime: number;
  /** 好评率 = good ratings (非常满意, 满意, 基本满意) / all ratings. */
  goodRate: number | null;
  /** 主动评价率 = offers rated / all offers (an offer skipped or timed out is not rated). */
  activeRate: number | null;
  /** 未评价率 = 1 − 主动评价率 = offers not rated / all offers. */
  unratedRate: number | null;
  /** 差评整改率 = orders with a rectification (rectified, or closed after one) / all orders. */
  rectifyRate: number | null;
  /** 按期整改率 = orders rectified on a hall date no later than their due date / all orders. */
  onTimeRate: number | null;
}

/** The counts and rates of {@link RatingFigures} over what the caller chose (a day, a month). */
export function ratingFigures(input: {
  ratings: readonly Rating[];
  offers: readonly RatingOffer[];
  orders: readonly WorkOrder[];
  timeZone: string;
}): RatingFigures {
  const { ratings, offers, orders, timeZone } = input;
  const byLevel = Object.fromEntries(RATING_LEVELS.map((level) => [level, 0])) as Record<
    RatingLevel,
    number
  >;
  const items = new Map<string, number>();
  const flows = new Map<string, number>();
  const days = new Map<string, number>();
  for (const rating of ratings) {
    byLevel[rating.level] += 1;
    bump(items, rating.subject.itemCode ?? rating.subject.flow);
    bump(flows, rating.subject.flow);
    bump(days, hallDateOf(new Date(rating.at), timeZone));
  }
  const good = ratings.filter((r) => isGoodRating(r.level)).length;
  const offersRated = offers.filter((o) => o.rated).length;
  const rectifiedOrders = orders.filter((o) => o.rectifiedAt !== null);
  const onTime = rectifiedOrders.filter(
    (o) => o.rectifiedAt !== null && hallDateOf(new Date(o.rectifiedAt), timeZone) <= o.dueDate,
  ).length;
  const activeRate = rate(offersRated, offers.length);
  return {
    ratings: ratings.length,
    byLevel,
    byItem: mostFirst(items),
    byFlow: mostFirst(flows),
    byDay: [...days].map(([key, count]) => ({ key, count })).sort((a, b) => compare(a.key, b.key)),
    offers: offers.length,
    offersRated,
    orders: orders.length,
    ordersRectified: rectifiedOrders.length,
    ordersRectifiedOnTime: onTime,
    goodRate: rate(good, ratings.length),
    activeRate,
    unratedRate: activeRate === null ? null : rate(offers.length - offersRated, offers.length),
    rectifyRate: rate(rectifiedOrders.length, orders.length),
    onTimeRate: rate(onTime, orders.length),
  };
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function mostFirst(counts: Map<string, number>): RatingCount[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || compare(a.key, b.key));
}

// Code-point order, not the locale's: the same file on every kiosk.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export const RATING_FIGURES_CSV_HEADER = ['分类', '名称', '数值'];

/**
 * The figures as CSV for Excel (BOM, CRLF): one row per count under its section (合计, 评价等级,
 * 事项, 业务, 日期), then the rates (比率) as percentages with one decimal, empty where null.
 */
export function figuresCsv(figures: RatingFigures): string {
  const rows: string[][] = [
    RATING_FIGURES_CSV_HEADER,
    ['合计', '评价', String(figures.ratings)],
    ['合计', '邀请评价', String(figures.offers)],
    ['合计', '差评工单', String(figures.orders)],
    ...RATING_LEVELS.map((level) => [
      '评价等级',
      RATING_LEVEL_NAMES[level],
      String(figures.byLevel[level]),
    ]),
    ...figures.byItem.map((c) => ['事项', c.key, String(c.count)]),
    ...figures.byFlow.map((c) => ['业务', c.key, String(c.count)]),
    ...figures.byDay.map((c) => ['日期', c.key, String(c.count)]),
    ['比率', '好评率', percent(figures.goodRate)],
    ['比率', '主动评价率', percent(figures.activeRate)],
    ['比率', '未评价率', percent(figures.unratedRate)],
    ['比率', '差评整改率', percent(figures.rectifyRate)],
    ['比率', '按期整改率', percent(figures.onTimeRate)],
  ];
  return csvFile(rows);
}

function percent(rate: number | null): string {
  return rate === null ? '' : `${(rate * 100).toFixed(1)}%`;
}

export const RATINGS_CSV_HEADER = [
  '时间',
  '终端',
  '事项编码',
  '事项',
  '业务',
  '服务',
  '评价',
  '原因',
  '其他意见',
  '回访电话',
  '工单状态',
  '整改期限',
];

/**
 * One CSV row per rating (BOM, CRLF), in the order given: its hall time, what was rated, the level
 * and reasons in Chinese, the citizen's words, the call-back phone where they left one, and the
 * state and due date of its work order where it has one. Cells a spreadsheet would run as a
 * formula are defused as in the audit log's CSV.
 */
export function ratingsCsv(
  ratings: readonly Rating[],
  orders: readonly WorkOrder[],
  timeZone: string,
): string {
  const orderOf = new Map(orders.map((o) => [o.ratingId, o]));
  const rows = ratings.map((r) => {
    const order = orderOf.get(r.id);
    const clock = hallClockOf(new Date(r.at), timeZone);
    return [
      `${clock.date} ${clock.time}:${clock.seconds}`,
      r.kioskId,
      r.subject.itemCode ?? '',
      r.subject.title,
      r.subject.flow,
      r.subject.service ?? '',
      RATING_LEVEL_NAMES[r.level],
      r.reasons.map((reason) => RATING_REASON_NAMES[reason]).join('、'),
      r.otherText ?? '',
      r.callbackPhone ?? '',
      order ? WORK_ORDER_STATE_NAMES[order.state] : '',
      order?.dueDate ?? '',
    ];
  });
  return csvFile([RATINGS_CSV_HEADER, ...rows]);
}
