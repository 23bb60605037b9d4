import { assign, fromCallback, fromPromise, not, setup } from 'xstate';
import type { FlowInput, FlowOutput } from '../domain';
import {
  isBadRating,
  MOBILE_PATTERN,
  OTHER_TEXT_MAX,
  RATING_REASONS,
  type GivenRating,
  type RatingLevel,
  type RatingReason,
  type RatingSubject,
  subjectOfCode,
} from '../domain/ratings';

/**
 * 好差评 (issue 14): the citizen rates what the visit just finished, “一次一评”. Five levels, no
 * default; skipping is one tap and keeps nothing but that it was offered. A bad level asks why
 * (reasons to tick, 其他 with words) and offers a call-back number, kept only with consent.
 * Nothing is stored until 提交: a visit that times out mid-rating leaves only the offer.
 */

export type RatingEvent =
  | { type: 'user.level'; level: RatingLevel }
  | { type: 'user.reason'; reason: RatingReason }
  | { type: 'user.type'; text: string }
  | { type: 'user.next' }
  | { type: 'user.digit'; digit: string }
  | { type: 'user.erase' }
  | { type: 'user.consent'; given: boolean }
  | { type: 'user.submit' }
  | { type: 'user.skip' }
  | { type: 'user.retry' }
  | { type: 'user.back' }
  | { type: 'user.done' }
  | { type: 'code.scanned'; text: string };

export type RatingProblem =
  'no-reason' | 'no-other-text' | 'bad-phone' | 'no-consent' | 'bad-code' | null;

export interface RatingContext {
  subject: RatingSubject | null;
  offerId: string | null;
  level: RatingLevel | null;
  reasons: RatingReason[];
  otherText: string;
  phone: string;
  consent: boolean;
  problem: RatingProblem;
}

export interface RatingInput extends FlowInput {
  rating?: RatingSubject;
}

const EMPTY = {
  level: null,
  reasons: [] as RatingReason[],
  otherText: '',
  phone: '',
  consent: false,
  problem: null,
} as const;

/** What is kept: a phone only with consent, 其他's words only with 其他 ticked. */
export function givenOf(context: RatingContext): GivenRating {
  if (!context.level) throw new Error('a rating needs a level');
  const bad = isBadRating(context.level);
  const reasons = bad ? RATING_REASONS.filter((r) => context.reasons.includes(r)) : [];
  return {
    level: context.level,
    reasons,
    otherText: reasons.includes('other') ? context.otherText.trim() : null,
    callbackPhone: bad && context.consent && context.phone !== '' ? context.phone : null,
  };
}

