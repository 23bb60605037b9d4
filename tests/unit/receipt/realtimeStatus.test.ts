import { describe, expect, it } from 'vitest';
import {
  PRESENTER_STATUS_REQUEST,
  REALTIME_STATUS_REQUEST,
  isTicketAtExit,
  parseRealtimeStatus,
} from '../../../device-adapters/receipt/realtimeStatus';

/** Every DLE EOT answer: bits 1 and 4 set, bits 0 and 7 clear. */
const IDLE = { printer: 0x12, offline: 0x12, error: 0x12, paper: 0x12 };

describe('the real-time status request', () => {
  it('is DLE EOT 1, 2, 3, 4 in one write, and DLE EOT 20 for a presenter', () => {
    expect(REALTIME_STATUS_REQUEST).toEqual([
      0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x03, 0x10, 0x04, 0x04,
    ]);
    expect(PRESENTER_STATUS_REQUEST).toEqual([0x10, 0x04, 0x14]);
  });
});

describe('parseRealtimeStatus', () => {
  it.each([
    ['an idle printer with paper', IDLE, 'online'],
    ['paper near end (n=4 bits 2,3)', { ...IDLE, paper: 0x1e }, 'paper-low'],
    [
      'paper end (n=4 bits 5,6; n=2 bit 5; n=1 offline)',
      { printer: 0x1a, offline: 0x32, error: 0x12, paper: 0x7e },
      'paper-out',
    ],
    ['paper end by the sensor alone', { ...IDLE, paper: 0x72 }, 'paper-out'],
    [
      'cover open (n=2 bit 2), also when the paper is out',
      { printer: 0x1a, offline: 0x36, error: 0x12, paper: 0x72 },
      'cover-open',
    ],
    [
      'autocutter error (n=3 bit 3) as a jam',
      { printer: 0x1a, offline: 0x52, error: 0x1a, paper: 0x12 },
      'jam',
    ],
    [
      'mechanical error (n=3 bit 2) as a jam',
      { printer: 0x1a, offline: 0x52, error: 0x16, paper: 0x12 },
      'jam',
    ],
    [
      'unrecoverable error (n=3 bit 5)',
      { printer: 0x1a, offline: 0x52, error: 0x32, paper: 0x12 },
      'hardware-error',
    ],
    [
      'an error of no known cause (n=2 bit 6)',
      { printer: 0x1a, offline: 0x52, error: 0x12, paper: 0x12 },
      'hardware-error',
    ],
    [
      'head too hot, which clears itself (n=3 bit 6)',
      { printer: 0x1a, offline: 0x52, error: 0x52, paper: 0x12 },
      'busy',
    ],
    [
      'paper fed by the button (n=2 bit 3)',
      { printer: 0x1a, offline: 0x1a, error: 0x12, paper: 0x12 },
      'busy',
    ],
    ['offline with no cause given (n=1 bit 3)', { ...IDLE, printer: 0x1a }, 'offline'],
    [
      'drawer pin high (n=1 bit 2), which is no concern of a kiosk',
      { ...IDLE, printer: 0x16 },
      'online',
    ],
  ] as const)('%s', (_name, answers, status) => {
    expect(parseRealtimeStatus(answers)).toBe(status);
  });

  it('throws on a byte that is not a DLE EOT answer, naming it', () => {
    expect(() => parseRealtimeStatus({ ...IDLE, paper: 0x37 })).toThrow(
      '0x37 is not a DLE EOT answer (paper status)',
    );
    expect(() => parseRealtimeStatus({ ...IDLE, printer: 0x00 })).toThrow('(printer status)');
  });
});

describe('isTicketAtExit', () => {
  it('reads bit 5 of the paper byte of DLE EOT 20', () => {
    expect(isTicketAtExit(Uint8Array.of(0x10, 0x0f, 0x20, 0, 0, 0))).toBe(true);
    expect(isTicketAtExit(Uint8Array.of(0x10, 0x0f, 0x05, 0, 0, 0))).toBe(false);
  });

  it('throws on anything else', () => {
    expect(() => isTicketAtExit(Uint8Array.of(0x10, 0x0e, 0x20, 0, 0, 0))).toThrow(
      'not a full status answer',
    );
    expect(() => isTicketAtExit(Uint8Array.of(0x10, 0x0f))).toThrow('not a full status answer');
  });
});
