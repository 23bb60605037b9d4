import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { must } from '../support/must';
import { createActor, waitFor, type AnyActorRef } from 'xstate';
import { DEFAULT_KIOSK_CONFIG, reconcileJournal } from '../../domain';
import type { DocumentPrinter, KioskDevices } from '../../device-adapters';
import { IndexedDbPrintJournal } from '../../stores/journal';
import { createMockDevices } from '../../device-adapters/mock';
import { MockLicenceRegistry, SEED_ENTERPRISES } from '../../stores/registry';
import { wireLicencePrintFlow } from '../../kiosk-ui/flows/licencePrint/wiring';
import { DeviceError } from '../../device-adapters';
import { planLicence, printOutcome } from '../../machines';
import { identityServices } from '../support/identityServices';

const config = { ...DEFAULT_KIOSK_CONFIG, kioskId: 'kiosk-test' };
const YUNSHAN = must(SEED_ENTERPRISES[0]); // 张伟 is its legal representative: 1 正本 + 1 副本
const ISSUANCE = must(YUNSHAN.issuances[0]).id;
let databases = 0;

/** A kiosk's worth of mocks, the registry, and a journal of its own (one per test). */
function rig(
  options: {
    databaseName?: string;
    document?: (d: KioskDevices['document']) => DocumentPrinter;
  } = {},
) {
  const { devices, controls } = createMockDevices({ instant: true });
  const registry = new MockLicenceRegistry({ respondMs: 0 });
  const databaseName = options.databaseName ?? `journal-test-${(databases += 1)}`;
  const journal = new IndexedDbPrintJournal({ databaseName });
  const wired = { ...devices, document: options.document?.(devices.document) ?? devices.document };
  const machine = wireLicencePrintFlow(wired, config, registry, journal, identityServices());
  const start = () => createActor(machine, { input: { locale: 'zh-CN', elderly: false } }).start();
  const documents = () => controls.printed().filter((p) => p.device === 'document');
  return { devices, controls, registry, journal, databaseName, start, documents };
}

type Flow = ReturnType<ReturnType<typeof rig>['start']>;
const child = (flow: Flow, id: string) => flow.getSnapshot().children[id] as AnyActorRef;
const identityIn = (flow: Flow, state: string) =>
  waitFor(child(flow, 'identity'), (s) => s.matches(state));
const printingIn = (flow: Flow, state: string) =>
  waitFor(child(flow, 'printing'), (s) => s.matches(state));

/** Card on the reader, face matches: the flow shows what the person may print. */
async function verifyAs(r: ReturnType<typeof rig>, flow: Flow, person = 'adult') {
  await waitFor(flow, (s) => s.matches('identifying'));
  r.controls.idCard.insert(person);
  await waitFor(flow, (s) => s.matches('choose') || s.matches('loadFailed'));
}

async function printLicence(r: ReturnType<typeof rig>, flow: Flow, issuanceId = ISSUANCE) {
  flow.send({ type: 'user.selectLicence', issuanceId });
  await waitFor(flow, (s) => s.matches('preview'));
  flow.send({ type: 'user.print' });
  await waitFor(flow, (s) => s.matches('finished'));
}

