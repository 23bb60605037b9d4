import * as v from 'valibot';
import type { Unsubscribe } from '../device';
import { bridgeMessageSchema, type BridgeMessage } from './bridgeProtocol';

/** The part of the browser's WebSocket the bridge uses; tests hand in a fake. */
export interface BridgeSocket {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
}

export type SocketFactory = (url: string) => BridgeSocket;

const OPEN = 1;

/**
 * One WebSocket to the local device bridge, shared by the ID reader and the face verifier.
 * It reconnects with a growing pause; commands pending when it drops are told at once, and a
 * malformed message is reported, never thrown.
 */
export class BridgeConnection {
  readonly #url: string;
  readonly #createSocket: SocketFactory;
  #socket: BridgeSocket | null = null;
  #nextRequestId = 1;
  #retries = 0;
  #closed = false;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #completions = new Map<number, (message: BridgeMessage | null) => void>();
  #unsolicited = new Set<(message: BridgeMessage) => void>();
  #connection = new Set<(open: boolean) => void>();
  #problems = new Set<(problem: string) => void>();

  constructor(url: string, createSocket: SocketFactory = (u) => new WebSocket(u)) {
    this.#url = url;
    this.#createSocket = createSocket;
    this.#connect();
  }

  get open(): boolean {
    return this.#socket?.readyState === OPEN;
  }

  /** Sends a command; the callback gets its completion, or null when the connection dropped first. */
  command(
    name: string,
    payload: object,
    onCompletion: (message: BridgeMessage | null) => void,
  ): number {
    const requestId = this.#nextRequestId++;
    if (!this.open || !this.#socket) {
      queueMicrotask(() => onCompletion(null));
      return requestId;
    }
    this.#completions.set(requestId, onCompletion);
    this.#socket.send(JSON.stringify({ header: { type: 'command', name, requestId }, payload }));
    return requestId;
  }

  /** Forgets a command whose caller gave up; the bridge is asked to cancel it. */
  cancel(requestId: number): void {
    if (!this.#completions.delete(requestId)) return;
    if (this.open) {
      this.#socket?.send(
        JSON.stringify({
          header: { type: 'command', name: 'Common.Cancel', requestId: this.#nextRequestId++ },
          payload: { requestIds: [requestId] },
        }),
      );
    }
  }

  onUnsolicited(listener: (message: BridgeMessage) => void): Unsubscribe {
    this.#unsolicited.add(listener);
    return () => this.#unsolicited.delete(listener);
  }

  onConnection(listener: (open: boolean) => void): Unsubscribe {
    this.#connection.add(listener);
    return () => this.#connection.delete(listener);
  }

  /** Messages that were not the protocol: for the device log, never for the citizen. */
  onProblem(listener: (problem: string) => void): Unsubscribe {
    this.#problems.add(listener);
    return () => this.#problems.delete(listener);
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#reconnectTimer);
    this.#socket?.close();
  }

  #connect(): void {
    let socket: BridgeSocket;
    try {
      socket = this.#createSocket(this.#url);
    } catch (error) {
      this.#report(
        `cannot open ${this.#url}: ${error instanceof Error ? error.message : String(error)}`,
      );
      this.#scheduleReconnect();
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      this.#retries = 0;
      for (const listener of [...this.#connection]) listener(true);
    };
    socket.onmessage = (event) => this.#receive(event.data);
    socket.onerror = () => this.#report(`the bridge at ${this.#url} reported an error`);
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      const pending = [...this.#completions.values()];
      this.#completions.clear();
      for (const complete of pending) complete(null);
      for (const listener of [...this.#connection]) listener(false);
      this.#scheduleReconnect();
    };
  }

  #scheduleReconnect(): void {
    if (this.#closed) return;
    const pause = Math.min(10_000, 250 * 2 ** this.#retries);
    this.#retries += 1;
    this.#reconnectTimer = setTimeout(() => this.#connect(), pause);
  }

  #receive(data: unknown): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(data));
    } catch {
      this.#report('a message that is not JSON');
      return;
    }
    const result = v.safeParse(bridgeMessageSchema, parsed);
    if (!result.success) {
      this.#report(`a message outside the protocol: ${result.issues[0]?.message ?? 'unknown'}`);
      return;
    }
    const message = result.output;
    if (message.header.type === 'completion') {
      const complete =
        message.header.requestId === undefined
          ? undefined
          : this.#completions.get(message.header.requestId);
      if (!complete || message.header.requestId === undefined) return;
      this.#completions.delete(message.header.requestId);
      complete(message);
    } else {
      for (const listener of [...this.#unsolicited]) listener(message);
    }
  }

  #report(problem: string): void {
    for (const listener of [...this.#problems]) listener(problem);
  }
}
