import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SqlHallStore,
  SqliteDriver,
  UnknownHallError,
  openRawAllocation,
  seedDemoHall,
  windowsOf,
  type HallConfig,
  type HallTicket,
  type IssueTicket,
} from '../../hall-server/store';
import { describeOnBackends, at, demoHallConfig, newHallId, useStore } from './storeBackends';

/** A Monday: a working day of the demo hall. */
const MON = '2026-12-07';
const TUE = '2026-12-08';
const CARD = 'card-key-0000000000001';
const OTHER_CARD = 'card-key-0000000000002';
const BR = 'business-registration';

function ok<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { ok: true }>;
}

describe('windowsOf', () => {
  it('numbers the windows per service from windowCount, as the services’ text says', () => {
    const windows = demoHallConfig().windows;
    expect(windows.map((w) => w.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(windows.filter((w) => w.services[0] === 'tax').map((w) => w.number)).toEqual([5, 6, 7]);
  });

  it('refuses a windows text that names other windows than the count gives', () => {
    const [first, ...rest] = demoHallConfig().queue.services;
    if (!first) throw new Error('the demo hall has services');
    const wrong = { ...first, windowCount: 3 };
    expect(() => windowsOf([wrong, ...rest])).toThrow(
      /business-registration: its windows text "1–4号窗口" names windows 1–4, but 3 windows/,
    );
  });
});

describe('openRawAllocation (the benchmark’s raw SQLite)', () => {
  it('runs the store’s statements: the store then reads the same gap-free tickets and events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-raw-'));
    try {
      const file = join(dir, 'hall.sqlite3');
      const raw = await openRawAllocation(file, demoHallConfig());
      const numbers = ['tax', 'tax', BR].map((serviceCode) =>
        raw.allocate({ serviceCode, kioskId: 'kiosk-01', now: at(MON, '09:00') }),
      );
      await raw.close();
      expect(numbers).toEqual(['B001', 'B002', 'A001']);
      const store = new SqlHallStore(new SqliteDriver(file));
      const tickets = await store.tickets(raw.hallId, MON);
      expect(tickets.map((t) => `${t.number} ${t.waitingAhead}`)).toEqual([
        'A001 0',
        'B001 0',
        'B002 1',
      ]);
      expect(await store.lastEventId(raw.hallId)).toBe(3);
      // The store goes on where the raw allocation stopped.
      const next = await store.issueTicket(raw.hallId, {
        serviceCode: 'tax',
        priority: false,
        kioskId: 'kiosk-02',
        requestId: randomUUID(),
        holderKey: null,
        now: at(MON, '09:01'),
      });
      expect(next.ok && next.ticket.number).toBe('B003');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeOnBackends('hall store on $name', (backend) => {
  const store = useStore(backend);

  async function newHall(change?: (config: HallConfig) => HallConfig): Promise<string> {
    const hallId = newHallId();
    await store().saveConfig(hallId, demoHallConfig(change));
    return hallId;
  }
  const issue = (hallId: string, request: Partial<IssueTicket> = {}) =>
    store().issueTicket(hallId, {
      serviceCode: BR,
      priority: false,
      kioskId: 'kiosk-01',
      requestId: randomUUID(),
      holderKey: null,
      now: at(MON, '09:00'),
      ...request,
    });
  const numberOf = async (hallId: string, request: Partial<IssueTicket> = {}) =>
    ok(await issue(hallId, request)).ticket.number;
  const eventTypes = async (hallId: string) =>
    (await store().eventsAfter(hallId, 0, 1000)).map((e) => `${e.id} ${e.event.type}`);

  describe('migrations and seed', () => {
    it('migrates once: running them again changes nothing', async () => {
      const hallId = await newHall();
      await numberOf(hallId);
      await store().migrate();
      expect(await numberOf(hallId)).toBe('A002');
    });

    it('seeds the demo hall from public/kiosk.config.json once, and leaves it alone after', async () => {
      expect(await seedDemoHall(store())).toBe(true);
      const config = await store().config('demo');
      expect(config?.hall.name['zh-CN']).toBe('县政务服务中心');
      expect(config?.queue.services.map((s) => s.code)).toEqual([
        BR,
        'tax',
        'social-security',
        'real-estate',
      ]);
      expect(config?.appointments.capacityPerSlot).toBe(4);
      const windows = await store().windows('demo', MON);
      expect(windows.map((w) => `${w.number}:${w.services.join()}`)).toEqual([
        ...[1, 2, 3, 4].map((n) => `${n}:${BR}`),
        ...[5, 6, 7].map((n) => `${n}:tax`),
        ...[8, 9, 10].map((n) => `${n}:social-security`),
        ...[11, 12, 13].map((n) => `${n}:real-estate`),
      ]);
      if (!config) throw new Error('seeded');
      await store().saveConfig('demo', {
        ...config,
        appointments: { ...config.appointments, capacityPerSlot: 2 },
      });
      expect(await seedDemoHall(store())).toBe(false);
      expect((await store().config('demo'))?.appointments.capacityPerSlot).toBe(2);
    });

    it('refuses a hall nobody seeded, naming it', async () => {
      await expect(issue('no-such-hall')).rejects.toThrow(UnknownHallError);
      await expect(issue('no-such-hall')).rejects.toThrow(/No hall "no-such-hall"/);
    });
  });

  describe('tickets', () => {
    it('numbers each service gap-free per hall day, with waitingAhead and a ticket-issued event each', async () => {
      const hallId = await newHall();
      const first = ok(await issue(hallId));
      const second = ok(await issue(hallId));
      const tax = ok(await issue(hallId, { serviceCode: 'tax' }));
      expect([first.ticket.number, second.ticket.number, tax.ticket.number]).toEqual([
        'A001',
        'A002',
        'B001',
      ]);
      expect([first.waitingAhead, second.waitingAhead, tax.waitingAhead]).toEqual([0, 1, 0]);
      expect(second.ticket).toMatchObject({
        serviceCode: BR,
        date: MON,
        sequence: 2,
        priority: false,
        kioskId: 'kiosk-01',
        reserve: false,
        state: 'waiting',
        window: null,
        calls: 0,
      });
      expect(await eventTypes(hallId)).toEqual([
        '1 ticket-issued',
        '2 ticket-issued',
        '3 ticket-issued',
      ]);
      const [event] = await store().eventsAfter(hallId, 2, 10);
      expect(event?.event).toEqual({ type: 'ticket-issued', ticket: tax.ticket });
      expect(await store().lastEventId(hallId)).toBe(3);
      expect((await store().tickets(hallId, MON)).map((t) => t.number)).toEqual([
        'A001',
        'A002',
        'B001',
      ]);
      expect((await store().tickets(hallId, MON, 'tax')).map((t) => t.number)).toEqual(['B001']);
    });

    it('keeps halls apart: each hall numbers from A001', async () => {
      const one = await newHall();
      const two = await newHall();
      expect(await numberOf(one)).toBe('A001');
      expect(await numberOf(two)).toBe('A001');
      expect(await numberOf(one)).toBe('A002');
    });

    it('takes the hall day and time from the moment in the hall’s time zone', async () => {
      const hallId = await newHall((c) => ({
        ...c,
        queue: {
          ...c.queue,
          services: c.queue.services.map((s) => ({
            ...s,
            issuingWindows: [{ start: '00:00', end: '23:59', quota: 999 }],
          })),
        },
      }));
      // 20:00 UTC on the 6th is 04:00 on the 7th in Shanghai; 16:30 UTC on the 7th is the 8th.
      const early = ok(await issue(hallId, { now: new Date('2026-12-06T20:00:00Z') }));
      const late = ok(await issue(hallId, { now: new Date('2026-12-07T16:30:00Z') }));
      expect([early.ticket.date, early.ticket.number]).toEqual([MON, 'A001']);
      expect([late.ticket.date, late.ticket.number]).toEqual([TUE, 'A001']);
    });

    it('refuses outside the issuing windows, over a window’s quota and over the daily maximum', async () => {
      const hallId = await newHall((c) => ({
        ...c,
        queue: {
          ...c.queue,
          services: c.queue.services.map((s) =>
            s.code === BR
              ? {
                  ...s,
                  dailyMax: 3,
                  issuingWindows: [
                    { start: '08:30', end: '11:45', quota: 2 },
                    { start: '13:00', end: '16:45', quota: 2 },
                  ],
                }
              : s,
          ),
        },
      }));
      expect(await issue(hallId, { now: at(MON, '08:00') })).toEqual({
        ok: false,
        refusal: { reason: 'outside-issuing-hours', nextWindowStart: '08:30' },
      });
      expect(await issue(hallId, { now: at(MON, '12:00') })).toEqual({
        ok: false,
        refusal: { reason: 'outside-issuing-hours', nextWindowStart: '13:00' },
      });
      await numberOf(hallId);
      await numberOf(hallId);
      expect(await issue(hallId)).toEqual({
        ok: false,
        refusal: { reason: 'window-quota-used', nextWindowStart: '13:00' },
      });
      expect(await numberOf(hallId, { now: at(MON, '13:30') })).toBe('A003');
      expect(await issue(hallId, { now: at(MON, '13:31') })).toEqual({
        ok: false,
        refusal: { reason: 'daily-max-reached' },
      });
      expect(await issue(hallId, { now: at(MON, '17:00') })).toEqual({
        ok: false,
        refusal: { reason: 'daily-max-reached' },
      });
      expect(await issue(hallId, { serviceCode: 'passport' })).toEqual({
        ok: false,
        refusal: { reason: 'unknown-service' },
      });
      // Refusals write nothing: no ticket, no event.
      expect(await store().lastEventId(hallId)).toBe(3);
    });

    it('answers a retried requestId with the first ticket, also when the retries race', async () => {
      const hallId = await newHall();
      const requestId = randomUUID();
      const first = ok(await issue(hallId, { requestId }));
      const again = ok(await issue(hallId, { requestId, now: at(MON, '09:05') }));
      expect(again).toEqual({ ...first, repeated: true });

      const racing = randomUUID();
      const answers = (
        await Promise.all(Array.from({ length: 6 }, () => issue(hallId, { requestId: racing })))
      ).map(ok);
      expect(new Set(answers.map((a) => a.ticket.id)).size).toBe(1);
      expect(answers.filter((a) => !a.repeated)).toHaveLength(1);
      expect((await store().tickets(hallId, MON)).map((t) => t.number)).toEqual(['A001', 'A002']);
      expect(await store().lastEventId(hallId)).toBe(2);
    });

    it('fails a transaction alone when it throws: those committed with it keep their numbers', async () => {
      const hallId = await newHall();
      const requestId = randomUUID();
      ok(
        await store().book(hallId, {
          serviceCode: BR,
          date: MON,
          slot: { start: '09:30', end: '10:00' },
          holderKey: CARD,
          maskedPhone: '138****5678',
          kioskId: 'kiosk-01',
          requestId,
          now: at(MON, '08:00'),
        }),
      );
      // Sent together, they commit together (one lane): the middle one reuses a booking's id.
      const [a, b, c] = await Promise.allSettled([
        issue(hallId),
        issue(hallId, { requestId }),
        issue(hallId),
      ]);
      expect(b).toMatchObject({ status: 'rejected' });
      expect(String((b as PromiseRejectedResult).reason)).toMatch(
        /already answered a booking request, not ticket: make one id per intent/,
      );
      const numbers = [a, c].map((r) =>
        r.status === 'fulfilled' && r.value.ok ? r.value.ticket.number : r,
      );
      expect(numbers).toEqual(['A001', 'A002']);
      expect(await eventTypes(hallId)).toEqual(['1 ticket-issued', '2 ticket-issued']);
    });

    it('gives a card its open ticket of the service again (reprint), and a new one once it is finished', async () => {
      const hallId = await newHall();
      const first = ok(await issue(hallId, { holderKey: CARD }));
      await numberOf(hallId);
      const again = ok(await issue(hallId, { holderKey: CARD, kioskId: 'kiosk-02' }));
      expect(again).toMatchObject({ reprint: true, repeated: false, waitingAhead: 0 });
      expect(again.ticket.id).toBe(first.ticket.id);
      // Another service is another queue.
      expect(await numberOf(hallId, { holderKey: CARD, serviceCode: 'tax' })).toBe('B001');
      ok(
        await store().windowAction(hallId, {
          window: 1,
          action: 'call-next',
          staff: 'w',
          now: at(MON, '09:10'),
        }),
      );
      expect(ok(await issue(hallId, { holderKey: CARD })).reprint).toBe(true);
      ok(
        await store().windowAction(hallId, {
          window: 1,
          action: 'finish',
          staff: 'w',
          now: at(MON, '09:20'),
        }),
      );
      const next = ok(await issue(hallId, { holderKey: CARD, now: at(MON, '09:21') }));
      expect([next.ticket.number, next.reprint]).toEqual(['A003', false]);
    });

    it('reissues a released number first; a ticket handed out is never released', async () => {
      const hallId = await newHall();
      const requestId = randomUUID();
      const a1 = ok(await issue(hallId, { requestId })).ticket;
      const a2 = ok(await issue(hallId)).ticket;
      expect(await store().markTicket(hallId, a2.id, 'handed-out')).toBe(true);
      expect(await store().markTicket(hallId, a2.id, 'released')).toBe(true);
      expect(await store().markTicket(hallId, a1.id, 'released')).toBe(true);
      expect(await store().markTicket(hallId, a1.id, 'released')).toBe(false);
      expect(await store().markTicket(hallId, 'no-such-ticket', 'printed')).toBe(false);
      expect((await store().tickets(hallId, MON)).map((t) => t.number)).toEqual(['A002']);
      // The displays, which counted A001 as waiting, are told it waits no more.
      expect(await eventTypes(hallId)).toEqual([
        '1 ticket-issued',
        '2 ticket-issued',
        '3 ticket-released',
      ]);
      // The released request asked again gets a number anew: A001, the released one.
      const again = ok(await issue(hallId, { requestId }));
      expect([again.ticket.number, again.repeated]).toEqual(['A001', false]);
      expect(await numberOf(hallId)).toBe('A003');
      expect(await store().markTicket(hallId, again.ticket.id, 'printed')).toBe(true);
      const printed = (await store().tickets(hallId, MON)).find((t) => t.number === 'A001');
      expect(printed?.printed).toBe(true);
    });

    it('counts ahead of a priority ticket only the priority tickets before it', async () => {
      const hallId = await newHall();
      await numberOf(hallId);
      await numberOf(hallId);
      const priority = ok(await issue(hallId, { priority: true, now: at(MON, '09:01') }));
      const second = ok(await issue(hallId, { priority: true, now: at(MON, '09:02') }));
      const plain = ok(await issue(hallId, { now: at(MON, '09:03') }));
      expect([priority.waitingAhead, second.waitingAhead, plain.waitingAhead]).toEqual([0, 1, 4]);
    });
  });

  describe('appointments', () => {
    const slot = { start: '09:30', end: '10:00' };
    const book = (
      hallId: string,
      change: Partial<Parameters<ReturnType<typeof store>['book']>[1]> = {},
    ) =>
      store().book(hallId, {
        serviceCode: BR,
        date: MON,
        slot,
        holderKey: CARD,
        maskedPhone: '138****5678',
        kioskId: 'kiosk-01',
        requestId: randomUUID(),
        now: at(MON, '08:00'),
        ...change,
      });

    it('books working days ahead, one per person per service a day, up to each slot’s capacity', async () => {
      const hallId = await newHall();
      const requestId = randomUUID();
      const booked = ok(await book(hallId, { requestId }));
      expect(booked.appointment).toMatchObject({
        serviceCode: BR,
        date: MON,
        slot,
        maskedId: null,
        maskedPhone: '138****5678',
        ticketId: null,
      });
      expect(await book(hallId, { requestId })).toEqual({ ...booked, repeated: true });
      expect(await book(hallId, { slot: { start: '10:00', end: '10:30' } })).toEqual({
        ok: false,
        reason: 'already-booked',
        appointment: booked.appointment,
      });
      for (const n of [2, 3, 4]) ok(await book(hallId, { holderKey: `card-key-00000000000${n}0` }));
      expect(await book(hallId, { holderKey: OTHER_CARD })).toEqual({
        ok: false,
        reason: 'slot-full',
      });
      const places = await store().placesLeft(hallId, BR, [MON, TUE]);
      expect(places[MON]?.['09:30']).toBe(0);
      expect(places[MON]?.['09:00']).toBe(4);
      expect(Object.keys(places[TUE] ?? {})).toHaveLength(13);
      expect(await book(hallId, { serviceCode: 'passport' })).toEqual({
        ok: false,
        reason: 'unknown-service',
      });
    });

    it('refuses days and slots that cannot be booked', async () => {
      const hallId = await newHall();
      const refused = { ok: false, reason: 'not-bookable' };
      // A Saturday, a sixth working day ahead, a slot that is not one, today after opening.
      expect(await book(hallId, { date: '2026-12-05' })).toEqual(refused);
      expect(await book(hallId, { date: '2026-12-14' })).toEqual(refused);
      expect(await book(hallId, { slot: { start: '09:10', end: '09:40' } })).toEqual(refused);
      expect(await book(hallId, { now: at(MON, '10:00') })).toEqual(refused);
      ok(await book(hallId, { date: '2026-12-11' }));
    });

    it('checks in within the window to a priority ticket queued at the slot’s time', async () => {
      const hallId = await newHall();
      const booked = ok(await book(hallId)).appointment;
      const tomorrow = ok(await book(hallId, { date: TUE, holderKey: OTHER_CARD })).appointment;
      const checkIn = (change: Partial<Parameters<ReturnType<typeof store>['checkIn']>[1]>) =>
        store().checkIn(hallId, {
          ticketKey: null,
          kioskId: 'kiosk-01',
          requestId: randomUUID(),
          now: at(MON, '09:05'),
          ...change,
        });
      expect(await checkIn({ appointmentId: booked.id, now: at(MON, '08:50') })).toEqual({
        ok: false,
        reason: 'too-early',
        opensAt: '09:00',
      });
      expect(await checkIn({ appointmentId: booked.id, now: at(MON, '09:46') })).toEqual({
        ok: false,
        reason: 'too-late',
      });
      expect(await checkIn({ appointmentId: tomorrow.id })).toEqual({
        ok: false,
        reason: 'other-day',
        date: TUE,
      });
      expect(await checkIn({ appointmentId: 'nope' })).toEqual({
        ok: false,
        reason: 'unknown-appointment',
      });
      await numberOf(hallId);
      const requestId = randomUUID();
      const done = ok(await checkIn({ holderKey: CARD, ticketKey: CARD, requestId }));
      expect(done.ticket).toMatchObject({
        number: 'A002',
        priority: true,
        appointmentAt: '09:30',
        state: 'waiting',
      });
      expect(done.appointment.ticketId).toBe(done.ticket.id);
      expect(await checkIn({ holderKey: CARD, requestId })).toEqual({ ...done, repeated: true });
      const again = ok(await checkIn({ appointmentId: booked.id, now: at(MON, '09:20') }));
      expect(again.ticket.id).toBe(done.ticket.id);
      expect((await store().tickets(hallId, MON)).map((t) => t.number)).toEqual(['A001', 'A002']);
    });

    it('lets staff cancel and move with a reason, by the booking rules', async () => {
      const hallId = await newHall();
      const mine = ok(await book(hallId)).appointment;
      const other = ok(await book(hallId, { holderKey: OTHER_CARD, date: TUE })).appointment;
      const move = (id: string, to: { date: string; start: string; end: string }) =>
        store().moveAppointment(
          hallId,
          id,
          { date: to.date, slot: { start: to.start, end: to.end } },
          '窗口调整',
          at(MON, '08:30'),
        );
      await expect(
        store().cancelAppointment(hallId, mine.id, '  ', at(MON, '08:30')),
      ).rejects.toThrow(/needs the reason staff gave/);
      expect(await move(mine.id, { date: MON, ...slot })).toEqual({
        ok: false,
        reason: 'same-slot',
      });
      const tuesdayTen = { date: TUE, start: '10:00', end: '10:30' };
      for (const n of [3, 4, 5, 6])
        ok(
          await book(hallId, {
            date: TUE,
            slot: { start: '10:00', end: '10:30' },
            holderKey: `card-key-00000000000${n}0`,
          }),
        );
      expect(await move(mine.id, tuesdayTen)).toEqual({ ok: false, reason: 'slot-full' });
      expect(await move(other.id, { date: TUE, start: '11:00', end: '11:30' })).toMatchObject({
        ok: true,
      });
      const moved = ok(await move(mine.id, { date: TUE, start: '11:00', end: '11:30' }));
      expect(moved.appointment).toMatchObject({
        date: TUE,
        slot: { start: '11:00', end: '11:30' },
        movedFrom: { date: MON, slot },
        moveReason: '窗口调整',
      });
      expect(await move(other.id, { date: TUE, start: '14:00', end: '14:30' })).toMatchObject({
        ok: true,
      });
      const x = ok(
        await book(hallId, { holderKey: OTHER_CARD, slot: { start: '10:00', end: '10:30' } }),
      );
      expect(await move(x.appointment.id, { date: TUE, start: '15:00', end: '15:30' })).toEqual({
        ok: false,
        reason: 'already-booked',
      });
      const cancelled = ok(
        await store().cancelAppointment(hallId, mine.id, ' 本人来电取消 ', at(MON, '08:40')),
      );
      expect(cancelled.appointment).toMatchObject({ cancelReason: '本人来电取消' });
      expect(await store().cancelAppointment(hallId, mine.id, 'again', at(MON, '08:41'))).toEqual({
        ok: false,
        reason: 'unknown-appointment',
      });
      expect((await store().placesLeft(hallId, BR, [TUE]))[TUE]?.['11:00']).toBe(4);
      const listed = await store().appointments(hallId, [TUE, MON, TUE]);
      expect(listed.map((a) => `${a.date} ${a.slot.start} ${a.cancelledAt ? 'x' : ''}`)).toEqual([
        `${MON} 10:00 `,
        `${TUE} 10:00 `,
        `${TUE} 10:00 `,
        `${TUE} 10:00 `,
        `${TUE} 10:00 `,
        `${TUE} 11:00 x`,
        `${TUE} 14:00 `,
      ]);
      const checkedIn = ok(await book(hallId, { holderKey: 'card-key-0000000000099' })).appointment;
      ok(
        await store().checkIn(hallId, {
          appointmentId: checkedIn.id,
          ticketKey: null,
          kioskId: 'k',
          requestId: randomUUID(),
          now: at(MON, '09:10'),
        }),
      );
      expect(
        await store().cancelAppointment(hallId, checkedIn.id, 'late', at(MON, '09:20')),
      ).toEqual({
        ok: false,
        reason: 'checked-in',
      });
      expect(await move(checkedIn.id, tuesdayTen)).toEqual({ ok: false, reason: 'checked-in' });
    });
  });

  describe('windows', () => {
    const act = (
      hallId: string,
      window: number,
      action: 'call-next' | 'recall' | 'skip' | 'finish' | 'transfer',
      serviceCode?: string,
    ) =>
      store().windowAction(hallId, {
        window,
        action,
        staff: 'window',
        now: at(MON, '10:00'),
        ...(serviceCode ? { serviceCode } : {}),
      });

    it('calls priority first, then appointments at their slot time, then by issue time', async () => {
      const hallId = await newHall();
      const appointment = ok(
        await store().book(hallId, {
          serviceCode: BR,
          date: MON,
          slot: { start: '09:30', end: '10:00' },
          holderKey: CARD,
          maskedPhone: '138****5678',
          kioskId: 'kiosk-01',
          requestId: randomUUID(),
          now: at(MON, '08:00'),
        }),
      ).appointment;
      await numberOf(hallId, { now: at(MON, '09:00') }); // A001
      await numberOf(hallId, { priority: true, now: at(MON, '09:01') }); // A002
      await numberOf(hallId, { now: at(MON, '09:02') }); // A003
      ok(
        await store().checkIn(hallId, {
          appointmentId: appointment.id,
          ticketKey: null,
          kioskId: 'kiosk-01',
          requestId: randomUUID(),
          now: at(MON, '09:05'),
        }),
      ); // A004 at 09:30
      await numberOf(hallId, { priority: true, now: at(MON, '09:10') }); // A005
      await numberOf(hallId, { serviceCode: 'tax', priority: true, now: at(MON, '09:11') }); // B001
      const order = ['A002', 'A005', 'A004', 'A001', 'A003'];
      expect((await store().waitingFor(hallId, 1, MON)).map((t) => t.number)).toEqual(order);
      expect((await store().waitingFor(hallId, 5, MON)).map((t) => t.number)).toEqual(['B001']);
      const called: string[] = [];
      for (let i = 0; i < order.length; i += 1)
        called.push(ok(await act(hallId, 1 + (i % 2), 'call-next')).ticket.number);
      expect(called).toEqual(order);
      // Calling the next citizen finished the one a window served before.
      const states = (await store().tickets(hallId, MON, BR)).map((t) => `${t.number} ${t.state}`);
      expect(states.sort()).toEqual([
        'A001 called',
        'A002 finished',
        'A003 called',
        'A004 finished',
        'A005 finished',
      ]);
      expect(await act(hallId, 3, 'call-next')).toEqual({ ok: false, reason: 'queue-empty' });
    });

    it('calls, recalls, skips, transfers and finishes, each with its event in the hall’s id order', async () => {
      const hallId = await newHall();
      await numberOf(hallId); // event 1
      await numberOf(hallId); // event 2
      await numberOf(hallId); // event 3
      expect(await act(hallId, 99, 'call-next')).toEqual({ ok: false, reason: 'unknown-window' });
      expect(await act(hallId, 1, 'recall')).toEqual({ ok: false, reason: 'no-current-ticket' });
      const call = ok(await act(hallId, 1, 'call-next'));
      expect(call).toMatchObject({
        eventId: 4,
        ticket: { number: 'A001', state: 'called', window: 1, calls: 1 },
      });
      expect(
        (await store().windows(hallId, MON)).find((w) => w.number === 1)?.current?.number,
      ).toBe('A001');
      expect((await store().windows(hallId, TUE)).find((w) => w.number === 1)?.current).toBeNull();
      const recall = ok(await act(hallId, 1, 'recall'));
      expect(recall).toMatchObject({ eventId: 5, ticket: { number: 'A001', calls: 2 } });
      const skipped = ok(await act(hallId, 1, 'skip'));
      expect(skipped).toMatchObject({ eventId: 6, ticket: { number: 'A001', state: 'skipped' } });
      expect(await act(hallId, 1, 'finish')).toEqual({ ok: false, reason: 'no-current-ticket' });
      ok(await act(hallId, 2, 'call-next')); // A002, event 7
      expect(await act(hallId, 2, 'transfer', 'passport')).toEqual({
        ok: false,
        reason: 'unknown-service',
      });
      const moved = ok(await act(hallId, 2, 'transfer', 'tax'));
      expect(moved).toMatchObject({
        eventId: 8,
        ticket: { number: 'A002', serviceCode: 'tax', state: 'waiting', window: 2 },
      });
      expect((await store().waitingFor(hallId, 5, MON)).map((t) => t.number)).toEqual(['A002']);
      ok(await act(hallId, 5, 'call-next')); // A002 at window 5, event 9
      ok(await act(hallId, 1, 'call-next')); // A003, event 10
      const finished = ok(await act(hallId, 1, 'finish'));
      expect(finished.ticket).toMatchObject({
        number: 'A003',
        state: 'finished',
        finishedAt: at(MON, '10:00').toISOString(),
      });
      const events = await store().eventsAfter(hallId, 0, 100);
      expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
      expect(events.slice(3).map((e) => e.event.type)).toEqual([
        'call',
        'call',
        'ticket-skipped',
        'call',
        'ticket-transferred',
        'call',
        'call',
        'ticket-finished',
      ]);
      const transferred = events[7]?.event;
      expect(transferred).toMatchObject({ type: 'ticket-transferred', from: BR, window: 2 });
      expect(events[4]?.event).toMatchObject({ type: 'call', recall: true, window: 1 });
      expect(
        await store()
          .eventsAfter(hallId, 9, 2)
          .then((e) => e.map((x) => x.id)),
      ).toEqual([10, 11]);
      const states = Object.fromEntries(
        (await store().tickets(hallId, MON)).map((t: HallTicket) => [t.number, t.state]),
      );
      expect(states).toEqual({ A001: 'skipped', A002: 'called', A003: 'finished' });
    });
  });

  describe('reserve blocks and reconcile', () => {
    it('reserves a block per kiosk, service and day, the same again for the same kiosk', async () => {
      const hallId = await newHall();
      const one = await store().reserveBlocks(hallId, 'kiosk-01', MON, 20);
      expect(one.map((b) => b.serviceCode)).toEqual([BR, 'tax', 'social-security', 'real-estate']);
      expect(one[0]?.numbers).toHaveLength(20);
      expect([one[0]?.numbers[0], one[0]?.numbers[19], one[1]?.numbers[0]]).toEqual([
        'AR001',
        'AR020',
        'BR001',
      ]);
      expect(await store().reserveBlocks(hallId, 'kiosk-01', MON, 5)).toEqual(one);
      const two = await store().reserveBlocks(hallId, 'kiosk-02', MON, 5);
      expect(two[0]).toEqual({
        serviceCode: BR,
        date: MON,
        kioskId: 'kiosk-02',
        numbers: ['AR021', 'AR022', 'AR023', 'AR024', 'AR025'],
      });
      expect((await store().reserveBlocks(hallId, 'kiosk-01', TUE, 1))[0]?.numbers).toEqual([
        'AR001',
      ]);
    });

    it('reconciles a kiosk’s offline tickets once each, naming every refusal', async () => {
      const hallId = await newHall();
      await store().reserveBlocks(hallId, 'kiosk-01', MON, 3);
      await store().reserveBlocks(hallId, 'kiosk-02', MON, 3);
      await numberOf(hallId); // A001, event 1
      const offline = (
        number: string,
        change: Partial<{ serviceCode: string; requestId: string; priority: boolean }> = {},
      ) => ({
        requestId: randomUUID(),
        serviceCode: BR,
        date: MON,
        number,
        issuedAt: at(MON, '09:30').toISOString(),
        priority: false,
        holderKey: null,
        ...change,
      });
      const ar001 = offline('AR001');
      const first = await store().reconcile(
        hallId,
        'kiosk-01',
        [
          ar001,
          offline('AR002', { priority: true }),
          offline('AR001'),
          offline('AR004'),
          offline('BR001', { serviceCode: BR }),
          offline('AR003', { serviceCode: 'passport' }),
        ],
        at(MON, '10:00'),
      );
      expect(first).toEqual({
        accepted: ['AR001', 'AR002'],
        already: [],
        refused: [
          { number: 'AR001', reason: 'number-taken' },
          { number: 'AR004', reason: 'not-in-block' },
          { number: 'BR001', reason: 'not-in-block' },
          { number: 'AR003', reason: 'unknown-service' },
        ],
      });
      expect(await store().reconcile(hallId, 'kiosk-01', [ar001], at(MON, '10:01'))).toEqual({
        accepted: [],
        already: ['AR001'],
        refused: [],
      });
      const tickets = await store().tickets(hallId, MON);
      expect(tickets.map((t) => `${t.number}${t.reserve ? ' reserve' : ''}`)).toEqual([
        'A001',
        'AR001 reserve',
        'AR002 reserve',
      ]);
      expect(await eventTypes(hallId)).toEqual([
        '1 ticket-issued',
        '2 ticket-issued',
        '3 ticket-issued',
      ]);
      // Offline tickets queue at their issue time: AR002 (priority) first, then A001, then AR001.
      expect((await store().waitingFor(hallId, 1, MON)).map((t) => t.number)).toEqual([
        'AR002',
        'A001',
        'AR001',
      ]);
    });
  });

  describe('devices, kiosks, staff and audit', () => {
    it('keeps each kiosk’s last device report and raises a device-status event', async () => {
      const hallId = await newHall();
      const report = {
        kioskId: 'kiosk-01',
        at: at(MON, '09:00').toISOString(),
        devices: { printer: 'paper-low' },
      };
      await store().reportDevices(hallId, report);
      await store().reportDevices(hallId, { ...report, devices: { printer: 'online' } });
      await store().reportDevices(hallId, { ...report, kioskId: 'kiosk-02' });
      expect(await store().devices(hallId)).toEqual([
        { ...report, devices: { printer: 'online' } },
        { ...report, kioskId: 'kiosk-02' },
      ]);
      expect((await store().eventsAfter(hallId, 0, 10))[0]?.event).toEqual({
        type: 'device-status',
        kioskId: 'kiosk-01',
        report,
      });
    });

    it('finds a kiosk by its token’s hash; registering it again replaces the token', async () => {
      const hallId = await newHall();
      const old = `hash-${randomUUID()}`;
      const fresh = `hash-${randomUUID()}`;
      await store().registerKiosk(hallId, 'kiosk-07', old);
      expect(await store().kioskByTokenHash(old)).toEqual({ hallId, kioskId: 'kiosk-07' });
      await store().registerKiosk(hallId, 'kiosk-07', fresh);
      expect(await store().kioskByTokenHash(old)).toBeNull();
      expect(await store().kioskByTokenHash(fresh)).toEqual({ hallId, kioskId: 'kiosk-07' });
    });

    it('keeps staff users, their lock, sessions until they expire, and the hall’s audit log', async () => {
      const hallId = await newHall();
      const username = `u${randomUUID().slice(0, 8)}`;
      const user = {
        hallId,
        username,
        passwordHash: 'scrypt$1',
        role: 'window' as const,
        wrong: 0,
        locks: 0,
        lockedUntil: null,
      };
      expect(await store().staffUser(username)).toBeNull();
      await store().saveStaffUser(user);
      const locked = { ...user, wrong: 0, locks: 1, lockedUntil: at(MON, '09:05').toISOString() };
      await store().saveStaffUser(locked);
      expect(await store().staffUser(username)).toEqual(locked);

      const session = {
        tokenHash: `s-${randomUUID()}`,
        hallId,
        username,
        role: 'window' as const,
        expiresAt: at(MON, '21:00').toISOString(),
      };
      await store().createSession(session);
      expect(await store().sessionByTokenHash(session.tokenHash, at(MON, '20:59'))).toEqual(
        session,
      );
      expect(await store().sessionByTokenHash(session.tokenHash, at(MON, '21:00'))).toBeNull();
      await store().deleteSession(session.tokenHash);
      expect(await store().sessionByTokenHash(session.tokenHash, at(MON, '10:00'))).toBeNull();

      for (const action of ['login', 'call-next', 'logout'])
        await store().audit(hallId, {
          at: at(MON, '09:00').toISOString(),
          actor: username,
          action,
          detail: '',
        });
      await store().audit(await newHall(), {
        at: at(MON, '09:00').toISOString(),
        actor: 'x',
        action: 'elsewhere',
        detail: '',
      });
      const log = await store().auditLog(hallId, 2);
      expect(log.map((e) => e.action)).toEqual(['logout', 'call-next']);
      expect(log[0]?.seq).toBeGreaterThan(log[1]?.seq ?? Infinity);
    });
  });
});
