import { fromPromise } from 'xstate';
import { hallDateTimeText, idCopyPage, type KioskConfig } from '../../../domain';
import type { KioskDevices } from '../../../device-adapters';
import { idCopyMachine, isCopyJob, printStepFor } from '../../../machines';

/** 身份证复印 wired to the document camera and the document printer. */
export function wireIdCopyFlow(devices: KioskDevices, config: KioskConfig) {
  const timeouts = config.deviceTimeouts;
  return idCopyMachine.provide({
    actors: {
      captureImage: fromPromise(({ input, signal }) =>
        devices.camera.capture(input.side, { timeoutMs: timeouts.captureMs, signal }),
      ),
      printCopy: printStepFor(isCopyJob, ({ front, back }, signal) =>
        devices.document.print(
          idCopyPage(
            front,
            back,
            hallDateTimeText(new Date(), config.hall.timeZone),
            config.kioskId,
          ),
          { timeoutMs: timeouts.documentPrintMs, signal },
        ),
      ),
    },
  });
}
