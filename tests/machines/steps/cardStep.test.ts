import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, toPromise, waitFor } from 'xstate';
import { DeviceError } from '../../../device-adapters';
import { TEST_PERSONS } from '../../../device-adapters/mock';
import type { CalendarDate, IdCardRecord } from '../../../domain';
import { cardStepMachine } from '../../../machines';

const card = (id: string): IdCardRecord => {
  const found = TEST_PERSONS.find((p) => p.id === id);
  if (!found) throw new Error(`no test person ${id}`);
  return found.record;
};

const TODAY: CalendarDate = '2026-11-23';

function start(options: {
  onReader?: () => Promise<boolean | 'set-aside'>;
  read: () => Promise<IdCardRecord>;
  today?: CalendarDate | null;
}) {
  const machine = cardStepMachine.provide({
    actors: {
      cardOnReader: fromPromise<boolean | 'set-aside'>(options.onReader ?? (async () => false)),
      readIdCard: fromPromise(options.read),
    },
  });
  const today = options.today === undefined ? TODAY : options.today;
  return createActor(machine, { input: { today } }).start();
}

/** A read that waits until the test lets it answer. */
function pendingRead() {
  let answer: (record: IdCardRecord) => void = () => {};
  const read = () => new Promise<IdCardRecord>((resolve) => (answer = resolve));
  return { read, answer: (record: IdCardRecord) => answer(record) };
}

afterEach(() => vi.useRealTimers());

describe('the card step (读取身份证)', () => {
  it('reads a card that already lies on the reader, busy while it reads', async () => {
    const { read, answer } = pendingRead();
    const step = start({ onReader: async () => true, read });
    await waitFor(step, (s) => s.matches({ reading: 'cardPresent' }));
    expect(step.getSnapshot().hasTag('busy')).toBe(true);
    answer(card('adult'));
    await expect(toPromise(step)).resolves.toEqual({ result: 'read', card: card('adult') });
  });

  it('waits for a card, not busy, when none lies on the reader, and reads the one laid on it', async () => {
    const { read, answer } = pendingRead();
    const step = start({ read });
    await waitFor(step, (s) => s.matches({ reading: 'awaitingCard' }));
    expect(step.getSnapshot().hasTag('busy')).toBe(false);
    answer(card('adult'));
    await expect(toPromise(step)).resolves.toMatchObject({ result: 'read' });
  });

  it('does not take a card set aside by an ended visit, and reads it once placed again', async () => {
    const { read, answer } = pendingRead();
    const step = start({ onReader: async () => 'set-aside', read });
    await waitFor(step, (s) => s.matches({ reading: 'cardSetAside' }));
    expect(step.getSnapshot().hasTag('busy')).toBe(false);
    answer(card('adult'));
    await expect(toPromise(step)).resolves.toMatchObject({ result: 'read' });
  });

  it('reads all the same when the reader cannot say whether a card is there', async () => {
    const step = start({
      onReader: async () => Promise.reject(new DeviceError('idCard', 'offline', 'x')),
      read: async () => card('adult'),
    });
    await expect(toPromise(step)).resolves.toMatchObject({ result: 'read' });
  });

  it.each([
    ['expired', 'expired'],
    ['invalid-check', 'bad-number'],
  ])('refuses the %s card with its problem, and keeps no card', async (id, problem) => {
    const step = start({ read: async () => card(id) });
    await expect(toPromise(step)).resolves.toEqual({ result: 'refused', problem });
    expect(step.getSnapshot().context.card).toBeNull();
  });

  it('checks nothing when the flow gives no day (签到 takes any card that reads)', async () => {
    const step = start({ read: async () => card('expired'), today: null });
    await expect(toPromise(step)).resolves.toMatchObject({ result: 'read' });
  });

  it('reads the card again when it was pulled out mid-read and put back, saying why meanwhile', async () => {
    let reads = 0;
    let putBack: (record: IdCardRecord) => void = () => {};
    const step = start({
      read: () => {
        reads += 1;
        if (reads === 1) return Promise.reject(new DeviceError('idCard', 'card-removed', 'pulled'));
        return new Promise<IdCardRecord>((resolve) => (putBack = resolve));
      },
    });
    await waitFor(step, (s) => s.matches('cardRemoved'));
    expect(step.getSnapshot().context.failure).toBe('card-removed');
    expect(step.getSnapshot().hasTag('failed')).toBe(false);
    await waitFor(step, () => reads === 2);
    expect(step.getSnapshot().matches({ reading: 'awaitingCard' })).toBe(true);
    expect(step.getSnapshot().context.failure).toBe('card-removed');
    putBack(card('adult'));
    await expect(toPromise(step)).resolves.toEqual({ result: 'read', card: card('adult') });
    expect(step.getSnapshot().context.failure).toBeNull();
  });

  it.each(['read-failed', 'timeout', 'offline'] as const)(
    'ends with the reader failure (%s)',
    async (code) => {
      const step = start({
        read: async () => Promise.reject(new DeviceError('idCard', code, code)),
      });
      await expect(toPromise(step)).resolves.toEqual({ result: 'failed', failure: code });
      expect(step.getSnapshot().hasTag('failed')).toBe(true);
    },
  );

  it('gives up with a timeout when the reader never answers, past its own bound', async () => {
    vi.useFakeTimers();
    const step = start({ read: () => new Promise<IdCardRecord>(() => {}) });
    await vi.advanceTimersByTimeAsync(89_000);
    expect(step.getSnapshot().status).toBe('active');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(step.getSnapshot().output).toEqual({ result: 'failed', failure: 'timeout' });
  });
});
