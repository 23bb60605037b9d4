import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { createSessionMachine, type SessionInput } from '../../machines';
import { deferredLogic } from '../../kiosk-ui/flows/deferredLogic';
import { twoStepFlow } from '../support/testFlow';

// A flow's code comes in a chunk of its own: the session waits for it in `flow.loading`, then
// starts the flow as if it had always been there; a chunk that fails or never comes ends at home.
const timing = { idleSeconds: 90, elderlyIdleSeconds: 180, warningSeconds: 15, goodbyeSeconds: 10 };
const input: SessionInput = { timing, defaultLocale: 'zh-CN', flows: ['guide'] };

function lazySession(load: () => Promise<void>) {
  let loaded = false;
  const machine = createSessionMachine(['guide']).provide({
    actors: {
      guide: deferredLogic('guide', () => (loaded ? twoStepFlow : undefined)),
      loadFlow: fromPromise(async () => {
        await load();
        loaded = true;
      }),
    },
    guards: { isFlowReady: () => loaded },
  });
  return createActor(machine, { input }).start();
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a flow whose code is not loaded yet', () => {
  it('is loaded on the tap, then started with the citizen’s mode', async () => {
    let arrive = () => {};
    const actor = lazySession(() => new Promise<void>((resolve) => (arrive = resolve)));
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.setElderly', elderly: true });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    expect(actor.getSnapshot().matches({ active: { screen: { flow: 'loading' } } })).toBe(true);
    expect(actor.getSnapshot().children.flow).toBeUndefined();
    arrive();
    await vi.waitFor(() =>
      expect(actor.getSnapshot().matches({ active: { screen: { flow: 'guide' } } })).toBe(true),
    );
    const flow = actor.getSnapshot().children.flow;
    expect(flow?.getSnapshot().context.started).toEqual({ locale: 'zh-CN', elderly: true });
    flow?.send({ type: 'user.next' });
    actor.send({ type: 'user.back' });
    expect(flow?.getSnapshot().value).toBe('first');
  });

  it('that fails to load returns home with a notice', async () => {
    const actor = lazySession(() => Promise.reject(new Error('chunk missing')));
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    await vi.waitFor(() => expect(actor.getSnapshot().context.notice).toBe('flowFailed'));
    expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true);
  });

  it('that never arrives gives up after 20 s, at home with a notice', () => {
    const actor = lazySession(() => new Promise<void>(() => {}));
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    vi.advanceTimersByTime(19_999);
    expect(actor.getSnapshot().matches({ active: { screen: { flow: 'loading' } } })).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true);
    expect(actor.getSnapshot().context.notice).toBe('flowFailed');
  });

  it('Home while it loads leaves at once, and nothing starts afterwards', async () => {
    let arrive = () => {};
    const actor = lazySession(() => new Promise<void>((resolve) => (arrive = resolve)));
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    actor.send({ type: 'user.home' });
    arrive();
    await Promise.resolve();
    expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true);
    expect(actor.getSnapshot().children.flow).toBeUndefined();
  });
});

describe('deferredLogic', () => {
  it('refuses to start before its code is there, saying what the session must do', () => {
    const actor = createActor(deferredLogic('guide', () => undefined));
    actor.subscribe({ error: () => {} });
    actor.start();
    const snapshot = actor.getSnapshot() as { status: string; error: unknown };
    expect(snapshot.status).toBe('error');
    expect(String(snapshot.error)).toContain('Flow "guide" was started before its code was loaded');
  });
});
