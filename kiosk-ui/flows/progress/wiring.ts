import { fromCallback, fromPromise } from 'xstate';
import type { ApplicationDesk, KioskConfig, PrintJournal } from '../../../domain';
import type { KioskDevices } from '../../../device-adapters';
import { progressMachine, type ProgressEvent } from '../../../machines';
import {
  documentStepActors,
  guardedDocumentStores,
  prepareDocumentFlow,
  type IdentityServices,
} from '../../steps/documentWiring';

/** 进度查询 wired to the back office, the scanner, the identity check, the journal and the printer. */
export function wireProgressFlow(
  devices: KioskDevices,
  config: KioskConfig,
  desk: ApplicationDesk,
  journalStore: PrintJournal,
  identityStores: IdentityServices,
) {
  const { journal, identity } = guardedDocumentStores(journalStore, identityStores);
  return progressMachine.provide({
    actors: {
      ...documentStepActors(devices, journal, config.deviceTimeouts, identity),
      prepare: prepareDocumentFlow(config),
      lookUp: fromPromise(({ input }) =>
        desk.lookup({
          number: input.number,
          ...(input.slipToken ? { slipToken: input.slipToken } : {}),
          ...(input.idNumber ? { idNumber: input.idNumber } : {}),
        }),
      ),
      applicationsOf: fromPromise(({ input }) => desk.applicationsOf(input.idNumber)),
      // The slip's QR shown while the flow asks for it (the session reads codes only on home).
      watchCodes: fromCallback<ProgressEvent>(({ sendBack }) =>
        devices.scanner.onCode((code) => sendBack({ type: 'code.scanned', text: code.text })),
      ),
    },
  });
}
