import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import {
  RATING_LEVELS,
  isBadRating,
  type GivenRating,
  type RatingSubject,
} from '../../domain/ratings';
import { ratingMachine, type RatingEvent } from '../../machines/ratingMachine';

const TICKET: RatingSubject = {
  flow: 'queue',
  itemCode: null,
  title: '取号 A012',
  service: 'real-estate',
  key: 'T:0b6f1c2e-aaaa',
};

/** The flow with a desk in memory: what was offered and what was kept. */
function rating(subject: RatingSubject | null = TICKET, codes: string[] = []) {
  const kept: GivenRating[] = [];
  const offered: RatingSubject[] = [];
  const machine = ratingMachine.provide({
    actors: {
      offerRating: fromPromise<string, { subject: RatingSubject }>(async ({ input }) => {
        offered.push(input.subject);
        return `offer-${offered.length}`;
      }),
      saveRating: fromPromise<
        undefined,
        { offerId: string | null; subject: RatingSubject; given: GivenRating }
      >(async ({ input }) => {
        expect(input.offerId).toBe(`offer-${offered.length}`);
        kept.push(input.given);
        return undefined;
      }),
      listenForCodes: fromCallback(({ sendBack }) => {
        for (const text of codes) sendBack({ type: 'code.scanned', text });
        return () => {};
      }),
    },
  });
  const actor = createActor(machine, {
    input: { locale: 'zh-CN', elderly: false, ...(subject ? { rating: subject } : {}) },
  }).start();
  return { actor, kept, offered };
}

const send = (actor: ReturnType<typeof rating>['actor'], ...events: RatingEvent[]) =>
  events.forEach((event) => actor.send(event));

const at = (actor: ReturnType<typeof rating>['actor'], state: string) =>
  waitFor(actor, (s) => s.value === state, { timeout: 1000 });

describe('好差评', () => {
  it.each(RATING_LEVELS.filter((level) => !isBadRating(level)))(
    'keeps %s at once, with no reasons and no phone',
    async (level) => {
      const { actor, kept, offered } = rating();
      await at(actor, 'choosing');
      expect(offered).toEqual([TICKET]);
      send(actor, { type: 'user.level', level });
      await at(actor, 'thanks');
      expect(kept).toEqual([{ level, reasons: [], otherText: null, callbackPhone: null }]);
      send(actor, { type: 'user.done' });
      expect(actor.getSnapshot().status).toBe('done');
      expect(actor.getSnapshot().output).toEqual({ outcome: 'done' });
    },
  );

  it.each(RATING_LEVELS.filter(isBadRating))(
    'asks why for %s: a reason is needed, 其他 needs words',
    async (level) => {
      const { actor, kept } = rating();
      await at(actor, 'choosing');
      send(actor, { type: 'user.level', level }, { type: 'user.next' });
      expect(actor.getSnapshot().context.problem).toBe('no-reason');
      expect(actor.getSnapshot().value).toBe('reasons');
      send(
        actor,
        { type: 'user.reason', reason: 'efficiency' },
        { type: 'user.reason', reason: 'other' },
        { type: 'user.reason', reason: 'attitude' },
        { type: 'user.next' },
        { type: 'user.submit' },
      );
      // 其他 ticked and nothing typed: back to the reasons, saying so.
      expect(actor.getSnapshot().value).toBe('reasons');
      expect(actor.getSnapshot().context.problem).toBe('no-other-text');
      send(
        actor,
        { type: 'user.type', text: '等了很久' },
        { type: 'user.next' },
        { type: 'user.submit' },
      );
      await at(actor, 'thanks');
      expect(kept).toEqual([
        {
          level,
          reasons: ['attitude', 'efficiency', 'other'],
          otherText: '等了很久',
          callbackPhone: null,
        },
      ]);
    },
  );

  it('keeps a call-back number only with consent, and refuses one that is not a mobile number', async () => {
    const { actor, kept } = rating();
    await at(actor, 'choosing');
    send(
      actor,
      { type: 'user.level', level: 'very-dissatisfied' },
      { type: 'user.reason', reason: 'device' },
      { type: 'user.next' },
    );
    for (const digit of '1391234') send(actor, { type: 'user.digit', digit });
    send(actor, { type: 'user.consent', given: true }, { type: 'user.submit' });
    expect(actor.getSnapshot().context.problem).toBe('bad-phone');
    for (const digit of '5678') send(actor, { type: 'user.digit', digit });
    send(actor, { type: 'user.consent', given: false }, { type: 'user.submit' });
    // A number left without consent is not kept by stealth: the citizen is asked.
    expect(actor.getSnapshot().context.problem).toBe('no-consent');
    expect(kept).toEqual([]);
    send(actor, { type: 'user.consent', given: true }, { type: 'user.submit' });
    await at(actor, 'thanks');
    expect(kept[0]?.callbackPhone).toBe('13912345678');
    // The flow forgets the number once it is kept.
    expect(actor.getSnapshot().context.phone).toBe('');
  });

  it('keeps no number when the citizen deletes it and submits without a call-back', async () => {
    const { actor, kept } = rating();
    await at(actor, 'choosing');
    send(
      actor,
      { type: 'user.level', level: 'dissatisfied' },
      { type: 'user.reason', reason: 'guide' },
      { type: 'user.next' },
      { type: 'user.digit', digit: '1' },
      { type: 'user.erase' },
      { type: 'user.submit' },
    );
    await at(actor, 'thanks');
    expect(kept[0]?.callbackPhone).toBeNull();
  });

  it('keeps nothing when skipped, or when the visit ends mid-rating', async () => {
    const skipped = rating();
    await at(skipped.actor, 'choosing');
    send(skipped.actor, { type: 'user.skip' });
    expect(skipped.actor.getSnapshot().status).toBe('done');
    expect(skipped.kept).toEqual([]);
    expect(skipped.offered).toHaveLength(1);

    // The session's idle timeout stops the flow: what was chosen and typed goes with it.
    const left = rating();
    await at(left.actor, 'choosing');
    send(
      left.actor,
      { type: 'user.level', level: 'very-dissatisfied' },
      { type: 'user.reason', reason: 'attitude' },
      { type: 'user.next' },
      { type: 'user.digit', digit: '1' },
    );
    left.actor.stop();
    expect(left.kept).toEqual([]);
  });

  it('from the tile, rates the slip scanned; a code not ours is refused', async () => {
    const { actor, offered } = rating(null, ['https://example.com/x', 'BDY1:T:0b6f1c2e-1234']);
    await at(actor, 'choosing');
    expect(offered).toEqual([
      { flow: 'queue', itemCode: null, title: '取号', service: null, key: 'T:0b6f1c2e-1234' },
    ]);
  });

  it('says a code is not ours and waits for another', async () => {
    const { actor } = rating(null, ['hello']);
    await at(actor, 'scanning');
    expect(actor.getSnapshot().context.problem).toBe('bad-code');
  });
});
