import { assertEvent, assign, fromPromise, setup } from 'xstate';
import {
  isMobileNumber,
  type Appointment,
  type AppointmentSlot,
  type BookResult,
  type CalendarDate,
  type CheckInResult,
  type FlowOutcome,
  type FlowOutput,
  type IdCardProblem,
  type IdCardRecord,
  type QueueServiceConfig,
  type QueueTicket,
} from '../domain';
import type { DeviceErrorCode } from '../device-adapters';
import { parseKioskCode } from '../domain/kioskCodes';
import type { FlowInput } from '../domain/flows';
import { failureOf, unprovidedActor } from './deviceFailure';
import { offeredService } from './offeredService';
import type { PrintTicketInput } from './queueMachine';
import { cardStepMachine, type CardStepOutput } from './steps/cardStep';
import { cardOutcome, flowStates, type FlowTag } from './steps/flowStates';
import { jobWith, printStepMachine } from './steps/printStep';

export interface AppointmentSetup {
  services: readonly QueueServiceConfig[];
  today: CalendarDate;
  /** The coming working days that can be booked. */
  days: readonly CalendarDate[];
  slots: readonly AppointmentSlot[];
}

/** Places left: date → slot start → places. */
export type PlacesLeft = Record<CalendarDate, Record<string, number>>;

export interface BookInput {
  service: QueueServiceConfig;
  date: CalendarDate;
  slot: AppointmentSlot;
  card: IdCardRecord;
  phone: string;
}

export type AppointmentEvent =
  | { type: 'user.selectService'; code: string }
  | { type: 'user.selectSlot'; date: CalendarDate; start: string }
  | { type: 'user.digit'; digit: string }
  | { type: 'user.deleteDigit' }
  | { type: 'user.confirm' }
  | { type: 'user.checkIn' }
  /** Too late to check in: a normal number instead, from 取号. */
  | { type: 'user.takeNumber' }
  | { type: 'user.retry' }
  | { type: 'user.done' }
  | { type: 'user.back' };

export interface AppointmentContext {
  setup: AppointmentSetup | null;
  service: QueueServiceConfig | null;
  places: PlacesLeft | null;
  date: CalendarDate | null;
  slot: AppointmentSlot | null;
  card: IdCardRecord | null;
  cardProblem: IdCardProblem | null;
  phone: string;
  appointment: Appointment | null;
  ticket: QueueTicket | null;
  refusal:
    Exclude<BookResult, { ok: true }>['reason'] | Exclude<CheckInResult, { ok: true }> | null;
  failure: DeviceErrorCode | null;
  outcome: FlowOutcome;
  /** The slip QR the flow was started with, to check in by. */
  code: string | null;
}

const unprovided = unprovidedActor('appointmentMachine');

/** An appointment slip to print: the print step's job when booking. */
export interface PrintSlipInput {
  appointment: Appointment;
  service: QueueServiceConfig;
}

export const isSlipJob = jobWith<PrintSlipInput>('appointment', 'service');

/** The slip of the appointment just booked (or found booked), for the printer. */
function slipJob({ appointment, service }: AppointmentContext): PrintSlipInput {
  if (!appointment || !service) throw new Error('a slip needs the appointment');
  return { appointment, service };
}

/** The ticket the check-in issued, for the printer. */
function checkInTicketJob({ ticket, service }: AppointmentContext): PrintTicketInput {
  if (!ticket || !service) throw new Error('a ticket needs the check-in');
  return { ticket, service };
}

const empty = {
  service: null,
  places: null,
  date: null,
  slot: null,
  card: null,
  cardProblem: null,
  phone: '',
  appointment: null,
  ticket: null,
  refusal: null,
  failure: null,
} as const;

type CheckInDone = { event: { output: CheckInResult } };
/** The check-in's answer, as the parameter of the guard and actions that read it. */
const checkInAnswer = ({ event }: CheckInDone) => event.output;
const checkedIn = { type: 'checkedIn', params: checkInAnswer } as const;
const noteCheckIn = { type: 'noteCheckIn', params: checkInAnswer } as const;
const noteCheckInRefusal = { type: 'noteCheckInRefusal', params: checkInAnswer } as const;

/**
 * 预约: a window on a coming working day — service → slot with places left → ID card → mobile
 * number on a keypad → confirm → a slip with a QR. And 签到: the same card (or the slip's QR,
 * through the session) turns the appointment into a priority ticket within its check-in window.
 */
