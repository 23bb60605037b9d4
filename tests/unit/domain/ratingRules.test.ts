import { describe, expect, it } from 'vitest';
import {
  closed,
  deadlineState,
  figuresCsv,
  openWorkOrder,
  ratingFigures,
  ratingsCsv,
  rectified,
  rectifyDueDate,
  withCallBack,
  type CallBack,
  type Rating,
  type RatingLevel,
  type RatingOffer,
  type WorkOrder,
  type WorkingCalendar,
} from '../../../domain';

const ZONE = 'Asia/Shanghai';

const weekdays: WorkingCalendar = {
  hours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
  holidays: [],
  makeupWorkdays: [],
};

// National Day 2025 as the State Council set it: 1–8 October off, Sunday 28 September and
// Saturday 11 October worked instead (调休).
const nationalDay: WorkingCalendar = {
  ...weekdays,
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeupWorkdays: ['2025-09-28', '2025-10-11'],
};

function rating(
  id: string,
  level: RatingLevel,
  at: string,
  subject: Partial<Rating['subject']> = {},
  rest: Partial<Rating> = {},
): Rating {
  return {
    id,
    at,
    kioskId: 'kiosk-01',
    subject: {
      flow: 'licence-print',
      itemCode: 'SB-0001',
      title: '社会保险个人参保证明打印',
      service: null,
      key: `job-${id}`,
      ...subject,
    },
    level,
    reasons: [],
    otherText: null,
    callbackPhone: null,
    ...rest,
  };
}

const callBack = (note: string): CallBack => ({
  at: '2025-11-10T02:00:00.000Z',
  by: '王敏',
  reached: true,
  note,
});

// Friday 7 November 2025, 10:00 in the hall.
const bad = rating('r-bad', 'dissatisfied', '2025-11-07T02:00:00.000Z');
const open = (): WorkOrder => openWorkOrder(bad, weekdays, ZONE);

describe('rectifyDueDate', () => {
  it('is 15 working days after a Friday: three whole weeks on, the Friday', () => {
    // Nov 10–14 are days 1–5, 17–21 are 6–10, 24–28 are 11–15.
    expect(rectifyDueDate(weekdays, '2025-11-07', 15)).toBe('2025-11-28');
  });

  it('moves one working day later for a holiday in between (over the weekend, to Monday)', () => {
    const withHoliday = { ...weekdays, holidays: ['2025-11-19'] };
    expect(rectifyDueDate(withHoliday, '2025-11-07', 15)).toBe('2025-12-01');
  });

  it('counts a 调休 make-up Saturday', () => {
    expect(rectifyDueDate(nationalDay, '2025-10-10', 1)).toBe('2025-10-11');
    expect(rectifyDueDate({ ...nationalDay, makeupWorkdays: [] }, '2025-10-10', 1)).toBe(
      '2025-10-13',
    );
  });

  it('counts across the National Day week with both make-up days', () => {
    // From Friday 26 Sep: 28, 29, 30 Sep (1–3), 9, 10, 11 Oct (4–6), 13–17 (7–11), 20–23 (12–15).
    expect(rectifyDueDate(nationalDay, '2025-09-26', 15)).toBe('2025-10-23');
  });

  it('refuses a count that is not a whole number of 1 or more', () => {
    for (const days of [0, -1, 1.5, Number.NaN])
      expect(() => rectifyDueDate(weekdays, '2025-11-07', days)).toThrow(
        'a work order is due in a whole number of working days, 1 or more',
      );
  });

  it('says so when the calendar has too few working days', () => {
    const never = { ...weekdays, hours: { ...weekdays.hours, days: [] } };
    expect(() => rectifyDueDate(never, '2025-11-07', 1)).toThrow(
      "only 0 working days in the year after 2025-11-07: check the calendar's working days and holidays",
    );
  });
});

