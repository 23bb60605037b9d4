import { describe, expect, it } from 'vitest';
import { appointmentQrData, parseKioskCode, ticketQrData } from '../../../domain';

describe('the codes the kiosk prints', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('reads back a ticket and an appointment slip from their QR payloads', () => {
    expect(ticketQrData({ id })).toBe(`BDY1:T:${id}`);
    expect(parseKioskCode(ticketQrData({ id }))).toEqual({ kind: 'ticket', id });
    expect(parseKioskCode(appointmentQrData({ id }))).toEqual({ kind: 'appointment', id });
  });

  it('takes nothing it did not write', () => {
    for (const text of ['', 'BDY1:X:0f8fad5b', 'BDY2:T:0f8fad5b', `https://example.com/${id}`])
      expect(parseKioskCode(text)).toBeNull();
  });
});
