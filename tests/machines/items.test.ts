import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { DEFAULT_KIOSK_CONFIG, parseKioskCode, type Catalog } from '../../domain';
import { TEST_PERSONS } from '../../domain/testPersons';
import { createMockDevices } from '../../device-adapters/mock';
import { MockApplicationDesk } from '../../stores/applications';
import { FileCatalogSource } from '../../stores/catalog';
import { IndexedDbPrintJournal } from '../../stores/journal';
import { SEED_ENTERPRISES } from '../../stores/registry';
import { wireItemsFlow } from '../../kiosk-ui/flows/items/wiring';
import { identityServices } from '../support/identityServices';

const seed = JSON.parse(
  readFileSync(new URL('../../public/catalog.json', import.meta.url), 'utf8'),
) as Catalog;

let databases = 0;

async function rig() {
  const { devices, controls } = createMockDevices({ instant: true });
  await devices.scanner.start();
  const catalog = new FileCatalogSource({ fetch: async () => new Response(JSON.stringify(seed)) });
  const desk = new MockApplicationDesk({ items: seed.items, respondMs: 0 });
  const journal = new IndexedDbPrintJournal({ databaseName: `items-test-${(databases += 1)}` });
  const start = () =>
    createActor(
      wireItemsFlow(devices, DEFAULT_KIOSK_CONFIG, {
        catalog,
        desk,
        journal,
        identity: identityServices(),
      }),
      { input: { locale: 'zh-CN', elderly: false } },
    ).start();
  const printed = (device: 'document' | 'receipt') =>
    controls.printed().filter((p) => p.device === device);
  return { controls, desk, start, printed };
}

type Flow = ReturnType<Awaited<ReturnType<typeof rig>>['start']>;
const identity = (flow: Flow) => flow.getSnapshot().children['identity'] as AnyActorRef;

async function asPerson(
  flow: Flow,
  controls: Awaited<ReturnType<typeof rig>>['controls'],
  slug = 'adult',
) {
  await waitFor(flow, (s) => s.matches('choose'));
  flow.send({ type: 'user.person' });
  controls.idCard.insert(slug);
  await waitFor(flow, (s) => s.matches('listing') || s.matches('refused'));
}