describe('openWorkOrder', () => {
  it('opens an order under the rating’s id, due 15 working days after its hall date', () => {
    expect(open()).toEqual({
      id: 'r-bad',
      ratingId: 'r-bad',
      openedAt: '2025-11-07T02:00:00.000Z',
      dueDate: '2025-11-28',
      state: 'open',
      callBacks: [],
      rectification: null,
      rectifiedAt: null,
      closedAt: null,
      closingNote: null,
    });
  });

  it('counts from the hall’s date, not UTC’s', () => {
    // Thursday 20:00 UTC is Friday 04:00 in Shanghai: due the Friday three weeks on, not Thursday.
    const early = rating('r-early', 'very-dissatisfied', '2025-11-06T20:00:00.000Z');
    expect(openWorkOrder(early, weekdays, ZONE).dueDate).toBe('2025-11-28');
    expect(openWorkOrder(early, weekdays, 'UTC').dueDate).toBe('2025-11-27');
  });

  it('takes another number of working days', () => {
    expect(openWorkOrder(bad, weekdays, ZONE, 1).dueDate).toBe('2025-11-10');
  });

  it('refuses a rating that is not bad', () => {
    for (const level of ['very-satisfied', 'satisfied', 'basically-satisfied'] as const)
      expect(() => openWorkOrder({ ...bad, level }, weekdays, ZONE)).toThrow(
        'only 不满意 or 非常不满意 opens a work order',
      );
  });

  it('refuses a rating without a valid time', () => {
    expect(() => openWorkOrder({ ...bad, at: 'yesterday' }, weekdays, ZONE)).toThrow(
      'rating r-bad has no valid time: yesterday',
    );
  });
});

describe('work-order transitions', () => {
  it('a call-back makes an open order called, with its note trimmed', () => {
    const order = open();
    const called = withCallBack(order, callBack('  已致电，群众表示理解  '));
    expect(called.state).toBe('called');
    expect(called.callBacks).toEqual([callBack('已致电，群众表示理解')]);
    // The order given is left as it was.
    expect(order.state).toBe('open');
    expect(order.callBacks).toEqual([]);
  });

  it('a call-back after rectification keeps the order rectified', () => {
    const done = rectified(open(), '已更新办事指南', new Date('2025-11-12T03:00:00Z'));
    const after = withCallBack(done, callBack('回访确认'));
    expect(after.state).toBe('rectified');
    expect(after.callBacks).toHaveLength(1);
  });

  it('refuses a call-back with no note, or on a closed order', () => {
    expect(() => withCallBack(open(), callBack('   '))).toThrow(
      'a call-back needs a note saying what was done',
    );
    const shut = closed(
      withCallBack(open(), callBack('已联系')),
      '办结',
      new Date('2025-11-13T00:00:00Z'),
    );
    expect(() => withCallBack(shut, callBack('再联系'))).toThrow(
      'work order r-bad is closed and cannot take a call-back',
    );
  });

  it('rectifying records the note and the moment, once', () => {
    const done = rectified(open(), ' 窗口人员已培训 ', new Date('2025-11-12T03:00:00Z'));
    expect(done).toMatchObject({
      state: 'rectified',
      rectification: '窗口人员已培训',
      rectifiedAt: '2025-11-12T03:00:00.000Z',
    });
    expect(() => rectified(done, '再次整改', new Date('2025-11-20T03:00:00Z'))).toThrow(
      'work order r-bad was already rectified at 2025-11-12T03:00:00.000Z',
    );
    expect(() => rectified(open(), '', new Date())).toThrow(
      'a rectification needs a note saying what was done',
    );
  });

  it('closing needs a call-back or a rectification first', () => {
    expect(() => closed(open(), '办结', new Date('2025-11-13T00:00:00Z'))).toThrow(
      'work order r-bad has neither a call-back nor a rectification: record one (withCallBack or rectified) before closing it',
    );
    const afterCall = closed(
      withCallBack(open(), callBack('已联系')),
      ' 群众满意 ',
      new Date('2025-11-13T00:00:00Z'),
    );
    expect(afterCall).toMatchObject({
      state: 'closed',
      closingNote: '群众满意',
      closedAt: '2025-11-13T00:00:00.000Z',
      rectification: null,
    });
    const afterFix = closed(
      rectified(open(), '已修好打印机', new Date('2025-11-12T00:00:00Z')),
      '办结',
      new Date('2025-11-13T00:00:00Z'),
    );
    expect(afterFix.state).toBe('closed');
    expect(afterFix.rectification).toBe('已修好打印机');
  });

  it('refuses to close twice, to rectify a closed order, or to close with no note', () => {
    const called = withCallBack(open(), callBack('已联系'));
    expect(() => closed(called, '  ', new Date())).toThrow(
      'closing a work order needs a note saying what was done',
    );
    const shut = closed(called, '办结', new Date('2025-11-13T00:00:00Z'));
    expect(() => closed(shut, '办结', new Date())).toThrow(
      'work order r-bad is closed and cannot be closed again',
    );
    expect(() => rectified(shut, '补录', new Date())).toThrow(
      'work order r-bad is closed and cannot be rectified',
    );
  });
});

