import { describe, expect, it } from 'vitest';
import {
  applicationNumber,
  applicationOfCode,
  applicationQrData,
  appointmentQrData,
  parseKioskCode,
  ticketQrData,
} from '../../../domain';

describe('the codes the kiosk prints', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('reads back a ticket and an appointment slip from their QR payloads', () => {
    expect(ticketQrData({ id })).toBe(`BDY1:T:${id}`);
    expect(parseKioskCode(ticketQrData({ id }))).toEqual({ kind: 'ticket', id });
    expect(parseKioskCode(appointmentQrData({ id }))).toEqual({ kind: 'appointment', id });
  });

  it("reads back an application's receipt slip: its number and the slip's token", () => {
    const application = {
      number: applicationNumber('2026-12-02', 1, 7),
      slipToken: 'a1b2c3d4e5f60718293a4b5c',
    };
    const code = parseKioskCode(applicationQrData(application));
    expect(code).toEqual({
      kind: 'application',
      id: `${application.number}.${application.slipToken}`,
    });
    expect(code && applicationOfCode(code)).toEqual(application);
    expect(applicationOfCode({ kind: 'ticket', id })).toBeNull();
  });

  it('takes nothing it did not write', () => {
    for (const text of [
      '',
      'BDY1:X:0f8fad5b',
      'BDY2:T:0f8fad5b',
      `https://example.com/${id}`,
      'BDY1:S:SQ2026120201000.abc',
      'BDY1:S:SQ202612020100079',
      'BDY1:S:SQ202612020100079.<script>',
    ])
      expect(parseKioskCode(text)).toBeNull();
  });
});
