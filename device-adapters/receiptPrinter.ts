import type { Device, Unsubscribe, WaitOptions } from './device';

/** One block of a receipt, top to bottom. */
export type ReceiptBlock =
  | {
      kind: 'text';
      text: string;
      align?: 'left' | 'center' | 'right';
      bold?: boolean;
      size?: 'normal' | 'large';
    }
  /** The queue number, printed as large as the printer can. */
  | { kind: 'bigNumber'; text: string }
  | { kind: 'qr'; data: string; caption?: string }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number };

export interface ReceiptTicket {
  /** What the ticket is, for records and the tester's tray (not printed by itself). */
  title: string;
  blocks: ReceiptBlock[];
}

/** Paper at the exit slot: presented after a print, taken when the citizen pulls it out. */
export type MediaEvent = 'presented' | 'taken';

/** A thermal receipt printer for queue tickets and slips. */
export interface ReceiptPrinter extends Device {
  readonly kind: 'receipt';
  readonly mediaAtExit: boolean;
  onMedia(listener: (event: MediaEvent) => void): Unsubscribe;
  /**
   * Resolves when the printer reports the ticket printed and cut. Rejects with a DeviceError:
   * `paper-out`, `jam`, `cover-open`, `offline`, `timeout`, `hardware-error`.
   */
  print(ticket: ReceiptTicket, options?: WaitOptions): Promise<void>;
}
