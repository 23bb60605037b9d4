import { assign, fromPromise, setup } from 'xstate';
import {
  addressLine,
  maskIdNumber,
  realEstatePage,
  type AddressPath,
  type FlowOutput,
  type IdCardRecord,
  type RealEstateView,
} from '../domain';
import type { FlowInput } from '../domain/flows';
import { failureOf, unprovidedActor } from './deviceFailure';
import { DOCUMENT_FLOW_START, documentStates } from './steps/documentSteps';
import type { DocumentFlowFields, DocumentFlowSetup, PlannedPrint } from './steps/documentSteps';
import type { FlowTag } from './steps/flowStates';
import { identityMachine } from './steps/identityMachine';
import { printStepMachine } from './steps/printStep';

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

/** `card`: the card of an owner who verified, to see the owners' part. */
export interface RealEstateContext extends DocumentFlowFields {
  path: string[];
  options: string[];
  answer: RealEstateAnswer | null;
  /** Set when the person who verified is not an owner, or could not verify. */
  identityNotice: 'notOwner' | 'refused' | null;
  /** Whether the document printer worked as the flow started; without it, results are shown only. */
  printing: boolean;
  /** Whether the card reader and the face verifier worked as the flow started (owner verification). */
  verifying: boolean;
}

const unprovided = unprovidedActor('realEstateMachine');

/** The answer on screen, as the document to print. */
const printedAnswer = ({ answer, setup, card }: RealEstateContext): PlannedPrint[] =>
  answer && setup ? planRealEstate(answer, setup, card) : [];

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
    children: {} as { identity: 'identify'; printing: 'printJobs' },
    tags: {} as FlowTag,
  },
  actors: {
    prepare: fromPromise<DocumentFlowSetup>(unprovided('prepare')),
    addressOptions: fromPromise<string[], { path: AddressPath }>(unprovided('addressOptions')),
    lookUp: fromPromise<RealEstateAnswer | null, { path: AddressPath; card: IdCardRecord | null }>(
      unprovided('lookUp'),
    ),
    identify: identityMachine,
    printJobs: printStepMachine,
  },
  actions: {
    noteFailure: assign({ failure: ({ event }) => failureOf(event) }),
    takeStepResult: assign((_, change: Partial<DocumentFlowFields>) => change),
    noteIdentityRefused: assign({ identityNotice: 'refused' as const }),
    popPath: assign({ path: ({ context }) => context.path.slice(0, -1), answer: null }),
  },
  guards: {
    pathEmpty: ({ context }) => context.path.length === 0,
    canPrint: ({ context }) => context.printing,
  },
}).createMachine({
  id: 'realEstate',
  context: ({ input }) => {
    const down = input.unavailable ?? [];
    return {
      ...DOCUMENT_FLOW_START,
      path: [],
      options: [],
      answer: null,
      identityNotice: null,
      printing: !down.includes('document'),
      verifying: !down.includes('idCard') && !down.includes('face'),
    };
  },
  initial: 'starting',
  output: ({ context }) => ({ outcome: context.outcome }),
  states: {
    starting: documentStates.preparing('picking'),
    picking: {
      tags: 'working',
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
      tags: 'working',
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
      tags: 'failed',
      on: { 'user.retry': 'picking', 'user.back': 'ended', 'user.done': 'ended' },
    },
    result: {
      on: {
        'user.print': { guard: 'canPrint', target: 'printing' },
        'user.identify': {
          guard: ({ context }) => context.card === null && context.verifying,
          target: 'identifying',
        },
        'user.back': {
          target: 'picking',
          actions: ['popPath', assign({ card: null, identityNotice: null })],
        },
        'user.done': 'ended',
      },
    },
    identifying: documentStates.identifying({
      verified: 'lookingUp',
      refused: 'result',
      back: 'result',
    }),
    printing: documentStates.printing(printedAnswer, 'finished'),
    finished: { on: { 'user.done': 'ended' } },
    ended: {
      type: 'final',
      entry: assign({ card: null, answer: null, path: [], options: [], identityNotice: null }),
    },
  },
});

export type RealEstateMachine = typeof realEstateMachine;
