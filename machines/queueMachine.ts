import { assign, fromPromise, setup } from 'xstate';
import {
  isPriorityAge,
  type AllocateResult,
  type CalendarDate,
  type ClockTime,
  type FlowOutcome,
  type FlowOutput,
  type IdCardProblem,
  type IdCardRecord,
  type PriorityReason,
  type QueueServiceConfig,
  type QueueTicket,
} from '../domain';
import type { DeviceErrorCode } from '../device-adapters';
import { failureOf, unprovidedActor } from './deviceFailure';
import { cardStepMachine, type CardStepOutput } from './steps/cardStep';
import { cardOutcome, flowStates, type FlowTag } from './steps/flowStates';
import { jobWith, printStepMachine } from './steps/printStep';
import type { FlowInput } from '../domain/flows';
import { offeredService } from './offeredService';

/** What the flow learns when it starts: the services, the hall's clock and whether windows serve now. */
export interface QueueSetup {
  services: readonly QueueServiceConfig[];
  today: CalendarDate;
  time: ClockTime;
  /** Whether the windows serve today at this hour; at 2 a.m. nobody can be served. */
  windowsOpen: boolean;
  nextWorkingDay: CalendarDate | null;
  priorityAge: number;
}

export interface AllocateInput {
  service: QueueServiceConfig;
  card: IdCardRecord | null;
  priority: PriorityReason | null;
}

export type QueueEvent =
  | { type: 'user.selectService'; code: string }
  | { type: 'user.skipCard' }
  | { type: 'user.choosePriority'; priority: PriorityReason | null }
  | { type: 'user.retry' }
  | { type: 'user.done' }
  | { type: 'user.book' }
  | { type: 'user.back' };

export interface QueueContext {
  setup: QueueSetup | null;
  service: QueueServiceConfig | null;
  /** The card read for this ticket; gone when the flow ends. */
  card: IdCardRecord | null;
  cardProblem: IdCardProblem | null;
  priority: PriorityReason | null;
  ticket: QueueTicket | null;
  reprint: boolean;
  refusal: Extract<AllocateResult, { ok: false }>['refusal'] | null;
  failure: DeviceErrorCode | null;
  outcome: FlowOutcome;
}

const unprovided = unprovidedActor('queueMachine');

/** A queue ticket to print: the print step's job in 取号 and 签到. */
export interface PrintTicketInput {
  service: QueueServiceConfig;
  ticket: QueueTicket;
}

export const isTicketJob = jobWith<PrintTicketInput>('ticket', 'service');

/** The ticket allocated, for the printer. */
function ticketJob({ service, ticket }: QueueContext): PrintTicketInput {
  if (!service || !ticket) throw new Error('printing needs the allocated ticket');
  return { service, ticket };
}

/**
 * 取号: choose a service → identify by ID card (required or optional) → priority when it
 * applies → a number → the printed ticket → the number on screen until the citizen is done.
 * A failed print keeps the number and never allocates another.
 */
