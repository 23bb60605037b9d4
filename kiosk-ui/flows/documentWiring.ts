import { fromPromise } from 'xstate';
import {
  CERTIFICATE_KINDS,
  clockOf,
  isPrintable,
  printOnce,
  realEstateViewFor,
  sheetKey,
  sheetsOf,
  type KioskConfig,
  type LicenceRegistry,
  type PrintJournal,
} from '../../domain';
import type { KioskDevices } from '../../device-adapters';
import {
  identityMachine,
  licencePrintMachine,
  offerFor,
  printJobsMachine,
  realEstateMachine,
  type DocumentFlowSetup,
} from '../../machines';

export const DOCUMENT_TIMEOUTS = {
  cardReadMs: 60_000,
  faceMs: 30_000,
  documentPrintMs: 120_000,
} as const;

/** The identity check and the journalled printing, shared by the document flows. */
function sharedActors(devices: KioskDevices, journal: PrintJournal) {
  return {
    identify: identityMachine.provide({
      actors: {
        readIdCard: fromPromise(({ signal }) =>
          devices.idCard.read({ timeoutMs: DOCUMENT_TIMEOUTS.cardReadMs, signal }),
        ),
        verifyFace: fromPromise(({ input, signal }) =>
          devices.face.verify(input.photo, { timeoutMs: DOCUMENT_TIMEOUTS.faceMs, signal }),
        ),
      },
    }),
    printJobs: printJobsMachine.provide({
      actors: {
        printDocument: fromPromise(({ input, signal }) =>
          printOnce(journal, input.request, () =>
            devices.document.print(input.document, {
              timeoutMs: DOCUMENT_TIMEOUTS.documentPrintMs,
              signal,
            }),
          ),
        ),
      },
    }),
  };
}

function prepare(config: KioskConfig) {
  return fromPromise(async (): Promise<DocumentFlowSetup> => ({
    today: clockOf(new Date()).date,
    printedAt: new Date().toLocaleString('zh-CN', { hour12: false }),
    kioskId: config.kioskId,
    stationery: config.hardware.licencePaper === 'blank',
  }));
}

/** 证照打印 wired to the reader, the face verifier, the registry, the journal and the printer. */
export function wireLicencePrintFlow(
  devices: KioskDevices,
  config: KioskConfig,
  registry: LicenceRegistry,
  journal: PrintJournal,
) {
  return licencePrintMachine.provide({
    actors: {
      ...sharedActors(devices, journal),
      prepare: prepare(config),
      loadPrintables: fromPromise(async ({ input }) => {
        const licences = await registry.printableLicences(input.card.idNumber);
        const offers = await Promise.all(
          licences.map(async (licence) => {
            const sheets = sheetsOf(licence.issuance);
            const jobs = await Promise.all(sheets.map((sheet) => journal.get(sheetKey(sheet))));
            const printable = new Map(
              sheets.map((sheet, i) => [sheetKey(sheet), isPrintable(jobs[i] ?? null)]),
            );
            return offerFor(licence, sheets, (key) => printable.get(key) === true);
          }),
        );
        return { licences: offers, certificates: [...CERTIFICATE_KINDS] };
      }),
      issueCertificate: fromPromise(({ input }) =>
        registry.issueCertificate(input.kind, input.card.idNumber, input.card.name),
      ),
    },
  });
}

/** 不动产查询 wired to the register, the identity check, the journal and the printer. */
export function wireRealEstateFlow(
  devices: KioskDevices,
  config: KioskConfig,
  registry: LicenceRegistry,
  journal: PrintJournal,
) {
  return realEstateMachine.provide({
    actors: {
      ...sharedActors(devices, journal),
      prepare: prepare(config),
      addressOptions: fromPromise(({ input }) => registry.addressOptions(input.path)),
      // The full record (with every owner's ID number) stays here: the flow gets the view only.
      lookUp: fromPromise(async ({ input }) => {
        const record = await registry.realEstateAt(input.path);
        return record
          ? {
              view: realEstateViewFor(record, input.card?.idNumber ?? null),
              queryId: `CX${Date.now().toString(36).toUpperCase()}${crypto.randomUUID().slice(0, 4).toUpperCase()}`,
            }
          : null;
      }),
    },
  });
}
