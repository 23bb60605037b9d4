import { assign, fromPromise, setup, type EventObject } from 'xstate';
import { DEFAULT_FACE_TRIES } from '../../domain/faceLockout';
import type { CalendarDate, CardLock, IdCardProblem, IdCardRecord } from '../../domain';
import type { DeviceErrorCode, FaceMatch } from '../../device-adapters';
import { deviceErrorCode, errorOf, failureOf, unprovidedActor } from '../deviceFailure';
import { cardStepMachine, type CardStepOutput } from './cardStep';
import { cardOutcome, flowStates } from './flowStates';

export { DEFAULT_FACE_TRIES };

export interface IdentityInput {
  today: CalendarDate;
  /** Face verifications the person may fail before the kiosk refuses politely. Default 3. */
  maxFaceTries?: number;
}

/** The card whose face lock-out is checked or counted (the wiring keys it, never the machine). */
export interface FaceLockInput {
  card: IdCardRecord;
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
  /** Set when the card is locked out of face checks at this kiosk: until when (ISO 8601). */
  lockedUntil: string | null;
  result: IdentityOutput['result'];
}

/** A failed face check that is the person's, not the device's: it counts towards the refusal. */
const PERSON_FAILURES: readonly DeviceErrorCode[] = ['mismatch', 'no-face', 'liveness-failed'];
const isPersonFailure = (event: EventObject) =>
  PERSON_FAILURES.includes(deviceErrorCode(errorOf(event)));

const unprovided = unprovidedActor('identityMachine');

function cardOf(context: IdentityContext): IdCardRecord {
  if (!context.card) throw new Error('the face lock-out is checked for a card that was read');
  return context.card;
}

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
    tags: {} as 'busy' | 'working' | 'failed',
    children: {} as { card: 'readCard' },
  },
  actors: {
    readCard: cardStepMachine,
    verifyFace: fromPromise<FaceMatch, { photo: string | undefined }>(unprovided('verifyFace')),
    /** Whether the card may try its face here now (a refused card is recorded for staff). */
    checkFaceLock: fromPromise<CardLock, FaceLockInput>(unprovided('checkFaceLock')),
    /** Counts a face check the person failed; answers whether the card is now locked out. */
    recordFaceFailure: fromPromise<CardLock, FaceLockInput>(unprovided('recordFaceFailure')),
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
    noteLock: assign((_, lock: CardLock) => ({ lockedUntil: lock.locked ? lock.until : null })),
  },
  guards: {
    personFailed: ({ event }) => isPersonFailure(event),
    isLocked: (_, lock: CardLock) => lock.locked,
    triesUsedUp: ({ context }) => context.faceFailures >= context.maxFaceTries,
  },
}).createMachine({
  id: 'identity',
  context: ({ input }) => ({
    setup: { today: input.today },
    maxFaceTries: input.maxFaceTries ?? DEFAULT_FACE_TRIES,
    card: null,
    cardProblem: null,
    failure: null,
    faceFailures: 0,
    lockedUntil: null,
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
        read: 'checkingLock',
        refused: 'cardRefused',
        failed: 'readFailed',
      }),
      on: { 'user.back': 'cancelled' },
    },
    readFailed: flowStates.retrying('reading', 'cancelled'),
    cardRefused: flowStates.retrying('reading', 'cancelled'),
    // A card locked out after too many failed rounds is refused before the camera is used.
    checkingLock: {
      tags: 'working',
      invoke: {
        src: 'checkFaceLock',
        input: ({ context }) => ({ card: cardOf(context) }),
        onDone: [
          {
            guard: { type: 'isLocked', params: ({ event }) => event.output },
            target: 'lockedOut',
            actions: { type: 'noteLock', params: ({ event }) => event.output },
          },
          { target: 'verifying' },
        ],
        onError: { target: 'lockCheckFailed', actions: 'noteFailure' },
      },
      on: { 'user.back': 'cancelled' },
    },
    // The lock-out could not be read: no face check without it (retry, or step back).
    lockCheckFailed: flowStates.retrying('checkingLock', 'cancelled'),
    verifying: {
      tags: 'busy',
      entry: 'clearFailure',
      invoke: {
        src: 'verifyFace',
        input: ({ context }) => ({ photo: context.card?.photo }),
        onDone: { target: 'verified', actions: assign({ result: 'verified' as const }) },
        onError: [
          {
            guard: 'personFailed',
            target: 'countingFailure',
            actions: ['countFaceFailure', 'noteFailure'],
          },
          { target: 'faceFailed', actions: 'noteFailure' },
        ],
      },
      after: { faceBound: { target: 'faceFailed', actions: assign({ failure: 'timeout' }) } },
      on: { 'user.back': 'cancelled' },
    },
    // Every failed check counts towards the card's lock-out, also one the person walks away from.
    countingFailure: {
      tags: 'working',
      invoke: {
        src: 'recordFaceFailure',
        input: ({ context }) => ({ card: cardOf(context) }),
        onDone: [
          {
            guard: { type: 'isLocked', params: ({ event }) => event.output },
            target: 'lockedOut',
            actions: { type: 'noteLock', params: ({ event }) => event.output },
          },
          { guard: 'triesUsedUp', target: 'refused' },
          { target: 'faceRetry' },
        ],
        // Not counted is not a free try: the round ends as refused.
        onError: { target: 'refused' },
      },
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
    // Too many failed rounds with this card: refused at this kiosk until `lockedUntil`, and sent
    // to a window. The parent flow takes it as a refusal.
    lockedOut: {
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
