import { assign, fromPromise, setup, type EventObject } from 'xstate';
import type { CalendarDate, IdCardProblem, IdCardRecord } from '../../domain';
import type { DeviceErrorCode, FaceMatch } from '../../device-adapters';
import { deviceErrorCode, errorOf, failureOf, unprovidedActor } from '../deviceFailure';
import { cardStepMachine, type CardStepOutput } from './cardStep';
import { cardOutcome, flowStates } from './flowStates';

export interface IdentityInput {
  today: CalendarDate;
  /** Face verifications the person may fail before the kiosk refuses politely. Default 3. */
  maxFaceTries?: number;
}

/** How identifying ended: a verified card, a refusal after the last failed face check, or back. */
export type IdentityOutput =
  { result: 'verified'; card: IdCardRecord } | { result: 'refused' } | { result: 'back' };

export type IdentityEvent = { type: 'user.retry' } | { type: 'user.back' } | { type: 'user.done' };

export interface IdentityContext {
  setup: { today: CalendarDate };
  maxFaceTries: number;
  card: IdCardRecord | null;
  cardProblem: IdCardProblem | null;
  failure: DeviceErrorCode | null;
  /** Face checks that found someone else, nobody, or no live face. */
  faceFailures: number;
  result: IdentityOutput['result'];
}

/** A failed face check that is the person's, not the device's: it counts towards the refusal. */
const PERSON_FAILURES: readonly DeviceErrorCode[] = ['mismatch', 'no-face', 'liveness-failed'];
const isPersonFailure = (event: EventObject) =>
  PERSON_FAILURES.includes(deviceErrorCode(errorOf(event)));

const unprovided = unprovidedActor('identityMachine');

/**
 * 人证核验: the card step (read, checked for today), then the live face against the card's
 * photo, at most `maxFaceTries` times. Flows that hand out documents about a person invoke it.
 */
export const identityMachine = setup({
  types: {
    context: {} as IdentityContext,
    events: {} as IdentityEvent,
    input: {} as IdentityInput,
    output: {} as IdentityOutput,
    tags: {} as 'busy' | 'failed',
    children: {} as { card: 'readCard' },
  },
  actors: {
    readCard: cardStepMachine,
    verifyFace: fromPromise<FaceMatch, { photo: string | undefined }>(unprovided('verifyFace')),
  },
  delays: {
    // A backstop: the verifier's own bound (30 s) answers first.
    faceBound: 60_000,
  },
  actions: {
    noteFailure: assign({ failure: ({ event }) => failureOf(event) }),
    clearFailure: assign({ failure: null }),
    startReading: assign({ failure: null, card: null, cardProblem: null }),
    takeCardOutcome: assign((_, output: CardStepOutput) => cardOutcome(output)),
    countFaceFailure: assign({ faceFailures: ({ context }) => context.faceFailures + 1 }),
  },
  guards: {
    personFailedLastTry: ({ context, event }) =>
      isPersonFailure(event) && context.faceFailures + 1 >= context.maxFaceTries,
    personFailed: ({ event }) => isPersonFailure(event),
  },
}).createMachine({
  id: 'identity',
  context: ({ input }) => ({
    setup: { today: input.today },
    maxFaceTries: input.maxFaceTries ?? 3,
    card: null,
    cardProblem: null,
    failure: null,
    faceFailures: 0,
    result: 'back',
  }),
  initial: 'reading',
  output: ({ context }): IdentityOutput =>
    context.result === 'verified' && context.card
      ? { result: 'verified', card: context.card }
      : { result: context.result === 'refused' ? 'refused' : 'back' },
  states: {
    reading: {
      ...flowStates.readingCard({
        id: 'card',
        src: 'readCard',
        entry: 'startReading',
        read: 'verifying',
        refused: 'cardRefused',
        failed: 'readFailed',
      }),
      on: { 'user.back': 'cancelled' },
    },
    readFailed: flowStates.retrying('reading', 'cancelled'),
    cardRefused: flowStates.retrying('reading', 'cancelled'),
    verifying: {
      tags: 'busy',
      entry: 'clearFailure',
      invoke: {
        src: 'verifyFace',
        input: ({ context }) => ({ photo: context.card?.photo }),
        onDone: { target: 'verified', actions: assign({ result: 'verified' as const }) },
        onError: [
          {
            guard: 'personFailedLastTry',
            target: 'refused',
            actions: ['countFaceFailure', 'noteFailure'],
          },
          {
            guard: 'personFailed',
            target: 'faceRetry',
            actions: ['countFaceFailure', 'noteFailure'],
          },
          { target: 'faceFailed', actions: 'noteFailure' },
        ],
      },
      after: { faceBound: { target: 'faceFailed', actions: assign({ failure: 'timeout' }) } },
      on: { 'user.back': 'cancelled' },
    },
    // Not the card holder, or not seen well: try again, with what went wrong on screen.
    faceRetry: flowStates.retrying('verifying', 'cancelled'),
    // The verifier itself failed (offline, timeout): this does not count against the person.
    faceFailed: flowStates.retrying('verifying', 'cancelled'),
    // Three failed checks: a polite refusal that sends the person to a window in office hours.
    refused: {
      tags: 'failed',
      entry: assign({ card: null, result: 'refused' as const }),
      on: { 'user.done': 'finished', 'user.back': 'finished' },
    },
    cancelled: { type: 'final', entry: assign({ card: null, result: 'back' as const }) },
    verified: { type: 'final' },
    finished: { type: 'final' },
  },
});

export type IdentityMachine = typeof identityMachine;
