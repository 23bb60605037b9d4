import { assign, fromPromise, setup } from 'xstate';
import {
  addressLine,
  maskIdNumber,
  realEstatePage,
  type AddressPath,
  type FlowOutcome,
  type FlowOutput,
  type IdCardRecord,
  type RealEstateView,
} from '../domain';
import type { DeviceErrorCode } from '../device-adapters';
import { deviceErrorCode, unprovidedActor } from './deviceFailure';
import { identityMachine, type IdentityOutput } from './identityMachine';
import type { DocumentFlowSetup } from './licencePrintMachine';
import { printJobsMachine, type PlannedPrint, type PrintJobsOutput } from './printJobsMachine';
import type { FlowInput } from '../domain/flows';

/** A query's answer as the viewer may see it, with the query's own id (its printed serial). */
export interface RealEstateAnswer {
  view: RealEstateView;
  queryId: string;
}

export type RealEstateEvent =
  | { type: 'user.pickAddress'; part: string }
  | { type: 'user.identify' }
  | { type: 'user.print' }
  | { type: 'user.retry' }
  | { type: 'user.done' }
  | { type: 'user.back' };

export interface RealEstateContext {
  setup: DocumentFlowSetup | null;
  path: string[];
  options: string[];
  answer: RealEstateAnswer | null;
  /** The card of an owner who verified, to see the owners' part; gone when the flow ends. */
  card: IdCardRecord | null;
  /** Set when the person who verified is not an owner, or could not verify. */
  identityNotice: 'notOwner' | 'refused' | null;
  printSummary: PrintJobsOutput | null;
  failure: DeviceErrorCode | null;
  outcome: FlowOutcome;
}

const unprovided = unprovidedActor('realEstateMachine');

/** The journal entry and page of a query result. */
export function planRealEstate(
  answer: RealEstateAnswer,
  setup: DocumentFlowSetup,
  card: IdCardRecord | null,
): PlannedPrint[] {
  const key = `real-estate:${answer.queryId}`;
  const document = realEstatePage(answer.view, answer.queryId, setup.printedAt, setup.kioskId);
  return [
    {
      request: {
        key,
        kind: 'real-estate',
        title: document.title,
        creditCode: null,
        subject: addressLine(answer.view.address),
        kioskId: setup.kioskId,
        maskedId: card ? maskIdNumber(card.idNumber) : '（未核验身份）',
      },
      document: { ...document, jobKey: key },
      preview: document.pages,
    },
  ];
}

/**
 * 不动产查询: choose the address level by level (district, street, estate, building, room) →
 * what the register makes public (natural state, mortgage, seizure) → optionally verify by ID card
 * and face to see the owners' part, when one is an owner → print with a verification QR.
 */
export const realEstateMachine = setup({
  types: {
    context: {} as RealEstateContext,
    events: {} as RealEstateEvent,
    input: {} as FlowInput,
    output: {} as FlowOutput,
  },
  actors: {
    prepare: fromPromise<DocumentFlowSetup>(unprovided('prepare')),
    addressOptions: fromPromise<string[], { path: AddressPath }>(unprovided('addressOptions')),
    lookUp: fromPromise<RealEstateAnswer | null, { path: AddressPath; card: IdCardRecord | null }>(
      unprovided('lookUp'),
    ),
    identify: identityMachine,
    printJobs: printJobsMachine,
  },
  actions: {
    noteFailure: assign({
      failure: ({ event }) => deviceErrorCode((event as { error?: unknown }).error),
    }),
    popPath: assign({ path: ({ context }) => context.path.slice(0, -1), answer: null }),
  },
  guards: {
    pathEmpty: ({ context }) => context.path.length === 0,
  },
}).createMachine({
  id: 'realEstate',
  context: {
    setup: null,
    path: [],
    options: [],
    answer: null,
    card: null,
    identityNotice: null,
    printSummary: null,
    failure: null,
    outcome: 'back',
  },
  initial: 'starting',
  output: ({ context }) => ({ outcome: context.outcome }),
  states: {
    starting: {
      invoke: {
        src: 'prepare',
        onDone: { target: 'picking', actions: assign({ setup: ({ event }) => event.output }) },
        onError: { target: 'ended', actions: 'noteFailure' },
      },
    },
    picking: {
      entry: assign({ failure: null }),
      invoke: {
        src: 'addressOptions',
        input: ({ context }) => ({ path: context.path }),
        onDone: [
          { guard: ({ event }) => event.output.length === 0, target: 'lookingUp' },
          { target: 'choosingAddress', actions: assign({ options: ({ event }) => event.output }) },
        ],
        onError: { target: 'registryFailed', actions: 'noteFailure' },
      },
    },
    choosingAddress: {
      on: {
        'user.pickAddress': {
          guard: ({ context, event }) => context.options.includes(event.part),
          target: 'picking',
          actions: assign({ path: ({ context, event }) => [...context.path, event.part] }),
        },
        'user.back': [
          { guard: 'pathEmpty', target: 'ended' },
          { target: 'picking', actions: 'popPath' },
        ],
      },
    },
    lookingUp: {
      entry: assign({ failure: null }),
      invoke: {
        src: 'lookUp',
        input: ({ context }) => ({ path: context.path, card: context.card }),
        onDone: [
          { guard: ({ event }) => event.output === null, target: 'notFound' },
          {
            target: 'result',
            actions: assign(({ context, event }) => ({
              answer: event.output,
              identityNotice:
                context.card && event.output && !event.output.view.viewerIsOwner
                  ? ('notOwner' as const)
                  : context.identityNotice,
            })),
          },
        ],
        onError: { target: 'registryFailed', actions: 'noteFailure' },
      },
    },
    notFound: {
      on: { 'user.back': { target: 'picking', actions: 'popPath' }, 'user.done': 'ended' },
    },
    registryFailed: {
      on: { 'user.retry': 'picking', 'user.back': 'ended', 'user.done': 'ended' },
    },
    result: {
      on: {
        'user.print': 'printing',
        'user.identify': {
          guard: ({ context }) => context.card === null,
          target: 'identifying',
        },
        'user.back': {
          target: 'picking',
          actions: ['popPath', assign({ card: null, identityNotice: null })],
        },
        'user.done': 'ended',
      },
    },
    identifying: {
      invoke: {
        id: 'identity',
        src: 'identify',
        input: ({ context }) => ({ today: context.setup?.today ?? '1970-01-01' }),
        onDone: [
          {
            guard: ({ event }) => (event.output as IdentityOutput).result === 'verified',
            target: 'lookingUp',
            actions: assign({
              card: ({ event }) => (event.output.result === 'verified' ? event.output.card : null),
            }),
          },
          {
            guard: ({ event }) => (event.output as IdentityOutput).result === 'refused',
            target: 'result',
            actions: assign({ identityNotice: 'refused' as const }),
          },
          { target: 'result' },
        ],
      },
    },
    printing: {
      invoke: {
        id: 'printing',
        src: 'printJobs',
        input: ({ context }) => ({
          jobs:
            context.answer && context.setup
              ? planRealEstate(context.answer, context.setup, context.card)
              : [],
        }),
        onDone: {
          target: 'finished',
          actions: assign({ printSummary: ({ event }) => event.output, outcome: 'done' as const }),
        },
      },
    },
    finished: { on: { 'user.done': 'ended' } },
    ended: {
      type: 'final',
      entry: assign({ card: null, answer: null, path: [], options: [], identityNotice: null }),
    },
  },
});

export type RealEstateMachine = typeof realEstateMachine;
