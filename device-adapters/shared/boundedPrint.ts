import {
  DeviceError,
  type Device,
  type DeviceErrorCode,
  type DeviceStatus,
  type WaitOptions,
} from '../device';
import { bounded, type BoundMessages, type Settle } from './bounded';

/** Statuses in which a printer refuses a print, each with the error code it is refused with. */
const REFUSING: Partial<Record<DeviceStatus, DeviceErrorCode>> = {
  offline: 'offline',
  'paper-out': 'paper-out',
  jam: 'jam',
  'cover-open': 'cover-open',
  'hardware-error': 'hardware-error',
};

type Printer = Device & { readonly kind: 'receipt' | 'document' };

/**
 * A print, bounded like every device call (see bounded): refused at once when the printer's status
 * cannot print, and failed when the printer comes into such a status while it prints. `work`
 * sends the job and returns what to undo however the print ends.
 */
export function boundedPrint(
  printer: Printer,
  work: (settle: Settle<void>) => (() => void) | undefined,
  options: WaitOptions,
  defaultTimeoutMs: number,
  messages: BoundMessages,
): Promise<void> {
  const { kind } = printer;
  return bounded(
    kind,
    (settle: Settle<void>) => {
      const refused = REFUSING[printer.status];
      if (refused) {
        settle.reject(new DeviceError(kind, refused, `the ${kind} printer is ${printer.status}`));
        return undefined;
      }
      const offStatus = printer.onStatus((status) => {
        const code = REFUSING[status];
        if (code) {
          settle.reject(
            new DeviceError(kind, code, `the ${kind} printer became ${status} while printing`),
          );
        }
      });
      const undo = work(settle);
      return () => {
        offStatus();
        undo?.();
      };
    },
    options,
    defaultTimeoutMs,
    messages,
  );
}
