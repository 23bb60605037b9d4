import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { DEFAULT_KIOSK_CONFIG } from '../../domain';
import { TEST_PERSONS, createMockDevices } from '../../device-adapters/mock';
import { IndexedDbPrintJournal } from '../../stores/journal';
import { MockLicenceRegistry } from '../../stores/registry';
import { wireLicencePrintFlow } from '../../kiosk-ui/flows/licencePrint/wiring';
import { identityServices } from '../support/identityServices';

const config = { ...DEFAULT_KIOSK_CONFIG, kioskId: 'kiosk-test' };

/** One kiosk: mock devices, the registry, a journal and the identity stores, shared by visits. */
function kiosk() {
  const { devices, controls } = createMockDevices({ instant: true });
  const registry = new MockLicenceRegistry({ respondMs: 0 });
  const journal = new IndexedDbPrintJournal({ databaseName: `lockout-journal-${Math.random()}` });
  const identity = identityServices({ kioskId: 'kiosk-test' });
  const machine = wireLicencePrintFlow(devices, config, registry, journal, identity);
  const visit = () => createActor(machine, { input: { locale: 'zh-CN', elderly: false } }).start();
  return { controls, identity, visit };
}

type Visit = ReturnType<ReturnType<typeof kiosk>['visit']>;
const identityOf = (flow: Visit) => flow.getSnapshot().children['identity'] as AnyActorRef;

/** A visit whose card is read and whose face fails every try: ends refused or locked out. */
async function failedRound(k: ReturnType<typeof kiosk>, person: string) {
  const flow = k.visit();
  await waitFor(flow, (s) => s.matches('identifying'));
  k.controls.face.next('mismatch');
  k.controls.idCard.insert(person);
  for (;;) {
    const identity = await waitFor(identityOf(flow), (s) =>
      ['faceRetry', 'refused', 'lockedOut'].some((state) => s.matches(state)),
    );
    if (!identity.matches('faceRetry')) {
      const ended = identity.value as string;
      k.controls.idCard.remove();
      identityOf(flow).send({ type: 'user.done' });
      await waitFor(flow, (s) => s.status === 'done');
      return ended;
    }
    k.controls.face.next('mismatch');
    identityOf(flow).send({ type: 'user.retry' });
  }
}

describe('the face lock-out, wired (人证核验 in 证照打印)', () => {
  it('after three failed rounds the same card is refused at once; another card is not', async () => {
    const k = kiosk();
    expect(await failedRound(k, 'adult')).toBe('refused');
    expect(await failedRound(k, 'adult')).toBe('refused');
    // The ninth failed check locks the card out.
    expect(await failedRound(k, 'adult')).toBe('lockedOut');

    const fourth = k.visit();
    await waitFor(fourth, (s) => s.matches('identifying'));
    k.controls.idCard.insert('adult');
    const refused = await waitFor(identityOf(fourth), (s) => s.matches('lockedOut'));
    expect(Date.parse(refused.context.lockedUntil as string) - Date.now()).toBeGreaterThan(
      23.9 * 3_600_000,
    );
    k.controls.idCard.remove();

    const other = k.visit();
    await waitFor(other, (s) => s.matches('identifying'));
    k.controls.idCard.insert('senior-60');
    await waitFor(other, (s) => s.matches('choose') || s.matches('loadFailed'));

    // What staff will read: when, where and a key, never the name or the number.
    const refusals = await k.identity.faceLockout.refusals();
    expect(refusals.map((r) => r.kind)).toEqual(['locked', 'refused']);
    const adult = TEST_PERSONS.find((p) => p.id === 'adult')?.record;
    const stored = JSON.stringify(refusals);
    expect(stored).not.toContain(adult?.idNumber ?? 'missing');
    expect(stored).not.toContain(adult?.name ?? 'missing');
    expect(refusals[0]?.holderKey).toBe(
      await k.identity.holderKeys.stable(adult?.idNumber ?? '', 'face-lockout'),
    );
  });
});
