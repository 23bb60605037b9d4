import { fromPromise } from 'xstate';
import {
  clockOf,
  printOnce,
  type DeviceTimeouts,
  type KioskConfig,
  type PrintJournal,
} from '../../domain';
import type { KioskDevices } from '../../device-adapters';
import {
  identityMachine,
  isPlannedPrint,
  printStepFor,
  type DocumentFlowSetup,
} from '../../machines';
import { wiredCardStep } from './cardWiring';

/** The identity check and the journalled printing, shared by the document flows. */
export function documentStepActors(
  devices: KioskDevices,
  journal: PrintJournal,
  timeouts: DeviceTimeouts,
) {
  return {
    identify: identityMachine.provide({
      actors: {
        readCard: wiredCardStep(devices, timeouts.cardReadMs),
        verifyFace: fromPromise(({ input, signal }) =>
          devices.face.verify(input.photo, { timeoutMs: timeouts.faceMs, signal }),
        ),
      },
    }),
    printJobs: printStepFor(isPlannedPrint, ({ request, document }, signal) =>
      printOnce(journal, request, () =>
        devices.document.print(document, { timeoutMs: timeouts.documentPrintMs, signal }),
      ),
    ),
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
