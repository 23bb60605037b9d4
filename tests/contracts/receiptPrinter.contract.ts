import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  MediaEvent,
  ReceiptPrinter,
  ReceiptTicket,
} from '../../device-adapters/receiptPrinter';
import { eventually } from './contractSupport';
import { printerContractTests, type PrinterWorld } from './printerContract';

type Awaitable<T> = T | Promise<T>;

/**
 * The world around a receipt printer under test, as a fake printer can stage it
 * (see PrinterWorld for the shared conditions and timing).
 */
export interface ReceiptPrinterHarness extends PrinterWorld {
  /** The adapter under test: connected, status 'online', paper loaded, nothing at the exit. */
  printer: ReceiptPrinter;
  /**
   * The citizen pulls the ticket out of the exit slot. Null for a printer with no sensor at the
   * exit (no presenter): it can say the ticket was presented, never that it was taken.
   */
  takePaper: (() => Awaitable<void>) | null;
}

const QUEUE_TICKET: ReceiptTicket = {
  title: '取号 A001',
  blocks: [
    { kind: 'text', text: '不打烊自助服务厅', align: 'center', bold: true },
    { kind: 'rule' },
    { kind: 'bigNumber', text: 'A001' },
    { kind: 'text', text: '前面还有 3 人', align: 'center' },
    { kind: 'qr', data: 'https://example.gov.cn/q?t=A001', caption: '扫码查看排队进度' },
    { kind: 'feed', lines: 2 },
  ],
};

export function describeReceiptPrinterContract(
  name: string,
  makeHarness: () => Awaitable<ReceiptPrinterHarness>,
): void {
  describe(`ReceiptPrinter contract: ${name}`, () => {
    let world: ReceiptPrinterHarness;
    let printer: ReceiptPrinter;

    beforeEach(async () => {
      world = await makeHarness();
      printer = world.printer;
    });
    afterEach(async () => {
      await world.dispose();
    });

    printerContractTests('receipt', () => ({
      device: printer,
      world,
      print: (options) => printer.print(QUEUE_TICKET, options),
    }));

    it('has no paper at the exit before printing', () => {
      expect(printer.mediaAtExit).toBe(false);
    });

    it("presents the ticket at the exit once printed, and reports 'taken' when pulled out", async () => {
      const media: MediaEvent[] = [];
      printer.onMedia((event) => media.push(event));
      await printer.print(QUEUE_TICKET, { timeoutMs: 2000 });
      await eventually(() => expect(printer.mediaAtExit).toBe(true));
      await eventually(() => expect(media).toEqual(['presented']));
      if (!world.takePaper) return;
      await world.takePaper();
      await eventually(() => expect(printer.mediaAtExit).toBe(false));
      await eventually(() => expect(media).toEqual(['presented', 'taken']));
    });

    it('presents nothing when a print fails', async () => {
      const media: MediaEvent[] = [];
      printer.onMedia((event) => media.push(event));
      await world.paperOut();
      await eventually(() => expect(printer.status).toBe('paper-out'));
      await expect(printer.print(QUEUE_TICKET, { timeoutMs: 2000 })).rejects.toThrow();
      expect(printer.mediaAtExit).toBe(false);
      expect(media).toEqual([]);
    });

    it('stops calling an onMedia listener once unsubscribed', async () => {
      const media: MediaEvent[] = [];
      const unsubscribe = printer.onMedia((event) => media.push(event));
      unsubscribe();
      await printer.print(QUEUE_TICKET, { timeoutMs: 2000 });
      await eventually(() => expect(printer.mediaAtExit).toBe(true));
      expect(media).toEqual([]);
    });
  });
}
