import { describeReceiptPrinterContract } from '../../contracts/receiptPrinter.contract';
import { PRINTER_MODELS, type PrinterModel } from '../../../device-adapters/receipt/printerModels';
import { printerRig } from './fakes/printerRig';

/** Each transport with a presenter model ('taken' is known), and one printer without a presenter. */
const SETUPS: Array<{ kind: 'serial' | 'usb'; model: PrinterModel }> = [
  { kind: 'serial', model: PRINTER_MODELS['kiosk-80-presenter'] },
  { kind: 'usb', model: PRINTER_MODELS['kiosk-80-presenter'] },
  { kind: 'serial', model: PRINTER_MODELS['generic-80-gb18030'] },
];

for (const { kind, model } of SETUPS) {
  describeReceiptPrinterContract(
    `ESC/POS over ${kind === 'serial' ? 'WebSerial' : 'WebUSB'}, ${model.id}`,
    async () => {
      // The fake prints a ticket in 40 ms, within the 30–150 ms the contract asks.
      const rig = printerRig(kind, { model, printMs: 40 });
      await rig.printer.start();
      const { device } = rig;
      const set = (change: () => void) => {
        change();
        device.changed();
      };
      return {
        printer: rig.printer,
        paperLow: () => set(() => (device.paper = 'near-end')),
        paperOut: () => set(() => (device.paper = 'out')),
        jam: () => set(() => (device.jammed = true)),
        coverOpen: () => set(() => (device.coverOpen = true)),
        goOffline: () => rig.unplug(),
        recover: () => {
          set(() => {
            device.paper = 'ok';
            device.jammed = false;
            device.coverOpen = false;
            device.stalled = false;
          });
          if (!rig.transport.connected) rig.plugIn();
        },
        stall: () => set(() => (device.stalled = true)),
        takePaper: model.presenter ? () => device.takePaper() : null,
        printedCount: () => device.printed,
        dispose: () => rig.dispose(),
      };
    },
  );
}
