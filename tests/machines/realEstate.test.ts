import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { DEFAULT_KIOSK_CONFIG, type DeviceKind } from '../../domain';
import { IndexedDbPrintJournal } from '../../stores/journal';
import { createMockDevices } from '../../device-adapters/mock';
import { MockLicenceRegistry } from '../../stores/registry';
import { wireRealEstateFlow } from '../../kiosk-ui/flows/realEstate/wiring';
import { identityServices } from '../support/identityServices';

let databases = 0;

function rig(unavailable?: DeviceKind[]) {
  const { devices, controls } = createMockDevices({ instant: true });
  const registry = new MockLicenceRegistry({ respondMs: 0 });
  const journal = new IndexedDbPrintJournal({ databaseName: `estate-test-${(databases += 1)}` });
  const machine = wireRealEstateFlow(
    devices,
    DEFAULT_KIOSK_CONFIG,
    registry,
    journal,
    identityServices(),
  );
  const flow = createActor(machine, {
    input: { locale: 'zh-CN', elderly: false, ...(unavailable ? { unavailable } : {}) },
  }).start();
  const documents = () => controls.printed().filter((p) => p.device === 'document');
  return { flow, controls, registry, journal, documents };
}

type Flow = ReturnType<typeof rig>['flow'];

async function pick(flow: Flow, parts: string[]) {
  for (const part of parts) {
    await waitFor(flow, (s) => s.matches('choosingAddress'));
    expect(flow.getSnapshot().context.options).toContain(part);
    flow.send({ type: 'user.pickAddress', part });
  }
  await waitFor(flow, (s) => s.matches('result') || s.matches('notFound'));
}

const SEIZED = ['朝阳区', '建国路街道', '建国路88号院', '3号楼', '2单元502'];
const ZHANG_WEIS = ['朝阳区', '建国路街道', '建国路88号院', '3号楼', '2单元501'];

