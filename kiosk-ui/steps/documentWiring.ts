import { fromPromise } from 'xstate';
import {
  clockOf,
  hallDateTimeText,
  printOnce,
  type DeviceTimeouts,
  type FaceLockout,
  type HolderKeys,
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
import { guardStore } from '../../stores/shared/storageHealth';

/** What the identity check keeps of a card: its failed face checks, under a keyed hash. */
export interface IdentityServices {
  holderKeys: HolderKeys;
  faceLockout: FaceLockout;
}

/**
 * A document flow's stores as it may use them: a write refused for want of space pauses the
 * flows that write, and the face lock-out refuses at once while the pause lasts, so the flow says
 * 暂停服务 at its first store call (before the face check) rather than after the citizen's work.
 */
export function guardedDocumentStores(journal: PrintJournal, identity: IdentityServices) {
  return {
    journal: guardStore(journal),
    identity: {
      holderKeys: guardStore(identity.holderKeys),
      faceLockout: guardStore(identity.faceLockout, { refuseWhilePaused: true }),
    } satisfies IdentityServices,
  };
}

/** The identity check and the journalled printing, shared by the document flows. */
export function documentStepActors(
  devices: KioskDevices,
  journal: PrintJournal,
  timeouts: DeviceTimeouts,
  identity: IdentityServices,
) {
  // The lock-out must find the card on any day: its stable key, never the number.
  const lockoutKey = (idNumber: string) => identity.holderKeys.stable(idNumber, 'face-lockout');
  return {
    identify: identityMachine.provide({
      actors: {
        readCard: wiredCardStep(devices, timeouts.cardReadMs),
        verifyFace: fromPromise(({ input, signal }) =>
          devices.face.verify(input.photo, { timeoutMs: timeouts.faceMs, signal }),
        ),
        checkFaceLock: fromPromise(async ({ input }) =>
          identity.faceLockout.check(await lockoutKey(input.card.idNumber)),
        ),
        recordFaceFailure: fromPromise(async ({ input }) =>
          identity.faceLockout.recordFailure(await lockoutKey(input.card.idNumber)),
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
    today: clockOf(new Date(), config.hall.timeZone).date,
    printedAt: hallDateTimeText(new Date(), config.hall.timeZone),
    kioskId: config.kioskId,
    stationery: config.hardware.licencePaper === 'blank',
  }));
}
