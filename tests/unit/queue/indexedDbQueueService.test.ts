import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { IndexedDbQueueService } from '../../../stores/queue';
import type { TicketRequest } from '../../../domain';
import { taxService } from '../../support/queueServices';
import { FakeLocks } from '../../support/fakeLocks';

const service = taxService({
  dailyMax: 5,
  issuingWindows: [
    { start: '08:30', end: '12:00', quota: 3 },
    { start: '13:00', end: '17:00', quota: 10 },
  ],
});

let dbCount = 0;
const freshDb = () => `queue-test-${(dbCount += 1)}`;
// One browser's Web Locks: each store instance is a page of the kiosk holding its lock.
const browser = new FakeLocks();
const kiosk = (databaseName: string) =>
  new IndexedDbQueueService({ services: [service], databaseName, locks: browser });
const request = (over: Partial<TicketRequest> = {}): TicketRequest => ({
  serviceCode: 'tax',
  date: '2026-11-23',
  time: '09:00',
  holderKey: null,
  maskedId: null,
  priority: null,
  ...over,
});
const numberOf = async (q: IndexedDbQueueService, r: TicketRequest) => {
  const result = await q.allocate(r);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
  await q.markPrinted(result.ticket.id);
  return result.ticket.number;
};

describe('IndexedDbQueueService', () => {
  it('numbers B001, B002 … and starts again at B001 the next day', async () => {
    const q = kiosk(freshDb());
    expect(await numberOf(q, request())).toBe('B001');
    expect(await numberOf(q, request())).toBe('B002');
    expect(await numberOf(q, request({ date: '2026-11-24' }))).toBe('B001');
    expect((await q.issued('tax', '2026-11-23')).map((t) => [t.number, t.waitingAhead])).toEqual([
      ['B001', 0],
      ['B002', 1],
    ]);
  });

  it('gives parallel requests distinct, consecutive numbers', async () => {
    const q = kiosk(freshDb());
    const results = await Promise.all([1, 2, 3].map(() => q.allocate(request())));
    expect(results.map((r) => (r.ok ? r.ticket.number : 'refused')).sort()).toEqual([
      'B001',
      'B002',
      'B003',
    ]);
  });

  it('one open ticket per card and service a day: a second try reprints the same number', async () => {
    const q = kiosk(freshDb());
    const first = await q.allocate(request({ holderKey: 'k1', maskedId: '1101**********002X' }));
    // The same card again: the masked number comes from the card, not from the store.
    const again = await q.allocate(
      request({ holderKey: 'k1', maskedId: '1101**********002X', time: '14:00' }),
    );
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again).toMatchObject({
      reprint: true,
      ticket: { number: first.ticket.number, id: first.ticket.id },
    });
    expect(again.ticket.maskedId).toBe('1101**********002X');
    expect(JSON.stringify(again)).not.toContain('k1');
    expect(await numberOf(q, request({ holderKey: 'k2' }))).toBe('B002');
  });

  it('a used-up window quota and the daily maximum are refused with the reason', async () => {
    const q = kiosk(freshDb());
    for (let i = 0; i < 3; i += 1) await numberOf(q, request());
    expect(await q.allocate(request())).toEqual({
      ok: false,
      refusal: { reason: 'window-quota-used', nextWindowStart: '13:00' },
    });
    await numberOf(q, request({ time: '13:10' }));
    await numberOf(q, request({ time: '13:20' }));
    expect(await q.allocate(request({ time: '13:30' }))).toEqual({
      ok: false,
      refusal: { reason: 'daily-max-reached' },
    });
    expect(await q.allocate(request({ serviceCode: 'nope' }))).toEqual({
      ok: false,
      refusal: { reason: 'unknown-service' },
    });
  });

  it('a reload before printing neither skips nor doubles a number: the next citizen gets it', async () => {
    const name = freshDb();
    const before = kiosk(name);
    expect(await numberOf(before, request())).toBe('B001');
    const cutOff = await before.allocate(request({ holderKey: 'left' }));
    expect(cutOff.ok && cutOff.ticket.number).toBe('B002');
    await before.close();
    const after = kiosk(name); // the page reloaded
    expect(await numberOf(after, request({ holderKey: 'next' }))).toBe('B002');
    expect(await numberOf(after, request())).toBe('B003');
    const numbers = (await after.issued('tax', '2026-11-23')).map((t) => t.number);
    expect(numbers).toEqual(['B001', 'B002', 'B003']);
  });

  it("a number handed out (sent to the printer, or on screen after a failed print) survives a reload as its holder's", async () => {
    const name = freshDb();
    const before = kiosk(name);
    const shown = await before.allocate(request({ holderKey: 'shown' }));
    if (!shown.ok) throw new Error('refused');
    await before.markHandedOut(shown.ticket.id); // then the printer failed: the number stays on screen
    await before.close();
    const after = kiosk(name); // the page reloaded
    expect(await numberOf(after, request({ holderKey: 'next' }))).toBe('B002');
    const again = await after.allocate(request({ holderKey: 'shown' }));
    expect(again.ok && again.reprint && again.ticket.number).toBe('B001');
  });

  it('a number released (the citizen left while it was allocated) goes to the next citizen', async () => {
    const q = kiosk(freshDb());
    const left = await q.allocate(request({ holderKey: 'left' }));
    if (!left.ok) throw new Error('refused');
    await q.release(left.ticket.id);
    const next = await q.allocate(request({ holderKey: 'next' }));
    expect(next.ok && next.ticket.number).toBe('B001');
    expect(next.ok && next.ticket.id).toBe(left.ticket.id);
    expect(await numberOf(q, request())).toBe('B002');
  });

  it('release leaves a handed-out number alone', async () => {
    const q = kiosk(freshDb());
    const shown = await q.allocate(request());
    if (!shown.ok) throw new Error('refused');
    await q.markHandedOut(shown.ticket.id);
    await q.release(shown.ticket.id);
    expect(await numberOf(q, request())).toBe('B002');
  });

  it('an unprinted ticket of the page still running is not handed to anyone else', async () => {
    const q = kiosk(freshDb());
    const printing = await q.allocate(request());
    const next = await q.allocate(request());
    expect(printing.ok && next.ok && [printing.ticket.number, next.ticket.number]).toEqual([
      'B001',
      'B002',
    ]);
  });
});

