import { fromCallback, fromPromise } from 'xstate';
import {
  hallDateTimeText,
  offeredItems,
  type ApplicationDesk,
  type CatalogSource,
  type KioskConfig,
  type PrintJournal,
} from '../../../domain';
import type { KioskDevices } from '../../../device-adapters';
import {
  isApplicationSlipJob,
  itemsMachine,
  printStepFor,
  type ItemsEvent,
} from '../../../machines';
import {
  documentStepActors,
  guardedDocumentStores,
  prepareDocumentFlow,
  type IdentityServices,
} from '../../steps/documentWiring';
import { applicationSlipReceipt } from './applicationSlip';

/** 一证通办 wired to the catalog, the back office, the devices, the journal and the printers. */
export function wireItemsFlow(
  devices: KioskDevices,
  config: KioskConfig,
  services: {
    catalog: CatalogSource;
    desk: ApplicationDesk;
    journal: PrintJournal;
    identity: IdentityServices;
  },
) {
  const { desk, catalog } = services;
  const { journal, identity } = guardedDocumentStores(services.journal, services.identity);
  const timeouts = config.deviceTimeouts;
  return itemsMachine.provide({
    actors: {
      ...documentStepActors(devices, journal, timeouts, identity),
      prepare: prepareDocumentFlow(config),
      loadItems: fromPromise(async () => offeredItems(await catalog.current())),
      representedEnterprise: fromPromise(({ input }) =>
        desk.representedEnterprise(input.creditCode, input.idNumber),
      ),
      eligibleItems: fromPromise(({ input }) => desk.eligibleItems(input.applicant, input.codes)),
      decide: fromPromise(({ input }) => desk.decide(input.itemCode, input.applicant)),
      submit: fromPromise(({ input }) => desk.submit(input)),
      captureImage: fromPromise(({ input, signal }) =>
        devices.camera.capture(input.side, { timeoutMs: timeouts.captureMs, signal }),
      ),
      // An electronic licence's QR shown while the flow asks for the credit code.
      watchCodes: fromCallback<ItemsEvent>(({ sendBack }) =>
        devices.scanner.onCode((code) => sendBack({ type: 'code.scanned', text: code.text })),
      ),
      printSlip: printStepFor(isApplicationSlipJob, ({ application, item }, signal) =>
        devices.receipt.print(
          applicationSlipReceipt(
            application,
            item,
            config.hall.name['zh-CN'],
            hallDateTimeText(new Date(application.submittedAt), config.hall.timeZone),
          ),
          { timeoutMs: timeouts.receiptPrintMs, signal },
        ),
      ),
    },
  });
}
