import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { HallEvent, HallEventRecord } from '../../domain/hallProtocol';

/**
 * The hall's live event stream (GET /api/events, Server-Sent Events) for the pages.
 *
 * Read with fetch and eventsource-parser rather than the browser's EventSource: EventSource hides
 * the server's `: ping` comments, so a page could not tell a quiet hall from a dead connection,
 * and it gives up for good after a 5xx (readyState CLOSED) while the server is starting. Here
 * every byte (pings included) resets a silence watchdog; silence for `silenceMs`, an error, a
 * non-2xx answer or the end of the stream reports 'lost' and reconnects after `retryMs`, always
 * resuming after the last event id seen (`?after=` and `Last-Event-ID`).
 */

export type StreamStatus = 'connecting' | 'open' | 'lost';

/** The server's answer to an id it does not know (a restored database, events no longer kept). */
export const STREAM_RESET_EVENT = 'reset';

export interface HallStreamOptions {
  /** The id to resume after, read at each (re)connection; null: from now on. */
  after: () => number | null;
  onEvent: (record: HallEventRecord) => void;
  onStatus: (status: StreamStatus) => void;
  /**
   * The server cannot resume after our id: the stream is suspended until `reconnect()`, so the
   * page can re-read its snapshot first.
   */
  onReset: () => void;
  url?: string;
  silenceMs?: number;
  retryMs?: (attempt: number) => number;
  fetch?: typeof fetch;
}

export interface HallStream {
  /** Drops the connection and connects again at once, after `after()`. */
  reconnect(): void;
  /** Drops the connection and stays away until `reconnect()`. */
  suspend(): void;
  close(): void;
}

export function openHallStream(options: HallStreamOptions): HallStream {
  const url = options.url ?? '/api/events';
  const silenceMs = options.silenceMs ?? 5_000;
  const retryMs = options.retryMs ?? ((attempt) => Math.min(500 + attempt * 500, 3_000));
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  let closed = false;
  let suspended = false;
  let current: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let status: StreamStatus | null = null;

  const report = (next: StreamStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus(next);
  };

  const connect = async () => {
    clearTimeout(retryTimer);
    const controller = new AbortController();
    current = controller;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(new Error('silent')), silenceMs);
    };
    heard();
    let reset = false;
    const after = options.after();
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (after !== null) headers['last-event-id'] = String(after);
      const response = await fetchFn(after === null ? url : `${url}?after=${after}`, {
        headers,
        cache: 'no-store',
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      report('open');
      attempt = 0;
      const parser = createParser({
        onEvent: (message) => {
          if (controller.signal.aborted) return;
          if (message.event === STREAM_RESET_EVENT) {
            reset = true;
            controller.abort(new Error('reset'));
            return;
          }
          const record = recordOf(message);
          if (!record) return;
          // The server resumes strictly after our id; an id at or before it means its events
          // were numbered anew (a replaced database): the page must re-read its snapshot.
          if (after !== null && record.id <= after) {
            reset = true;
            controller.abort(new Error('reset'));
            return;
          }
          options.onEvent(record);
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        heard();
        parser.feed(value);
      }
    } catch {
      // Reported below: every way a connection ends is the same for the page.
    } finally {
      clearTimeout(silence);
    }
    if (closed || current !== controller) return;
    current = null;
    if (reset) {
      suspended = true;
      options.onReset();
      return;
    }
    report('lost');
    if (!suspended) retryTimer = setTimeout(() => void connect(), retryMs(attempt++));
  };

  report('connecting');
  void connect();

  const drop = () => {
    clearTimeout(retryTimer);
    const controller = current;
    current = null;
    controller?.abort(new Error('dropped'));
  };

  return {
    reconnect() {
      if (closed) return;
      suspended = false;
      drop();
      void connect();
    },
    suspend() {
      suspended = true;
      drop();
    },
    close() {
      closed = true;
      drop();
    },
  };
}

/**
 * One SSE message as a record: the data is the HallEvent's JSON (the server adds `id` and `at`),
 * the SSE id its event id. A message without a numeric id cannot be placed, and is dropped.
 */
export function recordOf(message: EventSourceMessage): HallEventRecord | null {
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || !('type' in data)) return null;
  const id = Number(message.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const { id: _id, at, ...event } = data as HallEvent & { id?: unknown; at?: unknown };
  return {
    id,
    at: typeof at === 'string' ? at : new Date().toISOString(),
    event: event as HallEvent,
  };
}
