/** The conditions a fake printer can be put in, as the tests and the contract stage them. */
export type FakePaper = 'ok' | 'near-end' | 'out';

const DLE = 0x10;
const EOT = 0x04;
const PROCESS_ID = [0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30];

function startsWith(bytes: number[], at: number, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

/**
 * The inside of an ESC/POS printer, as far as the driver can tell: it answers DLE EOT 1–4 (and 20
 * with a presenter) from its state at once, prints a job in `printMs`, holds it while a fault lasts
 * and finishes it once the fault is cleared, and answers GS ( H when the job before it is printed.
 * It records every byte it is sent.
 */
export class FakeEscPosPrinter {
  paper: FakePaper = 'ok';
  coverOpen = false;
  jammed = false;
  /** Stops answering anything and printing anything. */
  stalled = false;
  /** Status requests to leave unanswered, as an Epson printer does while it sends a process ID. */
  dropAnswers = 0;
  /** Answers a byte that answers nothing to the next status request. */
  garbleNextAnswer = false;
  readonly received: number[] = [];
  printed = 0;
  ticketAtExit = false;
  readonly statusRequests: number[] = [];
  #queue: Array<{ id: number[] }> = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #send: (bytes: Uint8Array) => void = () => undefined;

  constructor(
    readonly printMs = 40,
    readonly presenter = false,
  ) {}

  /** Where the printer's answers go: the fake port's readable side. */
  answerTo(send: (bytes: Uint8Array) => void): void {
    this.#send = send;
  }

  get faulted(): boolean {
    return this.paper === 'out' || this.coverOpen || this.jammed;
  }

  /** Bytes from the host, one write at a time. */
  receive(chunk: Uint8Array): void {
    const bytes = [...chunk];
    this.received.push(...bytes);
    for (let at = 0; at < bytes.length; at++) {
      if (bytes[at] === DLE && bytes[at + 1] === EOT && at + 2 < bytes.length) {
        this.#answerStatus(bytes[at + 2] ?? 0);
        at += 2;
      } else if (startsWith(bytes, at, PROCESS_ID)) {
        this.#queue.push({ id: bytes.slice(at + 7, at + 11) });
        at += 10;
        this.#advance();
      }
    }
  }

  /** Call after changing a condition: a held job goes on once nothing stops it. */
  changed(): void {
    this.#advance();
  }

  takePaper(): void {
    this.ticketAtExit = false;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #answerStatus(n: number): void {
    this.statusRequests.push(n);
    if (this.stalled) return;
    if (this.dropAnswers > 0) {
      this.dropAnswers -= 1;
      return;
    }
    if (this.garbleNextAnswer) {
      this.garbleNextAnswer = false;
      this.#send(Uint8Array.of(0xff));
      return;
    }
    const fixed = 0b0001_0010;
    const on = (condition: boolean, bit: number) => (condition ? 1 << bit : 0);
    const out = this.paper === 'out';
    switch (n) {
      case 1:
        return this.#send(Uint8Array.of(fixed | on(this.faulted, 3)));
      case 2:
        return this.#send(
          Uint8Array.of(fixed | on(this.coverOpen, 2) | on(out, 5) | on(this.jammed, 6)),
        );
      case 3:
        return this.#send(Uint8Array.of(fixed | on(this.jammed, 3)));
      case 4:
        return this.#send(
          Uint8Array.of(fixed | (this.paper !== 'ok' ? 0b0000_1100 : 0) | (out ? 0b0110_0000 : 0)),
        );
      case 20:
        if (!this.presenter) return;
        return this.#send(
          Uint8Array.of(
            DLE,
            0x0f,
            on(out, 0) | on(this.ticketAtExit, 5),
            on(this.coverOpen, 1),
            0,
            0,
          ),
        );
    }
  }

  #advance(): void {
    if (this.#timer || this.stalled || this.faulted || this.#queue.length === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const job = this.#queue[0];
      // A fault that came while printing holds the job; it is printed again once cleared.
      if (!job || this.stalled || this.faulted) return;
      this.#queue.shift();
      this.printed += 1;
      this.ticketAtExit = true;
      this.#send(Uint8Array.of(0x37, 0x22, ...job.id, 0x00));
      this.#advance();
    }, this.printMs);
  }
}