describe('appointments in the queue store', () => {
  const hours = {
    days: [1, 2, 3, 4, 5],
    open: '09:00',
    close: '17:00',
    lunch: { start: '12:00', end: '13:30' },
  };
  const rules = {
    slotMinutes: 60,
    capacityPerSlot: 2,
    daysAhead: 5,
    checkInEarlyMinutes: 30,
    checkInLateMinutes: 15,
  };
  const store = () =>
    new IndexedDbQueueService({
      services: [service],
      officeHours: hours,
      appointments: rules,
      databaseName: freshDb(),
    });
  const booking = (holderKey: string, start = '10:00') => ({
    serviceCode: 'tax',
    date: '2026-11-24',
    slot: { start, end: `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00` },
    holderKey,
    maskedId: '1101**********0014',
    maskedPhone: '138****5678',
  });

  it('counts places left per slot and refuses a full slot', async () => {
    const q = store();
    expect((await q.book(booking('a'))).ok).toBe(true);
    expect((await q.book(booking('b'))).ok).toBe(true);
    expect(await q.book(booking('c'))).toEqual({ ok: false, reason: 'slot-full' });
    const left = await q.placesLeft('tax', ['2026-11-24']);
    expect(left['2026-11-24']).toMatchObject({ '09:00': 2, '10:00': 0, '13:30': 2 });
  });

  it('one appointment per person per service per day', async () => {
    const q = store();
    const first = await q.book(booking('a', '09:00'));
    const second = await q.book(booking('a', '14:30'));
    expect(second).toMatchObject({
      ok: false,
      reason: 'already-booked',
      appointment: { slot: { start: '09:00' } },
    });
    expect(first.ok && JSON.stringify(first.appointment)).not.toContain('"a"');
  });

  it('check-in: too early, on time (a priority ticket, once), too late, unknown', async () => {
    const q = store();
    const booked = await q.book(booking('card-1'));
    if (!booked.ok) throw new Error('not booked');
    const by = { appointmentId: booked.appointment.id, today: '2026-11-24' };
    expect(await q.checkIn({ ...by, now: '09:20' })).toEqual({
      ok: false,
      reason: 'too-early',
      opensAt: '09:30',
    });
    expect(await q.checkIn({ ...by, today: '2026-11-23', now: '10:00' })).toEqual({
      ok: false,
      reason: 'other-day',
      date: '2026-11-24',
    });
    const onTime = await q.checkIn({ holderKey: 'card-1', today: '2026-11-24', now: '09:45' });
    expect(onTime).toMatchObject({ ok: true, ticket: { number: 'B001', priority: 'appointment' } });
    const again = await q.checkIn({ ...by, now: '09:50' });
    expect(again.ok && again.ticket.number).toBe('B001');
    const late = await q.book(booking('card-2', '09:00'));
    if (!late.ok) throw new Error('not booked');
    expect(
      await q.checkIn({ appointmentId: late.appointment.id, today: '2026-11-24', now: '09:16' }),
    ).toEqual({ ok: false, reason: 'too-late' });
    expect(await q.checkIn({ appointmentId: 'nope', today: '2026-11-24', now: '09:16' })).toEqual({
      ok: false,
      reason: 'unknown-appointment',
    });
  });

  it("a check-in ticket is the appointment's: a reload before it printed never hands it to a walk-in", async () => {
    const name = `queue-test-checkin-${Math.random()}`;
    const make = () =>
      new IndexedDbQueueService({
        services: [service],
        officeHours: hours,
        appointments: rules,
        databaseName: name,
      });
    const before = make();
    const booked = await before.book(booking('card-1'));
    if (!booked.ok) throw new Error('not booked');
    const checkedIn = await before.checkIn({
      holderKey: 'card-1',
      today: '2026-11-24',
      now: '09:45',
    });
    expect(checkedIn.ok && checkedIn.ticket.number).toBe('B001');
    await before.close();
    const after = make(); // reloaded before the check-in ticket printed
    const walkIn = await after.allocate({
      serviceCode: 'tax',
      date: '2026-11-24',
      time: '09:46',
      holderKey: 'walk-in',
      maskedId: null,
      priority: null,
    });
    expect(walkIn.ok && walkIn.ticket.number).toBe('B002');
  });
});

