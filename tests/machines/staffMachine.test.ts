import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import {
  afterWrongPin,
  isEntryLocked,
  OPEN_ENTRY,
  WRONG_PINS_BEFORE_LOCK,
  type EntryLock,
} from '../../domain';
import {
  STAFF_IDLE_MS,
  staffMachine,
  type CloseReason,
  type EntryState,
  type PinCheck,
} from '../../machines';

const PIN = '246810';

/**
 * The console's door as the composition root supplies it, in memory: the PIN (plain here; the
 * store keeps a hash), the entry lock kept by the domain's rules, and what was audited.
 */
function door(options: { pin?: string | null; failRead?: boolean } = {}) {
  const state = {
    pin: options.pin === undefined ? PIN : options.pin,
    lock: OPEN_ENTRY as EntryLock,
    closes: [] as CloseReason[],
    closed: [] as boolean[],
    audited: [] as string[],
  };
  const machine = staffMachine.provide({
    actors: {
      readEntry: fromPromise<EntryState>(async () => {
        if (options.failRead) throw new Error('store unavailable');
        const now = new Date();
        return {
          pinSet: state.pin !== null,
          lockedUntil: isEntryLocked(state.lock, now) ? state.lock.lockedUntil : null,
        };
      }),
      checkPin: fromPromise<PinCheck, { pin: string }>(async ({ input }) => {
        if (input.pin === state.pin) {
          state.lock = OPEN_ENTRY;
          state.audited.push('entry');
          return { ok: true };
        }
        state.lock = afterWrongPin(state.lock, new Date());
        state.audited.push('entry-refused');
        if (state.lock.lockedUntil !== null) {
          state.audited.push('entry-locked');
          return { ok: false, wrongLeft: 0, lockedUntil: state.lock.lockedUntil };
        }
        return {
          ok: false,
          wrongLeft: WRONG_PINS_BEFORE_LOCK - state.lock.wrong,
          lockedUntil: null,
        };
      }),
      setPin: fromPromise<undefined, { pin: string }>(async ({ input }) => {
        state.pin = input.pin;
        state.audited.push('pin-set');
      }),
      closeConsole: fromPromise<undefined, { reason: CloseReason }>(async ({ input }) => {
        state.closes.push(input.reason);
      }),
    },
    actions: {
      consoleClosed: (_, params: { changed: boolean }) => state.closed.push(params.changed),
    },
  });
  const actor = createActor(machine).start();
  return { actor, state };
}

type Actor = ReturnType<typeof door>['actor'];

function type(actor: Actor, digits: string) {
  for (const key of digits) actor.send({ type: 'pin.key', key });
  actor.send({ type: 'pin.submit' });
}

/** Lets the promise actors settle (fake timers do not hold microtasks). */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-02T03:00:00Z') }));
afterEach(() => vi.useRealTimers());

describe('entry', () => {
  it('stays closed until opened, then asks for the PIN and opens on the right one', async () => {
    const { actor, state } = door();
    expect(actor.getSnapshot().value).toBe('closed');
    actor.send({ type: 'pin.key', key: '1' });
    expect(actor.getSnapshot().context.typed).toBe('');
    actor.send({ type: 'staff.open' });
    await settle();
    expect(actor.getSnapshot().matches({ entering: 'askingPin' })).toBe(true);
    type(actor, PIN);
    await settle();
    expect(actor.getSnapshot().value).toBe('open');
    expect(actor.getSnapshot().context.typed).toBe('');
    expect(state.audited).toEqual(['entry']);
  });

  it('takes digits only, at most 12, and erases the last', async () => {
    const { actor } = door();
    actor.send({ type: 'staff.open' });
    await settle();
    for (const key of ['1', 'a', '2', '', '33']) actor.send({ type: 'pin.key', key });
    expect(actor.getSnapshot().context.typed).toBe('12');
    actor.send({ type: 'pin.erase' });
    expect(actor.getSnapshot().context.typed).toBe('1');
    for (let i = 0; i < 20; i += 1) actor.send({ type: 'pin.key', key: '9' });
    expect(actor.getSnapshot().context.typed).toHaveLength(12);
  });

  it('refuses a PIN too short to be one without counting it as wrong', async () => {
    const { actor, state } = door();
    actor.send({ type: 'staff.open' });
    await settle();
    type(actor, '123');
    expect(actor.getSnapshot().context.error).toBe('short');
    expect(actor.getSnapshot().matches({ entering: 'askingPin' })).toBe(true);
    expect(state.lock.wrong).toBe(0);
  });

  it('says how many tries are left after a wrong PIN, and clears what was typed', async () => {
    const { actor } = door();
    actor.send({ type: 'staff.open' });
    await settle();
    type(actor, '111111');
    await settle();
    const { context } = actor.getSnapshot();
    expect(context).toMatchObject({ error: 'wrong', wrongLeft: 4, typed: '' });
  });

  it('asks a kiosk with no PIN to set one, typed twice; a mismatch starts again', async () => {
    const { actor, state } = door({ pin: null });
    actor.send({ type: 'staff.open' });
    await settle();
    expect(actor.getSnapshot().matches({ entering: { settingPin: 'first' } })).toBe(true);
    type(actor, '135791');
    expect(actor.getSnapshot().matches({ entering: { settingPin: 'again' } })).toBe(true);
    type(actor, '135792');
    expect(actor.getSnapshot().matches({ entering: { settingPin: 'first' } })).toBe(true);
    expect(actor.getSnapshot().context.error).toBe('mismatch');
    type(actor, '135791');
    type(actor, '135791');
    await settle();
    expect(actor.getSnapshot().value).toBe('open');
    expect(state.pin).toBe('135791');
    expect(state.audited).toEqual(['pin-set']);
  });

  it('closes the pad when the store cannot be read', async () => {
    const { actor, state } = door({ failRead: true });
    actor.send({ type: 'staff.open' });
    await settle();
    expect(actor.getSnapshot().value).toBe('closed');
    expect(state.closes).toEqual(['staff']);
  });
});

