import { fromPromise } from 'xstate';
import {
  CERTIFICATE_KINDS,
  isPrintable,
  sheetKey,
  sheetsOf,
  type KioskConfig,
  type LicenceRegistry,
  type PrintJournal,
} from '../../../domain';
import type { KioskDevices } from '../../../device-adapters';
import { licencePrintMachine, offerFor } from '../../../machines';
import {
  documentStepActors,
  guardedDocumentStores,
  prepareDocumentFlow,
  type IdentityServices,
} from '../../steps/documentWiring';

/** 证照打印 wired to the reader, the face verifier, the registry, the journal and the printer. */
export function wireLicencePrintFlow(
  devices: KioskDevices,
  config: KioskConfig,
  registry: LicenceRegistry,
  journalStore: PrintJournal,
  identityStores: IdentityServices,
) {
  const { journal, identity } = guardedDocumentStores(journalStore, identityStores);
  return licencePrintMachine.provide({
    actors: {
      ...documentStepActors(devices, journal, config.deviceTimeouts, identity),
      prepare: prepareDocumentFlow(config),
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
