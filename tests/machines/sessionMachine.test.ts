import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { createSessionMachine, type SessionInput } from '../../machines';
import { twoStepFlow } from '../support/testFlow';

const sessionMachine = createSessionMachine(['queue', 'appointment', 'guide', 'idCopy']);

const timing = { idleSeconds: 90, elderlyIdleSeconds: 180, warningSeconds: 15, goodbyeSeconds: 10 };
const input: SessionInput = { timing, defaultLocale: 'zh-CN', flows: ['guide'] };

function start(options: { wipe?: () => void; flows?: SessionInput['flows'] } = {}) {
  const machine = sessionMachine.provide({
    actors: { guide: twoStepFlow },
    actions: { wipeTraces: options.wipe ?? (() => {}) },
  });
  return createActor(machine, { input: { ...input, flows: options.flows ?? input.flows } }).start();
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('attract', () => {
  it('starts at attract and wipes once on start', () => {
    const wipe = vi.fn();
    const actor = start({ wipe });
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(wipe).toHaveBeenCalledTimes(1);
  });

  it.each([
    [{ type: 'user.wake' } as const],
    [{ type: 'device.cardInserted' } as const],
    [{ type: 'device.codeScanned', code: 'HELLO' } as const],
  ])('wakes to home on %o', (event) => {
    const actor = start();
    actor.send(event);
    expect(actor.getSnapshot().matches({ active: { screen: 'home', idle: 'counting' } })).toBe(
      true,
    );
  });

  it('does not wake on a bare touch, so the waking finger cannot press a home tile', () => {
    const actor = start();
    actor.send({ type: 'user.activity' });
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('tells the citizen when a code scanned at attract means nothing yet', () => {
    const actor = start();
    actor.send({ type: 'device.codeScanned', code: 'HELLO' });
    expect(actor.getSnapshot().context.notice).toBe('codeNotRecognised');
  });

  it('may be switched to elderly mode or English before waking, and keeps it on waking', () => {
    const actor = start();
    actor.send({ type: 'user.setElderly', elderly: true });
    actor.send({ type: 'user.setLocale', locale: 'en' });
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ elderly: true, locale: 'en' });
    actor.send({ type: 'user.wake' });
    expect(actor.getSnapshot().matches('active')).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ elderly: true, locale: 'en' });
  });

  it('undoes a choice made at attract that nobody follows up, wiping as it does', () => {
    const wipe = vi.fn();
    const actor = start({ wipe });
    actor.send({ type: 'user.setLocale', locale: 'en' });
    vi.advanceTimersByTime(60_000);
    actor.send({ type: 'user.setElderly', elderly: true });
    vi.advanceTimersByTime(90_000 - 1);
    expect(actor.getSnapshot().context.elderly).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().context).toMatchObject({ elderly: false, locale: 'zh-CN' });
    expect(actor.getSnapshot().matches({ attract: 'waiting' })).toBe(true);
    expect(wipe).toHaveBeenCalledTimes(2);
  });
});

