import { assign, fromCallback, fromPromise, setup } from 'xstate';
import {
  applicationOfCode,
  isApplicationNumber,
  parseKioskCode,
  type Application,
  type FlowInput,
  type FlowOutput,
  type LookupRefusal,
} from '../domain';
import { failureOf, unprovidedActor } from './deviceFailure';
import { identityMachine } from './steps/identityMachine';
import { printStepMachine } from './steps/printStep';
import type { FlowTag } from './steps/flowStates';
import { planCertificate } from './licencePrintMachine';
import {
  DOCUMENT_FLOW_START,
  documentStates,
  type DocumentFlowFields,
  type DocumentFlowSetup,
  type PlannedPrint,
} from './steps/documentSteps';

export type ProgressEvent =
  | { type: 'user.byNumber' }
  | { type: 'user.byCard' }
  | { type: 'user.type'; text: string }
  | { type: 'user.lookUp' }
  | { type: 'user.open'; number: string }
  | { type: 'user.identify' }
  | { type: 'user.print' }
  | { type: 'user.retry' }
  | { type: 'user.done' }
  | { type: 'user.back' }
  /** The code scanner read something while the flow asked for the slip. */
  | { type: 'code.scanned'; text: string };

/** What a lookup asks the back office: the number, and the slip's token or the card, or both. */
export interface LookupInput {
  number: string;
  slipToken: string | null;
  idNumber: string | null;
}

export type LookupOutput =
  { found: true; application: Application } | { found: false; why: LookupRefusal };

/** Why nothing is shown: the back office's refusal, or what the kiosk refused itself. */
export type ProgressRefusal = LookupRefusal | 'bad-number' | 'not-a-slip' | 'no-applications';

export interface ProgressContext extends DocumentFlowFields {
  /** The application number as typed (capitals and digits only). */
  typed: string;
  /** The number and token of the slip scanned, when the lookup is by slip. */
  slip: { number: string; slipToken: string } | null;
  /** The applications of the verified card, when the lookup is by card. */
  applications: Application[] | null;
  application: Application | null;
  refusal: ProgressRefusal | null;
  /** Whether the document printer worked as the flow started. */
  printing: boolean;
  /** The number being looked up. */
  number: string;
}

/** The longest text the number keyboard takes: SQ and 15 digits. */
export const APPLICATION_NUMBER_LENGTH = 17;

const unprovided = unprovidedActor('progressMachine');

/** The result of a completed application, as the document to print through the journal. */
const printedResult = ({ application, setup, card }: ProgressContext): PlannedPrint[] => {
  if (!application?.result || !setup || !card)
    throw new Error('printing needs a result and a card');
  return planCertificate(application.result, setup, card);
};

/** The slip in a scanned code, or null when the code is not one of our receipt slips. */
const slipOf = (text: string) => {
  const code = parseKioskCode(text);
  return code ? applicationOfCode(code) : null;
};

/**
 * 进度查询: the citizen scans the receipt slip's QR, types the application number (and then
 * shows the card: a typed number alone shows nothing), or swipes the card (人证核验) for a list of
 * their applications; the application shows the steps done, the one now and what comes next,
 * 补正材料 says exactly what to bring, and 已办结 offers to print the result (once, through the
 * print journal) to the verified applicant.
 */
