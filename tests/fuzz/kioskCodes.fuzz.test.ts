import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedDbQueueService } from '../../stores/queue';
import type { ReceiptTicket } from '../../device-adapters';
import { appointmentQrData, parseKioskCode, ticketQrData, type QueueTicket } from '../../domain';
import { appointmentSlipReceipt } from '../../kiosk-ui/flows/appointment/appointmentSlip';
import { queueTicketReceipt } from '../../kiosk-ui/flows/queue/queueTicket';
import { fuzzRuns } from './fuzzRuns';
import { anyText, hostileChar, hostileText } from './hostileText';
import { must } from '../support/must';
import { taxService } from '../support/queueServices';

const HEX = '0123456789abcdefABCDEF-';
const hexBody = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...HEX), minLength, maxLength });

/** What parseKioskCode promises of anything it accepts, whatever it was given. */
function expectWellFormed(text: string, parsed: ReturnType<typeof parseKioskCode>): void {
  if (parsed === null) return;
  expect(['ticket', 'appointment']).toContain(parsed.kind);
  expect(parsed.id).toMatch(/^[0-9a-f-]{8,64}$/i);
  const letter = parsed.kind === 'ticket' ? 'T' : 'A';
  expect(text.trim().toUpperCase()).toBe(`BDY1:${letter}:${parsed.id}`.toUpperCase());
}

describe('parseKioskCode', () => {
  it('answers any text with a code or null, and accepts only well-formed codes', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectWellFormed(text, parseKioskCode(text));
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('takes near misses of BDY1:T:… and BDY1:A:… apart from the real thing', () => {
    const piece = <T>(good: T, bad: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: fc.constant(good), weight: 3 }, bad);
    const nearMiss = fc.record({
      before: piece('', fc.constantFrom(' ', '\t', '\n', '\u3000', '\ufeff', '\u200b', 'x')),
      prefix: piece(
        'BDY1',
        fc.constantFrom('bdy1', 'BDY', 'BDY2', 'BDY11', 'ＢＤＹ１', 'BDY1 ', ''),
      ),
      colon1: piece(':', fc.constantFrom('：', '::', ';', '')),
      kind: piece('T', fc.constantFrom('A', 'a', 't', 'X', 'TA', '', 'Ｔ')),
      colon2: piece(':', fc.constantFrom('：', '::', '')),
      body: fc.oneof(
        hexBody(8, 64),
        hexBody(0, 7),
        hexBody(65, 80),
        fc.tuple(hexBody(4, 40), hostileChar, hexBody(4, 40)).map((parts) => parts.join('')),
      ),
      after: piece('', fc.constantFrom(' ', '\r\n', '\u00a0', '\u0000', 'x', '\ud800')),
    });
    fc.assert(
      fc.property(nearMiss, (p) => {
        const text = p.before + p.prefix + p.colon1 + p.kind + p.colon2 + p.body + p.after;
        const parsed = parseKioskCode(text);
        expectWellFormed(text, parsed);
        const exact =
          p.prefix.toUpperCase() === 'BDY1' &&
          p.colon1 === ':' &&
          /^[TAta]$/.test(p.kind) &&
          p.colon2 === ':' &&
          /^[0-9a-f-]{8,64}$/i.test(p.body) &&
          p.before.trim() === '' &&
          p.after.trim() === '';
        if (exact)
          expect(parsed).toEqual({
            kind: /^[Tt]$/.test(p.kind) ? 'ticket' : 'appointment',
            id: p.body,
          });
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('reads back what the printing code puts in ticket and slip QRs, for any UUID', () => {
    fc.assert(
      fc.property(fc.uuid(), hostileText(4), (id, padding) => {
        const around = padding.trim() === '' ? padding : '';
        const ticket = ticketQrData({ id } as QueueTicket);
        const slip = appointmentQrData({ id } as Parameters<typeof appointmentQrData>[0]);
        expect(parseKioskCode(ticket)).toEqual({ kind: 'ticket', id });
        expect(parseKioskCode(around + slip + around)).toEqual({ kind: 'appointment', id });
      }),
      { numRuns: fuzzRuns() },
    );
  });

  it('reads back the QR of every ticket and slip the queue service issues and prints', async () => {
    const service = taxService();
    // A store per run: days are drawn in any order, and a day before one already numbered is
    // closed (never renumbered), which is not what this property is about.
    let stores = 0;
    const storeOfRun = () =>
      new IndexedDbQueueService({
        services: [service],
        officeHours: { days: [1, 2, 3, 4, 5, 6, 7], open: '09:00', close: '17:00' },
        databaseName: `fuzz-kiosk-codes-${(stores += 1)}`,
      });
    const qrOf = (receipt: ReceiptTicket) => {
      const block = receipt.blocks.find((b) => b.kind === 'qr');
      return must(block?.kind === 'qr' ? block.data : undefined, 'a QR block');
    };
    let holder = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom('age', 'disability', 'military', 'appointment', null),
        fc.boolean(),
        async (day, priority, reprint) => {
          const date = day.toISOString().slice(0, 10);
          const queue = storeOfRun();
          const issued = await queue.allocate({
            serviceCode: 'tax',
            date,
            time: '10:00',
            holderKey: null,
            maskedId: null,
            priority,
          });
          if (!issued.ok) throw new Error(`no ticket: ${JSON.stringify(issued.refusal)}`);
          const ticketQr = qrOf(queueTicketReceipt(issued.ticket, service, '大厅', reprint));
          expect(parseKioskCode(ticketQr)).toEqual({ kind: 'ticket', id: issued.ticket.id });

          holder += 1;
          const booked = await queue.book({
            serviceCode: 'tax',
            date,
            slot: { start: '09:00', end: '09:30' },
            holderKey: `fuzz-holder-${holder}`,
            maskedId: '1101**********0131',
            maskedPhone: '138****1234',
          });
          if (!booked.ok) return; // a full slot on a day drawn twice: no slip to print
          const slipQr = qrOf(appointmentSlipReceipt(booked.appointment, service, '大厅'));
          expect(parseKioskCode(slipQr)).toEqual({
            kind: 'appointment',
            id: booked.appointment.id,
          });
        },
      ),
      // Each run is two IndexedDB transactions: a tenth of the runs keep this property quick.
      { numRuns: fuzzRuns(1 / 10) },
    );
  });
});