describe('idle timeout', () => {
  it('warns 15 s before the timeout and counts down each second', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    vi.advanceTimersByTime(75_000 - 1);
    expect(actor.getSnapshot().matches({ active: { idle: 'counting' } })).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().matches({ active: { idle: 'warning' } })).toBe(true);
    expect(actor.getSnapshot().context.countdown).toBe(15);
    vi.advanceTimersByTime(1000);
    expect(actor.getSnapshot().context.countdown).toBe(14);
    vi.advanceTimersByTime(13_000);
    expect(actor.getSnapshot().context.countdown).toBe(1);
    expect(actor.getSnapshot().matches('active')).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(actor.getSnapshot().context.countdown).toBeNull();
  });

  it('times out after exactly 90 s without a touch', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    vi.advanceTimersByTime(90_000 - 1);
    expect(actor.getSnapshot().matches('active')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('restarts the count on every touch', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    vi.advanceTimersByTime(70_000);
    actor.send({ type: 'user.activity' });
    vi.advanceTimersByTime(70_000);
    expect(actor.getSnapshot().matches({ active: { idle: 'counting' } })).toBe(true);
    vi.advanceTimersByTime(5_000);
    expect(actor.getSnapshot().matches({ active: { idle: 'warning' } })).toBe(true);
  });

  it('"continue" during the warning gives the full time again', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    vi.advanceTimersByTime(80_000);
    expect(actor.getSnapshot().context.countdown).toBe(10);
    actor.send({ type: 'user.continue' });
    expect(actor.getSnapshot().matches({ active: { idle: 'counting' } })).toBe(true);
    expect(actor.getSnapshot().context.countdown).toBeNull();
    vi.advanceTimersByTime(89_000);
    expect(actor.getSnapshot().matches('active')).toBe(true);
  });

  it('a stray touch during the warning does not dismiss it: only the button does', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    vi.advanceTimersByTime(76_000);
    actor.send({ type: 'user.activity' });
    expect(actor.getSnapshot().matches({ active: { idle: 'warning' } })).toBe(true);
  });

  it('a card or a scan during the warning means someone is there', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    vi.advanceTimersByTime(76_000);
    actor.send({ type: 'device.cardInserted' });
    expect(actor.getSnapshot().matches({ active: { idle: 'counting' } })).toBe(true);
  });

  it('elderly mode waits 180 s, and turning it on restarts the count', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    vi.advanceTimersByTime(60_000);
    actor.send({ type: 'user.setElderly', elderly: true });
    vi.advanceTimersByTime(165_000 - 1);
    expect(actor.getSnapshot().matches({ active: { idle: 'counting' } })).toBe(true);
    vi.advanceTimersByTime(1);
    expect(actor.getSnapshot().matches({ active: { idle: 'warning' } })).toBe(true);
    vi.advanceTimersByTime(15_000);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('takes its timing from the input', () => {
    const machine = sessionMachine.provide({ actors: { guide: twoStepFlow } });
    const actor = createActor(machine, {
      input: { ...input, timing: { ...timing, idleSeconds: 30, warningSeconds: 10 } },
    }).start();
    actor.send({ type: 'user.wake' });
    vi.advanceTimersByTime(20_000);
    expect(actor.getSnapshot().context.countdown).toBe(10);
    vi.advanceTimersByTime(10_000);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('cancels a flow on timeout', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    expect(actor.getSnapshot().children.flow).toBeDefined();
    vi.advanceTimersByTime(90_000);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(actor.getSnapshot().children.flow).toBeUndefined();
    expect(actor.getSnapshot().context.flow).toBeNull();
  });
});

describe('home, flows, back and goodbye', () => {
  it('starts a flow the composition root supplied', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    expect(actor.getSnapshot().matches({ active: { screen: { flow: 'guide' } } })).toBe(true);
    expect(actor.getSnapshot().context.flow).toBe('guide');
  });

  it('refuses a flow that does not exist', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    expect(actor.getSnapshot().can({ type: 'user.selectFlow', flow: 'queue' })).toBe(false);
    actor.send({ type: 'user.selectFlow', flow: 'queue' });
    expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true);
  });

  it('Back steps inside the flow, and out of its first step to home', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    actor.getSnapshot().children.flow?.send({ type: 'user.next' });
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().children.flow?.getSnapshot().value).toBe('first');
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true);
    expect(actor.getSnapshot().children.flow).toBeUndefined();
  });

  it('Home leaves any step of a flow at once', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    actor.getSnapshot().children.flow?.send({ type: 'user.next' });
    actor.send({ type: 'user.home' });
    expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true);
    expect(actor.getSnapshot().children.flow).toBeUndefined();
  });

  it('a finished flow says goodbye, then returns to attract by itself', () => {
    const wipe = vi.fn();
    const actor = start({ wipe });
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    actor.getSnapshot().children.flow?.send({ type: 'user.next' });
    actor.getSnapshot().children.flow?.send({ type: 'user.next' });
    expect(actor.getSnapshot().matches({ active: { screen: 'goodbye' } })).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(wipe).toHaveBeenCalledTimes(2);
  });

  it('the citizen can end the visit from home, and leave goodbye at once', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.finish' });
    expect(actor.getSnapshot().matches({ active: { screen: 'goodbye' } })).toBe(true);
    actor.send({ type: 'user.finish' });
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('a flow that fails returns home with a notice, never a dead end', () => {
    const machine = sessionMachine.provide({
      actors: {
        guide: fromPromise(async () => {
          throw new Error('device bridge gone');
        }),
      },
    });
    const actor = createActor(machine, { input }).start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    return vi.waitFor(() => {
      expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true);
      expect(actor.getSnapshot().context.notice).toBe('flowFailed');
    });
  });

  it('a flow listed but not provided fails loudly, with how to fix it', async () => {
    const actor = createActor(sessionMachine, { input: { ...input, flows: ['queue'] } });
    const errors: unknown[] = [];
    actor.subscribe({ error: (e) => errors.push(e) });
    actor.start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'queue' });
    await vi.waitFor(() => expect(actor.getSnapshot().context.notice).toBe('flowFailed'));
    expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true);
  });
});

