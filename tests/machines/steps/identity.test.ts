import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, toPromise, waitFor, type AnyActorRef } from 'xstate';
import { DeviceError, type FaceMatch } from '../../../device-adapters';
import { TEST_PERSONS } from '../../../device-adapters/mock';
import type { IdCardRecord } from '../../../domain';
import { cardStepMachine, identityMachine } from '../../../machines';

const card = (id: string): IdCardRecord => {
  const found = TEST_PERSONS.find((p) => p.id === id);
  if (!found) throw new Error(`no test person ${id}`);
  return found.record;
};

function start(options: {
  reads: (() => Promise<IdCardRecord>)[];
  faces?: (() => Promise<FaceMatch>)[];
}) {
  const machine = identityMachine.provide({
    actors: {
      readCard: cardStepMachine.provide({
        actors: {
          cardOnReader: fromPromise(async () => true),
          readIdCard: fromPromise(() => (options.reads.shift() ?? (async () => card('adult')))()),
        },
      }),
      verifyFace: fromPromise(async () => {
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
      reads: [async () => Promise.reject(new DeviceError('idCard', 'card-removed', 'x'))],
    });
    await waitFor(identity, (s) => s.matches('readFailed'));
    expect(identity.getSnapshot().context.failure).toBe('card-removed');
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
