import { describe, expect, it } from 'vitest';
import {
  PrinterAnswerReader,
  processIdRequest,
} from '../../../device-adapters/receipt/printerAnswers';

describe('processIdRequest', () => {
  it('is GS ( H 6 0 48 48 and the four characters', () => {
    expect(processIdRequest('0042')).toEqual([
      0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, 0x30, 0x30, 0x34, 0x32,
    ]);
  });

  it('refuses an id that is not 4 printable characters', () => {
    expect(() => processIdRequest('42')).toThrow(
      "A process ID is 4 printable ASCII characters, not '42'",
    );
  });
});

describe('PrinterAnswerReader', () => {
  it('tells status bytes, process ID responses and full status apart', () => {
    const reader = new PrinterAnswerReader();
    const answers = reader.push(
      Uint8Array.of(
        0x12,
        0x37,
        0x22,
        0x30,
        0x30,
        0x31,
        0x32,
        0x00,
        0x1e,
        0x10,
        0x0f,
        0x20,
        0x00,
        0x00,
        0x00,
      ),
    );
    expect(answers).toEqual([
      { kind: 'status', byte: 0x12 },
      { kind: 'process-id', id: '0012' },
      { kind: 'status', byte: 0x1e },
      { kind: 'full-status', bytes: Uint8Array.of(0x10, 0x0f, 0x20, 0x00, 0x00, 0x00) },
    ]);
  });

  it('keeps a block split across chunks until it is complete (process ID digits look like status bytes)', () => {
    const reader = new PrinterAnswerReader();
    expect(reader.push(Uint8Array.of(0x37, 0x22, 0x32))).toEqual([]);
    expect(reader.push(Uint8Array.of(0x32, 0x32, 0x32))).toEqual([]);
    expect(reader.push(Uint8Array.of(0x00, 0x12))).toEqual([
      { kind: 'process-id', id: '2222' },
      { kind: 'status', byte: 0x12 },
    ]);
  });

  it('reports bytes that answer nothing, and goes on with the next', () => {
    const reader = new PrinterAnswerReader();
    expect(
      reader.push(Uint8Array.of(0xff, 0x37, 0x12, 0x37, 0x22, 0x31, 0x31, 0x31, 0x31, 0x01)),
    ).toEqual([
      { kind: 'unexpected', byte: 0xff },
      { kind: 'unexpected', byte: 0x37 },
      { kind: 'status', byte: 0x12 },
      { kind: 'unexpected', byte: 0x01 },
    ]);
  });
});
