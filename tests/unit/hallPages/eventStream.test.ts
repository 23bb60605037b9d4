import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HallEventRecord } from '../../../domain/hallProtocol';
import { openHallStream, type StreamStatus } from '../../../hall-server/pages/eventStream';

/** A fake /api/events: each request gets a stream the test writes to, or an answer it chose. */
function fakeServer() {
  const requests: { url: string; lastEventId: string | null; signal: AbortSignal }[] = [];
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  const answers: (number | 'refuse')[] = [];
  const encoder = new TextEncoder();
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const signal = init?.signal as AbortSignal;
    requests.push({ url: String(url), lastEventId: headers.get('last-event-id'), signal });
    const answer = answers.shift() ?? 200;
    if (answer === 'refuse') throw new TypeError('Failed to fetch');
    if (answer !== 200) return new Response('starting', { status: answer });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        streams.push(controller);
        signal.addEventListener('abort', () => controller.error(signal.reason));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  });
  const write = (text: string) => streams.at(-1)?.enqueue(encoder.encode(text));
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    requests,
    answers,
    write,
    event: (id: number, type = 'call') =>
      write(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify({ type, id, at: 'T' })}\n\n`),
    end: () => streams.at(-1)?.close(),
  };
}

function harness(server: ReturnType<typeof fakeServer>, start: number | null = 0) {
  const records: HallEventRecord[] = [];
  const statuses: StreamStatus[] = [];
  let last = start;
  let resets = 0;
  const stream = openHallStream({
    after: () => last,
    onEvent: (record) => {
      records.push(record);
      last = record.id;
    },
    onStatus: (status) => statuses.push(status),
    onReset: () => resets++,
    fetch: server.fetch,
    retryMs: () => 1_000,
  });
  return { records, statuses, stream, resets: () => resets, setLast: (id: number) => (last = id) };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

afterEach(() => {
  vi.useRealTimers();
});

describe('openHallStream', () => {
  it('reads events with their ids, and resumes after the last one when the stream ends', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const h = harness(server, 4);
    await flush();
    expect(server.requests[0]?.url).toBe('/api/events?after=4');
    expect(server.requests[0]?.lastEventId).toBe('4');
    server.event(5);
    server.event(6, 'ticket-issued');
    await flush();
    expect(h.records.map((r) => [r.id, r.event.type, r.at])).toEqual([
      [5, 'call', 'T'],
      [6, 'ticket-issued', 'T'],
    ]);
    expect(h.records[0]?.event).toEqual({ type: 'call' });
    server.end();
    await flush();
    expect(h.statuses).toEqual(['connecting', 'open', 'lost']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.requests[1]?.url).toBe('/api/events?after=6');
    expect(h.statuses.at(-1)).toBe('open');
    h.stream.close();
  });

  it('reports a connection that goes silent for 5 s lost, and pings keep it alive', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const h = harness(server);
    await flush();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(2_000);
      server.write(': ping\n\n');
    }
    await flush();
    expect(h.statuses).toEqual(['connecting', 'open']);
    await vi.advanceTimersByTimeAsync(4_900);
    expect(h.statuses.at(-1)).toBe('open');
    await vi.advanceTimersByTimeAsync(200);
    expect(h.statuses.at(-1)).toBe('lost');
    expect(server.requests[0]?.signal.aborted).toBe(true);
    h.stream.close();
  });

  it('keeps trying through refused connections and 5xx answers (a server starting)', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    server.answers.push('refuse', 503, 502);
    const h = harness(server, 9);
    await flush();
    expect(h.statuses).toEqual(['connecting', 'lost']);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(server.requests).toHaveLength(4);
    expect(server.requests.every((r) => r.url === '/api/events?after=9')).toBe(true);
    expect(h.statuses.at(-1)).toBe('open');
    h.stream.close();
  });

  it('asks for a fresh start when the server numbers its events anew, or says reset', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const h = harness(server, 30);
    await flush();
    server.event(1);
    await flush();
    expect(h.records).toEqual([]);
    expect(h.resets()).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.requests).toHaveLength(1); // suspended until the page has re-read
    h.setLast(2);
    h.stream.reconnect();
    await flush();
    expect(server.requests[1]?.url).toBe('/api/events?after=2');
    server.write('event: reset\ndata: {}\n\n');
    await flush();
    expect(h.resets()).toBe(2);
    h.stream.close();
  });

  it('starts from now when it has no id yet, and stops for good when closed', async () => {
    vi.useFakeTimers();
    const server = fakeServer();
    const h = harness(server, null);
    await flush();
    expect(server.requests[0]?.url).toBe('/api/events');
    expect(server.requests[0]?.lastEventId).toBeNull();
    h.stream.close();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.requests).toHaveLength(1);
    expect(h.statuses).toEqual(['connecting', 'open']);
  });
});
