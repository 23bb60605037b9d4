import { describe, expect, it } from 'vitest';
import { encodeTicket, MAX_QR_BYTES } from '../../../device-adapters/real/escpos/encodeTicket';
import { encodeGb18030 } from '../../../device-adapters/real/escpos/gb18030';
import { EscPosReceiptPrinter } from '../../../device-adapters/real/escpos/escPosReceiptPrinter';
import {
  PRINTER_MODELS,
  type ReceiptPrinterModel,
} from '../../../device-adapters/real/escpos/printerModels';
import {
  deviceStatusOf,
  parseRealtimeStatus,
} from '../../../device-adapters/real/escpos/realtimeStatus';
import type { ReceiptTicket } from '../../../device-adapters';
import { describeReceiptPrinterContract } from '../../contracts/receiptPrinter.contract';
import { FakeEscPosPrinter } from './fakeEscPosPrinter';

const model = PRINTER_MODELS[0] as ReceiptPrinterModel;
const hex = (bytes: Uint8Array | number[]) => Buffer.from(Uint8Array.from(bytes)).toString('hex');

describe('encodeTicket(ticket, generic-80)', () => {
  const ticket: ReceiptTicket = {
    title: '排队凭条 A001',
    blocks: [
      { kind: 'text', text: '取号', align: 'center', bold: true },
      { kind: 'bigNumber', text: 'A001' },
      { kind: 'qr', data: 'BDY1:T:x' },
    ],
  };
  const bytes = hex(encodeTicket(ticket, model));

  it('initialize() starts with ESC @', () => expect(bytes.startsWith('1b40')).toBe(true));

  it("text('取号') goes in Chinese mode: FS &, GB18030 C8A1 BAC5, FS .", () => {
    expect(bytes).toContain('1b6101' + '1b4501' + '1d2100' + '1c26c8a1bac51c2e0a');
  });

  it("bigNumber('A001') is centred at 4× size", () =>
    expect(bytes).toContain(
      '1b61011b45011d21331c26' + hex([...'A001'].map((c) => c.charCodeAt(0))),
    ));

  it("qrcode('BDY1:T:x') uses the printer's GS ( k: model 2, module 6, level M, store, print", () => {
    expect(bytes).toContain('1d286b04003141320' + '0');
    expect(bytes).toContain('1d286b030031430' + '6');
    expect(bytes).toContain('1d286b0300314531');
    expect(bytes).toContain('1d286b0b003150304244593a543a78'.replace('4244593a', '424459313a'));
    expect(bytes).toContain('1d286b0300315130');
  });

  it('cut() ends a ticket on a model with a cutter, and not on one without', () => {
    expect(bytes).toContain('1d5601');
    expect(hex(encodeTicket(ticket, PRINTER_MODELS[1] as ReceiptPrinterModel))).not.toContain(
      '1d5601',
    );
  });

  it('a QR payload too long for a QR code fails loudly', () => {
    expect(() =>
      encodeTicket(
        { title: 'x', blocks: [{ kind: 'qr', data: 'x'.repeat(MAX_QR_BYTES + 1) }] },
        model,
      ),
    ).toThrow(/at most 2331 bytes/);
  });
});

describe('GB18030', () => {
  it('keeps ASCII, encodes Chinese in two bytes, and marks what it cannot print', () => {
    expect(hex(encodeGb18030('A号'))).toBe('41bac5');
    expect(hex(encodeGb18030('买买提·艾力'))).toBe(
      hex(encodeGb18030('买买提')) + 'a1a4' + hex(encodeGb18030('艾力')),
    );
    expect(hex(encodeGb18030('王䶮'))).toBe('cdf5fe9f'); // the rare 䶮 is in the two-byte area
    expect(hex(encodeGb18030('王𠀀'))).toBe('cdf53f'); // Extension B needs four bytes: '?'
  });
});

describe('real-time status', () => {
  it.each([
    [[0x12, 0x12, 0x12, 0x12], 'online'],
    [[0x12, 0x12, 0x12, 0x1e], 'paper-low'],
    [[0x1a, 0x32, 0x12, 0x72], 'paper-out'],
    [[0x1a, 0x16, 0x12, 0x12], 'cover-open'],
    [[0x1a, 0x12, 0x1a, 0x12], 'jam'],
    [[0x1a, 0x12, 0x32, 0x12], 'hardware-error'],
    [[0x1a, 0x12, 0x12, 0x12], 'offline'],
  ])('DLE EOT answers %o mean %s', (answers, status) => {
    const [p = 0, o = 0, e = 0, s = 0] = answers;
    expect(deviceStatusOf(parseRealtimeStatus(p, o, e, s))).toBe(status);
  });
});

describeReceiptPrinterContract('ESC/POS over a fake port', () => {
  const port = new FakeEscPosPrinter(60);
  const printer = new EscPosReceiptPrinter(port, model, { pollMs: 50 });
  return {
    printer,
    paperLow: () => void (port.condition = 'near-end'),
    paperOut: () => void (port.condition = 'paper-out'),
    jam: () => void (port.condition = 'jam'),
    coverOpen: () => void (port.condition = 'cover-open'),
    goOffline: () => port.unplug(),
    recover: () => {
      port.condition = 'ok';
      port.plugIn();
    },
    stall: () => void (port.stalled = true),
    printedCount: () => port.printed,
    takePaper: null,
    dispose: () => {
      printer.dispose();
      port.dispose();
    },
  };
});

describe('EscPosReceiptPrinter', () => {
  it('sends each ticket once, followed by GS r 1 to learn it is done', async () => {
    const port = new FakeEscPosPrinter(10);
    const printer = new EscPosReceiptPrinter(port, model, { pollMs: 1000 });
    await printer.print(
      { title: 't', blocks: [{ kind: 'text', text: '你好' }] },
      { timeoutMs: 1000 },
    );
    printer.dispose();
    expect(port.jobs).toHaveLength(1);
    expect(hex(port.jobs[0] ?? new Uint8Array()).endsWith('1d7201')).toBe(true);
  });
});