export const appointmentMachine = setup({
  types: {
    context: {} as AppointmentContext,
    events: {} as AppointmentEvent,
    input: {} as FlowInput,
    output: {} as FlowOutput,
    children: {} as { card: 'readCard' },
    tags: {} as FlowTag,
  },
  actors: {
    prepareAppointments: fromPromise<AppointmentSetup>(unprovided('prepareAppointments')),
    loadPlaces: fromPromise<
      PlacesLeft,
      { service: QueueServiceConfig; days: readonly CalendarDate[] }
    >(unprovided('loadPlaces')),
    readCard: cardStepMachine,
    bookAppointment: fromPromise<BookResult, BookInput>(unprovided('bookAppointment')),
    printSlip: printStepMachine,
    checkInByCard: fromPromise<CheckInResult, { card: IdCardRecord }>(unprovided('checkInByCard')),
    checkInByCode: fromPromise<CheckInResult, { appointmentId: string }>(
      unprovided('checkInByCode'),
    ),
    printTicket: printStepMachine,
  },
  actions: {
    noteFailure: assign(({ event }, failure?: DeviceErrorCode) => ({
      failure: failure ?? failureOf(event),
    })),
    clearFailure: assign({ failure: null }),
    markDone: assign({ outcome: 'done' as const }),
    takeCardOutcome: assign((_, output: CardStepOutput) => cardOutcome(output)),
    forgetAll: assign(empty),
    noteCheckInRefusal: assign((_, result: CheckInResult) => ({
      refusal: result.ok ? { ok: false as const, reason: 'unknown-appointment' as const } : result,
    })),
    noteCheckIn: assign(({ context }, result: CheckInResult) => {
      if (!result.ok) return {};
      return {
        appointment: result.appointment,
        ticket: result.ticket,
        service: offeredService(context.setup, result.ticket.serviceCode),
      };
    }),
  },
  guards: {
    phoneComplete: ({ context }) => isMobileNumber(context.phone),
    checkInTooLate: ({ context }) =>
      typeof context.refusal === 'object' &&
      context.refusal !== null &&
      !context.refusal.ok &&
      context.refusal.reason === 'too-late',
    checkedIn: ({ context }, result: CheckInResult) => {
      // A ticket for a service this kiosk no longer offers (staff removed it after the booking)
      // cannot be printed with its name and windows: refused, the window staff sort it out.
      return result.ok && offeredService(context.setup, result.ticket.serviceCode) !== null;
    },
    offered: ({ context, event }) => {
      assertEvent(event, 'user.selectService');
      return offeredService(context.setup, event.code) !== null;
    },
    slotHasPlaces: ({ context, event }) => {
      assertEvent(event, 'user.selectSlot');
      return (context.places?.[event.date]?.[event.start] ?? 0) > 0;
    },
  },
}).createMachine({
  id: 'appointment',
  context: ({ input }) => ({ setup: null, ...empty, outcome: 'back', code: input.code ?? null }),
  initial: 'loading',
  // Too late for the appointment: 取号 issues a normal number (its allocation, its rules).
  output: ({ context }): FlowOutput =>
    context.outcome === 'switch'
      ? { outcome: 'switch', next: 'queue' }
      : { outcome: context.outcome },
  states: {
    loading: {
      tags: 'working',
      invoke: {
        src: 'prepareAppointments',
        onDone: [
          {
            guard: ({ context }) => context.code !== null,
            target: 'checkingInByCode',
            actions: assign({ setup: ({ event }) => event.output }),
          },
          { target: 'chooseService', actions: assign({ setup: ({ event }) => event.output }) },
        ],
        onError: { target: 'unavailable', actions: 'noteFailure' },
      },
    },
    unavailable: { tags: 'failed', on: { 'user.retry': 'loading', 'user.back': 'ended' } },
    chooseService: {
      entry: 'forgetAll',
      on: {
        'user.selectService': {
          guard: 'offered',
          target: 'loadingPlaces',
          actions: assign({
            service: ({ context, event }) => offeredService(context.setup, event.code),
          }),
        },
        'user.checkIn': 'checkInIdentify',
        'user.back': 'ended',
      },
    },
    loadingPlaces: {
      tags: 'working',
      invoke: {
        src: 'loadPlaces',
        input: ({ context }) => {
          if (!context.service || !context.setup) throw new Error('places need a service');
          return { service: context.service, days: context.setup.days };
        },
        onDone: { target: 'chooseSlot', actions: assign({ places: ({ event }) => event.output }) },
        onError: { target: 'unavailable', actions: 'noteFailure' },
      },
    },
    chooseSlot: {
      on: {
        'user.selectSlot': {
          guard: 'slotHasPlaces',
          target: 'identify',
          actions: assign({
            date: ({ event }) => event.date,
            slot: ({ context, event }) =>
              context.setup?.slots.find((s) => s.start === event.start) ?? null,
            refusal: null,
          }),
        },
        'user.back': 'chooseService',
      },
    },
    identify: {
      ...flowStates.readingCard({
        id: 'card',
        src: 'readCard',
        entry: 'clearFailure',
        read: 'enterPhone',
        refused: 'cardRefused',
        failed: 'identifyFailed',
      }),
      on: { 'user.back': 'chooseSlot' },
    },
    identifyFailed: flowStates.retrying('identify', 'chooseSlot'),
    cardRefused: flowStates.retrying('identify', 'chooseSlot'),
    enterPhone: {
      on: {
        'user.digit': {
          guard: ({ context, event }) => /^\d$/.test(event.digit) && context.phone.length < 11,
          actions: assign({ phone: ({ context, event }) => context.phone + event.digit }),
        },
        'user.deleteDigit': {
          actions: assign({ phone: ({ context }) => context.phone.slice(0, -1) }),
        },
        'user.confirm': { guard: 'phoneComplete', target: 'confirm' },
        'user.back': { target: 'chooseSlot', actions: assign({ card: null, phone: '' }) },
      },
    },
    confirm: { on: { 'user.confirm': 'booking', 'user.back': 'enterPhone' } },
    booking: {
      tags: 'working',
      invoke: {
        src: 'bookAppointment',
        input: ({ context }) => {
          if (!context.service || !context.date || !context.slot || !context.card)
            throw new Error('booking needs every choice');
          return {
            service: context.service,
            date: context.date,
            slot: context.slot,
            card: context.card,
            phone: context.phone,
          };
        },
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'printingSlip',
            actions: assign({
              appointment: ({ event }) => (event.output.ok ? event.output.appointment : null),
            }),
          },
          {
            guard: ({ event }) => !event.output.ok && event.output.reason === 'already-booked',
            target: 'alreadyBooked',
            actions: assign({
              appointment: ({ event }) =>
                !event.output.ok && event.output.reason === 'already-booked'
                  ? event.output.appointment
                  : null,
              refusal: 'already-booked' as const,
            }),
          },
          {
            target: 'loadingPlaces',
            actions: assign({
              refusal: ({ event }) => (event.output.ok ? null : event.output.reason),
              slot: null,
              date: null,
            }),
          },
        ],
        onError: { target: 'bookingFailed', actions: 'noteFailure' },
      },
    },
    bookingFailed: flowStates.retrying('booking', 'confirm'),
    alreadyBooked: { on: { 'user.confirm': 'printingSlip', 'user.done': 'ended' } },
    printingSlip: flowStates.printing('printSlip', slipJob, 'booked', 'slipFailed'),
    // The appointment stands whether or not the slip came out; the same card checks it in.
    slipFailed: flowStates.receiptFailed('printingSlip'),
    booked: { entry: 'markDone', on: { 'user.done': 'ended' } },
    // 签到 by card: any card that reads; the booking made with it decides.
    checkInIdentify: {
      ...flowStates.readingCard({
        id: 'card',
        src: 'readCard',
        entry: 'clearFailure',
        read: 'checkingIn',
        failed: 'checkInFailed',
      }),
      on: { 'user.back': 'chooseService' },
    },
    checkingIn: {
      tags: 'working',
      invoke: {
        src: 'checkInByCard',
        input: ({ context }) => {
          if (!context.card) throw new Error('check-in needs the card');
          return { card: context.card };
        },
        onDone: [
          { guard: checkedIn, target: 'printingTicket', actions: noteCheckIn },
          { target: 'checkInRefused', actions: noteCheckInRefusal },
        ],
        onError: { target: 'checkInFailed', actions: 'noteFailure' },
      },
    },
    checkingInByCode: {
      tags: 'working',
      invoke: {
        src: 'checkInByCode',
        input: ({ context }) => ({ appointmentId: parseKioskCode(context.code ?? '')?.id ?? '' }),
        onDone: [
          { guard: checkedIn, target: 'printingTicket', actions: noteCheckIn },
          { target: 'checkInRefused', actions: noteCheckInRefusal },
        ],
        onError: { target: 'checkInFailed', actions: 'noteFailure' },
      },
    },
    checkInRefused: {
      on: {
        'user.done': 'ended',
        'user.back': 'chooseService',
        'user.takeNumber': {
          guard: 'checkInTooLate',
          target: 'ended',
          actions: assign({ outcome: 'switch' as const }),
        },
      },
    },
    checkInFailed: flowStates.retrying('checkInIdentify', 'chooseService'),
    printingTicket: flowStates.printing(
      'printTicket',
      checkInTicketJob,
      'checkedIn',
      'ticketFailed',
    ),
    ticketFailed: flowStates.receiptFailed('printingTicket'),
    checkedIn: { entry: 'markDone', on: { 'user.done': 'ended' } },
    ended: { type: 'final', entry: assign({ card: null, phone: '' }) },
  },
});

export type AppointmentMachine = typeof appointmentMachine;
