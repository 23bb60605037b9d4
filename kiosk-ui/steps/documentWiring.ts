import { fromPromise } from 'xstate';
import { clockOf, printOnce, type KioskConfig, type PrintJournal } from '../../domain';
import type { KioskDevices } from '../../device-adapters';
import { identityMachine, printJobsMachine, type DocumentFlowSetup } from '../../machines';

export const DOCUMENT_TIMEOUTS = {
  cardReadMs: 60_000,
  faceMs: 30_000,
  documentPrintMs: 120_000,
} as const;

/** The identity check and the journalled printing, shared by the document flows. */
export function documentStepActors(devices: KioskDevices, journal: PrintJournal) {
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

export function prepareDocumentFlow(config: KioskConfig) {
  return fromPromise(async (): Promise<DocumentFlowSetup> => ({
    today: clockOf(new Date()).date,
    printedAt: new Date().toLocaleString('zh-CN', { hour12: false }),
    kioskId: config.kioskId,
    stationery: config.hardware.licencePaper === 'blank',
  }));
}
