import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, toPromise, waitFor, type AnyActorRef } from 'xstate';
import { DeviceError, type FaceMatch } from '../../../device-adapters';
import { TEST_PERSONS } from '../../../device-adapters/mock';
import type { CardLock, IdCardRecord } from '../../../domain';
import { cardStepMachine, identityMachine } from '../../../machines';

const card = (id: string): IdCardRecord => {
  const found = TEST_PERSONS.find((p) => p.id === id);
  if (!found) throw new Error(`no test person ${id}`);
  return found.record;
};

/** A lock-out that counts failed checks per card in memory and locks at `limit`. */
function memoryLockout(limit = 9) {
  const failures = new Map<string, number>();
  const checked: string[] = [];
  const lockOf = (id: string): CardLock =>
    (failures.get(id) ?? 0) >= limit
      ? { locked: true, until: '2026-11-24T10:00:00.000Z' }
      : { locked: false };
  return {
    failures,
    checked,
    actors: {
      checkFaceLock: fromPromise<CardLock, { card: IdCardRecord }>(async ({ input }) => {
        checked.push(input.card.idNumber);
        return lockOf(input.card.idNumber);
      }),
      recordFaceFailure: fromPromise<CardLock, { card: IdCardRecord }>(async ({ input }) => {
        failures.set(input.card.idNumber, (failures.get(input.card.idNumber) ?? 0) + 1);
        return lockOf(input.card.idNumber);
      }),
    },
  };
}

function start(options: {
  reads: (() => Promise<IdCardRecord>)[];
  faces?: (() => Promise<FaceMatch>)[];
  lockout?: ReturnType<typeof memoryLockout>;
  verified?: string[];
}) {
  const machine = identityMachine.provide({
    actors: {
      readCard: cardStepMachine.provide({
        actors: {
          cardOnReader: fromPromise<boolean | 'set-aside'>(async () => true),
          readIdCard: fromPromise(() => (options.reads.shift() ?? (async () => card('adult')))()),
        },
      }),
      ...(options.lockout ?? memoryLockout()).actors,
      verifyFace: fromPromise(async () => {
        options.verified?.push('face');
        const face = options.faces?.shift();
        if (face) return face();
        return { score: 0.9 };
      }),
    },
  });
  return createActor(machine, { input: { today: '2026-11-23' } }).start();
}

const mismatch = async (): Promise<FaceMatch> =>
  Promise.reject(new DeviceError('face', 'mismatch', 'someone else'));

describe('the identity step (人证核验)', () => {
  it('invokes the card step as its child `card`, then checks the face', async () => {
    const identity = start({ reads: [] });
    expect(identity.getSnapshot().children['card']).toBeDefined();
    await expect(toPromise(identity)).resolves.toEqual({ result: 'verified', card: card('adult') });
  });

  it('a card the step refuses is refused here, before the face; a retry reads again', async () => {
    const identity = start({ reads: [async () => card('expired')] });
    await waitFor(identity, (s) => s.matches('cardRefused'));
    expect(identity.getSnapshot().context.cardProblem).toBe('expired');
    expect(identity.getSnapshot().hasTag('failed')).toBe(true);
    identity.send({ type: 'user.retry' });
    await expect(toPromise(identity)).resolves.toMatchObject({ result: 'verified' });
  });

  it('a reader failure says so, and a retry reads again', async () => {
    const identity = start({
      reads: [async () => Promise.reject(new DeviceError('idCard', 'read-failed', 'x'))],
    });
    await waitFor(identity, (s) => s.matches('readFailed'));
    expect(identity.getSnapshot().context.failure).toBe('read-failed');
    identity.send({ type: 'user.retry' });
    await expect(toPromise(identity)).resolves.toMatchObject({ result: 'verified' });
  });

  it('is busy while it verifies, and refuses after three failed face checks', async () => {
    const identity = start({ reads: [], faces: [mismatch, mismatch, mismatch] });
    await waitFor(identity, (s) => s.matches('faceRetry'));
    identity.send({ type: 'user.retry' });
    expect(identity.getSnapshot().hasTag('busy')).toBe(true);
    await waitFor(identity, (s) => s.matches('faceRetry'));
    identity.send({ type: 'user.retry' });
    await waitFor(identity, (s) => s.matches('refused'));
    expect(identity.getSnapshot().context.card).toBeNull();
    identity.send({ type: 'user.done' });
    await expect(toPromise(identity)).resolves.toEqual({ result: 'refused' });
  });

  it('Back while the card is awaited leaves without a card', async () => {
    const identity = start({ reads: [() => new Promise<IdCardRecord>(() => {})] });
    const child = () => identity.getSnapshot().children['card'] as AnyActorRef;
    await waitFor(child(), (s) => s.hasTag('busy'));
    identity.send({ type: 'user.back' });
    await expect(toPromise(identity)).resolves.toEqual({ result: 'back' });
  });
});

