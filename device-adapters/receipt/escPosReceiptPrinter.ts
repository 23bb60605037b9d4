import { DeviceError, type Unsubscribe, type WaitOptions } from '../device';
import type { MediaEvent, ReceiptPrinter, ReceiptTicket } from '../receiptPrinter';
import { DEFAULT_DEVICE_TIMEOUTS } from '../../domain';
import { boundedPrint } from '../shared/boundedPrint';
import { Listeners } from '../shared/listeners';
import { StatusDevice } from '../shared/statusCell';
import { encodeTicket } from './encodeTicket';
import { PrinterAnswerReader, processIdRequest, type PrinterAnswer } from './printerAnswers';
import type { PrinterModel } from './printerModels';
import {
  PRESENTER_STATUS_REQUEST,
  REALTIME_STATUS_REQUEST,
  isTicketAtExit,
  parseRealtimeStatus,
} from './realtimeStatus';
import type { ReceiptTransport } from './receiptTransport';

export interface EscPosReceiptPrinterOptions {
  transport: ReceiptTransport;
  model: PrinterModel;
  /** How often the printer's real-time status is asked for. Default 1000 ms. */
  pollIntervalMs?: number;
  /** How long the printer has to answer a status request before it counts as offline. Default 1000 ms. */
  answerTimeoutMs?: number;
  /** Bound of a print when the caller gives no timeoutMs. Default 30 s. */
  defaultTimeoutMs?: number;
}

const PRINT_MESSAGES = {
  cancelledEarly: 'the print was cancelled before it started',
  cancelled: 'the print was cancelled',
  timeout: (timeoutMs: number) => `the ticket was not printed within ${timeoutMs} ms`,
};

interface StatusPoll {
  bytes: number[];
  fullStatus?: Uint8Array;
  done: (error?: DeviceError) => void;
}

/**
 * An ESC/POS receipt printer over a WebSerial or WebUSB transport. A print resolves when the
 * printer answers the process ID sent after the ticket (GS ( H), which it does once the ticket is
 * printed and cut; meanwhile the real-time status (DLE EOT), polled all along, fails the print on
 * paper out, jam, cover open or the printer going away.
 *
 * Paper at the exit: a model with a presenter reports a ticket in its exit, so 'taken' is known.
 * Without one (`presenter: false`) 'presented' is emitted when a ticket is printed and 'taken'
 * never is: mediaAtExit then stays true until the next print, and the flows must not wait for it.
 */
export class EscPosReceiptPrinter extends StatusDevice<'receipt'> implements ReceiptPrinter {
  readonly #transport: ReceiptTransport;
  readonly #model: PrinterModel;
  readonly #pollIntervalMs: number;
  readonly #answerTimeoutMs: number;
  readonly #defaultTimeoutMs: number;
  readonly #mediaListeners = new Listeners<MediaEvent>();
  readonly #jobs = new Map<string, () => void>();
  readonly #reader = new PrinterAnswerReader();
  #mediaAtExit = false;
  #lastError: DeviceError | undefined;
  #poll: StatusPoll | undefined;
  #polling: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #nextJob = 0;
  #missedPolls = 0;
  #unsubscribe: Unsubscribe[] = [];
  #started = false;

  constructor(options: EscPosReceiptPrinterOptions) {
    super('receipt', 'offline');
    this.#transport = options.transport;
    this.#model = options.model;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.#answerTimeoutMs = options.answerTimeoutMs ?? 1000;
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_DEVICE_TIMEOUTS.receiptPrintMs;
  }

  get mediaAtExit(): boolean {
    return this.#mediaAtExit;
  }

  /** Whether 'taken' can ever be reported: the model has a presenter that sees its exit. */
  get presenter(): boolean {
    return this.#model.presenter;
  }

  /** The last failure met outside a call (status polling, the transport's read loop), for the logs. */
  get lastError(): DeviceError | undefined {
    return this.#lastError;
  }

  onMedia(listener: (event: MediaEvent) => void): Unsubscribe {
    return this.#mediaListeners.add(listener);
  }

  /**
   * Opens the printer chosen before (by its USB ids, no picker) unless the transport is already
   * open, reads its status once and then keeps polling until dispose(). Rejects if it cannot open.
   */
  async start(): Promise<void> {
    if (!this.#started) {
      this.#started = true;
      this.#unsubscribe = [
        this.#transport.on('data', (bytes) => this.#receive(bytes)),
        this.#transport.on('disconnected', () => this.#lost()),
        this.#transport.on('connected', () => void this.refresh()),
        this.#transport.on('error', (error) => this.#fail(error)),
      ];
    }
    if (!this.#transport.connected) await this.#transport.reconnect();
    await this.refresh();
    this.#schedule();
  }

