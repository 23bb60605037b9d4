import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { applicationQrData, DEFAULT_KIOSK_CONFIG, type Applicant } from '../../domain';
import { TEST_PERSONS } from '../../domain/testPersons';
import { createMockDevices } from '../../device-adapters/mock';
import { MockApplicationDesk } from '../../stores/applications';
import { IndexedDbPrintJournal } from '../../stores/journal';
import { wireProgressFlow } from '../../kiosk-ui/flows/progress/wiring';
import { identityServices } from '../support/identityServices';
import { submitItem } from '../support/catalogItems';

let databases = 0;

const person = (slug: string): Extract<Applicant, { kind: 'person' }> => {
  const record = TEST_PERSONS.find((p) => p.id === slug)?.record;
  if (!record) throw new Error(slug);
  return { kind: 'person', idNumber: record.idNumber, name: record.name };
};

async function rig(code?: string) {
  const { devices, controls } = createMockDevices({ instant: true });
  await devices.scanner.start();
  const desk = new MockApplicationDesk({ items: [submitItem()], respondMs: 0 });
  const journal = new IndexedDbPrintJournal({ databaseName: `progress-test-${(databases += 1)}` });
  const submit = (slug = 'adult') =>
    desk.submit({
      itemCode: 'SB-0101',
      applicant: person(slug),
      fields: { name: '张伟', phone: '13800138000' },
      pages: [],
      declared: true,
    });
  const start = (withCode?: string) =>
    createActor(
      wireProgressFlow(devices, DEFAULT_KIOSK_CONFIG, desk, journal, identityServices()),
      {
        input: { locale: 'zh-CN', elderly: false, ...(withCode ? { code: withCode } : {}) },
      },
    ).start();
  const documents = () => controls.printed().filter((p) => p.device === 'document');
  return { controls, desk, submit, start, documents, code };
}

type Flow = ReturnType<Awaited<ReturnType<typeof rig>>['start']>;
const identity = (flow: Flow) => flow.getSnapshot().children['identity'] as AnyActorRef;

