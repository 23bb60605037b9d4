import { assign, fromPromise, setup } from 'xstate';
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
import { cardUnusable, problemOfReadCard } from './cardReading';
import { parseKioskCode } from '../domain/kioskCodes';
import { deviceErrorCode, unprovidedActor } from './deviceFailure';
import type { FlowInput } from '../domain/flows';
import { offeredService } from './offeredService';

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
  },
  actors: {
    prepareAppointments: fromPromise<AppointmentSetup>(unprovided('prepareAppointments')),
    loadPlaces: fromPromise<
      PlacesLeft,
      { service: QueueServiceConfig; days: readonly CalendarDate[] }
    >(unprovided('loadPlaces')),
    readIdCard: fromPromise<IdCardRecord>(unprovided('readIdCard')),
    bookAppointment: fromPromise<BookResult, BookInput>(unprovided('bookAppointment')),
    printSlip: fromPromise<unknown, { appointment: Appointment; service: QueueServiceConfig }>(
      unprovided('printSlip'),
    ),
    checkInByCard: fromPromise<CheckInResult, { card: IdCardRecord }>(unprovided('checkInByCard')),
    checkInByCode: fromPromise<CheckInResult, { appointmentId: string }>(
      unprovided('checkInByCode'),
    ),
    printTicket: fromPromise<unknown, { ticket: QueueTicket; service: QueueServiceConfig }>(
      unprovided('printTicket'),
    ),
  },
  actions: {
    noteFailure: assign({
      failure: ({ event }) => deviceErrorCode((event as { error?: unknown }).error),
    }),
    clearFailure: assign({ failure: null }),
    forgetAll: assign(empty),
    noteCheckInRefusal: assign({
      refusal: ({ event }) => {
        const result = 'output' in event ? (event.output as CheckInResult) : null;
        if (!result) return null;
        return result.ok ? { ok: false as const, reason: 'unknown-appointment' as const } : result;
      },
    }),
    noteCheckIn: assign(({ context, event }) => {
      const result = 'output' in event ? (event.output as CheckInResult) : null;
      if (!result?.ok) return {};
      return {
        appointment: result.appointment,
        ticket: result.ticket,
        service: offeredService(context.setup, result.ticket.serviceCode),
      };
    }),
  },
  guards: {
    cardUnusable,
    phoneComplete: ({ context }) => isMobileNumber(context.phone),
    booked: ({ event }) => 'output' in event && (event.output as BookResult).ok,
    checkedIn: ({ context, event }) => {
      const result = 'output' in event ? (event.output as CheckInResult) : null;
      // A ticket for a service this kiosk no longer offers (staff removed it after the booking)
      // cannot be printed with its name and windows: refused, the window staff sort it out.
      return (
        result?.ok === true && offeredService(context.setup, result.ticket.serviceCode) !== null
      );
    },
    offered: ({ context, event }) =>
      event.type === 'user.selectService' && offeredService(context.setup, event.code) !== null,
    slotHasPlaces: ({ context, event }) =>
      event.type === 'user.selectSlot' && (context.places?.[event.date]?.[event.start] ?? 0) > 0,
  },
}).createMachine({
  id: 'appointment',
  context: ({ input }) => ({ setup: null, ...empty, outcome: 'back', code: input.code ?? null }),
  initial: 'loading',
  output: ({ context }) => ({ outcome: context.outcome }),
  states: {
    loading: {
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
    unavailable: { on: { 'user.retry': 'loading', 'user.back': 'ended' } },
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
      entry: 'clearFailure',
      invoke: {
        src: 'readIdCard',
        onDone: [
          {
            guard: 'cardUnusable',
            target: 'cardRefused',
            actions: assign({
              cardProblem: ({ context, event }) => problemOfReadCard(context, event),
            }),
          },
          { target: 'enterPhone', actions: assign({ card: ({ event }) => event.output }) },
        ],
        onError: { target: 'identifyFailed', actions: 'noteFailure' },
      },
      on: { 'user.back': 'chooseSlot' },
    },
    identifyFailed: { on: { 'user.retry': 'identify', 'user.back': 'chooseSlot' } },
    cardRefused: { on: { 'user.retry': 'identify', 'user.back': 'chooseSlot' } },
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
            guard: 'booked',
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
    bookingFailed: { on: { 'user.retry': 'booking', 'user.back': 'confirm' } },
    alreadyBooked: { on: { 'user.confirm': 'printingSlip', 'user.done': 'ended' } },
    printingSlip: {
      entry: 'clearFailure',
      invoke: {
        src: 'printSlip',
        input: ({ context }) => {
          if (!context.appointment || !context.service)
            throw new Error('a slip needs the appointment');
          return { appointment: context.appointment, service: context.service };
        },
        onDone: 'booked',
        onError: { target: 'slipFailed', actions: 'noteFailure' },
      },
    },
    // The appointment stands whether or not the slip came out; the same card checks it in.
    slipFailed: {
      entry: assign({ outcome: 'done' as const }),
      on: { 'user.retry': 'printingSlip', 'user.done': 'ended' },
    },
    booked: { entry: assign({ outcome: 'done' as const }), on: { 'user.done': 'ended' } },
    checkInIdentify: {
      entry: 'clearFailure',
      invoke: {
        src: 'readIdCard',
        onDone: { target: 'checkingIn', actions: assign({ card: ({ event }) => event.output }) },
        onError: { target: 'checkInFailed', actions: 'noteFailure' },
      },
      on: { 'user.back': 'chooseService' },
    },
    checkingIn: {
      invoke: {
        src: 'checkInByCard',
        input: ({ context }) => {
          if (!context.card) throw new Error('check-in needs the card');
          return { card: context.card };
        },
        onDone: [
          {
            guard: 'checkedIn',
            target: 'printingTicket',
            actions: 'noteCheckIn',
          },
          {
            target: 'checkInRefused',
            actions: 'noteCheckInRefusal',
          },
        ],
        onError: { target: 'checkInFailed', actions: 'noteFailure' },
      },
    },
    checkingInByCode: {
      invoke: {
        src: 'checkInByCode',
        input: ({ context }) => ({ appointmentId: parseKioskCode(context.code ?? '')?.id ?? '' }),
        onDone: [
          { guard: 'checkedIn', target: 'printingTicket', actions: 'noteCheckIn' },
          {
            target: 'checkInRefused',
            actions: 'noteCheckInRefusal',
          },
        ],
        onError: { target: 'checkInFailed', actions: 'noteFailure' },
      },
    },
    checkInFailed: { on: { 'user.retry': 'checkInIdentify', 'user.back': 'chooseService' } },
    checkInRefused: { on: { 'user.done': 'ended', 'user.back': 'chooseService' } },
    printingTicket: {
      entry: 'clearFailure',
      invoke: {
        src: 'printTicket',
        input: ({ context }) => {
          if (!context.ticket || !context.service) throw new Error('a ticket needs the check-in');
          return { ticket: context.ticket, service: context.service };
        },
        onDone: 'checkedIn',
        onError: { target: 'ticketFailed', actions: 'noteFailure' },
      },
    },
    ticketFailed: {
      entry: assign({ outcome: 'done' as const }),
      on: { 'user.retry': 'printingTicket', 'user.done': 'ended' },
    },
    checkedIn: { entry: assign({ outcome: 'done' as const }), on: { 'user.done': 'ended' } },
    ended: { type: 'final', entry: assign({ card: null, phone: '' }) },
  },
});

export type AppointmentMachine = typeof appointmentMachine;
