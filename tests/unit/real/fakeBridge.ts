import type { IdCardRecord } from '../../../domain';
import type { BridgeSocket } from '../../../device-adapters/real/bridgeConnection';

type FaceOutcome = 'match' | 'mismatch' | 'no-face' | 'liveness-failed';

interface Command {
  header: { type: 'command'; name: string; requestId: number };
  payload: Record<string, unknown>;
}

/**
 * The local device bridge, faked in memory: it speaks the protocol of docs/device-bridge.md to
 * the sockets the connection opens, and the test scripts the card, the face and the faults.
 */
export class FakeBridge {
  card: IdCardRecord | null = null;
  #failNextRead = false;
  #pullDuringNextRead = false;
  #face: FaceOutcome = 'match';
  #stalled = false;
  /** An older bridge without `IdCard.Status`: it answers that command `failed`. */
  noStatusCommand = false;
  #offline = false;
  #socket: FakeSocket | null = null;
  readonly received: Command[] = [];

  /** The factory the BridgeConnection gets. */
  readonly connect = (): BridgeSocket => {
    const socket = new FakeSocket(this);
    this.#socket = socket;
    queueMicrotask(() => (this.#offline ? socket.drop() : socket.opened()));
    return socket;
  };

  /** A card lies in the field without the kiosk being told (placed while it was not listening). */
  placeCardSilently(record: IdCardRecord): void {
    this.card = record;
  }

  placeCard(record: IdCardRecord): void {
    this.card = record;
    this.#emit('IdCard.MediaInserted', {});
  }

  pullCard(): void {
    this.card = null;
    this.#emit('IdCard.MediaRemoved', {});
  }

  failNextRead(): void {
    this.#failNextRead = true;
  }

  pullCardDuringNextRead(): void {
    this.#pullDuringNextRead = true;
  }

  presentFace(face: FaceOutcome): void {
    this.#face = face;
  }

  stall(): void {
    this.#stalled = true;
  }

  goOffline(): void {
    this.#offline = true;
    this.#socket?.drop();
  }

  /** The bridge process is back: the connection's next attempt succeeds. */
  comeBack(): void {
    this.#offline = false;
  }

  setStatus(device: 'idCard' | 'face', status: string): void {
    this.#emit('Common.StatusChanged', { device, status });
  }

  /** Sends the client anything, to test how it takes what is not the protocol. */
  sendRaw(data: string): void {
    this.#socket?.deliver(data);
  }

  handle(command: Command): void {
    this.received.push(command);
    if (this.#stalled) return;
    const { name, requestId } = command.header;
    const complete = (payload: Record<string, unknown>) =>
      setTimeout(
        () =>
          this.#socket?.deliver(
            JSON.stringify({ header: { type: 'completion', name, requestId }, payload }),
          ),
        5,
      );
    if (name === 'IdCard.Read') {
      if (this.#pullDuringNextRead) {
        this.#pullDuringNextRead = false;
        setTimeout(() => this.pullCard(), 2);
        complete({ completionCode: 'failed', errorCode: 'card-removed' });
      } else if (this.#failNextRead) {
        this.#failNextRead = false;
        complete({ completionCode: 'failed', errorCode: 'read-failed' });
      } else if (this.card) {
        complete({ completionCode: 'success', record: this.card });
      } else {
        complete({ completionCode: 'failed', errorCode: 'read-failed' });
      }
    } else if (name === 'IdCard.Status') {
      complete(
        this.noStatusCommand
          ? { completionCode: 'failed', errorCode: 'unsupported' }
          : { completionCode: 'success', media: this.card ? 'present' : 'notPresent' },
      );
    } else if (name === 'Face.Verify') {
      const face = this.#face;
      this.#face = 'match';
      complete(
        face === 'match'
          ? { completionCode: 'success', score: 0.93 }
          : { completionCode: 'failed', errorCode: face },
      );
    }
  }

  #emit(name: string, payload: object): void {
    this.#socket?.deliver(JSON.stringify({ header: { type: 'unsolicited', name }, payload }));
  }
}

class FakeSocket implements BridgeSocket {
  readyState = 0;
  onopen: BridgeSocket['onopen'] = null;
  onclose: BridgeSocket['onclose'] = null;
  onerror: BridgeSocket['onerror'] = null;
  onmessage: BridgeSocket['onmessage'] = null;
  readonly #bridge: FakeBridge;

  constructor(bridge: FakeBridge) {
    this.#bridge = bridge;
  }

  opened(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  drop(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.(new Event('close') as CloseEvent);
  }

  deliver(data: string): void {
    if (this.readyState === 1) this.onmessage?.(new MessageEvent('message', { data }));
  }

  send(data: string): void {
    this.#bridge.handle(JSON.parse(data));
  }

  close(): void {
    this.drop();
  }
}