export const progressMachine = setup({
  types: {
    context: {} as ProgressContext,
    events: {} as ProgressEvent,
    input: {} as FlowInput,
    output: {} as FlowOutput,
    children: {} as { identity: 'identify'; printing: 'printJobs' },
    tags: {} as FlowTag,
  },
  actors: {
    prepare: fromPromise<DocumentFlowSetup>(unprovided('prepare')),
    lookUp: fromPromise<LookupOutput, LookupInput>(unprovided('lookUp')),
    applicationsOf: fromPromise<Application[], { idNumber: string }>(unprovided('applicationsOf')),
    /** Sends `code.scanned` for every code the scanner reads while it runs. */
    watchCodes: fromCallback<ProgressEvent>(() => () => {}),
    identify: identityMachine,
    printJobs: printStepMachine,
  },
  delays: { answerBound: 30_000 },
  actions: {
    noteFailure: assign({ failure: ({ event }) => failureOf(event) }),
    takeStepResult: assign((_, change: Partial<DocumentFlowFields>) => change),
    noteIdentityRefused: assign({ refusal: null }),
    refuse: assign((_, refusal: ProgressRefusal) => ({ refusal })),
  },
  guards: {
    hasSlip: ({ context }) => context.slip !== null,
    numberComplete: ({ context }) => isApplicationNumber(context.typed),
    canPrint: ({ context }) =>
      context.printing &&
      context.card !== null &&
      context.application?.state === 'completed' &&
      context.application.result !== undefined,
    needsCardToPrint: ({ context }) =>
      context.printing && context.card === null && context.application?.state === 'completed',
    cameByCard: ({ context }) => context.applications !== null,
  },
}).createMachine({
  id: 'progress',
  context: ({ input }) => ({
    ...DOCUMENT_FLOW_START,
    typed: '',
    slip: input.code ? slipOf(input.code) : null,
    applications: null,
    application: null,
    refusal: null,
    printing: !(input.unavailable ?? []).includes('document'),
    number: '',
  }),
  initial: 'starting',
  output: ({ context }) => ({ outcome: context.outcome }),
  states: {
    starting: documentStates.preparing('routing'),
    routing: {
      always: [
        {
          guard: 'hasSlip',
          target: 'lookingUp',
          actions: assign({ number: ({ context }) => context.slip?.number ?? '' }),
        },
        { target: 'asking' },
      ],
    },
    asking: {
      initial: 'choose',
      invoke: { src: 'watchCodes' },
      on: {
        'code.scanned': [
          {
            guard: ({ event }) => slipOf(event.text) !== null,
            target: 'lookingUp',
            actions: assign(({ event }) => {
              const slip = slipOf(event.text);
              return { slip, number: slip?.number ?? '', refusal: null };
            }),
          },
          { actions: { type: 'refuse', params: 'not-a-slip' } },
        ],
      },
      states: {
        choose: {
          on: {
            'user.byNumber': { target: 'typing', actions: assign({ refusal: null }) },
            'user.byCard': {
              target: '#progress.identifying',
              actions: assign({ refusal: null }),
            },
            'user.back': '#progress.ended',
          },
        },
        typing: {
          on: {
            'user.type': {
              actions: assign({
                typed: ({ event }) =>
                  event.text
                    .toUpperCase()
                    .replace(/[^A-Z0-9]/g, '')
                    .slice(0, APPLICATION_NUMBER_LENGTH),
                refusal: null,
              }),
            },
            'user.lookUp': [
              // A typed number is looked up with the card: the card proves it is theirs.
              {
                guard: 'numberComplete',
                target: '#progress.identifying',
                actions: assign({ number: ({ context }) => context.typed, slip: null }),
              },
              { actions: { type: 'refuse', params: 'bad-number' } },
            ],
            'user.back': 'choose',
          },
        },
      },
    },
    identifying: documentStates.identifying({
      verified: 'afterIdentity',
      refused: 'asking',
      back: 'asking',
    }),
    afterIdentity: {
      always: [
        { guard: ({ context }) => context.number !== '', target: 'lookingUp' },
        { target: 'listing' },
      ],
    },
    listing: {
      tags: 'working',
      entry: assign({ failure: null }),
      invoke: {
        src: 'applicationsOf',
        input: ({ context }) => ({ idNumber: context.card?.idNumber ?? '' }),
        onDone: [
          {
            guard: ({ event }) => event.output.length === 0,
            target: 'refused',
            actions: [assign({ applications: [] }), { type: 'refuse', params: 'no-applications' }],
          },
          { target: 'list', actions: assign({ applications: ({ event }) => event.output }) },
        ],
        onError: { target: 'failed', actions: 'noteFailure' },
      },
      after: { answerBound: { target: 'failed', actions: assign({ failure: 'timeout' }) } },
    },
    list: {
      on: {
        'user.open': {
          guard: ({ context, event }) =>
            (context.applications ?? []).some((a) => a.number === event.number),
          target: 'lookingUp',
          actions: assign({ number: ({ event }) => event.number }),
        },
        'user.back': 'ended',
      },
    },
    lookingUp: {
      tags: 'working',
      entry: assign({ failure: null, refusal: null }),
      invoke: {
        src: 'lookUp',
        input: ({ context }) => ({
          number: context.number,
          slipToken: context.slip?.slipToken ?? null,
          idNumber: context.card?.idNumber ?? null,
        }),
        onDone: [
          {
            guard: ({ event }) => event.output.found,
            target: 'detail',
            actions: assign({
              application: ({ event }) => (event.output.found ? event.output.application : null),
            }),
          },
          {
            target: 'refused',
            actions: assign({
              refusal: ({ event }) => (event.output.found ? null : event.output.why),
            }),
          },
        ],
        onError: { target: 'failed', actions: 'noteFailure' },
      },
      after: { answerBound: { target: 'failed', actions: assign({ failure: 'timeout' }) } },
    },
    detail: {
      on: {
        'user.print': { guard: 'canPrint', target: 'printing' },
        // A result is printed for its applicant only: the slip's holder shows the card first.
        'user.identify': { guard: 'needsCardToPrint', target: 'identifying' },
        'user.back': [
          { guard: 'cameByCard', target: 'list', actions: assign({ application: null }) },
          { target: 'ended' },
        ],
        'user.done': 'ended',
      },
    },
    refused: {
      on: {
        'user.retry': {
          target: '#progress.asking.typing',
          actions: assign({ refusal: null, number: '', slip: null }),
        },
        'user.back': {
          target: '#progress.asking',
          actions: assign({ refusal: null, number: '', slip: null, card: null }),
        },
        'user.done': 'ended',
      },
    },
    failed: {
      tags: 'failed',
      on: {
        'user.retry': [
          { guard: ({ context }) => context.number !== '', target: 'lookingUp' },
          { target: 'listing' },
        ],
        'user.back': 'ended',
      },
    },
    printing: documentStates.printing(printedResult, 'finished'),
    finished: { on: { 'user.done': 'ended' } },
    ended: {
      type: 'final',
      entry: assign({
        card: null,
        application: null,
        applications: null,
        typed: '',
        slip: null,
        number: '',
      }),
    },
  },
});

export type ProgressMachine = typeof progressMachine;
