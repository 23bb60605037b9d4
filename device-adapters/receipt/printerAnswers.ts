import { isRealtimeStatusByte } from './realtimeStatus';

/** What a printer sends back, told apart by the patterns ESC/POS gives each kind of answer. */
export type PrinterAnswer =
  | { kind: 'status'; byte: number }
  /** GS ( H fn 48: sent once the data before it has been printed. */
  | { kind: 'process-id'; id: string }
  /** DLE EOT 20 on presenter printers: 10 0F and four status bytes. */
  | { kind: 'full-status'; bytes: Uint8Array }
  /** A byte none of our requests asks for: the conversation is out of step. */
  | { kind: 'unexpected'; byte: number };

const PROCESS_ID_LENGTH = 7;
const FULL_STATUS_LENGTH = 6;

/** GS ( H fn 48 m 48 d1..d4: ask for `id` (4 printable ASCII characters) once everything before it has printed. */
export function processIdRequest(id: string): number[] {
  if (!/^[\x20-\x7e]{4}$/.test(id)) {
    throw new Error(`A process ID is 4 printable ASCII characters, not '${id}'`);
  }
  return [0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30, ...[...id].map((c) => c.charCodeAt(0))];
}

/**
 * Splits the bytes a printer sends into answers. Bytes may arrive in any chunks (a USB transfer or
 * a serial read may hold part of an answer, or several), so partial blocks are kept until complete.
 */
export class PrinterAnswerReader {
  #block: number[] = [];

  push(chunk: Uint8Array): PrinterAnswer[] {
    const answers: PrinterAnswer[] = [];
    for (const byte of chunk) answers.push(...this.#take(byte));
    return answers;
  }

  #take(byte: number): PrinterAnswer[] {
    const block = this.#block;
    if (block.length === 0) {
      if (byte === 0x37 || byte === 0x10) {
        block.push(byte);
        return [];
      }
      return [isRealtimeStatusByte(byte) ? { kind: 'status', byte } : { kind: 'unexpected', byte }];
    }
    if (block.length === 1) {
      const known = (block[0] === 0x37 && byte === 0x22) || (block[0] === 0x10 && byte === 0x0f);
      if (!known) {
        // The first byte began no answer we know; the second may still begin one.
        this.#block = [];
        return [{ kind: 'unexpected', byte: block[0] ?? 0 }, ...this.#take(byte)];
      }
    }
    block.push(byte);
    if (block[0] === 0x37 && block.length === PROCESS_ID_LENGTH) {
      this.#block = [];
      if (byte !== 0x00) return [{ kind: 'unexpected', byte }];
      return [{ kind: 'process-id', id: String.fromCharCode(...block.slice(2, 6)) }];
    }
    if (block[0] === 0x10 && block.length === FULL_STATUS_LENGTH) {
      this.#block = [];
      return [{ kind: 'full-status', bytes: Uint8Array.from(block) }];
    }
    return [];
  }
}