describe('the face lock-out in the identity step', () => {
  it('counts every failed face check of the card, and a card locked out is refused before the camera', async () => {
    const lockout = memoryLockout(3);
    const verified: string[] = [];
    const first = start({ reads: [], faces: [mismatch, mismatch, mismatch], lockout, verified });
    await waitFor(first, (s) => s.matches('faceRetry'));
    first.send({ type: 'user.retry' });
    await waitFor(first, (s) => s.matches('faceRetry'));
    first.send({ type: 'user.retry' });
    // The third failure reaches the limit: the card is locked out, not merely refused.
    await waitFor(first, (s) => s.matches('lockedOut'));
    expect(lockout.failures.get(card('adult').idNumber)).toBe(3);
    expect(first.getSnapshot().context).toMatchObject({
      card: null,
      lockedUntil: '2026-11-24T10:00:00.000Z',
    });
    expect(first.getSnapshot().hasTag('failed')).toBe(true);
    first.send({ type: 'user.done' });
    await expect(toPromise(first)).resolves.toEqual({ result: 'refused' });

    verified.length = 0;
    const again = start({ reads: [], lockout, verified });
    await waitFor(again, (s) => s.matches('lockedOut'));
    expect(verified).toEqual([]); // the camera was never asked
    expect(again.getSnapshot().context.lockedUntil).toBe('2026-11-24T10:00:00.000Z');
    again.send({ type: 'user.done' });
    await expect(toPromise(again)).resolves.toEqual({ result: 'refused' });

    const other = start({ reads: [async () => card('senior-60')], lockout });
    await expect(toPromise(other)).resolves.toMatchObject({ result: 'verified' });
  });

  it('a failure stepped away from still counts: Back after two failures leaves them counted', async () => {
    const lockout = memoryLockout();
    const identity = start({ reads: [], faces: [mismatch, mismatch], lockout });
    await waitFor(identity, (s) => s.matches('faceRetry'));
    identity.send({ type: 'user.retry' });
    await waitFor(identity, (s) => s.matches('faceRetry'));
    identity.send({ type: 'user.back' });
    await expect(toPromise(identity)).resolves.toEqual({ result: 'back' });
    expect(lockout.failures.get(card('adult').idNumber)).toBe(2);
  });

  it('a verifier fault is not counted against the person', async () => {
    const lockout = memoryLockout();
    const identity = start({
      reads: [],
      faces: [async () => Promise.reject(new DeviceError('face', 'offline', 'x'))],
      lockout,
    });
    await waitFor(identity, (s) => s.matches('faceFailed'));
    expect(lockout.failures.size).toBe(0);
  });

  it('no face check while the lock-out cannot be read; a retry asks again', async () => {
    let calls = 0;
    const lockout = memoryLockout();
    const failing = {
      ...lockout,
      actors: {
        ...lockout.actors,
        checkFaceLock: fromPromise<CardLock, { card: IdCardRecord }>(async () => {
          calls += 1;
          if (calls === 1) throw new Error('IndexedDB unavailable');
          return { locked: false };
        }),
      },
    };
    const verified: string[] = [];
    const identity = start({ reads: [], lockout: failing, verified });
    await waitFor(identity, (s) => s.matches('lockCheckFailed'));
    expect(verified).toEqual([]);
    identity.send({ type: 'user.retry' });
    await expect(toPromise(identity)).resolves.toMatchObject({ result: 'verified' });
  });
});
