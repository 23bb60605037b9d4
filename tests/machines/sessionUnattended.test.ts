import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assign, createActor, fromCallback, fromPromise, setup, type EventObject } from 'xstate';
import { DeviceError } from '../../device-adapters';
import type { FlowInput, FlowOutput } from '../../domain';
import { createSessionMachine, printStepMachine, type SessionInput } from '../../machines';
import type { PrintActorOutput } from '../../machines/steps/printStep';

// Issue 11, "Citizens lose things": the session knows whether a card lies on the reader, sets a
// card left at the end of a visit aside, and never lets a timer or a button interrupt a device.

const timing = { idleSeconds: 90, elderlyIdleSeconds: 180, warningSeconds: 15, goodbyeSeconds: 10 };
const input: SessionInput = { timing, defaultLocale: 'zh-CN', flows: ['print'] };

/** A sheet that prints until the test lets it finish (or fail). */
function pendingSheet() {
  let finish: () => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const print = fromPromise<PrintActorOutput, object>(
    () =>
      new Promise<PrintActorOutput>((resolve, reject) => {
        finish = () => resolve(undefined);
        fail = reject;
      }),
  );
  return { print, finish: () => finish(), fail: (error: unknown) => fail(error) };
}

/** A flow that prints one sheet with the shared print step, which asks about a failure. */
function printingFlow(print: ReturnType<typeof pendingSheet>['print']) {
  return setup({
    types: {
      input: {} as FlowInput,
      output: {} as FlowOutput,
      context: {} as { outcome: FlowOutput['outcome'] },
      events: {} as { type: 'user.print' } | { type: 'user.back' } | { type: 'user.done' },
    },
    actors: { printJobs: printStepMachine.provide({ actors: { print } }) },
  }).createMachine({
    id: 'printFlow',
    context: { outcome: 'back' },
    initial: 'preview',
    output: ({ context }) => ({ outcome: context.outcome }),
    states: {
      preview: { on: { 'user.print': 'printing', 'user.back': 'ended' } },
      printing: {
        invoke: {
          id: 'printing',
          src: 'printJobs',
          input: { jobs: [{ sheet: 1 }], onFailure: 'ask' },
          onDone: { target: 'finished', actions: assign({ outcome: 'done' }) },
        },
      },
      finished: { on: { 'user.done': 'ended', 'user.back': 'ended' } },
      ended: { type: 'final' },
    },
  });
}

/** A reader watch that records what the session tells it, and lets the test lay or take a card. */
function fakeReader() {
  const told: string[] = [];
  let send: (event: { type: 'device.card'; present: boolean }) => void = () => {};
  const logic = fromCallback<EventObject>(({ sendBack, receive }) => {
    send = sendBack;
    receive((event) => told.push(event.type));
  });
  return {
    logic,
    told,
    lay: () => send({ type: 'device.card', present: true }),
    take: () => send({ type: 'device.card', present: false }),
  };
}

function start(options: { print?: ReturnType<typeof pendingSheet>['print'] } = {}) {
  const reader = fakeReader();
  const sheet = pendingSheet();
  const machine = createSessionMachine(['print']).provide({
    actors: { print: printingFlow(options.print ?? sheet.print), cardReader: reader.logic },
  });
  const actor = createActor(machine, { input }).start();
  return { actor, reader, sheet };
}

/** Into the flow and on to printing its sheet. */
async function printing(actor: ReturnType<typeof start>['actor']) {
  actor.send({ type: 'user.wake' });
  actor.send({ type: 'user.selectFlow', flow: 'print' });
  actor.getSnapshot().children.flow?.send({ type: 'user.print' });
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('item 1: the session knows when a card is left on the reader', () => {
  it('follows the reader, and a visit that ends with the card on it sets the card aside', async () => {
    const { actor, reader } = start();
    // The kiosk starts between visits: a card lying there already belongs to nobody's visit.
    expect(reader.told).toEqual(['visit.ended']);
    reader.lay();
    actor.send({ type: 'user.wake' });
    expect(actor.getSnapshot().context.cardOnReader).toBe(true);
    actor.send({ type: 'user.finish' });
    expect(actor.getSnapshot().matches({ active: { screen: 'goodbye' } })).toBe(true);
    expect(actor.getSnapshot().context.cardOnReader).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    // The visit's end forgets the visit, not the card still on the reader: attract reminds.
    expect(actor.getSnapshot().context.cardOnReader).toBe(true);
    expect(reader.told).toEqual(['visit.ended', 'visit.ended']);
    reader.take();
    expect(actor.getSnapshot().context.cardOnReader).toBe(false);
  });

  it('an idle timeout ends the visit like 完成 does', async () => {
    const { actor, reader } = start();
    reader.lay();
    actor.send({ type: 'user.wake' });
    await vi.advanceTimersByTimeAsync(90_000);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(actor.getSnapshot().context.cardOnReader).toBe(true);
    expect(reader.told).toEqual(['visit.ended', 'visit.ended']);
  });
});

describe('item 2: no timer and no button interrupts a device at work', () => {
  it('the idle count waits while a sheet prints, and starts afresh once it is out', async () => {
    const { actor, sheet } = start();
    await printing(actor);
    expect(actor.getSnapshot().context.busy).toBe('print');
    expect(actor.getSnapshot().matches({ active: { idle: 'paused' } })).toBe(true);
    // Longer than the whole idle timeout (the print step's own backstop is 150 s).
    await vi.advanceTimersByTimeAsync(140_000);
    expect(actor.getSnapshot().matches({ active: { screen: { flow: 'print' } } })).toBe(true);
    sheet.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().context.busy).toBeNull();
    expect(actor.getSnapshot().matches({ active: { idle: 'counting' } })).toBe(true);
    await vi.advanceTimersByTimeAsync(90_000 - 1);
    expect(actor.getSnapshot().matches('active')).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('a warning already counting down gives way to a device that starts working', async () => {
    const { actor } = start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'print' });
    await vi.advanceTimersByTimeAsync(80_000);
    expect(actor.getSnapshot().context.countdown).not.toBeNull();
    actor.getSnapshot().children.flow?.send({ type: 'user.print' });
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().matches({ active: { idle: 'paused' } })).toBe(true);
    expect(actor.getSnapshot().context.countdown).toBeNull();
  });

  it('返回首页 while printing waits for the sheet, says so, then goes home', async () => {
    const { actor, sheet } = start();
    await printing(actor);
    actor.send({ type: 'user.home' });
    expect(actor.getSnapshot().matches({ active: { screen: { flow: 'print' } } })).toBe(true);
    expect(actor.getSnapshot().context.goingHome).toBe('print');
    // Nor does 上一步 reach the flow while its printer works.
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().children.flow?.getSnapshot().value).toBe('printing');
    sheet.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true);
    expect(actor.getSnapshot().context.goingHome).toBeNull();
  });

  it('返回首页 while printing stays to explain a sheet that failed, and leaves on the next tap', async () => {
    const { actor, sheet } = start();
    await printing(actor);
    actor.send({ type: 'user.home' });
    sheet.fail(new DeviceError('document', 'jam', 'jammed'));
    await vi.advanceTimersByTimeAsync(0);
    expect(actor.getSnapshot().matches({ active: { screen: { flow: 'print' } } })).toBe(true);
    expect(actor.getSnapshot().context.goingHome).toBeNull();
    actor.send({ type: 'user.home' });
    expect(actor.getSnapshot().matches({ active: { screen: 'home' } })).toBe(true);
  });
});