describe('staff cancel and move appointments', () => {
  const hours = { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' };
  const rules = {
    slotMinutes: 60,
    capacityPerSlot: 2,
    daysAhead: 5,
    checkInEarlyMinutes: 30,
    checkInLateMinutes: 15,
  };
  const other = taxService({ code: 'other', prefix: 'C' });
  // Booking times one second apart, so the list's last tie-break is known.
  let tick = 0;
  const store = () =>
    new IndexedDbQueueService({
      services: [service, other],
      officeHours: hours,
      appointments: rules,
      databaseName: freshDb(),
      now: () => new Date(Date.UTC(2026, 10, 20, 1, 0, (tick += 1))),
    });
  const slot = (start: string) => ({
    start,
    end: `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:${start.slice(3)}`,
  });
  const book = async (
    q: IndexedDbQueueService,
    holderKey: string,
    start: string,
    over: { date?: string; serviceCode?: string } = {},
  ) => {
    const booked = await q.book({
      serviceCode: 'tax',
      date: '2026-11-24',
      slot: slot(start),
      holderKey,
      maskedId: '1101**********0014',
      maskedPhone: '138****5678',
      ...over,
    });
    if (!booked.ok) throw new Error(`not booked: ${booked.reason}`);
    return booked.appointment;
  };
  const staffNow = new Date('2026-11-23T02:00:00Z');
  const where = (a: { serviceCode: string; date: string; slot: { start: string } }) =>
    `${a.serviceCode} ${a.date} ${a.slot.start}`;

  it('lists the days asked, every service, by date, slot, then booking time', async () => {
    const q = store();
    await book(q, 'b', '10:00');
    await book(q, 'c', '09:00', { serviceCode: 'other' });
    await book(q, 'a', '09:00');
    await book(q, 'd', '09:00', { date: '2026-11-25' });
    await book(q, 'e', '09:00', { date: '2026-11-26' });
    const listed = await q.appointments(['2026-11-25', '2026-11-24']);
    expect(listed.map(where)).toEqual([
      'other 2026-11-24 09:00',
      'tax 2026-11-24 09:00',
      'tax 2026-11-24 10:00',
      'tax 2026-11-25 09:00',
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/holderKey/);
    expect(await q.appointments([])).toEqual([]);
  });

  it('a cancelled appointment frees its place, no longer checks in, and stays listed with why and when', async () => {
    const q = store();
    const cancelled = await book(q, 'a', '10:00');
    const kept = await book(q, 'b', '10:00');
    expect(await q.placesLeft('tax', ['2026-11-24'])).toMatchObject({
      '2026-11-24': { '10:00': 0 },
    });
    const result = await q.cancelAppointment(cancelled.id, ' 本人来电取消 ', staffNow);
    expect(result).toMatchObject({
      ok: true,
      appointment: {
        id: cancelled.id,
        cancelledAt: staffNow.toISOString(),
        cancelReason: '本人来电取消',
      },
    });
    expect(await q.placesLeft('tax', ['2026-11-24'])).toMatchObject({
      '2026-11-24': { '10:00': 1 },
    });
    // Neither the slip's QR nor the card checks it in; the card may book again that day.
    const at = { today: '2026-11-24', now: '09:45' };
    expect(await q.checkIn({ appointmentId: cancelled.id, ...at })).toEqual({
      ok: false,
      reason: 'unknown-appointment',
    });
    expect(await q.checkIn({ holderKey: 'a', ...at })).toEqual({
      ok: false,
      reason: 'unknown-appointment',
    });
    expect((await book(q, 'a', '10:00')).id).not.toBe(cancelled.id);
    const listed = await q.appointments(['2026-11-24']);
    expect(listed.map((a) => [a.id === cancelled.id, a.cancelReason ?? null])).toEqual([
      [true, '本人来电取消'],
      [false, null],
      [false, null],
    ]);
    expect(listed[1]?.id).toBe(kept.id);
    // Once cancelled it is no longer there to cancel or move.
    expect(await q.cancelAppointment(cancelled.id, 'again', staffNow)).toEqual({
      ok: false,
      reason: 'unknown-appointment',
    });
    expect(
      await q.moveAppointment(
        cancelled.id,
        { date: '2026-11-24', slot: slot('14:00') },
        'x',
        staffNow,
      ),
    ).toEqual({ ok: false, reason: 'unknown-appointment' });
    expect(await q.cancelAppointment('nope', 'x', staffNow)).toEqual({
      ok: false,
      reason: 'unknown-appointment',
    });
  });

  it('a checked-in appointment can be neither cancelled nor moved', async () => {
    const q = store();
    const booked = await book(q, 'a', '10:00');
    const checkedIn = await q.checkIn({ holderKey: 'a', today: '2026-11-24', now: '09:45' });
    expect(checkedIn.ok).toBe(true);
    expect(await q.cancelAppointment(booked.id, '来不了', staffNow)).toEqual({
      ok: false,
      reason: 'checked-in',
    });
    expect(
      await q.moveAppointment(
        booked.id,
        { date: '2026-11-25', slot: slot('10:00') },
        'x',
        staffNow,
      ),
    ).toEqual({ ok: false, reason: 'checked-in' });
    const [kept] = await q.appointments(['2026-11-24']);
    expect(kept).toMatchObject({ id: booked.id, date: '2026-11-24' });
    expect(kept?.cancelledAt ?? null).toBeNull();
  });

  it('a move to a full slot, to where it is, or beside the holder’s other one that day is refused and changes nothing', async () => {
    const q = store();
    await book(q, 'a', '10:00');
    await book(q, 'b', '10:00');
    const moving = await book(q, 'c', '09:00');
    await book(q, 'c', '09:00', { date: '2026-11-25' });
    const move = (date: string, start: string) =>
      q.moveAppointment(moving.id, { date, slot: slot(start) }, '窗口调整', staffNow);
    expect(await move('2026-11-24', '10:00')).toEqual({ ok: false, reason: 'slot-full' });
    expect(await move('2026-11-24', '09:00')).toEqual({ ok: false, reason: 'same-slot' });
    expect(await move('2026-11-25', '14:00')).toEqual({ ok: false, reason: 'already-booked' });
    const [still] = await q.appointments(['2026-11-24']);
    expect(still).toMatchObject({ id: moving.id, slot: { start: '09:00' } });
    expect(still?.movedFrom ?? null).toBeNull();
    // Another slot of the same day has room.
    expect(await move('2026-11-24', '11:00')).toMatchObject({
      ok: true,
      appointment: { slot: { start: '11:00' } },
    });
  });

  it('a moved appointment keeps its id: the slip checks in on the new day, the old place is free, and where, when and why are kept', async () => {
    const q = store();
    const booked = await book(q, 'a', '10:00');
    await book(q, 'b', '10:00');
    const moved = await q.moveAppointment(
      booked.id,
      { date: '2026-11-25', slot: slot('14:00') },
      ' 本人申请 ',
      staffNow,
    );
    expect(moved).toEqual({
      ok: true,
      appointment: expect.objectContaining({
        id: booked.id,
        date: '2026-11-25',
        slot: { start: '14:00', end: '15:00' },
        movedFrom: { date: '2026-11-24', slot: { start: '10:00', end: '11:00' } },
        movedAt: staffNow.toISOString(),
        moveReason: '本人申请',
        bookedAt: booked.bookedAt,
      }),
    });
    const left = await q.placesLeft('tax', ['2026-11-24', '2026-11-25']);
    expect(left['2026-11-24']?.['10:00']).toBe(1);
    expect(left['2026-11-25']?.['14:00']).toBe(1);
    expect(
      await q.checkIn({ appointmentId: booked.id, today: '2026-11-24', now: '09:45' }),
    ).toEqual({ ok: false, reason: 'other-day', date: '2026-11-25' });
    const checkedIn = await q.checkIn({
      appointmentId: booked.id,
      today: '2026-11-25',
      now: '13:45',
    });
    expect(checkedIn).toMatchObject({
      ok: true,
      appointment: { id: booked.id },
      ticket: { number: 'B001', priority: 'appointment' },
    });
  });

  it('a reason is required to cancel or move', async () => {
    const q = store();
    const booked = await book(q, 'a', '10:00');
    await expect(q.cancelAppointment(booked.id, '  ', staffNow)).rejects.toThrow(
      'cancelAppointment needs the reason staff gave',
    );
    await expect(
      q.moveAppointment(booked.id, { date: '2026-11-25', slot: slot('10:00') }, '', staffNow),
    ).rejects.toThrow('moveAppointment needs the reason staff gave');
    expect((await q.appointments(['2026-11-24']))[0]?.cancelledAt ?? null).toBeNull();
  });
});

describe('several pages of the kiosk at once (Web Locks)', () => {
  it("a number not yet handed out by a page still open is never given to another page's citizen", async () => {
    const name = freshDb();
    const first = kiosk(name);
    const second = kiosk(name); // a second window of the same kiosk
    const pending = await first.allocate(request({ holderKey: 'first' }));
    expect(pending.ok && pending.ticket.number).toBe('B001');
    // The first page is alive (it is about to print B001): the second never takes it.
    const other = await second.allocate(request({ holderKey: 'second' }));
    expect(other.ok && other.ticket.number).toBe('B002');
    // Once the first page is gone (its lock is free), its number goes to the next citizen.
    await first.close();
    const next = await second.allocate(request({ holderKey: 'third' }));
    expect(next.ok && [next.ticket.number, next.ticket.id]).toEqual([
      'B001',
      pending.ok && pending.ticket.id,
    ]);
  });

  it("two pages racing never issue one number twice, and take no live page's pending number", async () => {
    const name = freshDb();
    const pages = [kiosk(name), kiosk(name)];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        pages[i % 2]?.allocate(request({ holderKey: `c${i}`, time: '13:30' })),
      ),
    );
    const numbers = results.map((r) => (r?.ok ? r.ticket.number : 'refused'));
    // dailyMax is 5: five numbers, each once, and five refusals.
    expect(numbers.filter((n) => n !== 'refused').sort()).toEqual([
      'B001',
      'B002',
      'B003',
      'B004',
      'B005',
    ]);
  });

  it("without Web Locks a page hands on only numbers released, never another page's", async () => {
    const name = freshDb();
    const noLocks = () =>
      new IndexedDbQueueService({ services: [service], databaseName: name, locks: null });
    const first = noLocks();
    const second = noLocks();
    const pending = await first.allocate(request());
    const other = await second.allocate(request());
    expect([pending.ok && pending.ticket.number, other.ok && other.ticket.number]).toEqual([
      'B001',
      'B002',
    ]);
    if (!pending.ok) throw new Error('refused');
    await first.release(pending.ticket.id);
    expect(await numberOf(second, request())).toBe('B001');
  });
});

