import { assign, fromPromise, setup } from 'xstate';
import type { CalendarDate, IdCardProblem, IdCardRecord } from '../domain';
import type { DeviceErrorCode, FaceMatch } from '../device-adapters';
import { cardUnusable, problemOfReadCard } from './cardReading';
import { deviceErrorCode, unprovidedActor } from './deviceFailure';

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
const isPersonFailure = (event: { error?: unknown }) =>
  PERSON_FAILURES.includes(deviceErrorCode(event.error));

const unprovided = unprovidedActor('identityMachine');

/**
 * 人证核验: read the ID card, check it can be used today, then the live face against the card's
 * photo, at most `maxFaceTries` times. Flows that hand out documents about a person invoke it.
 */
export const identityMachine = setup({
  types: {
    context: {} as IdentityContext,
    events: {} as IdentityEvent,
    input: {} as IdentityInput,
    output: {} as IdentityOutput,
  },
  actors: {
    readIdCard: fromPromise<IdCardRecord>(unprovided('readIdCard')),
    verifyFace: fromPromise<FaceMatch, { photo: string | undefined }>(unprovided('verifyFace')),
  },
  actions: {
    noteFailure: assign({
      failure: ({ event }) => deviceErrorCode((event as { error?: unknown }).error),
    }),
    clearFailure: assign({ failure: null }),
    countFaceFailure: assign({ faceFailures: ({ context }) => context.faceFailures + 1 }),
  },
  guards: {
    cardUnusable,
    personFailedLastTry: ({ context, event }) =>
      isPersonFailure(event as { error?: unknown }) &&
      context.faceFailures + 1 >= context.maxFaceTries,
    personFailed: ({ event }) => isPersonFailure(event as { error?: unknown }),
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
      entry: ['clearFailure', assign({ card: null, cardProblem: null })],
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
          { target: 'verifying', actions: assign({ card: ({ event }) => event.output }) },
        ],
        onError: { target: 'readFailed', actions: 'noteFailure' },
      },
      on: { 'user.back': 'cancelled' },
    },
    readFailed: { on: { 'user.retry': 'reading', 'user.back': 'cancelled' } },
    cardRefused: { on: { 'user.retry': 'reading', 'user.back': 'cancelled' } },
    verifying: {
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
      on: { 'user.back': 'cancelled' },
    },
    // Not the card holder, or not seen well: try again, with what went wrong on screen.
    faceRetry: { on: { 'user.retry': 'verifying', 'user.back': 'cancelled' } },
    // The verifier itself failed (offline, timeout): this does not count against the person.
    faceFailed: { on: { 'user.retry': 'verifying', 'user.back': 'cancelled' } },
    // Three failed checks: a polite refusal that sends the person to a window in office hours.
    refused: {
      entry: assign({ card: null, result: 'refused' as const }),
      on: { 'user.done': 'finished', 'user.back': 'finished' },
    },
    cancelled: { type: 'final', entry: assign({ card: null, result: 'back' as const }) },
    verified: { type: 'final' },
    finished: { type: 'final' },
  },
});

export type IdentityMachine = typeof identityMachine;