describe('不动产查询 (realEstateMachine wired to the mock register)', () => {
  it('with the document printer out at start, shows the result but offers no printing', async () => {
    const { flow, documents } = rig(['document']);
    await pick(flow, ZHANG_WEIS);
    expect(flow.getSnapshot().context.answer?.view.use).toBe('住宅');
    expect(flow.getSnapshot().context.printing).toBe(false);
    expect(flow.getSnapshot().can({ type: 'user.print' })).toBe(false);
    expect(flow.getSnapshot().can({ type: 'user.identify' })).toBe(true);
    flow.send({ type: 'user.print' });
    expect(flow.getSnapshot().matches('result')).toBe(true);
    expect(documents()).toEqual([]);
  });

  it('with the card reader or the face verifier out, offers no owner verification', async () => {
    const { flow } = rig(['face']);
    await pick(flow, ZHANG_WEIS);
    expect(flow.getSnapshot().can({ type: 'user.identify' })).toBe(false);
    expect(flow.getSnapshot().can({ type: 'user.print' })).toBe(true);
  });

  it('anyone sees the natural state and a seizure, never the owners', async () => {
    const { flow } = rig();
    await pick(flow, SEIZED);
    const view = flow.getSnapshot().context.answer?.view;
    expect(view).toMatchObject({ use: '住宅', owners: null, certificateNumber: null });
    expect(view?.seizures[0]?.authority).toBe('北京市朝阳区人民法院');
    expect(JSON.stringify(flow.getSnapshot().context)).not.toContain('李明');
  });

  it('shows a mortgage without its amount to a stranger, and the owners to the owner after verification', async () => {
    const { flow, controls } = rig();
    await pick(flow, ZHANG_WEIS);
    expect(flow.getSnapshot().context.answer?.view.mortgages[0]).toMatchObject({
      holder: '中国建设银行股份有限公司北京朝阳支行',
      amount: null,
    });
    flow.send({ type: 'user.identify' });
    await waitFor(flow, (s) => s.matches('identifying'));
    controls.idCard.insert('adult');
    await waitFor(flow, (s) => s.matches('result') && s.context.card !== null);
    const view = flow.getSnapshot().context.answer?.view;
    expect(view?.owners?.[0]).toMatchObject({ name: '张伟', share: '单独所有' });
    expect(view?.owners?.[0]?.maskedId).not.toBe(controls.idCard.card?.idNumber);
    expect(view?.mortgages[0]?.amount).toBe('186 万元');
  });

  it('tells someone who verified but is not an owner that only public details are shown', async () => {
    const { flow, controls } = rig();
    await pick(flow, SEIZED);
    flow.send({ type: 'user.identify' });
    await waitFor(flow, (s) => s.matches('identifying'));
    controls.idCard.insert('adult');
    await waitFor(flow, (s) => s.matches('result') && s.context.card !== null);
    expect(flow.getSnapshot().context.identityNotice).toBe('notOwner');
    expect(flow.getSnapshot().context.answer?.view.owners).toBeNull();
  });

  it('prints the result with a verification QR, journalled, and forgets the card at the end', async () => {
    const { flow, documents, controls } = rig();
    await pick(flow, ZHANG_WEIS);
    flow.send({ type: 'user.identify' });
    await waitFor(flow, (s) => s.matches('identifying'));
    controls.idCard.insert('adult');
    await waitFor(flow, (s) => s.matches('result') && s.context.card !== null);
    flow.send({ type: 'user.print' });
    await waitFor(flow, (s) => s.matches('finished'));
    const [printed] = documents();
    expect(printed?.title).toBe('不动产登记信息查询结果（权利人）');
    expect(printed?.text).toContain('朝阳区建国路街道建国路88号院3号楼2单元501');
    expect(printed?.document?.qr?.[0]).toContain('110105003001GB00012F00030501');
    flow.send({ type: 'user.done' });
    await waitFor(flow, (s) => s.status === 'done');
    expect(flow.getSnapshot().context.card).toBeNull();
    expect(flow.getSnapshot().context.answer).toBeNull();
  });

  it('steps back up the address levels and out', async () => {
    const { flow } = rig();
    await waitFor(flow, (s) => s.matches('choosingAddress'));
    flow.send({ type: 'user.pickAddress', part: '朝阳区' });
    await waitFor(flow, (s) => s.matches('choosingAddress') && s.context.path.length === 1);
    flow.send({ type: 'user.pickAddress', part: '不存在的街道' }); // not offered: ignored
    expect(flow.getSnapshot().context.path).toEqual(['朝阳区']);
    flow.send({ type: 'user.back' });
    await waitFor(flow, (s) => s.matches('choosingAddress') && s.context.path.length === 0);
    flow.send({ type: 'user.back' });
    await waitFor(flow, (s) => s.status === 'done');
    expect(flow.getSnapshot().output).toEqual({ outcome: 'back' });
  });

  it('a register that does not answer is said so and can be retried', async () => {
    const { flow, registry } = rig();
    registry.offline = true;
    await waitFor(flow, (s) => s.matches('registryFailed'));
    registry.offline = false;
    flow.send({ type: 'user.retry' });
    await waitFor(flow, (s) => s.matches('choosingAddress'));
  });

  it('the owner verification refuses after three failed face checks and keeps the public view', async () => {
    const { flow, controls } = rig();
    await pick(flow, ZHANG_WEIS);
    flow.send({ type: 'user.identify' });
    await waitFor(flow, (s) => s.matches('identifying'));
    const identity = () => flow.getSnapshot().children['identity'] as AnyActorRef;
    controls.face.next('mismatch');
    controls.idCard.insert('adult');
    for (let i = 0; i < 2; i += 1) {
      await waitFor(identity(), (s) => s.matches('faceRetry'));
      controls.face.next('mismatch');
      identity().send({ type: 'user.retry' });
    }
    await waitFor(identity(), (s) => s.matches('refused'));
    identity().send({ type: 'user.done' });
    await waitFor(flow, (s) => s.matches('result'));
    expect(flow.getSnapshot().context).toMatchObject({ identityNotice: 'refused', card: null });
    expect(flow.getSnapshot().context.answer?.view.owners).toBeNull();
  });
});
