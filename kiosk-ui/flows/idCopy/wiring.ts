import { fromPromise } from 'xstate';
import { idCopyPage, type KioskConfig } from '../../../domain';
import type { KioskDevices } from '../../../device-adapters';
import { idCopyMachine } from '../../../machines';

/** How long a device may take before the flow gives up and says so. */
export const DEVICE_TIMEOUTS = { captureMs: 15_000, documentPrintMs: 90_000 } as const;

/** 身份证复印 wired to the document camera and the document printer. */
export function wireIdCopyFlow(devices: KioskDevices, config: KioskConfig) {
  return idCopyMachine.provide({
    actors: {
      captureImage: fromPromise(({ input, signal }) =>
        devices.camera.capture(input.side, { timeoutMs: DEVICE_TIMEOUTS.captureMs, signal }),
      ),
      printCopy: fromPromise(({ input, signal }) =>
        devices.document.print(
          idCopyPage(input.front, input.back, new Date().toLocaleString('zh-CN'), config.kioskId),
          { timeoutMs: DEVICE_TIMEOUTS.documentPrintMs, signal },
        ),
      ),
    },
  });
}