describe('a scanned appointment slip', () => {
  it('at attract or home starts 预约 with the code; the code is gone when the flow ends', () => {
    const machine = sessionMachine.provide({ actors: { appointment: twoStepFlow } });
    const actor = createActor(machine, { input: { ...input, flows: ['appointment'] } }).start();
    actor.send({ type: 'device.codeScanned', code: 'BDY1:A:3f2a9c1e-0000-4000-8000-000000000001' });
    expect(actor.getSnapshot().matches({ active: { screen: { flow: 'appointment' } } })).toBe(true);
    expect(actor.getSnapshot().children.flow?.getSnapshot().context.started.code).toBe(
      'BDY1:A:3f2a9c1e-0000-4000-8000-000000000001',
    );
    actor.send({ type: 'user.home' });
    expect(actor.getSnapshot().context.pendingCode).toBeNull();
    actor.send({ type: 'device.codeScanned', code: 'BDY1:T:abcdef12' });
    expect(actor.getSnapshot().context.notice).toBe('codeNotRecognised');
  });
});

describe('one flow handing over to another', () => {
  it('starts the next flow when a flow ends with switch, and not one that does not exist', async () => {
    const handsOver = (next: string) => fromPromise(async () => ({ outcome: 'switch', next }));
    const machine = sessionMachine.provide({
      actors: { queue: handsOver('guide'), idCopy: handsOver('rating'), guide: twoStepFlow },
    });
    const actor = createActor(machine, {
      input: { ...input, flows: ['queue', 'guide', 'idCopy'] },
    }).start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'queue' });
    await vi.waitFor(() =>
      expect(actor.getSnapshot().matches({ active: { screen: { flow: 'guide' } } })).toBe(true),
    );
    expect(actor.getSnapshot().context.flow).toBe('guide');
    actor.send({ type: 'user.home' });
    actor.send({ type: 'user.selectFlow', flow: 'idCopy' });
    await vi.waitFor(() =>
      expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true),
    );
  });
});

describe('language and elderly mode', () => {
  it('switch on every screen and pass to the flow', () => {
    const actor = start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.setLocale', locale: 'en' });
    actor.send({ type: 'user.setElderly', elderly: true });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    expect(actor.getSnapshot().children.flow?.getSnapshot().context.started).toEqual({
      locale: 'en',
      elderly: true,
    });
    actor.send({ type: 'user.setLocale', locale: 'zh-CN' });
    expect(actor.getSnapshot().context.locale).toBe('zh-CN');
    expect(actor.getSnapshot().matches({ active: { screen: { flow: 'guide' } } })).toBe(true);
  });
});

describe('privacy wipe', () => {
  it('every return to attract forgets the visit: mode, language, flow and its data', () => {
    const wipe = vi.fn();
    const actor = start({ wipe });
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.setLocale', locale: 'en' });
    actor.send({ type: 'user.setElderly', elderly: true });
    actor.send({ type: 'user.selectFlow', flow: 'guide' });
    actor.getSnapshot().children.flow?.send({ type: 'test.scanned', code: 'PLANTED-4401' });
    expect(JSON.stringify(actor.getPersistedSnapshot())).toContain('PLANTED-4401');
    vi.advanceTimersByTime(180_000);
    const snapshot = actor.getSnapshot();
    expect(snapshot.matches('attract')).toBe(true);
    expect(snapshot.context).toMatchObject({
      locale: 'zh-CN',
      elderly: false,
      flow: null,
      notice: null,
    });
    expect(JSON.stringify(actor.getPersistedSnapshot())).not.toContain('PLANTED-4401');
    expect(wipe).toHaveBeenCalledTimes(2);
  });

  it('wipes on Finish as well as on timeout', () => {
    const wipe = vi.fn();
    const actor = start({ wipe });
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.finish' });
    actor.send({ type: 'user.finish' });
    expect(wipe).toHaveBeenCalledTimes(2);
  });
});
