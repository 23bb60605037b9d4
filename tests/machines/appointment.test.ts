import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { DeviceError } from '../../device-adapters';
import { TEST_PERSONS } from '../../device-adapters/mock';
import type {
  Appointment,
  BookResult,
  CheckInResult,
  IdCardRecord,
  QueueServiceConfig,
  QueueTicket,
} from '../../domain';
import {
  appointmentMachine,
  cardStepMachine,
  isSlipJob,
  isTicketJob,
  printStepFor,
  type AppointmentSetup,
  type BookInput,
  type PlacesLeft,
} from '../../machines';

const service: QueueServiceConfig = {
  code: 'estate',
  name: { 'zh-CN': '不动产登记', en: 'Real estate' },
  prefix: 'D',
  windows: { 'zh-CN': '11号窗口', en: 'Window 11' },
  windowCount: 1,
  materials: [],
  averageHandlingMinutes: 20,
  requiresIdCard: true,
  dailyMax: 100,
  issuingWindows: [{ start: '08:30', end: '17:00', quota: 100 }],
};
const adult = (TEST_PERSONS.find((p) => p.id === 'adult') as { record: IdCardRecord }).record;
const appointment: Appointment = {
  id: 'a1',
  serviceCode: 'estate',
  date: '2026-11-24',
  slot: { start: '10:00', end: '10:30' },
  maskedId: '1101**********0014',
  maskedPhone: '138****5678',
  bookedAt: '2026-11-23T02:00:00Z',
  ticketId: null,
};
const ticket: QueueTicket = {
  id: 't1',
  serviceCode: 'estate',
  date: '2026-11-24',
  number: 'D004',
  sequence: 4,
  priority: 'appointment',
  issuedAt: '2026-11-24T01:45:00Z',
  waitingAhead: 3,
  maskedId: '1101**********0014',
  printed: false,
};

function start(
  options: {
    book?: (i: BookInput) => Promise<BookResult>;
    checkIn?: () => Promise<CheckInResult>;
    slip?: () => Promise<void>;
    card?: () => Promise<IdCardRecord>;
  } = {},
) {
  const booked: BookInput[] = [];
  const printed: string[] = [];
  const machine = appointmentMachine.provide({
    actors: {
      prepareAppointments: fromPromise(async (): Promise<AppointmentSetup> => ({
        services: [service],
        today: '2026-11-23',
        days: ['2026-11-24', '2026-11-25'],
        slots: [
          { start: '10:00', end: '10:30' },
          { start: '10:30', end: '11:00' },
        ],
      })),
      loadPlaces: fromPromise(async (): Promise<PlacesLeft> => ({
        '2026-11-24': { '10:00': 2, '10:30': 0 },
        '2026-11-25': { '10:00': 4, '10:30': 4 },
      })),
      readCard: cardStepMachine.provide({
        actors: { readIdCard: fromPromise(options.card ?? (async () => adult)) },
      }),
      bookAppointment: fromPromise(async ({ input }) => {
        booked.push(input);
        return options.book ? options.book(input) : { ok: true as const, appointment };
      }),
      printSlip: printStepFor(isSlipJob, async () => {
        await (options.slip ?? (async () => {}))();
        printed.push('slip');
      }),
      checkInByCard: fromPromise(
        options.checkIn ?? (async () => ({ ok: true as const, appointment, ticket })),
      ),
      printTicket: printStepFor(isTicketJob, async () => void printed.push('ticket')),
    },
  });
  const actor = createActor(machine, { input: { locale: 'zh-CN', elderly: false } }).start();
  return { actor, booked, printed };
}

async function toPhone(actor: ReturnType<typeof start>['actor']) {
  await waitFor(actor, (s) => s.matches('chooseService'));
  actor.send({ type: 'user.selectService', code: 'estate' });
  await waitFor(actor, (s) => s.matches('chooseSlot'));
  actor.send({ type: 'user.selectSlot', date: '2026-11-24', start: '10:00' });
  await waitFor(actor, (s) => s.matches('enterPhone'));
}

const typePhone = (actor: ReturnType<typeof start>['actor'], digits: string) =>
  [...digits].forEach((digit) => actor.send({ type: 'user.digit', digit }));

