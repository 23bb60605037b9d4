import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import type { FlowInput, FlowOutput } from '../../domain';
import type { RatingSubject } from '../../domain/ratings';
import { createSessionMachine } from '../../machines';

const timing = { idleSeconds: 90, elderlyIdleSeconds: 180, warningSeconds: 15, goodbyeSeconds: 10 };
const subject = (key: string): RatingSubject => ({
  flow: 'queue',
  itemCode: null,
  title: '取号 A001',
  service: 'tax',
  key,
});

/** A session whose 取号 ends at once with `rate`, and whose 好差评 records what it was given. */
function session(flows: string[], rate: () => RatingSubject | undefined) {
  const rated: (RatingSubject | undefined)[] = [];
  const machine = createSessionMachine(['queue', 'rating']).provide({
    actors: {
      queue: fromPromise<FlowOutput, FlowInput>(async () => {
        const subjectNow = rate();
        return subjectNow ? { outcome: 'done', rate: subjectNow } : { outcome: 'done' };
      }),
      rating: fromPromise<FlowOutput, FlowInput>(async ({ input }) => {
        rated.push(input.rating);
        return { outcome: 'done' };
      }),
    },
  });
  const actor = createActor(machine, {
    input: { timing, defaultLocale: 'zh-CN', flows },
  }).start();
  actor.send({ type: 'user.wake' });
  return { actor, rated };
}

const take = async (actor: ReturnType<typeof session>['actor']) => {
  actor.send({ type: 'user.home' });
  actor.send({ type: 'user.selectFlow', flow: 'queue' });
  await vi.advanceTimersByTimeAsync(0);
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('好差评 offered by the session', () => {
  it('hands a finished item to 好差评, then goodbye', async () => {
    const { actor, rated } = session(['queue', 'rating'], () => subject('T:1'));
    await take(actor);
    expect(rated).toEqual([subject('T:1')]);
    expect(actor.getSnapshot().matches({ active: { screen: 'goodbye' } })).toBe(true);
  });

  it('offers each item once a visit; another item is offered; a new visit starts afresh', async () => {
    let key = 'T:1';
    const { actor, rated } = session(['queue', 'rating'], () => subject(key));
    await take(actor);
    await take(actor);
    expect(rated.map((s) => s?.key)).toEqual(['T:1']);
    key = 'T:2';
    await take(actor);
    expect(rated.map((s) => s?.key)).toEqual(['T:1', 'T:2']);
    // The visit ends (goodbye → attract); the next citizen's same key is theirs to rate.
    await vi.advanceTimersByTimeAsync(timing.goodbyeSeconds * 1000);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    actor.send({ type: 'user.wake' });
    key = 'T:1';
    await take(actor);
    expect(rated.map((s) => s?.key)).toEqual(['T:1', 'T:2', 'T:1']);
  });

  it('offers nothing when the flow finished nothing, or when this kiosk takes no ratings', async () => {
    const none = session(['queue', 'rating'], () => undefined);
    await take(none.actor);
    expect(none.rated).toEqual([]);
    const off = session(['queue'], () => subject('T:1'));
    await take(off.actor);
    expect(off.rated).toEqual([]);
    expect(off.actor.getSnapshot().matches({ active: { screen: 'goodbye' } })).toBe(true);
  });
});