describe('a day already closed is never reopened', () => {
  it('after numbers for the next day, a request dated the day before is refused, not renumbered', async () => {
    const q = kiosk(freshDb());
    expect(await numberOf(q, request({ date: '2026-11-23' }))).toBe('B001');
    expect(await numberOf(q, request({ date: '2026-11-24' }))).toBe('B001');
    // The clock jumped back across midnight.
    expect(await q.allocate(request({ date: '2026-11-23', time: '14:00' }))).toEqual({
      ok: false,
      refusal: { reason: 'day-closed', latestDay: '2026-11-24' },
    });
    expect((await q.issued('tax', '2026-11-23')).map((t) => t.number)).toEqual(['B001']);
    // The day it really is goes on.
    expect(await numberOf(q, request({ date: '2026-11-24' }))).toBe('B002');
  });

  it('closes the day for every service, and for check-in too', async () => {
    const other = taxService({ code: 'other', prefix: 'C' });
    const q = new IndexedDbQueueService({
      services: [service, other],
      officeHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
      databaseName: freshDb(),
      locks: browser,
    });
    const booked = await q.book({
      serviceCode: 'tax',
      date: '2026-11-23',
      slot: { start: '10:00', end: '10:30' },
      holderKey: 'card',
      maskedId: '1101**********0014',
      maskedPhone: '138****5678',
    });
    if (!booked.ok) throw new Error('not booked');
    expect(await numberOf(q, request({ serviceCode: 'other', date: '2026-11-24' }))).toBe('C001');
    const refused = await q.allocate(request({ date: '2026-11-23' }));
    expect(refused.ok || refused.refusal.reason).toBe('day-closed');
    expect(
      await q.checkIn({ appointmentId: booked.appointment.id, today: '2026-11-23', now: '09:50' }),
    ).toEqual({ ok: false, reason: 'day-closed', latestDay: '2026-11-24' });
  });
});