describe('预约 flow', () => {
  it('books a slot with a card and a valid mobile number, and prints the slip', async () => {
    const { actor, booked, printed } = start();
    await toPhone(actor);
    typePhone(actor, '1381234567');
    actor.send({ type: 'user.confirm' });
    expect(actor.getSnapshot().matches('enterPhone')).toBe(true); // 10 digits are not a number
    typePhone(actor, '89'); // the 12th digit is refused
    expect(actor.getSnapshot().context.phone).toBe('13812345678');
    actor.send({ type: 'user.confirm' });
    expect(actor.getSnapshot().matches('confirm')).toBe(true);
    actor.send({ type: 'user.confirm' });
    await waitFor(actor, (s) => s.matches('booked'));
    expect(booked[0]).toMatchObject({
      date: '2026-11-24',
      slot: { start: '10:00' },
      phone: '13812345678',
    });
    expect(printed).toEqual(['slip']);
    actor.send({ type: 'user.done' });
    expect(actor.getSnapshot().output).toEqual({ outcome: 'done' });
  });

  it('a full slot cannot be chosen', async () => {
    const { actor } = start();
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.selectService', code: 'estate' });
    await waitFor(actor, (s) => s.matches('chooseSlot'));
    expect(
      actor.getSnapshot().can({ type: 'user.selectSlot', date: '2026-11-24', start: '10:30' }),
    ).toBe(false);
  });

  it('a slot that filled meanwhile sends the citizen back to the slots, saying so', async () => {
    const { actor } = start({ book: async () => ({ ok: false, reason: 'slot-full' }) });
    await toPhone(actor);
    typePhone(actor, '13812345678');
    actor.send({ type: 'user.confirm' });
    actor.send({ type: 'user.confirm' });
    await waitFor(actor, (s) => s.matches('chooseSlot'));
    expect(actor.getSnapshot().context.refusal).toBe('slot-full');
  });

  it('a second booking the same day shows the one already made', async () => {
    const { actor, printed } = start({
      book: async () => ({ ok: false, reason: 'already-booked', appointment }),
    });
    await toPhone(actor);
    typePhone(actor, '13812345678');
    actor.send({ type: 'user.confirm' });
    actor.send({ type: 'user.confirm' });
    await waitFor(actor, (s) => s.matches('alreadyBooked'));
    expect(actor.getSnapshot().context.appointment?.slot.start).toBe('10:00');
    actor.send({ type: 'user.confirm' }); // reprint its slip
    await waitFor(actor, (s) => s.matches('booked'));
    expect(printed).toEqual(['slip']);
  });

  it('a slip that fails to print leaves the booking standing', async () => {
    const { actor } = start({
      slip: async () => Promise.reject(new DeviceError('receipt', 'paper-out', 'x')),
    });
    await toPhone(actor);
    typePhone(actor, '13812345678');
    actor.send({ type: 'user.confirm' });
    actor.send({ type: 'user.confirm' });
    await waitFor(actor, (s) => s.matches('slipFailed'));
    expect(actor.getSnapshot().context).toMatchObject({
      failure: 'paper-out',
      appointment: { id: 'a1' },
    });
  });
});

describe('签到 check-in', () => {
  it('on time: the card becomes a priority ticket, printed', async () => {
    const { actor, printed } = start();
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.checkIn' });
    await waitFor(actor, (s) => s.matches('checkedIn'));
    expect(actor.getSnapshot().context.ticket?.number).toBe('D004');
    expect(printed).toEqual(['ticket']);
  });

  it.each([
    [{ ok: false, reason: 'too-early', opensAt: '09:30' }],
    [{ ok: false, reason: 'too-late' }],
    [{ ok: false, reason: 'unknown-appointment' }],
    [{ ok: false, reason: 'other-day', date: '2026-11-25' }],
  ] as CheckInResult[][])('%o is refused with the reason and prints nothing', async (result) => {
    const { actor, printed } = start({ checkIn: async () => result });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.checkIn' });
    await waitFor(actor, (s) => s.matches('checkInRefused'));
    expect(actor.getSnapshot().context.refusal).toEqual(result);
    expect(printed).toEqual([]);
  });
});

describe('签到 too late', () => {
  it('offers a normal queue number: the flow hands the citizen on to 取号, whose allocation issues it', async () => {
    const { actor, printed } = start({ checkIn: async () => ({ ok: false, reason: 'too-late' }) });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.checkIn' });
    await waitFor(actor, (s) => s.matches('checkInRefused'));
    expect(actor.getSnapshot().can({ type: 'user.takeNumber' })).toBe(true);
    actor.send({ type: 'user.takeNumber' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ outcome: 'switch', next: 'queue' });
    expect(printed).toEqual([]);
  });

  it.each([
    [{ ok: false, reason: 'too-early', opensAt: '09:30' }],
    [{ ok: false, reason: 'unknown-appointment' }],
    [{ ok: false, reason: 'other-day', date: '2026-11-25' }],
  ] as CheckInResult[][])('%o offers no number instead', async (result) => {
    const { actor } = start({ checkIn: async () => result });
    await waitFor(actor, (s) => s.matches('chooseService'));
    actor.send({ type: 'user.checkIn' });
    await waitFor(actor, (s) => s.matches('checkInRefused'));
    expect(actor.getSnapshot().can({ type: 'user.takeNumber' })).toBe(false);
  });
});

describe('签到 by the slip QR', () => {
  it('a flow started with a slip code checks in at once', async () => {
    const machine = appointmentMachine.provide({
      actors: {
        prepareAppointments: fromPromise(async (): Promise<AppointmentSetup> => ({
          services: [service],
          today: '2026-11-24',
          days: [],
          slots: [],
        })),
        checkInByCode: fromPromise(async ({ input }) => {
          expect(input.appointmentId).toBe('3f2a9c1e-0000-4000-8000-000000000001');
          return { ok: true as const, appointment, ticket };
        }),
        printTicket: printStepFor(isTicketJob, async () => {}),
      },
    });
    const actor = createActor(machine, {
      input: {
        locale: 'zh-CN',
        elderly: false,
        code: 'BDY1:A:3f2a9c1e-0000-4000-8000-000000000001',
      },
    }).start();
    await waitFor(actor, (s) => s.matches('checkedIn'));
    expect(actor.getSnapshot().context.ticket?.number).toBe('D004');
  });
});