describe('证照打印 (licencePrintMachine wired to the mocks and an IndexedDB journal)', () => {
  it('a legal representative prints 1 正本 + 1 副本, each journalled and confirmed', async () => {
    const r = rig();
    const flow = r.start();
    await verifyAs(r, flow);
    const offers = flow.getSnapshot().context.printables?.licences ?? [];
    expect(offers.map((o) => o.licence.enterprise.name)).toContain(YUNSHAN.enterprise.name);
    await printLicence(r, flow);
    expect(r.documents().map((d) => d.title)).toEqual(['营业执照（正本）', '营业执照（副本）']);
    for (const d of r.documents()) {
      expect(d.text).toContain(YUNSHAN.enterprise.name);
      expect(d.text).toContain(YUNSHAN.enterprise.creditCode);
      expect(d.document?.qr?.[0]).toContain(YUNSHAN.enterprise.creditCode);
    }
    const history = await r.journal.historyOf(YUNSHAN.enterprise.creditCode);
    expect(history.map((j) => [j.title, j.state, j.kioskId])).toEqual([
      ['营业执照（正本）', 'confirmed', 'kiosk-test'],
      ['营业执照（副本）', 'confirmed', 'kiosk-test'],
    ]);
    expect(history[0]?.maskedId).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    flow.send({ type: 'user.done' });
    await waitFor(flow, (s) => s.status === 'done');
    expect(flow.getSnapshot().output).toEqual({ outcome: 'done' });
    expect(flow.getSnapshot().context.card).toBeNull();
  });

  it('takes, on choosing a licence, the plan the view prepared its previews from (planLicence keeps it per offer)', async () => {
    const r = rig();
    const flow = r.start();
    await verifyAs(r, flow);
    const { printables, setup, card } = flow.getSnapshot().context;
    const offer = must(printables?.licences.find((o) => o.licence.issuance.id === ISSUANCE));
    // What the view draws while the list is shown.
    const prepared = planLicence(offer, must(setup), must(card));
    flow.send({ type: 'user.selectLicence', issuanceId: ISSUANCE });
    await waitFor(flow, (s) => s.matches('preview'));
    expect(flow.getSnapshot().context.planned).toBe(prepared);
    // Another setup (another visit's moment of printing) is planned again, not taken.
    const later = { ...must(setup), printedAt: `${must(setup).printedAt} later` };
    expect(planLicence(offer, later, must(card))).not.toBe(prepared);
    expect(planLicence(offer, later, must(card))).toEqual(planLicence(offer, later, must(card)));
  });

  it('three face mismatches end in a polite refusal and nothing is shown or printed', async () => {
    const r = rig();
    const flow = r.start();
    await waitFor(flow, (s) => s.matches('identifying'));
    r.controls.face.next('mismatch');
    r.controls.idCard.insert('adult');
    await identityIn(flow, 'faceRetry');
    expect(child(flow, 'identity').getSnapshot().context.failure).toBe('mismatch');
    for (const outcome of ['no-face', 'mismatch'] as const) {
      r.controls.face.next(outcome);
      child(flow, 'identity').send({ type: 'user.retry' });
      if (outcome === 'no-face') await identityIn(flow, 'faceRetry');
    }
    await identityIn(flow, 'refused');
    expect(child(flow, 'identity').getSnapshot().context.card).toBeNull();
    child(flow, 'identity').send({ type: 'user.done' });
    await waitFor(flow, (s) => s.status === 'done');
    expect(flow.getSnapshot().context.printables).toBeNull();
    expect(r.documents()).toHaveLength(0);
  });

  it('a failed face check that is the verifier’s (offline) does not count against the person', async () => {
    const r = rig();
    const flow = r.start();
    await waitFor(flow, (s) => s.matches('identifying'));
    r.controls.fault('face', 'offline');
    r.controls.idCard.insert('adult');
    await identityIn(flow, 'faceFailed');
    expect(child(flow, 'identity').getSnapshot().context.faceFailures).toBe(0);
    r.controls.clear('face');
    child(flow, 'identity').send({ type: 'user.retry' });
    await waitFor(flow, (s) => s.matches('choose'));
  });

  it('a card pulled out mid-read is asked for again, and read when put back', async () => {
    const r = rig();
    const flow = r.start();
    await waitFor(flow, (s) => s.matches('identifying'));
    r.controls.fault('idCard', 'pull-mid-read');
    r.controls.idCard.insert('adult');
    const card = () => child(flow, 'identity').getSnapshot().children.card as AnyActorRef;
    await waitFor(card(), (s) => s.context.failure === 'card-removed');
    expect(flow.getSnapshot().hasTag('failed')).toBe(false);
    r.controls.idCard.insert('adult');
    await waitFor(flow, (s) => s.matches('choose'));
  });

  it('a card left on the reader by an earlier flow of the visit is read at once', async () => {
    const r = rig();
    const first = r.start();
    await waitFor(first, (s) => s.matches('identifying'));
    r.controls.idCard.insert('adult');
    await waitFor(first, (s) => s.matches('choose'));
    first.stop();
    const second = r.start();
    await waitFor(second, (s) => s.matches('choose'));
  });

  it('an expired card is refused before the face check', async () => {
    const r = rig();
    const flow = r.start();
    await waitFor(flow, (s) => s.matches('identifying'));
    r.controls.idCard.insert('expired');
    await identityIn(flow, 'cardRefused');
    expect(child(flow, 'identity').getSnapshot().context.cardProblem).toBe('expired');
  });

  it('a printer out of paper after the journal entry: nothing lost, retried once paper is in, printed once', async () => {
    const r = rig();
    const flow = r.start();
    await verifyAs(r, flow);
    r.controls.fault('document', 'paper-out');
    flow.send({ type: 'user.selectLicence', issuanceId: ISSUANCE });
    await waitFor(flow, (s) => s.matches('preview'));
    flow.send({ type: 'user.print' });
    await printingIn(flow, 'failed');
    const printing = child(flow, 'printing');
    expect(printing.getSnapshot().context).toMatchObject({
      failure: 'paper-out',
      uncertain: false,
    });
    const [original] = await r.journal.historyOf(YUNSHAN.enterprise.creditCode);
    expect(original).toMatchObject({ state: 'failed', attempts: 1, note: 'printer: paper-out' });
    r.controls.clear('document');
    printing.send({ type: 'user.retry' });
    await waitFor(flow, (s) => s.matches('finished'));
    expect(r.documents()).toHaveLength(2);
    const history = await r.journal.historyOf(YUNSHAN.enterprise.creditCode);
    expect(history.map((j) => [j.state, j.attempts])).toEqual([
      ['confirmed', 2],
      ['confirmed', 1],
    ]);
  });

  it('paper out on the second sheet: the 正本 printed, the 副本 did not, and a later visit prints it', async () => {
    let sheets = 0;
    const r = rig({
      // The first sheet comes out; the paper runs out as the second starts.
      document: (printer) => ({
        kind: 'document',
        get status() {
          return printer.status;
        },
        onStatus: (listener) => printer.onStatus(listener),
        print: (document, options) =>
          (sheets += 1) === 2
            ? Promise.reject(new DeviceError('document', 'paper-out', 'out of paper'))
            : printer.print(document, options),
      }),
    });
    const flow = r.start();
    await verifyAs(r, flow);
    flow.send({ type: 'user.selectLicence', issuanceId: ISSUANCE });
    await waitFor(flow, (s) => s.matches('preview'));
    flow.send({ type: 'user.print' });
    await printingIn(flow, 'failed');
    expect(child(flow, 'printing').getSnapshot().context.uncertain).toBe(false);
    child(flow, 'printing').send({ type: 'user.done' });
    await waitFor(flow, (s) => s.matches('finished'));
    const summary = flow.getSnapshot().context.printSummary;
    expect(summary?.stopped).toBe(true);
    expect(printOutcome(summary?.titles ?? [], summary?.results ?? [])).toEqual({
      printed: ['营业执照（正本）'],
      before: [],
      unsure: [],
      notPrinted: ['营业执照（副本）'],
    });
    // A later visit (paper loaded) is offered the 副本 alone, and prints it.
    flow.send({ type: 'user.done' });
    r.controls.clear('document');
    const later = r.start();
    await verifyAs(r, later);
    const offer = later
      .getSnapshot()
      .context.printables?.licences.find((o) => o.licence.issuance.id === ISSUANCE);
    expect(offer?.sheets.map((sheet) => sheet.printable)).toEqual([false, true]);
  });

  it('a jam may have printed: that sheet is left for staff and never sent again', async () => {
    const r = rig();
    const flow = r.start();
    await verifyAs(r, flow);
    r.controls.fault('document', 'jam');
    flow.send({ type: 'user.selectLicence', issuanceId: ISSUANCE });
    await waitFor(flow, (s) => s.matches('preview'));
    flow.send({ type: 'user.print' });
    await printingIn(flow, 'failed');
    const printing = child(flow, 'printing');
    expect(printing.getSnapshot().context.uncertain).toBe(true);
    printing.send({ type: 'user.retry' }); // not offered, and refused if sent
    expect(printing.getSnapshot().matches('failed')).toBe(true);
    printing.send({ type: 'user.done' });
    await waitFor(flow, (s) => s.matches('finished'));
    expect(flow.getSnapshot().context.printSummary).toEqual({
      results: ['needs-check'],
      stopped: true,
      titles: ['营业执照（正本）', '营业执照（副本）'],
    });
    // What the citizen is told: the 正本 may be partly printed, the 副本 did not print.
    const summary = flow.getSnapshot().context.printSummary;
    expect(printOutcome(summary?.titles ?? [], summary?.results ?? [])).toEqual({
      printed: [],
      before: [],
      unsure: ['营业执照（正本）'],
      notPrinted: ['营业执照（副本）'],
    });
    const [job] = await r.journal.historyOf(YUNSHAN.enterprise.creditCode);
    expect(job?.state).toBe('needs-check');
  });

  it('a second print of the same issuance is refused: 已打印，如需补打请到窗口申请', async () => {
    const r = rig();
    const first = r.start();
    await verifyAs(r, first);
    await printLicence(r, first);
    first.send({ type: 'user.done' });

    const second = r.start();
    await verifyAs(r, second);
    const offer = second
      .getSnapshot()
      .context.printables?.licences.find((o) => o.licence.issuance.id === ISSUANCE);
    expect(offer?.sheets.every((s) => !s.printable)).toBe(true);
    second.send({ type: 'user.selectLicence', issuanceId: ISSUANCE });
    await waitFor(second, (s) => s.matches('alreadyPrinted'));
    expect(r.documents()).toHaveLength(2);
  });

  it('the journal refuses a key already printed even if a flow asked again (two screens at once)', async () => {
    const r = rig();
    const flow = r.start();
    await verifyAs(r, flow);
    flow.send({ type: 'user.selectLicence', issuanceId: ISSUANCE });
    await waitFor(flow, (s) => s.matches('preview'));
    const planned = flow.getSnapshot().context.planned;
    flow.send({ type: 'user.print' });
    await waitFor(flow, (s) => s.matches('finished'));
    // Replay the same plan through a fresh printing run, as a stale screen would.
    flow.send({ type: 'user.more' });
    await waitFor(flow, (s) => s.matches('choose'));
    const { printOnce } = await import('../../domain');
    const replay = await printOnce(r.journal, must(planned[0]).request, () =>
      r.devices.document.print(must(planned[0]).document),
    );
    expect(replay).toEqual({ printed: false, refused: 'already-printed' });
    expect(r.documents()).toHaveLength(2);
  });

  it('a staff-authorised reprint prints that one sheet once more, marked 补打, and only once', async () => {
    const r = rig();
    const first = r.start();
    await verifyAs(r, first);
    await printLicence(r, first);
    first.send({ type: 'user.done' });
    r.registry.authoriseReprint(ISSUANCE, 'original', 1, '王敏');

    const second = r.start();
    await verifyAs(r, second);
    await printLicence(r, second);
    expect(r.documents().map((d) => d.title)).toEqual([
      '营业执照（正本）',
      '营业执照（副本）',
      '营业执照（正本）',
    ]);
    expect(r.documents()[2]?.text).toContain('补打');
    second.send({ type: 'user.done' });

    const third = r.start();
    await verifyAs(r, third);
    third.send({ type: 'user.selectLicence', issuanceId: ISSUANCE });
    await waitFor(third, (s) => s.matches('alreadyPrinted'));
    expect(r.documents()).toHaveLength(3);
  });

  it('a crash between "sent" and "confirmed" is reconciled on start without a reprint', async () => {
    // The printer printed the 正本 and then the kiosk died before it heard back.
    const crashing = rig({
      document: (printer) => ({
        kind: 'document',
        get status() {
          return printer.status;
        },
        onStatus: (l) => printer.onStatus(l),
        jobStatus: (key) => printer.jobStatus?.(key) ?? Promise.resolve('unknown' as const),
        print: async (document) => {
          await printer.print(document);
          return new Promise<void>(() => {}); // the power goes: no answer ever comes
        },
      }),
    });
    const flow = crashing.start();
    await verifyAs(crashing, flow);
    flow.send({ type: 'user.selectLicence', issuanceId: ISSUANCE });
    await waitFor(flow, (s) => s.matches('preview'));
    flow.send({ type: 'user.print' });
    await expect
      .poll(async () => (await crashing.journal.historyOf(YUNSHAN.enterprise.creditCode))[0]?.state)
      .toBe('sent');
    // The crash: nothing of this run goes on. On start, the journal is reconciled first.
    await crashing.journal.close();
    const journal = new IndexedDbPrintJournal({ databaseName: crashing.databaseName });
    const printer = crashing.devices.document;
    const settled = await reconcileJournal(journal, (key) =>
      printer.jobStatus ? printer.jobStatus(key) : Promise.resolve('unknown'),
    );
    expect(settled).toEqual({ confirmed: 1, failed: 0, needsCheck: 0 });

    // After the restart (same printer, same journal): the 正本 is not offered again.
    const after = rig({ databaseName: crashing.databaseName });
    const next = after.start();
    await verifyAs(after, next);
    const offer = next
      .getSnapshot()
      .context.printables?.licences.find((o) => o.licence.issuance.id === ISSUANCE);
    expect(offer?.sheets.map((s) => [s.sheet.copy, s.printable])).toEqual([
      ['original', false],
      ['duplicate', true],
    ]);
    await printLicence(after, next);
    expect(after.documents().map((d) => d.title)).toEqual(['营业执照（副本）']);
  });

  it('a crash after "sent" that the printer cannot vouch for is left for staff, not printed again', async () => {
    const r = rig();
    const journal = r.journal;
    const request = {
      key: `licence:${ISSUANCE}:original-1`,
      kind: 'licence' as const,
      title: '营业执照（正本）',
      creditCode: YUNSHAN.enterprise.creditCode,
      subject: YUNSHAN.enterprise.name,
      kioskId: 'kiosk-test',
      maskedId: '1101**********0139',
    };
    await journal.begin(request, new Date());
    await journal.markSent(request.key, new Date());
    const settled = await reconcileJournal(journal, async () => 'not-found');
    expect(settled).toEqual({ confirmed: 0, failed: 0, needsCheck: 1 });
    expect((await journal.get(request.key))?.state).toBe('needs-check');
    const flow = r.start();
    await verifyAs(r, flow);
    flow.send({ type: 'user.selectLicence', issuanceId: ISSUANCE });
    await waitFor(flow, (s) => s.matches('preview'));
    expect(flow.getSnapshot().context.planned.map((p) => p.request.title)).toEqual([
      '营业执照（副本）',
    ]);
  });

  it('a registry that does not answer is said so, and a retry works once it is back', async () => {
    const r = rig();
    r.registry.offline = true;
    const flow = r.start();
    await verifyAs(r, flow);
    expect(flow.getSnapshot().matches('loadFailed')).toBe(true);
    r.registry.offline = false;
    flow.send({ type: 'user.retry' });
    await waitFor(flow, (s) => s.matches('choose'));
  });

  it('prints the cardholder’s own 无房证明 with a verification QR', async () => {
    const r = rig();
    const flow = r.start();
    await verifyAs(r, flow, 'senior-60');
    flow.send({ type: 'user.selectCertificate', kind: 'property' });
    await waitFor(flow, (s) => s.matches('preview'));
    flow.send({ type: 'user.print' });
    await waitFor(flow, (s) => s.matches('finished'));
    const [certificate] = r.documents();
    expect(certificate?.title).toBe('不动产权属证明（无房）');
    expect(certificate?.text).toContain('无不动产登记记录');
    expect(certificate?.document?.qr?.[0]).toMatch(/^https:\/\/registry\.example\/verify\/BDC/);
  });
});
