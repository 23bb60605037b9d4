import { assign, fromPromise, setup } from 'xstate';
import {
  checkIdCard,
  sanitiseIdCardRecord,
  type CalendarDate,
  type IdCardProblem,
  type IdCardRecord,
} from '../../domain';
import type { DeviceErrorCode } from '../../device-adapters';
import { deviceErrorCode, unprovidedActor } from '../deviceFailure';

export interface CardStepInput {
  /**
   * The day the card must be usable on (in date, a valid number); null takes any card that
   * reads (签到 finds the appointment booked with it).
   */
  today: CalendarDate | null;
}

/** How reading the card ended: the card, why it cannot be used, or why it was not read. */
export type CardStepOutput =
  | { result: 'read'; card: IdCardRecord }
  | { result: 'refused'; problem: IdCardProblem }
  | { result: 'failed'; failure: DeviceErrorCode };

export interface CardStepContext {
  today: CalendarDate | null;
  card: IdCardRecord | null;
  problem: IdCardProblem | null;
  failure: DeviceErrorCode | null;
}

/** Why this card cannot be used on `today`, or null when it can (or nothing is checked). */
function problemOf(card: IdCardRecord | null, today: CalendarDate | null): IdCardProblem | null {
  if (!card || today === null) return null;
  const check = checkIdCard(card, today);
  return check.ok ? null : check.problem;
}

const unprovided = unprovidedActor('cardStepMachine');

/**
 * 读取身份证: asks the reader whether a card already lies on it (one the visit read before is
 * read again; one left when an earlier visit ended is not), reads it, or the card laid on it
 * next, and checks that it can be used today. A card pulled out mid-read is read when put back. The flow that invokes it decides what a refused
 * or unread card means there.
 */
export const cardStepMachine = setup({
  types: {
    context: {} as CardStepContext,
    input: {} as CardStepInput,
    output: {} as CardStepOutput,
    tags: {} as 'busy' | 'failed',
  },
  actors: {
    /** Whether a card to read lies on the reader; 'set-aside' for one left as a visit ended. */
    cardOnReader: fromPromise<boolean | 'set-aside'>(unprovided('cardOnReader')),
    readIdCard: fromPromise<IdCardRecord>(unprovided('readIdCard')),
  },
  delays: {
    // A backstop: the reader's own bound (60 s) answers first; this one only if it never does.
    readBound: 90_000,
    rereadPause: 300,
  },
  guards: {
    cardUnusable: ({ context }) => problemOf(context.card, context.today) !== null,
  },
}).createMachine({
  id: 'card',
  context: ({ input }) => ({ today: input.today, card: null, problem: null, failure: null }),
  initial: 'asking',
  output: ({ context }): CardStepOutput => {
    if (context.card) return { result: 'read', card: context.card };
    if (context.problem) return { result: 'refused', problem: context.problem };
    return { result: 'failed', failure: context.failure ?? 'hardware-error' };
  },
  states: {
    asking: {
      invoke: {
        src: 'cardOnReader',
        onDone: [
          { guard: ({ event }) => event.output === true, target: 'reading.cardPresent' },
          { guard: ({ event }) => event.output === 'set-aside', target: 'reading.cardSetAside' },
          { target: 'reading.awaitingCard' },
        ],
        // A reader that cannot say reads all the same; the read reports what is wrong.
        onError: { target: 'reading.awaitingCard' },
      },
    },
    // The read is under way: it waits for a card, or reads the one already there.
    reading: {
      initial: 'awaitingCard',
      invoke: {
        src: 'readIdCard',
        // Every reader's output is sanitised here, once, before it is checked or shown.
        onDone: {
          target: 'checking',
          actions: assign({
            card: ({ event }) => sanitiseIdCardRecord(event.output),
            failure: null,
          }),
        },
        onError: [
          // Pulled out mid-read: the read starts again and takes the card when it is put back
          // (the failure stays on screen until then); not a failure the citizen must answer.
          {
            guard: ({ event }) => deviceErrorCode(event.error) === 'card-removed',
            target: 'cardRemoved',
            actions: assign({ failure: 'card-removed' as const }),
          },
          {
            target: 'failed',
            actions: assign({ failure: ({ event }) => deviceErrorCode(event.error) }),
          },
        ],
      },
      after: { readBound: { target: 'failed', actions: assign({ failure: 'timeout' as const }) } },
      states: {
        // The citizen, not a device, is awaited: not busy.
        awaitingCard: {},
        // A card left when an earlier visit ended: read once it is lifted and placed again.
        cardSetAside: {},
        cardPresent: { tags: 'busy' },
      },
    },
    // A moment's pause, so that a reader that keeps reporting the card gone cannot spin; then
    // the read waits for the card again.
    cardRemoved: { after: { rereadPause: 'reading' } },
    checking: {
      always: [
        {
          guard: 'cardUnusable',
          target: 'refused',
          actions: assign(({ context }) => ({
            problem: problemOf(context.card, context.today),
            card: null,
          })),
        },
        { target: 'read' },
      ],
    },
    read: { type: 'final' },
    refused: { type: 'final', tags: 'failed' },
    failed: { type: 'final', tags: 'failed' },
  },
});

export type CardStepMachine = typeof cardStepMachine;
