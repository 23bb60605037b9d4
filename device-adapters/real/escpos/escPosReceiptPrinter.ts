import { DeviceError, type DeviceStatus, type Unsubscribe, type WaitOptions } from '../../device';
import type { MediaEvent, ReceiptPrinter, ReceiptTicket } from '../../receiptPrinter';
import { bounded } from '../bounded';
import { StatusCell } from '../statusCell';
import { encodeTicket } from './encodeTicket';
import type { ReceiptPrinterModel } from './printerModels';
import { STATUS_REQUEST, deviceStatusOf, parseRealtimeStatus } from './realtimeStatus';

/** How bytes move to and from the printer: WebSerial, WebUSB, or a test's fake. */
export interface PrinterTransport {
  readonly connected: boolean;
  write(bytes: Uint8Array): Promise<void>;
  /** Every byte the printer sends back, in order. */
  onData(listener: (bytes: Uint8Array) => void): Unsubscribe;
  onConnection(listener: (connected: boolean) => void): Unsubscribe;
}

/** GS r 1: answered only once the printer has processed everything sent before it. */
const JOB_DONE_REQUEST = [0x1d, 0x72, 0x01];

/** DLE EOT answers have bits 1 and 4 set and bits 0 and 7 clear; GS r answers never do. */
const isRealtimeAnswer = (byte: number) => (byte & 0x93) === 0x12;

const BLOCKING: readonly DeviceStatus[] = [
  'offline',
  'paper-out',
  'jam',
  'cover-open',
  'hardware-error',
];

/**
 * An ESC/POS receipt printer: encodes a ticket (encodeTicket, pure), sends it, and resolves once
 * the printer answers GS r after the last line — the printer has really finished. Its status
 * comes from polling the real-time status (DLE EOT), which also stops a job that hits paper-out,
 * a jam or an open cover. Without a presenter sensor the printer cannot tell that the citizen
 * took the paper: it reports 'presented' after a print, and 'taken' never.
 */
export class EscPosReceiptPrinter implements ReceiptPrinter {
  readonly kind = 'receipt' as const;
  readonly #transport: PrinterTransport;
  readonly #model: ReceiptPrinterModel;
  readonly #status: StatusCell;
  #realtimeWaiters: Array<(byte: number) => void> = [];
  #jobWaiters: Array<(byte: number) => void> = [];
  #media = new Set<(event: MediaEvent) => void>();
  #mediaAtExit = false;
  #poll: ReturnType<typeof setInterval> | undefined;
  #polling = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    transport: PrinterTransport,
    model: ReceiptPrinterModel,
    options: { pollMs?: number } = {},
  ) {
    this.#transport = transport;
    this.#model = model;
    this.#status = new StatusCell(transport.connected ? 'online' : 'offline');
    transport.onData((bytes) => {
      for (const byte of bytes) {
        const waiters = isRealtimeAnswer(byte) ? this.#realtimeWaiters : this.#jobWaiters;
        waiters.shift()?.(byte);
      }
    });
    transport.onConnection((connected) => {
      if (!connected) this.#status.set('offline');
      else void this.refreshStatus();
    });
    this.#poll = setInterval(() => void this.refreshStatus(), options.pollMs ?? 1000);
  }

  get status(): DeviceStatus {
    return this.#status.value;
  }

  get mediaAtExit(): boolean {
    return this.#mediaAtExit;
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.#status.subscribe(listener);
  }

  onMedia(listener: (event: MediaEvent) => void): Unsubscribe {
    this.#media.add(listener);
    return () => this.#media.delete(listener);
  }

  /** Asks the printer for its real-time status; no answer within a second counts as offline. */
  async refreshStatus(): Promise<DeviceStatus> {
    if (this.#polling) return this.status;
    if (!this.#transport.connected) {
      this.#status.set('offline');
      return 'offline';
    }
    this.#polling = true;
    try {
      const answers: number[] = [];
      for (const request of [
        STATUS_REQUEST.printer,
        STATUS_REQUEST.offlineCause,
        STATUS_REQUEST.errorCause,
        STATUS_REQUEST.paper,
      ]) {
        answers.push(await this.#ask(request));
      }
      const [printer = 0, offline = 0, error = 0, paper = 0] = answers;
      this.#status.set(deviceStatusOf(parseRealtimeStatus(printer, offline, error, paper)));
    } catch {
      this.#status.set('offline');
    } finally {
      this.#polling = false;
    }
    return this.status;
  }

  print(ticket: ReceiptTicket, options?: WaitOptions): Promise<void> {
    const bytes = encodeTicket(ticket, this.#model);
    // Jobs go one after another: a second ticket waits for the first to be done.
    const job = this.#queue.then(() => this.#printNow(bytes, options));
    this.#queue = job.catch(() => undefined);
    return job;
  }

  dispose(): void {
    clearInterval(this.#poll);
  }

  #printNow(bytes: Uint8Array, options?: WaitOptions): Promise<void> {
    return bounded<undefined>(
      'receipt',
      ({ resolve, reject }) => {
        if (BLOCKING.includes(this.status)) {
          const status = this.status as
            'offline' | 'paper-out' | 'jam' | 'cover-open' | 'hardware-error';
          reject(new DeviceError('receipt', status, `the receipt printer is ${status}`));
          return;
        }
        const fail = (status: DeviceStatus) => {
          if (BLOCKING.includes(status)) {
            const code = status as
              'offline' | 'paper-out' | 'jam' | 'cover-open' | 'hardware-error';
            reject(
              new DeviceError('receipt', code, `the receipt printer became ${code} while printing`),
            );
          }
        };
        const offStatus = this.onStatus(fail);
        const done = () => {
          this.#mediaAtExit = true;
          for (const listener of [...this.#media]) listener('presented');
          resolve(undefined);
        };
        this.#jobWaiters.push(done);
        this.#transport
          .write(Uint8Array.from([...bytes, ...JOB_DONE_REQUEST]))
          .catch((error: unknown) =>
            reject(
              new DeviceError('receipt', 'offline', 'the ticket could not be sent to the printer', {
                cause: error,
              }),
            ),
          );
        // Poll faster while printing, so paper-out mid-ticket is seen at once.
        const fastPoll = setInterval(() => void this.refreshStatus(), 100);
        return () => {
          clearInterval(fastPoll);
          offStatus();
          this.#jobWaiters = this.#jobWaiters.filter((waiter) => waiter !== done);
        };
      },
      options,
      30_000,
    );
  }

  #ask(request: readonly number[]): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#realtimeWaiters = this.#realtimeWaiters.filter((waiter) => waiter !== answer);
        reject(new Error('no real-time status answer'));
      }, 1000);
      const answer = (byte: number) => {
        clearTimeout(timer);
        resolve(byte);
      };
      this.#realtimeWaiters.push(answer);
      this.#transport.write(Uint8Array.from(request)).catch((error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }
}
