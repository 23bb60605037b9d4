import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, type AnyStateMachine } from 'xstate';
import { TEST_PERSONS } from '../../device-adapters/mock';
import type { AllocateResult, CheckInResult, IdCardRecord } from '../../domain';
import {
  appointmentMachine,
  cardStepMachine,
  printStepMachine,
  queueMachine,
  type AllocateInput,
  type AppointmentSetup,
  type PrintActorOutput,
  type PrintJob,
  type QueueSetup,
} from '../../machines';
import { must } from '../support/must';
import { fuzzRuns } from './fuzzRuns';
import { strayServiceCode } from './flowWorlds';
import { TODAY } from './idNumbers';
import { taxService } from '../support/queueServices';

// Service codes the setup does not offer: a stale button, a hostile event, an appointment booked
// before staff withdrew its service. The flow fuzz found that 取号 and 预约 crashed on them and 签到
// crashed after issuing the ticket; now each refuses them, and these properties keep it so.

const SERVICE = taxService({ dailyMax: 100 });
const ADULT = must(TEST_PERSONS.find((p) => p.id === 'adult')?.record, 'the adult test person');
const unknownCode = strayServiceCode.filter((code) => code !== SERVICE.code);
const readsAdult = cardStepMachine.provide({
  actors: { readIdCard: fromPromise<IdCardRecord>(async () => ADULT) },
});
const printsAtOnce = printStepMachine.provide({
  actors: { print: fromPromise<PrintActorOutput, PrintJob>(async () => undefined) },
});

/** One turn of the event loop: every instant answer (a resolved promise) has arrived. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Starts a flow with instant answers, waits on its service list, lets `drive` press things, and
 * returns the first error of the flow (if any), the state it settled in and its context.
 */
async function outcomeOf(
  machine: AnyStateMachine,
  drive: (send: (e: object) => void) => Promise<void>,
) {
  const actor = createActor(machine, { input: { locale: 'zh-CN', elderly: false } });
  const errors: unknown[] = [];
  actor.subscribe({ error: (e) => errors.push(e) });
  actor.start();
  await tick();
  expect(actor.getSnapshot().value).toBe('chooseService');
  await drive((e) => actor.send(e as never));
  await tick();
  const snapshot = actor.getSnapshot();
  actor.stop();
  return {
    error: errors[0] instanceof Error ? errors[0].message : errors[0] ? String(errors[0]) : null,
    state: snapshot.value,
    context: snapshot.context as { refusal?: unknown; service?: unknown; ticket?: unknown },
  };
}

describe('a service code the setup does not offer', () => {
  it('取号 ignores it and stays on the service list', async () => {
    const machine = queueMachine.provide({
      actors: {
        prepareQueue: fromPromise<QueueSetup>(async () => ({
          services: [SERVICE],
          today: TODAY,
          time: '10:00',
          windowsOpen: true,
          nextWorkingDay: null,
          priorityAge: 60,
        })),
        readCard: readsAdult,
        allocateTicket: fromPromise<AllocateResult, AllocateInput>(async () => ({
          ok: false,
          refusal: { reason: 'daily-max-reached' },
        })),
        printTicket: printsAtOnce,
      },
    });
    await fc.assert(
      fc.asyncProperty(unknownCode, async (code) => {
        const outcome = await outcomeOf(machine, async (send) => {
          send({ type: 'user.selectService', code });
          // Were the code taken, the card would be read at once and a priority chosen next.
          await tick();
          send({ type: 'user.choosePriority', priority: null });
        });
        expect(outcome).toMatchObject({ error: null, state: 'chooseService' });
        expect(outcome.context.service).toBeNull();
      }),
      { numRuns: fuzzRuns(1 / 10) },
    );
  });

  it('预约 ignores it and stays on the service list', async () => {
    const machine = appointmentMachine.provide({
      actors: {
        prepareAppointments: fromPromise<AppointmentSetup>(async () => ({
          services: [SERVICE],
          today: TODAY,
          days: ['2099-01-02'],
          slots: [{ start: '09:00', end: '09:30' }],
        })),
      },
    });
    await fc.assert(
      fc.asyncProperty(unknownCode, async (code) => {
        const outcome = await outcomeOf(machine, async (send) => {
          send({ type: 'user.selectService', code });
          await tick();
        });
        expect(outcome).toMatchObject({ error: null, state: 'chooseService' });
        expect(outcome.context.service).toBeNull();
      }),
      { numRuns: fuzzRuns(1 / 10) },
    );
  });

  it('签到 for an appointment whose service was withdrawn is refused (the window sorts it out), never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(unknownCode, async (code) => {
        const checkedIn: CheckInResult = {
          ok: true,
          appointment: {
            id: '3f2a9c1e-0000-4000-8000-000000000001',
            serviceCode: code,
            date: TODAY,
            slot: { start: '09:00', end: '09:30' },
            maskedId: '1101**********0131',
            maskedPhone: '138****1234',
            bookedAt: `${TODAY}T08:00:00.000Z`,
            ticketId: null,
          },
          ticket: {
            id: '3f2a9c1e-0000-4000-8000-000000000002',
            serviceCode: code,
            date: TODAY,
            number: 'B004',
            sequence: 4,
            priority: 'appointment',
            issuedAt: `${TODAY}T09:00:00.000Z`,
            waitingAhead: 0,
            maskedId: null,
            printed: false,
          },
        };
        const machine = appointmentMachine.provide({
          actors: {
            prepareAppointments: fromPromise<AppointmentSetup>(async () => ({
              services: [SERVICE],
              today: TODAY,
              days: [],
              slots: [],
            })),
            readCard: readsAdult,
            checkInByCard: fromPromise<CheckInResult, { card: IdCardRecord }>(
              async () => checkedIn,
            ),
            printTicket: printsAtOnce,
          },
        });
        const outcome = await outcomeOf(machine, async (send) => {
          send({ type: 'user.checkIn' });
          await tick();
        });
        expect(outcome).toMatchObject({
          error: null,
          state: 'checkInRefused',
          context: { refusal: { ok: false, reason: 'unknown-appointment' } },
        });
      }),
      { numRuns: fuzzRuns(1 / 10) },
    );
  });
});
