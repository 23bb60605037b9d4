import { DeviceError, type DeviceStatus, type Unsubscribe } from '../device';
import type { MediaEvent, ReceiptPrinter } from '../receiptPrinter';

/**
 * The receipt printer of a terminal whose configuration does not say which printer it has: it is
 * 'offline', so home pauses the flows that need it, and a print says what to configure.
 */
export class UnconfiguredReceiptPrinter implements ReceiptPrinter {
  readonly kind = 'receipt' as const;
  readonly status: DeviceStatus = 'offline';
  readonly mediaAtExit = false;

  onStatus(_listener: (status: DeviceStatus) => void): Unsubscribe {
    return () => {};
  }

  onMedia(_listener: (event: MediaEvent) => void): Unsubscribe {
    return () => {};
  }

  async print(): Promise<void> {
    throw new DeviceError(
      'receipt',
      'offline',
      'No receipt printer is configured: set hardware.receiptPrinter.vendorId and productId in kiosk.config.json',
    );
  }
}