export const queueMachine = setup({
  types: {
    context: {} as QueueContext,
    events: {} as QueueEvent,
    input: {} as FlowInput,
    output: {} as FlowOutput,
    children: {} as { card: 'readCard' },
    tags: {} as FlowTag,
  },
  actors: {
    prepareQueue: fromPromise<QueueSetup>(unprovided('prepareQueue')),
    readCard: cardStepMachine,
    allocateTicket: fromPromise<AllocateResult, AllocateInput>(unprovided('allocateTicket')),
    printTicket: printStepMachine,
  },
  actions: {
    noteFailure: assign(({ event }, failure?: DeviceErrorCode) => ({
      failure: failure ?? failureOf(event),
    })),
    clearFailure: assign({ failure: null }),
    markDone: assign({ outcome: 'done' as const }),
    takeCardOutcome: assign((_, output: CardStepOutput) => cardOutcome(output)),
    forgetCard: assign({ card: null, cardProblem: null, priority: null }),
  },
  guards: {
    cardOptional: ({ context }) => context.service?.requiresIdCard === false,
    isAgePriority: ({ context }) =>
      context.card !== null &&
      context.setup !== null &&
      isPriorityAge(context.card.birthDate, context.setup.today, context.setup.priorityAge),
  },
}).createMachine({
  id: 'queue',
  context: {
    setup: null,
    service: null,
    card: null,
    cardProblem: null,
    priority: null,
    ticket: null,
    reprint: false,
    refusal: null,
    failure: null,
    outcome: 'back',
  },
  initial: 'loading',
  output: ({ context }): FlowOutput => {
    if (context.outcome === 'switch') return { outcome: 'switch', next: 'appointment' };
    const { ticket, service } = context;
    // A number taken is a service to rate (好差评).
    return context.outcome === 'done' && ticket
      ? {
          outcome: 'done',
          rate: {
            flow: 'queue',
            itemCode: null,
            title: `取号 ${ticket.number}`,
            service: service?.code ?? null,
            key: `T:${ticket.id}`,
          },
        }
      : { outcome: context.outcome };
  },
  states: {
    loading: {
      tags: 'working',
      invoke: {
        src: 'prepareQueue',
        onDone: [
          {
            guard: ({ event }) => !event.output.windowsOpen,
            target: 'afterHours',
            actions: assign({ setup: ({ event }) => event.output }),
          },
          { target: 'chooseService', actions: assign({ setup: ({ event }) => event.output }) },
        ],
        onError: { target: 'unavailable', actions: 'noteFailure' },
      },
    },
    unavailable: { tags: 'failed', on: { 'user.back': 'ended', 'user.retry': 'loading' } },
    // At 2 a.m. nobody can be served: offer a window on the next working day instead.
    afterHours: {
      on: {
        'user.back': 'ended',
        'user.done': 'ended',
        'user.book': { target: 'ended', actions: assign({ outcome: 'switch' as const }) },
      },
    },
    chooseService: {
      entry: ['forgetCard', assign({ service: null, refusal: null })],
      on: {
        'user.selectService': {
          guard: ({ context, event }) => offeredService(context.setup, event.code) !== null,
          target: 'identify',
          actions: assign({
            service: ({ context, event }) => offeredService(context.setup, event.code),
          }),
        },
        'user.back': 'ended',
      },
    },
    identify: {
      ...flowStates.readingCard({
        id: 'card',
        src: 'readCard',
        entry: 'clearFailure',
        read: 'choosePriority',
        refused: 'cardRefused',
        failed: 'identifyFailed',
      }),
      on: {
        'user.skipCard': { guard: 'cardOptional', target: 'choosePriority' },
        'user.back': 'chooseService',
      },
    },
    identifyFailed: flowStates.retrying('identify', 'chooseService'),
    cardRefused: flowStates.retrying('identify', 'chooseService'),
    choosePriority: {
      always: {
        guard: 'isAgePriority',
        target: 'allocating',
        actions: assign({ priority: 'age' as const }),
      },
      on: {
        'user.choosePriority': {
          target: 'allocating',
          actions: assign({ priority: ({ event }) => event.priority }),
        },
        'user.back': 'chooseService',
      },
    },
    allocating: {
      tags: 'working',
      entry: 'clearFailure',
      invoke: {
        src: 'allocateTicket',
        input: ({ context }) => {
          if (!context.service) throw new Error('a ticket needs a service');
          return { service: context.service, card: context.card, priority: context.priority };
        },
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'printing',
            actions: assign(({ event }) =>
              event.output.ok ? { ticket: event.output.ticket, reprint: event.output.reprint } : {},
            ),
          },
          {
            target: 'refused',
            actions: assign({
              refusal: ({ event }) => (event.output.ok ? null : event.output.refusal),
            }),
          },
        ],
        onError: { target: 'allocationFailed', actions: 'noteFailure' },
      },
    },
    allocationFailed: flowStates.retrying('allocating', 'chooseService'),
    refused: { on: { 'user.back': 'chooseService', 'user.done': 'ended' } },
    printing: flowStates.printing('printTicket', ticketJob, 'showNumber', 'printFailed'),
    // The number is valid whether or not the paper came out: it stays on screen.
    printFailed: flowStates.receiptFailed('printing'),
    showNumber: { entry: 'markDone', on: { 'user.done': 'ended' } },
    ended: { type: 'final', entry: 'forgetCard' },
  },
});

export type QueueMachine = typeof queueMachine;
