/**
 * The hall server's HTTP side under test, in-process: `createHallApp` over a real store (SQLite
 * or PostgreSQL, tests/hall/storeBackends.ts) with the demo hall, its demo kiosks and staff users
 * seeded, and a clock the test sets (never today's time). `call` sends a request through
 * `app.request`; `SseReader` reads an event stream's body.
 */
import { createHallApp, type HallApp } from '../../hall-server/app';
import { seedDemoAccess } from '../../hall-server/auth';
import type { HallEventsOptions } from '../../hall-server/events';
import { seedDemoHall, type HallStore } from '../../hall-server/store';
import { at } from './storeBackends';

/** Wednesday 2 December 2026, 10:00 in the hall (Asia/Shanghai): issuing is open. */
export const OPEN_MORNING = at('2026-12-02', '10:00');

export interface TestHall extends HallApp {
  store: HallStore;
  clock: { now: Date };
  call(
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  login(username: string, password?: string): Promise<string>;
}

export async function testHall(
  store: HallStore,
  eventOptions: HallEventsOptions = {},
): Promise<TestHall> {
  await seedDemoHall(store);
  await seedDemoAccess(store);
  const clock = { now: OPEN_MORNING };
  const hall = createHallApp({ store, now: () => clock.now, eventOptions });
  const call: TestHall['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    const response = await hall.app.request(path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed };
  };
  const login = async (username: string, password = '246810') => {
    const reply = await call('POST', '/api/staff/login', { body: { username, password } });
    if (reply.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(reply.body)}`);
    return reply.body.token as string;
  };
  return { ...hall, store, clock, call, login };
}

export interface SseMessage {
  id: number | null;
  event: string | null;
  data: string | null;
  comment: string | null;
  retry: number | null;
}

/** Reads an SSE body message by message (comments included), with a deadline per wait. */
export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';
  readonly messages: SseMessage[] = [];
  #done = false;
  #pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;

  constructor(body: ReadableStream<Uint8Array>) {
    this.#reader = body.getReader();
  }

  get done(): boolean {
    return this.#done;
  }

  /** The events (messages with data) read so far. */
  get events(): SseMessage[] {
    return this.messages.filter((m) => m.data !== null);
  }

  /** Reads until `until` holds for what was read, or throws after `timeoutMs`. */
  async readUntil(until: (reader: SseReader) => boolean, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!until(this)) {
      if (this.#done) throw new Error('the stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`nothing more in ${timeoutMs} ms; read: ${this.#buffer}`);
      let timer: ReturnType<typeof setTimeout> | undefined;
      // A read left waiting by a timeout is kept for the next wait: its chunk must not be lost.
      this.#pending ??= this.#reader.read();
      const chunk = await Promise.race([
        this.#pending,
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), left);
        }),
      ]);
      clearTimeout(timer);
      if (chunk === 'timeout') continue;
      this.#pending = null;
      if (chunk.done) {
        this.#done = true;
        continue;
      }
      this.#buffer += this.#decoder.decode(chunk.value, { stream: true });
      this.#parse();
    }
  }

  async waitForEvents(count: number, timeoutMs = 3000): Promise<SseMessage[]> {
    await this.readUntil((r) => r.events.length >= count, timeoutMs);
    return this.events.slice(0, count);
  }

  /** Reads whatever arrives for `ms` (to show that nothing more comes). */
  async settle(ms: number): Promise<void> {
    await this.readUntil(() => false, ms).catch(() => undefined);
  }

  async cancel(): Promise<void> {
    await this.#reader.cancel();
  }

  #parse(): void {
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end < 0) return;
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const message: SseMessage = { id: null, event: null, data: null, comment: null, retry: null };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) message.comment = line.slice(1).trim();
        else if (line.startsWith('id: ')) message.id = Number(line.slice(4));
        else if (line.startsWith('event: ')) message.event = line.slice(7);
        else if (line.startsWith('data: '))
          message.data = (message.data === null ? '' : `${message.data}\n`) + line.slice(6);
        else if (line.startsWith('retry: ')) message.retry = Number(line.slice(7));
      }
      this.messages.push(message);
    }
  }
}

/** A fresh retry key. */
export function requestId(): string {
  return crypto.randomUUID();
}