describe('lockout', () => {
  it('locks entry at the fifth wrong PIN; the pad opened again stays locked', async () => {
    const { actor, state } = door();
    actor.send({ type: 'staff.open' });
    await settle();
    for (let i = 0; i < 4; i += 1) {
      type(actor, '000000');
      await settle();
    }
    expect(actor.getSnapshot().context.wrongLeft).toBe(1);
    type(actor, '000000');
    await settle();
    expect(actor.getSnapshot().matches({ entering: 'locked' })).toBe(true);
    const until = actor.getSnapshot().context.lockedUntil;
    expect(until).toBe('2026-12-02T03:05:00.000Z');
    // The right PIN now changes nothing: the locked pad takes no keys.
    type(actor, PIN);
    await settle();
    expect(actor.getSnapshot().matches({ entering: 'locked' })).toBe(true);

    actor.send({ type: 'staff.exit' });
    await settle();
    actor.send({ type: 'staff.open' });
    await settle();
    expect(actor.getSnapshot().matches({ entering: 'locked' })).toBe(true);
    expect(state.audited.filter((a) => a === 'entry-locked')).toHaveLength(1);

    // Five minutes on, the PIN is asked again and the right one opens.
    actor.send({ type: 'staff.exit' });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    actor.send({ type: 'staff.open' });
    await settle();
    expect(actor.getSnapshot().matches({ entering: 'askingPin' })).toBe(true);
    type(actor, PIN);
    await settle();
    expect(actor.getSnapshot().value).toBe('open');
  });
});

describe('closing', () => {
  async function opened() {
    const made = door();
    made.actor.send({ type: 'staff.open' });
    await settle();
    type(made.actor, PIN);
    await settle();
    expect(made.actor.getSnapshot().value).toBe('open');
    return made;
  }

  it('closes after two minutes without a touch; each touch starts the two minutes again', async () => {
    const { actor, state } = await opened();
    await vi.advanceTimersByTimeAsync(STAFF_IDLE_MS - 1_000);
    actor.send({ type: 'staff.touch' });
    await vi.advanceTimersByTimeAsync(STAFF_IDLE_MS - 1_000);
    expect(actor.getSnapshot().value).toBe('open');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(actor.getSnapshot().value).toBe('closed');
    expect(state.closes).toEqual(['idle']);
  });

  it('closes a PIN pad left alone too', async () => {
    const { actor, state } = door();
    actor.send({ type: 'staff.open' });
    await settle();
    actor.send({ type: 'pin.key', key: '2' });
    await vi.advanceTimersByTimeAsync(STAFF_IDLE_MS);
    expect(actor.getSnapshot().value).toBe('closed');
    expect(actor.getSnapshot().context.typed).toBe('');
    expect(state.closes).toEqual(['idle']);
  });

  it('closes at once when a card is laid on the reader, open or at the pad', async () => {
    const { actor, state } = await opened();
    actor.send({ type: 'card.inserted' });
    await settle();
    expect(actor.getSnapshot().value).toBe('closed');
    actor.send({ type: 'staff.open' });
    await settle();
    actor.send({ type: 'pin.key', key: '2' });
    actor.send({ type: 'card.inserted' });
    await settle();
    expect(actor.getSnapshot().value).toBe('closed');
    expect(state.closes).toEqual(['card', 'card']);
  });

  it('tells the composition root whether anything was saved, and forgets the visit', async () => {
    const { actor, state } = await opened();
    actor.send({ type: 'staff.section', section: 'hours' });
    actor.send({ type: 'staff.changed' });
    actor.send({ type: 'staff.exit' });
    await settle();
    expect(state.closed).toEqual([true]);
    expect(actor.getSnapshot().context).toMatchObject({
      section: 'items',
      changed: false,
      typed: '',
    });
    actor.send({ type: 'staff.open' });
    await settle();
    type(actor, PIN);
    await settle();
    actor.send({ type: 'staff.exit' });
    await settle();
    expect(state.closed).toEqual([true, false]);
  });
});