describe('what the queue store keeps', () => {
  const raw = async (name: string) => {
    const db = await openDB(name);
    const stored = {
      tickets: (await db.getAll('tickets')) as Record<string, unknown>[],
      appointments: (await db.getAll('appointments')) as Record<string, unknown>[],
    };
    db.close();
    return stored;
  };

  it('the card key or the masked number, never both in one record; priority as yes or no', async () => {
    const name = freshDb();
    const q = new IndexedDbQueueService({
      services: [service],
      officeHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
      databaseName: name,
      locks: browser,
    });
    const ticket = await q.allocate(
      request({ holderKey: 'day-key', maskedId: '1101**********002X', priority: 'disability' }),
    );
    // The citizen's ticket says it all…
    expect(ticket.ok && ticket.ticket).toMatchObject({
      maskedId: '1101**********002X',
      priority: 'disability',
    });
    await q.book({
      serviceCode: 'tax',
      date: '2026-11-24',
      slot: { start: '10:00', end: '10:30' },
      holderKey: 'stable-key',
      maskedId: '1101**********0014',
      maskedPhone: '138****5678',
    });
    // …the store keeps the key, not the masked number, nor why the ticket is a priority one.
    const stored = await raw(name);
    expect(stored.tickets).toEqual([
      expect.objectContaining({ holderKey: 'day-key', priority: true }),
    ]);
    expect(stored.appointments).toEqual([expect.objectContaining({ holderKey: 'stable-key' })]);
    expect(JSON.stringify(stored)).not.toMatch(/\*\*\*\*\*\*\*\*\*\*|disability/);
    // A priority ticket printed again without a reason this visit still prints as priority.
    const again = await q.allocate(request({ holderKey: 'day-key', maskedId: null }));
    expect(again.ok && again.ticket.priority).toBe('unstated');
    expect((await q.issued('tax', '2026-11-23'))[0]).not.toHaveProperty('maskedId');
  });

  it('erases tickets and appointments older than the retention period', async () => {
    const name = freshDb();
    const q = new IndexedDbQueueService({
      services: [service],
      officeHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
      databaseName: name,
      locks: browser,
    });
    for (const date of ['2026-10-01', '2026-10-24', '2026-10-25', '2026-11-23'])
      await numberOf(q, request({ date }));
    for (const date of ['2026-10-23', '2026-11-24'])
      await q.book({
        serviceCode: 'tax',
        date,
        slot: { start: '10:00', end: '10:30' },
        holderKey: `k-${date}`,
        maskedId: '1101**********0014',
        maskedPhone: '138****5678',
      });
    await q.purge('2026-11-23', 30);
    const stored = await raw(name);
    expect(stored.tickets.map((t) => t['date']).sort()).toEqual([
      '2026-10-24',
      '2026-10-25',
      '2026-11-23',
    ]);
    expect(stored.appointments.map((a) => a['date'])).toEqual(['2026-11-24']);
  });

  it('upgrading a v2 store erases the plain-hash card keys and keeps the masked numbers', async () => {
    const name = freshDb();
    const old = await openDB(name, 2, {
      upgrade(db) {
        const tickets = db.createObjectStore('tickets', { keyPath: 'id' });
        tickets.createIndex('byServiceDay', ['serviceCode', 'date']);
        const appointments = db.createObjectStore('appointments', { keyPath: 'id' });
        appointments.createIndex('byServiceDay', ['serviceCode', 'date']);
        appointments.createIndex('byHolder', 'holderKey');
      },
    });
    await old.put('tickets', {
      id: 't1',
      serviceCode: 'tax',
      date: '2026-11-23',
      number: 'B001',
      sequence: 1,
      priority: 'age',
      issuedAt: '2026-11-23T01:00:00.000Z',
      waitingAhead: 0,
      maskedId: '1101**********0014',
      printed: true,
      holderKey: 'sha256-of-kiosk-and-number',
      window: '08:30',
      instance: 'gone',
      handedOut: true,
    });
    await old.put('appointments', {
      id: 'a1',
      serviceCode: 'tax',
      date: '2026-11-24',
      slot: { start: '10:00', end: '10:30' },
      holderKey: 'sha256-of-kiosk-and-number',
      maskedId: '1101**********0014',
      maskedPhone: '138****5678',
      bookedAt: '2026-11-23T01:00:00.000Z',
      ticketId: null,
    });
    old.close();
    const q = kiosk(name);
    expect((await q.issued('tax', '2026-11-23')).map((t) => [t.number, t.priority])).toEqual([
      ['B001', true],
    ]);
    await q.close();
    const stored = await raw(name);
    expect(JSON.stringify(stored)).not.toContain('sha256-of-kiosk-and-number');
    expect(stored.tickets[0]).toMatchObject({ maskedId: '1101**********0014', holderKey: null });
    expect(stored.appointments[0]).toMatchObject({ maskedId: '1101**********0014' });
  });
});
