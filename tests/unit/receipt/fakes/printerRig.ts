import { EscPosReceiptPrinter } from '../../../../device-adapters/receipt/escPosReceiptPrinter';
import {
  PRINTER_MODELS,
  type PrinterModel,
} from '../../../../device-adapters/receipt/printerModels';
import type { ReceiptTransport } from '../../../../device-adapters/receipt/receiptTransport';
import { WebSerialTransport } from '../../../../device-adapters/receipt/webSerialTransport';
import { WebUsbTransport } from '../../../../device-adapters/receipt/webUsbTransport';
import { FakeEscPosPrinter } from './fakeEscPosPrinter';
import { FakeSerial, FakeSerialPort } from './fakeSerial';
import { FakeUsb, FakeUsbDevice } from './fakeUsb';

export const IDS = { vendorId: 0x0416, productId: 0x5011 };

export interface PrinterRig {
  device: FakeEscPosPrinter;
  transport: ReceiptTransport;
  printer: EscPosReceiptPrinter;
  unplug(): void;
  plugIn(): void;
  dispose(): Promise<void>;
}

export interface RigOptions {
  model?: PrinterModel;
  printMs?: number;
  pollIntervalMs?: number;
  answerTimeoutMs?: number;
  defaultTimeoutMs?: number;
}

/** A driver over a fake serial port or USB device, permitted before and found again by its ids. */
export function printerRig(kind: 'serial' | 'usb', options: RigOptions = {}): PrinterRig {
  const model = options.model ?? PRINTER_MODELS['kiosk-80-presenter'];
  const device = new FakeEscPosPrinter(options.printMs ?? 40, model.presenter);
  let transport: ReceiptTransport;
  let unplug: () => void;
  let plugIn: () => void;
  if (kind === 'serial') {
    const serial = new FakeSerial();
    const port = new FakeSerialPort(device, {
      usbVendorId: IDS.vendorId,
      usbProductId: IDS.productId,
    });
    serial.ports.push(port);
    transport = new WebSerialTransport({ usb: IDS, serial });
    unplug = () => port.unplug(serial);
    plugIn = () => port.plugIn(serial);
  } else {
    const usb = new FakeUsb();
    const usbDevice = new FakeUsbDevice(device, IDS.vendorId, IDS.productId);
    usb.devices.push(usbDevice);
    transport = new WebUsbTransport({ usb: IDS, usbApi: usb });
    unplug = () => usbDevice.unplug(usb);
    plugIn = () => usbDevice.plugIn(usb);
  }
  const printer = new EscPosReceiptPrinter({
    transport,
    model,
    pollIntervalMs: options.pollIntervalMs ?? 10,
    answerTimeoutMs: options.answerTimeoutMs ?? 300,
    defaultTimeoutMs: options.defaultTimeoutMs,
  });
  return {
    device,
    transport,
    printer,
    unplug,
    plugIn,
    async dispose() {
      printer.dispose();
      device.dispose();
      if (transport.connected) await transport.disconnect();
    },
  };
}