describe('一证通办 (itemsMachine wired to the seed catalog and the mock back office)', () => {
  it('lists only the 一证可办 items of the verified person', async () => {
    const { start, controls } = await rig();
    const flow = start();
    await asPerson(flow, controls);
    const codes = flow.getSnapshot().context.items.map((i) => i.code);
    expect(codes).toContain('SB-0001');
    expect(codes).toContain('GA-0001');
    expect(codes).not.toContain('SB-0002'); // 一照可办 only
    expect(codes).not.toContain('GA-0002'); // not 一证可办
    for (const item of flow.getSnapshot().context.items) expect(item.idCardOnly).toBe(true);
  });

  it('a kiosk item is decided and its one result printed once; asking again prints nothing more', async () => {
    const { start, controls, printed } = await rig();
    const flow = start();
    await asPerson(flow, controls);
    flow.send({ type: 'user.choose', code: 'SB-0001' });
    await waitFor(flow, (s) => s.matches('decided'));
    expect(flow.getSnapshot().context.decision?.granted).toBe(true);
    flow.send({ type: 'user.print' });
    await waitFor(flow, (s) => s.matches('finished'));
    expect(printed('document')).toHaveLength(1);
    expect(printed('document')[0]?.text).toContain('社会保险个人参保证明');

    flow.send({ type: 'user.back' });
    flow.send({ type: 'user.choose', code: 'SB-0001' });
    await waitFor(flow, (s) => s.matches('decided'));
    flow.send({ type: 'user.print' });
    await waitFor(flow, (s) => s.matches('finished'));
    expect(flow.getSnapshot().context.printSummary?.results).toEqual(['already-printed']);
    expect(printed('document')).toHaveLength(1);
  });

  it('a kiosk item the rules refuse says why and where to ask, and prints nothing', async () => {
    const { start, controls, printed } = await rig();
    const flow = start();
    await asPerson(flow, controls, 'dot-name');
    flow.send({ type: 'user.choose', code: 'GJJ-0001' });
    await waitFor(flow, (s) => s.matches('decided'));
    const { decision } = flow.getSnapshot().context;
    expect(decision?.granted).toBe(false);
    expect(decision && !decision.granted && decision.reason).toMatch(/公积金.*咨询，电话/);
    expect(flow.getSnapshot().can({ type: 'user.print' })).toBe(false);
    expect(printed('document')).toHaveLength(0);
  });

  it('a submit item: the form pre-filled from the card, materials photographed, declared, numbered, a slip with its QR', async () => {
    const { start, controls, printed, desk } = await rig();
    const flow = start();
    await asPerson(flow, controls);
    flow.send({ type: 'user.choose', code: 'SB-0004' });
    const adult = TEST_PERSONS.find((p) => p.id === 'adult')?.record;
    expect(flow.getSnapshot().context.fields).toMatchObject({
      name: adult?.name,
      idNumber: adult?.idNumber,
      bankAccount: '',
      phone: '',
    });
    flow.send({ type: 'user.next' });
    expect(flow.getSnapshot().context.refusal).toBe('missing-fields');
    expect(flow.getSnapshot().matches('form')).toBe(true);
    flow.send({ type: 'user.field', id: 'bankAccount', value: '6222 0212 0000 1234 567' });
    flow.send({ type: 'user.field', id: 'phone', value: '138-0013-8000x' });
    flow.send({ type: 'user.field', id: 'nope', value: 'ignored' });
    expect(flow.getSnapshot().context.fields).toMatchObject({
      bankAccount: '6222021200001234567',
      phone: '13800138000',
    });
    expect(flow.getSnapshot().context.fields).not.toHaveProperty('nope');
    flow.send({ type: 'user.next' });
    await waitFor(flow, (s) => s.matches({ materials: 'place' }));
    flow.send({ type: 'user.capture' });
    await waitFor(flow, (s) => s.matches('declaring'));
    expect(flow.getSnapshot().context.pages).toHaveLength(1);
    flow.send({ type: 'user.declare' });
    await waitFor(flow, (s) => s.matches('submitted'));
    const { application, slipPrinted, pages } = flow.getSnapshot().context;
    expect(pages).toEqual([]);
    expect(slipPrinted).toBe(true);
    const slip = printed('receipt')[0];
    expect(slip?.text).toContain(application?.number ?? 'none');
    const qr = slip?.ticket?.blocks.find((b) => b.kind === 'qr');
    expect(parseKioskCode(qr?.kind === 'qr' ? qr.data : '')?.kind).toBe('application');
    const found = await desk.lookup({
      number: application?.number ?? '',
      slipToken: application?.slipToken ?? '',
    });
    expect(found.found).toBe(true);
    flow.send({ type: 'user.done' });
    expect(flow.getSnapshot().output).toEqual({ outcome: 'done' });
    expect(flow.getSnapshot().context.fields).toEqual({});
  });

  it('a slip the printer could not print leaves the number on screen', async () => {
    const { start, controls } = await rig();
    const flow = start();
    await asPerson(flow, controls);
    controls.fault('receipt', 'paper-out');
    flow.send({ type: 'user.choose', code: 'YB-0003' });
    flow.send({ type: 'user.field', id: 'phone', value: '13800138000' });
    flow.send({ type: 'user.next' });
    await waitFor(flow, (s) => s.matches('declaring'));
    flow.send({ type: 'user.declare' });
    await waitFor(flow, (s) => s.matches('submitted'));
    expect(flow.getSnapshot().context.slipPrinted).toBe(false);
    expect(flow.getSnapshot().context.application?.number).toMatch(/^SQ\d{15}$/);
  });

  it('a window item hands over to 取号', async () => {
    const { start, controls } = await rig();
    const flow = start();
    await asPerson(flow, controls);
    flow.send({ type: 'user.choose', code: 'GA-0003' });
    expect(flow.getSnapshot().matches('windowItem')).toBe(true);
    flow.send({ type: 'user.queue' });
    expect(flow.getSnapshot().output).toEqual({ outcome: 'switch', next: 'queue' });
  });

  it('一照通办: a scanned licence QR and its legal representative list the 一照可办 items; anyone else is refused', async () => {
    const { start, controls } = await rig();
    const yunshan = SEED_ENTERPRISES[0]?.enterprise;
    const flow = start();
    await waitFor(flow, (s) => s.matches('choose'));
    flow.send({ type: 'user.business' });
    flow.send({ type: 'user.type', text: '91110105ma01yt7k0' });
    flow.send({ type: 'user.confirm' });
    expect(flow.getSnapshot().context.refusal).toBe('bad-credit-code');
    controls.scanner.scan(`https://license.example/verify?code=${yunshan?.creditCode}&v=2`);
    await waitFor(flow, (s) => s.matches('identifying'));
    controls.idCard.insert('adult');
    await waitFor(flow, (s) => s.matches('listing'));
    const { applicant, items } = flow.getSnapshot().context;
    expect(applicant).toMatchObject({ kind: 'business', enterpriseName: yunshan?.name });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.licenceOnly).toBe(true);

    const second = start();
    await waitFor(second, (s) => s.matches('choose'));
    second.send({ type: 'user.business' });
    second.send({ type: 'user.type', text: yunshan?.creditCode ?? '' });
    second.send({ type: 'user.confirm' });
    controls.idCard.remove();
    controls.idCard.insert('senior-60');
    await waitFor(second, (s) => s.matches('refused'));
    expect(second.getSnapshot().context.refusal).toBe('not-representative');
    expect(second.getSnapshot().context.card).toBeNull();
  });

  it('a failed face check lists nothing', async () => {
    const { start, controls } = await rig();
    const flow = start();
    await waitFor(flow, (s) => s.matches('choose'));
    flow.send({ type: 'user.person' });
    controls.face.next('mismatch');
    controls.idCard.insert('adult');
    for (let round = 1; round < 3; round += 1) {
      await waitFor(identity(flow), (s) => s.matches('faceRetry'));
      controls.face.next('mismatch');
      identity(flow).send({ type: 'user.retry' });
    }
    await waitFor(identity(flow), (s) => s.matches('refused'));
    identity(flow).send({ type: 'user.done' });
    await waitFor(flow, (s) => s.matches('choose'));
    expect(flow.getSnapshot().context.items).toEqual([]);
  });

  it('a back office that does not answer is said, and what was typed is kept for the retry', async () => {
    const { start, controls, desk } = await rig();
    const flow = start();
    await asPerson(flow, controls);
    flow.send({ type: 'user.choose', code: 'YB-0003' });
    flow.send({ type: 'user.field', id: 'phone', value: '13800138000' });
    flow.send({ type: 'user.next' });
    await waitFor(flow, (s) => s.matches('declaring'));
    desk.offline = true;
    flow.send({ type: 'user.declare' });
    await waitFor(flow, (s) => s.matches('submitFailed'));
    expect(flow.getSnapshot().context.fields['phone']).toBe('13800138000');
    desk.offline = false;
    flow.send({ type: 'user.retry' });
    await waitFor(flow, (s) => s.matches('submitted'));
  });
});