describe('deadlineState', () => {
  // Due Friday 28 November 2025.
  const order = open();

  it('is overdue the day after the due date', () => {
    expect(deadlineState(order, '2025-11-29', weekdays)).toBe('overdue');
    expect(deadlineState(order, '2025-12-15', weekdays)).toBe('overdue');
  });

  it('is due soon within three working days counting today', () => {
    expect(deadlineState(order, '2025-11-28', weekdays)).toBe('due-soon');
    // Wed 26, Thu 27, Fri 28.
    expect(deadlineState(order, '2025-11-26', weekdays)).toBe('due-soon');
    // Tue 25, Wed 26, Thu 27: Friday is the fourth.
    expect(deadlineState(order, '2025-11-25', weekdays)).toBe('on-time');
    expect(deadlineState(order, '2025-11-10', weekdays)).toBe('on-time');
  });

  it('counts from the next working day when today is not one', () => {
    const dueWednesday = { ...order, dueDate: '2025-11-26' };
    // Saturday 22: Mon 24, Tue 25, Wed 26.
    expect(deadlineState(dueWednesday, '2025-11-22', weekdays)).toBe('due-soon');
    expect(deadlineState({ ...order, dueDate: '2025-11-27' }, '2025-11-22', weekdays)).toBe(
      'on-time',
    );
  });

  it('skips holidays in the window', () => {
    const dueAfterHolidays = { ...order, dueDate: '2025-10-10' };
    // Tue 30 Sep, then Thu 9 and Fri 10 Oct: the holiday week does not count.
    expect(deadlineState(dueAfterHolidays, '2025-09-30', nationalDay)).toBe('due-soon');
    expect(deadlineState(dueAfterHolidays, '2025-09-30', weekdays)).toBe('on-time');
  });

  it('takes another window', () => {
    expect(deadlineState(order, '2025-11-27', weekdays, 1)).toBe('on-time');
    expect(deadlineState(order, '2025-11-28', weekdays, 1)).toBe('due-soon');
    expect(deadlineState(order, '2025-11-20', weekdays, 10)).toBe('due-soon');
    expect(deadlineState(order, '2025-11-28', weekdays, 0)).toBe('on-time');
  });

  it('is done once rectified or closed, even past the date', () => {
    const fixed = rectified(order, '已整改', new Date('2025-12-01T00:00:00Z'));
    expect(deadlineState(fixed, '2025-12-15', weekdays)).toBe('done');
    const shut = closed(withCallBack(order, callBack('已联系')), '办结', new Date());
    expect(deadlineState(shut, '2025-12-15', weekdays)).toBe('done');
    expect(deadlineState(withCallBack(order, callBack('已联系')), '2025-12-15', weekdays)).toBe(
      'overdue',
    );
  });
});

// Seven ratings to count by hand: 3 非常满意, 1 满意, 1 基本满意 (5 good), 1 不满意, 1 非常不满意.
// Items: SB-0001 ×3 (r1, r2, r6), GS-0002 ×1 (r4), no item in the queue flow ×3 (r3, r5, r7).
// Hall days: 3 Nov ×3, 4 Nov ×2, 5 Nov ×1, 6 Nov ×1 (r7 is 5 Nov in UTC, 6 Nov in the hall).
const queue = { flow: 'queue', itemCode: null, title: '取号 A012', service: 'A' };
const r1 = rating('r1', 'very-satisfied', '2025-11-03T01:00:00.000Z');
const r3 = rating('r3', 'very-satisfied', '2025-11-03T03:00:00.000Z', queue);
const r6 = rating('r6', 'dissatisfied', '2025-11-05T02:00:00.000Z');
const r7 = rating('r7', 'very-dissatisfied', '2025-11-05T17:00:00.000Z', queue);
const seven: Rating[] = [
  r1,
  rating('r2', 'very-satisfied', '2025-11-03T02:00:00.000Z'),
  r3,
  rating('r4', 'satisfied', '2025-11-04T01:00:00.000Z', { itemCode: 'GS-0002' }),
  rating('r5', 'basically-satisfied', '2025-11-04T02:00:00.000Z', queue),
  r6,
  r7,
];