describe('进度查询 (progressMachine wired to the mock back office)', () => {
  it('a slip scanned at home shows where its application stands, and what comes next', async () => {
    const { submit, start } = await rig();
    const application = await submit();
    const flow = start(applicationQrData(application));
    await waitFor(flow, (s) => s.matches('detail'));
    expect(flow.getSnapshot().context.application).toMatchObject({
      number: application.number,
      state: 'accepted',
    });
    flow.send({ type: 'user.back' });
    expect(flow.getSnapshot().output).toEqual({ outcome: 'back' });
  });

  it('a slip scanned while the flow asks for it is looked up; any other code is refused', async () => {
    const { submit, start, controls } = await rig();
    const application = await submit();
    const flow = start();
    await waitFor(flow, (s) => s.matches({ asking: 'choose' }));
    controls.scanner.scan('BDY1:T:0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(flow.getSnapshot().context.refusal).toBe('not-a-slip');
    controls.scanner.scan(applicationQrData(application));
    await waitFor(flow, (s) => s.matches('detail'));
  });

  it('a typed number is shown only to the card it belongs to', async () => {
    const { submit, start, controls } = await rig();
    const application = await submit('adult');
    const flow = start();
    await waitFor(flow, (s) => s.matches({ asking: 'choose' }));
    flow.send({ type: 'user.byNumber' });
    flow.send({ type: 'user.type', text: 'sq123' });
    flow.send({ type: 'user.lookUp' });
    expect(flow.getSnapshot().context.refusal).toBe('bad-number');
    // A single wrong digit fails the check digit.
    const typo = `${application.number.slice(0, -1)}${(Number(application.number.at(-1)) + 1) % 10}`;
    flow.send({ type: 'user.type', text: typo });
    flow.send({ type: 'user.lookUp' });
    expect(flow.getSnapshot().context.refusal).toBe('bad-number');
    flow.send({ type: 'user.type', text: application.number.toLowerCase() });
    flow.send({ type: 'user.lookUp' });
    await waitFor(flow, (s) => s.matches('identifying'));
    controls.idCard.insert('senior-60');
    await waitFor(flow, (s) => s.matches('refused'));
    expect(flow.getSnapshot().context.refusal).toBe('not-yours');
    expect(flow.getSnapshot().context.application).toBeNull();
    flow.send({ type: 'user.back' });
    expect(flow.getSnapshot().matches('asking')).toBe(true);
    expect(flow.getSnapshot().context.card).toBeNull();
  });

  it('a card lists its applications; 补正材料 says what to bring; a result prints once', async () => {
    const { submit, start, controls, desk, documents } = await rig();
    const application = await submit('adult');
    desk.move(application.number, 'reviewing');
    desk.move(application.number, 'correction', { missing: ['劳动合同复印件 1 份'] });
    const flow = start();
    await waitFor(flow, (s) => s.matches({ asking: 'choose' }));
    flow.send({ type: 'user.byCard' });
    controls.idCard.insert('adult');
    await waitFor(flow, (s) => s.matches('list'));
    expect(flow.getSnapshot().context.applications?.map((a) => a.number)).toEqual([
      application.number,
    ]);
    flow.send({ type: 'user.open', number: application.number });
    await waitFor(flow, (s) => s.matches('detail'));
    expect(flow.getSnapshot().context.application?.missing).toEqual(['劳动合同复印件 1 份']);
    expect(flow.getSnapshot().can({ type: 'user.print' })).toBe(false);

    desk.move(application.number, 'reviewing');
    desk.move(application.number, 'completed');
    flow.send({ type: 'user.back' });
    flow.send({ type: 'user.open', number: application.number });
    await waitFor(flow, (s) => s.matches('detail'));
    flow.send({ type: 'user.print' });
    await waitFor(flow, (s) => s.matches('finished'));
    expect(documents()).toHaveLength(1);
    expect(flow.getSnapshot().context.printSummary?.results).toEqual(['printed']);

    const again = start();
    await waitFor(again, (s) => s.matches({ asking: 'choose' }));
    again.send({ type: 'user.byCard' });
    await waitFor(again, (s) => s.matches('list'));
    again.send({ type: 'user.open', number: application.number });
    await waitFor(again, (s) => s.matches('detail'));
    again.send({ type: 'user.print' });
    await waitFor(again, (s) => s.matches('finished'));
    expect(again.getSnapshot().context.printSummary?.results).toEqual(['already-printed']);
    expect(documents()).toHaveLength(1);
  });

  it('a slip holder shows the card before a result is printed', async () => {
    const { submit, start, controls, desk } = await rig();
    const application = await submit('adult');
    desk.move(application.number, 'reviewing');
    desk.move(application.number, 'completed');
    const flow = start(applicationQrData(application));
    await waitFor(flow, (s) => s.matches('detail'));
    expect(flow.getSnapshot().can({ type: 'user.print' })).toBe(false);
    flow.send({ type: 'user.identify' });
    controls.idCard.insert('adult');
    await waitFor(flow, (s) => s.matches('detail') && s.context.card !== null);
    expect(flow.getSnapshot().can({ type: 'user.print' })).toBe(true);
  });

  it('a face that does not match goes back to the choice, showing nothing', async () => {
    const { submit, start, controls } = await rig();
    await submit('adult');
    const flow = start();
    await waitFor(flow, (s) => s.matches({ asking: 'choose' }));
    flow.send({ type: 'user.byCard' });
    controls.face.next('mismatch');
    controls.idCard.insert('adult');
    for (let round = 1; round < 3; round += 1) {
      await waitFor(identity(flow), (s) => s.matches('faceRetry'));
      controls.face.next('mismatch');
      identity(flow).send({ type: 'user.retry' });
    }
    await waitFor(identity(flow), (s) => s.matches('refused'));
    identity(flow).send({ type: 'user.done' });
    await waitFor(flow, (s) => s.matches('asking'));
    expect(flow.getSnapshot().context.applications).toBeNull();
  });

  it('a card with no applications is told so; a back office that does not answer is said, and tried again', async () => {
    const { start, controls, desk, submit } = await rig();
    const flow = start();
    await waitFor(flow, (s) => s.matches({ asking: 'choose' }));
    flow.send({ type: 'user.byCard' });
    controls.idCard.insert('adult');
    await waitFor(flow, (s) => s.matches('refused'));
    expect(flow.getSnapshot().context.refusal).toBe('no-applications');

    const application = await submit('adult');
    desk.offline = true;
    const second = start(applicationQrData(application));
    await waitFor(second, (s) => s.matches('failed'));
    desk.offline = false;
    second.send({ type: 'user.retry' });
    await waitFor(second, (s) => s.matches('detail'));
  });
});