export const ratingMachine = setup({
  types: {
    context: {} as RatingContext,
    events: {} as RatingEvent,
    input: {} as RatingInput,
    output: {} as FlowOutput,
  },
  actors: {
    /** Records that the rating was offered; its id. */
    offerRating: fromPromise<string, { subject: RatingSubject }>(async () => ''),
    /** Listens to the scanner while a slip is asked for (`code.scanned`). */
    listenForCodes: fromCallback(() => () => {}),
    /** Keeps the rating (a bad one opens a work order). */
    saveRating: fromPromise<
      undefined,
      { offerId: string | null; subject: RatingSubject; given: GivenRating }
    >(async () => undefined),
  },
  guards: {
    isBad: ({ event }) => event.type === 'user.level' && isBadRating(event.level),
    reasonsGiven: ({ context }) => context.reasons.length > 0,
    otherExplained: ({ context }) =>
      !context.reasons.includes('other') || context.otherText.trim() !== '',
    phoneUsable: ({ context }) => context.phone === '' || MOBILE_PATTERN.test(context.phone),
    consentMissing: ({ context }) => context.phone !== '' && !context.consent,
  },
  actions: {
    chooseLevel: assign(({ event }) =>
      event.type === 'user.level' ? { ...EMPTY, level: event.level } : {},
    ),
    toggleReason: assign(({ context, event }) => {
      if (event.type !== 'user.reason') return {};
      const reasons = context.reasons.includes(event.reason)
        ? context.reasons.filter((r) => r !== event.reason)
        : [...context.reasons, event.reason];
      return { reasons, problem: null };
    }),
    typeOther: assign(({ event }) =>
      event.type === 'user.type'
        ? { otherText: event.text.slice(0, OTHER_TEXT_MAX), problem: null }
        : {},
    ),
    typeDigit: assign(({ context, event }) =>
      event.type === 'user.digit' && /^\d$/.test(event.digit) && context.phone.length < 11
        ? { phone: context.phone + event.digit, problem: null }
        : {},
    ),
    erase: assign(({ context }) => ({ phone: context.phone.slice(0, -1), problem: null })),
    setConsent: assign(({ event }) =>
      event.type === 'user.consent' ? { consent: event.given, problem: null } : {},
    ),
  },
}).createMachine({
  id: 'rating',
  context: ({ input }) => ({ subject: input.rating ?? null, offerId: null, ...EMPTY }),
  initial: 'offering',
  output: (): FlowOutput => ({ outcome: 'done' }),
  states: {
    /** The offer is counted as the screen appears (a skip or a timeout counts as not rated). */
    offering: {
      // From the tile: the slip of an earlier visit says what is rated.
      always: { guard: ({ context }) => context.subject === null, target: 'scanning' },
      invoke: {
        src: 'offerRating',
        input: ({ context }) => ({ subject: context.subject as RatingSubject }),
        onDone: { target: 'choosing', actions: assign({ offerId: ({ event }) => event.output }) },
        // Not counted, but the citizen may still rate.
        onError: 'choosing',
      },
    },
    scanning: {
      invoke: { src: 'listenForCodes' },
      on: {
        'code.scanned': [
          {
            guard: ({ event }) => subjectOfCode(event.text) !== null,
            target: 'offering',
            actions: assign({
              subject: ({ event }) => subjectOfCode(event.text),
              problem: null,
            }),
          },
          { actions: assign({ problem: 'bad-code' }) },
        ],
        'user.back': 'finished',
        'user.skip': 'finished',
      },
    },
    choosing: {
      on: {
        'user.level': [
          { guard: 'isBad', target: 'reasons', actions: 'chooseLevel' },
          { target: 'saving', actions: 'chooseLevel' },
        ],
        'user.skip': 'finished',
        'user.back': 'finished',
      },
    },
    reasons: {
      on: {
        'user.reason': { actions: 'toggleReason' },
        'user.type': { actions: 'typeOther' },
        'user.next': [
          { guard: 'reasonsGiven', target: 'callback', actions: assign({ problem: null }) },
          { actions: assign({ problem: 'no-reason' }) },
        ],
        'user.back': { target: 'choosing', actions: assign({ ...EMPTY }) },
        'user.skip': 'finished',
      },
    },
    callback: {
      on: {
        'user.digit': { actions: 'typeDigit' },
        'user.erase': { actions: 'erase' },
        'user.consent': { actions: 'setConsent' },
        'user.submit': [
          { guard: 'otherExplained', target: 'checkingPhone' },
          { target: 'reasons', actions: assign({ problem: 'no-other-text' }) },
        ],
        'user.back': 'reasons',
        'user.skip': 'finished',
      },
    },
    checkingPhone: {
      always: [
        {
          guard: not('phoneUsable'),
          target: 'callback',
          actions: assign({ problem: 'bad-phone' }),
        },
        { guard: 'consentMissing', target: 'callback', actions: assign({ problem: 'no-consent' }) },
        { target: 'saving' },
      ],
    },
    saving: {
      invoke: {
        src: 'saveRating',
        input: ({ context }) => ({
          offerId: context.offerId,
          subject: context.subject as RatingSubject,
          given: givenOf(context),
        }),
        // The number is kept in the rating only; the flow forgets it at once.
        onDone: { target: 'thanks', actions: assign({ phone: '', otherText: '' }) },
        onError: 'failed',
      },
    },
    failed: {
      on: { 'user.retry': 'saving', 'user.skip': 'finished', 'user.done': 'finished' },
    },
    thanks: {
      on: { 'user.done': 'finished', 'user.back': 'finished' },
    },
    finished: { type: 'final' },
  },
});

export type RatingMachine = typeof ratingMachine;