// Ten offers, the first seven rated.
const tenOffers: RatingOffer[] = Array.from({ length: 10 }, (_, i) => ({
  id: `o${i + 1}`,
  at: '2025-11-03T01:00:00.000Z',
  kioskId: 'kiosk-01',
  subject: r1.subject,
  rated: i < 7,
}));

// Two orders: r6's rectified on 10 Nov (due 26 Nov), r7's still open.
const twoOrders: WorkOrder[] = [
  rectified(openWorkOrder(r6, weekdays, ZONE), '已整改', new Date('2025-11-10T02:00:00Z')),
  openWorkOrder(r7, weekdays, ZONE),
];

const figures = () =>
  ratingFigures({ ratings: seven, offers: tenOffers, orders: twoOrders, timeZone: ZONE });

describe('ratingFigures', () => {
  it('counts by level, item, flow and hall day', () => {
    const f = figures();
    expect(f.ratings).toBe(7);
    expect(f.byLevel).toEqual({
      'very-satisfied': 3,
      satisfied: 1,
      'basically-satisfied': 1,
      dissatisfied: 1,
      'very-dissatisfied': 1,
    });
    expect(f.byItem).toEqual([
      { key: 'SB-0001', count: 3 },
      { key: 'queue', count: 3 },
      { key: 'GS-0002', count: 1 },
    ]);
    expect(f.byFlow).toEqual([
      { key: 'licence-print', count: 4 },
      { key: 'queue', count: 3 },
    ]);
    expect(f.byDay).toEqual([
      { key: '2025-11-03', count: 3 },
      { key: '2025-11-04', count: 2 },
      { key: '2025-11-05', count: 1 },
      { key: '2025-11-06', count: 1 },
    ]);
  });

  it('好评率 5/7, 主动评价率 7/10, 未评价率 3/10, 整改率 1/2, 按期整改率 1/2', () => {
    const f = figures();
    expect(f.goodRate).toBe(5 / 7);
    expect(f.activeRate).toBe(0.7);
    expect(f.unratedRate).toBe(0.3);
    expect(f.rectifyRate).toBe(0.5);
    expect(f.onTimeRate).toBe(0.5);
    expect([f.offers, f.offersRated, f.orders, f.ordersRectified, f.ordersRectifiedOnTime]).toEqual(
      [10, 7, 2, 1, 1],
    );
  });

  it('counts a closed order as rectified only with a rectification, on time by the hall’s date', () => {
    const base = openWorkOrder(r6, weekdays, ZONE); // due Wednesday 26 Nov
    const orders: WorkOrder[] = [
      // 1: rectified on the due date (10:00 in the hall) — rectified, on time.
      rectified(base, '已整改', new Date('2025-11-26T02:00:00Z')),
      // 2: rectified 16:00 UTC on the due date, which is 00:00 the next day in the hall — late.
      rectified(base, '已整改', new Date('2025-11-26T16:00:00Z')),
      // 3: closed after a call-back only — neither.
      closed(withCallBack(base, callBack('已联系')), '办结', new Date('2025-11-12T00:00:00Z')),
      // 4: rectified early, then closed — rectified, on time.
      closed(
        rectified(base, '已整改', new Date('2025-11-11T00:00:00Z')),
        '办结',
        new Date('2025-11-12T00:00:00Z'),
      ),
    ];
    const f = ratingFigures({ ratings: [], offers: [], orders, timeZone: ZONE });
    expect(f.rectifyRate).toBe(3 / 4);
    expect(f.onTimeRate).toBe(2 / 4);
  });

  it('has no rate where there is nothing to divide by', () => {
    const f = ratingFigures({ ratings: [], offers: [], orders: [], timeZone: ZONE });
    expect([f.goodRate, f.activeRate, f.unratedRate, f.rectifyRate, f.onTimeRate]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(Object.values(f.byLevel)).toEqual([0, 0, 0, 0, 0]);
    expect([f.byItem, f.byFlow, f.byDay]).toEqual([[], [], []]);
  });
});

/** The CSV's lines without the BOM and the final line end. */
function lines(csv: string): string[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(1).replace(/\r\n$/, '').split('\r\n');
}

describe('figuresCsv', () => {
  it('writes each section, and the rates as percentages with one decimal', () => {
    expect(lines(figuresCsv(figures()))).toEqual([
      '分类,名称,数值',
      '合计,评价,7',
      '合计,邀请评价,10',
      '合计,差评工单,2',
      '评价等级,非常满意,3',
      '评价等级,满意,1',
      '评价等级,基本满意,1',
      '评价等级,不满意,1',
      '评价等级,非常不满意,1',
      '事项,SB-0001,3',
      '事项,queue,3',
      '事项,GS-0002,1',
      '业务,licence-print,4',
      '业务,queue,3',
      '日期,2025-11-03,3',
      '日期,2025-11-04,2',
      '日期,2025-11-05,1',
      '日期,2025-11-06,1',
      '比率,好评率,71.4%',
      '比率,主动评价率,70.0%',
      '比率,未评价率,30.0%',
      '比率,差评整改率,50.0%',
      '比率,按期整改率,50.0%',
    ]);
  });

  it('leaves a rate empty when it has no denominator, and defuses an item code', () => {
    const f = ratingFigures({
      ratings: [rating('r1', 'satisfied', '2025-11-03T01:00:00Z', { itemCode: '=1+1' })],
      offers: [],
      orders: [],
      timeZone: ZONE,
    });
    const csv = lines(figuresCsv(f));
    expect(csv).toContain("事项,'=1+1,1");
    expect(csv).toContain('比率,好评率,100.0%');
    expect(csv).toContain('比率,主动评价率,');
    expect(csv).toContain('比率,按期整改率,');
  });
});

describe('ratingsCsv', () => {
  const header = '时间,终端,事项编码,事项,业务,服务,评价,原因,其他意见,回访电话,工单状态,整改期限';

  it('writes one row per rating in hall time, in Chinese, with its work order', () => {
    const unhappy = rating(
      'r6',
      'very-dissatisfied',
      '2025-11-05T17:00:00.000Z',
      {},
      {
        reasons: ['attitude', 'other'],
        otherText: '等了很久, 没人管',
        callbackPhone: '13800138000',
      },
    );
    const order = withCallBack(openWorkOrder(unhappy, weekdays, ZONE), callBack('已联系'));
    const csv = ratingsCsv([r3, unhappy], [order], ZONE);
    expect(lines(csv)).toEqual([
      header,
      '2025-11-03 11:00:00,kiosk-01,,取号 A012,queue,A,非常满意,,,,,',
      '2025-11-06 01:00:00,kiosk-01,SB-0001,社会保险个人参保证明打印,licence-print,,非常不满意,服务态度、其他,"等了很久, 没人管",13800138000,已回访,2025-11-27',
    ]);
  });

  it('defuses a formula and quotes as RFC 4180 asks in the citizen’s words', () => {
    const hostile = rating(
      'r9',
      'dissatisfied',
      '2025-11-03T01:00:00.000Z',
      { title: '@SUM(A1)' },
      { reasons: ['other'], otherText: '=HYPERLINK("http://x")', callbackPhone: '+8613800138000' },
    );
    expect(lines(ratingsCsv([hostile], [], ZONE))[1]).toBe(
      `2025-11-03 09:00:00,kiosk-01,SB-0001,'@SUM(A1),licence-print,,不满意,其他,"'=HYPERLINK(""http://x"")",'+8613800138000,,`,
    );
  });

  it('writes the header alone for no ratings', () => {
    expect(ratingsCsv([], [], ZONE)).toBe(`\uFEFF${header}\r\n`);
  });
});
