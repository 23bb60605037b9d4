import { fromCallback, fromPromise } from 'xstate';
import type { GivenRating, RatingSubject } from '../../../domain/ratings';
import { ratingMachine } from '../../../machines/ratingMachine';
import type { FlowDeps } from '../flowModule';

/** 好差评 wired to the console's store (the rating desk) and the scanner for earlier slips. */
export function wireRatingFlow({ devices, ratings }: FlowDeps) {
  if (!ratings)
    throw new Error('好差评 needs a rating desk: offer it only when FlowDeps.ratings is set');
  return ratingMachine.provide({
    actors: {
      offerRating: fromPromise<string, { subject: RatingSubject }>(({ input }) =>
        ratings.offer(input.subject),
      ),
      saveRating: fromPromise<
        undefined,
        { offerId: string | null; subject: RatingSubject; given: GivenRating }
      >(async ({ input }) => {
        await ratings.rate(input.offerId ?? '', input.subject, input.given);
        return undefined;
      }),
      listenForCodes: fromCallback(({ sendBack }) =>
        devices.scanner.onCode((code) => sendBack({ type: 'code.scanned', text: code.text })),
      ),
    },
  });
}
