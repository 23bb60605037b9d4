import type { PrintDocument } from '../domain';
import type { Device, WaitOptions } from './device';

/** An A4 or licence-paper document printer. */
export interface DocumentPrinter extends Device {
  readonly kind: 'document';
  /**
   * Resolves when the printer reports the document done. Rejects with a DeviceError:
   * `paper-out`, `jam`, `cover-open`, `offline`, `timeout`, `hardware-error`.
   */
  print(document: PrintDocument, options?: WaitOptions): Promise<void>;
  /**
   * Whether the job with this journal key completed, for printers that keep a job history (an
   * IPP printer, the simulator). Without it, a job cut off by a crash is left for staff to check.
   */
  jobStatus?(jobKey: string): Promise<'completed' | 'not-found' | 'unknown'>;
}
