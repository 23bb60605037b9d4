import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type EventFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { createSessionMachine, type SessionInput } from '../../machines';
import { twoStepFlow } from '../support/testFlow';

const sessionMachine = createSessionMachine(['guide']);

// Model-based tests: every state of the session, reached by its shortest path through the
// machine's graph, is checked against a running actor driven by the same steps. The graph takes
// the idle timer's delayed transitions as events; the actor gets them by advancing fake timers.
const timing = { idleSeconds: 6, elderlyIdleSeconds: 9, warningSeconds: 2, goodbyeSeconds: 3 };
const input: SessionInput = { timing, defaultLocale: 'zh-CN', flows: ['guide'] };
const machine = sessionMachine.provide({ actors: { guide: twoStepFlow } });
type Event = EventFrom<typeof machine>;

const userEvents: Event[] = [
  { type: 'user.wake' },
  { type: 'user.activity' },
  { type: 'user.continue' },
  { type: 'user.home' },
  { type: 'user.back' },
  { type: 'user.finish' },
  { type: 'user.selectFlow', flow: 'guide' },
  { type: 'user.setLocale', locale: 'en' },
  { type: 'user.setElderly', elderly: true },
  { type: 'device.cardInserted' },
];

/** The delayed transitions, as XState names their events, and how long each waits. */
const delayed: Record<string, (elderly: boolean) => number> = {
  'xstate.after.untilWarning.session.active.idle.counting': (elderly) =>
    ((elderly ? timing.elderlyIdleSeconds : timing.idleSeconds) - timing.warningSeconds) * 1000,
  'xstate.after.1000.session.active.idle.warning.ticking': () => 1000,
  'xstate.after.goodbye.session.active.screen.goodbye': () => timing.goodbyeSeconds * 1000,
  'xstate.after.attractAdjustment.session.attract.adjusted': () => timing.idleSeconds * 1000,
};
const delayedEvents = Object.keys(delayed).map((type) => ({ type }) as unknown as Event);

const idleTimerEvents = new Set(Object.keys(delayed).filter((type) => type.includes('.idle.')));

const paths = getShortestPaths(machine, {
  input,
  // The graph does not know which timer fires first; here goodbye (3 s) always ends before the
  // idle warning (4 s after the last touch) could start, so goodbye takes only its own timer.
  events: (state) =>
    state.matches({ active: { screen: 'goodbye' } })
      ? [...userEvents, ...delayedEvents.filter((e) => !idleTimerEvents.has(e.type))]
      : [...userEvents, ...delayedEvents],
  serializeState: (s) =>
    JSON.stringify([s.value, s.context.elderly, s.context.locale, s.context.countdown]),
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('session model', () => {
  it('reaches every state that matters, through the timers too', () => {
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const state of [
      { attract: 'waiting' },
      { attract: 'adjusted' },
      { active: { screen: 'home', idle: 'counting' } },
      { active: { screen: 'home', idle: { warning: 'ticking' } } },
      { active: { screen: { flow: 'guide' }, idle: 'counting' } },
      { active: { screen: { flow: 'guide' }, idle: { warning: 'ticking' } } },
      { active: { screen: 'goodbye', idle: 'counting' } },
    ]) {
      expect(reached.has(JSON.stringify(state)), JSON.stringify(state)).toBe(true);
    }
  });

  it.each(
    paths.map((p) => [p.steps.map((s) => s.event.type).join(' → ') || '(start)', p] as const),
  )('%s', (_name, path) => {
    const actor = createActor(machine, { input }).start();
    for (const step of path.steps) {
      const wait = delayed[step.event.type];
      if (wait) vi.advanceTimersByTime(wait(actor.getSnapshot().context.elderly));
      else if ((step.event.type as string) !== 'xstate.init') actor.send(step.event);
      expect(actor.getSnapshot().value).toEqual(step.state.value);
      expect(actor.getSnapshot().context).toMatchObject({
        elderly: step.state.context.elderly,
        locale: step.state.context.locale,
        countdown: step.state.context.countdown,
      });
    }
    actor.stop();
  });
});
