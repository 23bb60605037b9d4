/**
 * The live event stream (`GET /api/events`, Server-Sent Events).
 *
 * Every delivery reads the events table by id (`store.eventsAfter`): a stream starts after the
 * id the client names (`Last-Event-ID`, which EventSource resends itself on reconnect, or
 * `?after=`), replays what it missed, then waits. It wakes when
 * - this process committed a write (`notify(hallId)`, called by the HTTP layer after each), or
 * - another server process on the same PostgreSQL database committed events of the hall
 *   (LISTEN/NOTIFY: the events table's trigger notifies `hall_events` with the hall's id), or
 * - the poll backstop (every `pollMs`, 1 s by default) sees the hall's last event id move (a
 *   notification lost while the LISTEN connection was being replaced, or anything else).
 * Each wake reads after the stream's own cursor, so nothing is missed or sent twice, whatever
 * woke it and however often. Event ids are per hall, gap-free and in commit order (the store's
 * counter row), so reading "after my cursor" never skips one still being committed.
 *
 * A `: ping` comment goes out every 2 s (a client hearing nothing for 5 s knows it is cut off),
 * `retry: 1000` asks EventSource to come back after a second. When the client goes away (the
 * socket closes, or the response body is cancelled) the subscriber is removed at once: the
 * open-stream count (`openStreams`, shown on /api/health) returns to zero.
 */
import type { HallStore } from './store/hallStore';

export interface HallEventsOptions {
  /** How often halls with open streams are polled for events written elsewhere; 0 turns it off. */
  pollMs?: number;
  pingMs?: number;
  /** Events read per query while catching up. */
  batch?: number;
  /** A client this far behind (bytes queued) is dropped; it reconnects and resumes by id. */
  maxQueuedBytes?: number;
}

interface Subscriber {
  hallId: string;
  cursor: number;
  controller: ReadableStreamDefaultController<Uint8Array>;
  pumping: boolean;
  again: boolean;
  closed: boolean;
  close: () => void;
}

const encoder = new TextEncoder();
/** Bytes a stream queues for a slow client before it counts as behind. */
const HIGH_WATER_BYTES = 64 * 1024;

export class HallEvents {
  readonly #store: HallStore;
  readonly #subscribers = new Set<Subscriber>();
  readonly #batch: number;
  readonly #maxQueuedBytes: number;
  readonly #ping: ReturnType<typeof setInterval>;
  readonly #poll: ReturnType<typeof setInterval> | null;
  #polling = false;
  #closed = false;
  readonly #unlisten: Promise<(() => Promise<void>) | null>;

  constructor(store: HallStore, options: HallEventsOptions = {}) {
    this.#store = store;
    this.#batch = options.batch ?? 500;
    this.#maxQueuedBytes = options.maxQueuedBytes ?? 4 * 1024 * 1024;
    this.#ping = setInterval(() => this.#pingAll(), options.pingMs ?? 2000);
    this.#ping.unref();
    const pollMs = options.pollMs ?? 1000;
    this.#poll = pollMs > 0 ? setInterval(() => void this.#pollHalls(), pollMs) : null;
    this.#poll?.unref();
    // Events committed by other server processes on the same PostgreSQL database wake the
    // hall's streams at once (LISTEN/NOTIFY); the poll stays as the backstop.
    this.#unlisten = store
      .onEvents((hallId) => this.notify(hallId))
      .catch((error: unknown) => {
        console.error('Hall events: no notifications from the database; the poll serves', error);
        return null;
      });
  }

  /** Streams open now (for /api/health and the tests). */
  get openStreams(): number {
    return this.#subscribers.size;
  }

  /** A write committed in this process: wake the hall's streams. */
  notify(hallId: string): void {
    for (const subscriber of this.#subscribers)
      if (subscriber.hallId === hallId) void this.#pump(subscriber);
  }

  /**
   * The SSE response for a hall, starting after `afterId`. `signal` (the request's) closes it
   * when the client goes, as does cancelling the body.
   */
  stream(hallId: string, afterId: number, signal?: AbortSignal): Response {
    let subscriber: Subscriber | undefined;
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          const self: Subscriber = {
            hallId,
            cursor: afterId,
            controller,
            pumping: false,
            again: false,
            closed: false,
            close: () => {
              if (self.closed) return;
              self.closed = true;
              this.#subscribers.delete(self);
              signal?.removeEventListener('abort', self.close);
              try {
                controller.close();
              } catch {
                // already closed or cancelled
              }
            },
          };
          subscriber = self;
          if (this.#closed || signal?.aborted) {
            self.closed = true;
            controller.close();
            return;
          }
          this.#subscribers.add(self);
          signal?.addEventListener('abort', self.close);
          this.#write(self, 'retry: 1000\n\n');
          void this.#pump(self);
        },
        cancel: () => subscriber?.close(),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
    );
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    });
  }

  /** Ends every stream and stops the timers (server shutdown). */
  close(): void {
    this.#closed = true;
    void this.#unlisten.then((stop) => stop?.());
    clearInterval(this.#ping);
    if (this.#poll) clearInterval(this.#poll);
    for (const subscriber of [...this.#subscribers]) subscriber.close();
  }

  #write(subscriber: Subscriber, text: string): void {
    if (subscriber.closed) return;
    try {
      subscriber.controller.enqueue(encoder.encode(text));
    } catch {
      subscriber.close();
      return;
    }
    const desired = subscriber.controller.desiredSize;
    if (desired !== null && HIGH_WATER_BYTES - desired > this.#maxQueuedBytes) subscriber.close();
  }

  #pingAll(): void {
    for (const subscriber of this.#subscribers) this.#write(subscriber, ': ping\n\n');
  }

  /** Sends what the store has after the subscriber's cursor; one pump at a time per stream. */
  async #pump(subscriber: Subscriber): Promise<void> {
    if (subscriber.pumping) {
      subscriber.again = true;
      return;
    }
    subscriber.pumping = true;
    try {
      for (;;) {
        subscriber.again = false;
        const records = await this.#store.eventsAfter(
          subscriber.hallId,
          subscriber.cursor,
          this.#batch,
        );
        if (subscriber.closed) return;
        let text = '';
        for (const record of records) {
          if (record.id <= subscriber.cursor) continue;
          text += `id: ${record.id}\nevent: ${record.event.type}\ndata: ${JSON.stringify({
            ...record.event,
            id: record.id,
            at: record.at,
          })}\n\n`;
          subscriber.cursor = record.id;
        }
        if (text) this.#write(subscriber, text);
        if (records.length < this.#batch && !subscriber.again) return;
      }
    } catch (error) {
      // The database did not answer: end the stream; EventSource reconnects with Last-Event-ID.
      console.error('event stream: reading events failed', error);
      subscriber.close();
    } finally {
      subscriber.pumping = false;
    }
  }

  async #pollHalls(): Promise<void> {
    if (this.#polling || this.#subscribers.size === 0) return;
    this.#polling = true;
    try {
      const behind = new Map<string, number>();
      for (const s of this.#subscribers)
        behind.set(s.hallId, Math.min(behind.get(s.hallId) ?? Infinity, s.cursor));
      for (const [hallId, cursor] of behind) {
        const last = await this.#store.lastEventId(hallId);
        if (last > cursor) this.notify(hallId);
      }
    } catch (error) {
      console.error('event stream: polling failed', error);
    } finally {
      this.#polling = false;
    }
  }
}