  /** Stops polling and lets go of the transport's events; prints under way fail as 'offline'. */
  dispose(): void {
    this.#started = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#poll?.done(
      new DeviceError('receipt', 'offline', 'the receipt printer driver was disposed'),
    );
    this.setStatus('offline');
  }

  /** Asks the printer for its real-time status now; resolves once the status is updated. */
  refresh(): Promise<void> {
    this.#polling ??= this.#askStatus().finally(() => {
      this.#polling = undefined;
    });
    return this.#polling;
  }

  print(ticket: ReceiptTicket, options: WaitOptions = {}): Promise<void> {
    return boundedPrint(
      this,
      ({ resolve, reject }) => {
        let bytes: Uint8Array;
        const id = this.#jobId();
        try {
          bytes = Uint8Array.from([...encodeTicket(ticket, this.#model), ...processIdRequest(id)]);
        } catch (error) {
          reject(
            new DeviceError(
              'receipt',
              'hardware-error',
              `'${ticket.title}' cannot be printed: ${error instanceof Error ? error.message : String(error)}`,
              {
                cause: error,
              },
            ),
          );
          return undefined;
        }
        this.#jobs.set(id, () => {
          if (!resolve()) return;
          this.#mediaAtExit = true;
          this.#mediaListeners.emit('presented');
        });
        // Without a presenter nothing tells when a ticket is taken; a new one is what is at the exit next.
        if (!this.#model.presenter) this.#mediaAtExit = false;
        this.#transport.write(bytes).catch((error: unknown) =>
          reject(
            error instanceof DeviceError
              ? error
              : new DeviceError('receipt', 'hardware-error', 'the ticket could not be sent', {
                  cause: error,
                }),
          ),
        );
        return () => this.#jobs.delete(id);
      },
      options,
      this.#defaultTimeoutMs,
      PRINT_MESSAGES,
    );
  }

  #jobId(): string {
    this.#nextJob = (this.#nextJob % 9999) + 1;
    return String(this.#nextJob).padStart(4, '0');
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (!this.#started) return;
    this.#timer = setTimeout(() => {
      void this.refresh().finally(() => this.#schedule());
    }, this.#pollIntervalMs);
  }

  async #askStatus(): Promise<void> {
    if (!this.#transport.connected) {
      this.setStatus('offline');
      return;
    }
    const request = this.#model.presenter
      ? [...REALTIME_STATUS_REQUEST, ...PRESENTER_STATUS_REQUEST]
      : [...REALTIME_STATUS_REQUEST];
    let poll: StatusPoll | undefined;
    const answered = new Promise<DeviceError | undefined>((resolve) => {
      const timer = setTimeout(
        () =>
          poll?.done(
            new DeviceError(
              'receipt',
              'offline',
              `the printer did not answer DLE EOT within ${this.#answerTimeoutMs} ms`,
            ),
          ),
        this.#answerTimeoutMs,
      );
      poll = {
        bytes: [],
        done: (error) => {
          clearTimeout(timer);
          if (this.#poll === poll) this.#poll = undefined;
          resolve(error);
        },
      };
    });
    if (!poll) return;
    this.#poll = poll;
    try {
      await this.#transport.write(Uint8Array.from(request));
    } catch (error) {
      poll.done(
        error instanceof DeviceError
          ? error
          : new DeviceError('receipt', 'hardware-error', 'the status request could not be sent', {
              cause: error,
            }),
      );
    }
    const error = await answered;
    if (error) {
      this.#missedPolls = error.code === 'offline' ? this.#missedPolls + 1 : 0;
      // One lost answer is not a printer gone: Epson printers drop real-time answers while they
      // send a process ID response. Two in a row are.
      if (this.#missedPolls === 1 && this.#transport.connected) {
        this.#lastError = error;
        return;
      }
      this.#fail(error);
      return;
    }
    this.#missedPolls = 0;
    this.#understand(poll);
  }

  #understand(poll: StatusPoll): void {
    const [printer = 0, offline = 0, failure = 0, paper = 0] = poll.bytes;
    try {
      this.setStatus(parseRealtimeStatus({ printer, offline, error: failure, paper }));
      if (poll.fullStatus && !isTicketAtExit(poll.fullStatus) && this.#mediaAtExit) {
        this.#mediaAtExit = false;
        this.#mediaListeners.emit('taken');
      }
    } catch (error) {
      this.#fail(
        new DeviceError('receipt', 'hardware-error', 'the printer status could not be read', {
          cause: error,
        }),
      );
    }
  }

  #receive(bytes: Uint8Array): void {
    for (const answer of this.#reader.push(bytes)) this.#answer(answer);
  }

  #answer(answer: PrinterAnswer): void {
    const poll = this.#poll;
    switch (answer.kind) {
      case 'process-id':
        // An unknown id is a job given up on (failed or timed out) that the printer finished later.
        this.#jobs.get(answer.id)?.();
        return;
      case 'status':
        // A status byte with no request waiting is a late answer to a poll that timed out.
        if (!poll) return;
        poll.bytes.push(answer.byte);
        break;
      case 'full-status':
        if (!poll) return;
        poll.fullStatus = answer.bytes;
        break;
      case 'unexpected':
        poll?.done(
          new DeviceError(
            'receipt',
            'hardware-error',
            `the printer sent 0x${answer.byte.toString(16).padStart(2, '0')}, which answers nothing asked`,
          ),
        );
        return;
    }
    const complete =
      poll.bytes.length >= 4 && (!this.#model.presenter || poll.fullStatus !== undefined);
    if (complete) poll.done();
  }

  #lost(): void {
    this.#poll?.done(new DeviceError('receipt', 'offline', 'the receipt printer was disconnected'));
    this.setStatus('offline');
  }

  #fail(error: DeviceError): void {
    this.#lastError = error;
    this.setStatus(
      error.code === 'offline' || !this.#transport.connected ? 'offline' : 'hardware-error',
    );
  }
}
