/**
 * The live event stream (hall-server/events.ts, `GET /api/events`) on SQLite and PostgreSQL:
 * replay after `Last-Event-ID` (or `?after=`) then live events, none missed or repeated; events
 * written by another process reach the stream by the poll backstop; pings; and every stream a
 * client drops is freed — 100 streams opened and dropped over a real socket leave none open.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HallEvents } from '../../hall-server/events';
import { BACKENDS, describeOnBackends, useStore, type Opened } from './storeBackends';
import { OPEN_MORNING, requestId, SseReader, testHall, type TestHall } from './httpSupport';

// A busy machine (the suite's other files, PostgreSQL) may slow a test past the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

const KIOSK = 'demo-kiosk-01';

async function issue(hall: TestHall, serviceCode = 'tax'): Promise<string> {
  const reply = await hall.call('POST', '/api/queue/tickets', {
    token: KIOSK,
    body: { serviceCode, kioskId: 'kiosk-01', requestId: requestId() },
  });
  if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
  return reply.body.ticket.number as string;
}

async function open(
  hall: TestHall,
  query: string,
  headers: Record<string, string> = {},
): Promise<SseReader> {
  const response = await hall.app.request(`/api/events${query}`, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
  if (!response.body) throw new Error('no body');
  return new SseReader(response.body);
}

const numbersOf = (reader: SseReader) =>
  reader.events.map(
    (m) => (JSON.parse(m.data ?? '{}') as { ticket: { number: string } }).ticket.number,
  );

describeOnBackends('hall event stream on $name', (backend) => {
  const store = useStore(backend);
  let hall: TestHall;
  beforeAll(async () => {
    hall = await testHall(store(), { pingMs: 150, pollMs: 100 });
  }, 30_000);
  afterAll(() => hall?.events.close());

  it('replays after Last-Event-ID, then sends live events; a reconnect misses and repeats none', async () => {
    const start = (await hall.call('GET', '/api/health')).body.lastEventId as number;
    const before = [await issue(hall), await issue(hall), await issue(hall)];
    const first = await open(hall, '', { 'Last-Event-ID': String(start) });
    await first.waitForEvents(3);
    expect(first.messages[0]?.retry).toBe(1000);
    expect(numbersOf(first)).toEqual(before);
    expect(first.events.map((m) => m.id)).toEqual([start + 1, start + 2, start + 3]);
    expect(first.events[0]?.event).toBe('ticket-issued');
    const live = await issue(hall);
    await first.waitForEvents(4);
    expect(numbersOf(first)[3]).toBe(live);
    const seen = first.events.at(-1)?.id ?? 0;
    await first.cancel();

    // Cut off: two more events while away; EventSource comes back with the URL it first used
    // (?after=<old>) and the newer Last-Event-ID, which wins.
    const missed = [await issue(hall), await issue(hall)];
    const again = await open(hall, `?after=${start}`, { 'Last-Event-ID': String(seen) });
    await again.waitForEvents(2);
    expect(numbersOf(again)).toEqual(missed);
    expect(again.events.map((m) => m.id)).toEqual([seen + 1, seen + 2]);
    await again.settle(300);
    expect(again.events).toHaveLength(2);
    await again.cancel();

    const byQuery = await open(hall, `?after=${start}`);
    await byQuery.waitForEvents(6);
    expect(numbersOf(byQuery)).toEqual([...before, live, ...missed]);
    await byQuery.cancel();
  });

  it('starts at the newest event without an id, and refuses a bad one with 400', async () => {
    await issue(hall);
    const fresh = await open(hall, '');
    await fresh.settle(300);
    expect(fresh.events).toHaveLength(0);
    const next = await issue(hall);
    await fresh.waitForEvents(1);
    expect(numbersOf(fresh)).toEqual([next]);
    await fresh.cancel();
    for (const bad of ['?after=-1', '?after=abc', '?after=1e3']) {
      const reply = await hall.call('GET', `/api/events${bad}`);
      expect(reply.status, bad).toBe(400);
      expect(reply.body.problems.join()).toMatch(/event id/);
    }
    expect((await hall.call('GET', '/api/events?hall=nowhere')).status).toBe(404);
  });

  it('delivers window calls as `call` events and sends a ping between them', async () => {
    const after = (await hall.call('GET', '/api/health')).body.lastEventId as number;
    const reader = await open(hall, `?after=${after}`);
    const window = await hall.login('window');
    const number = await issue(hall, 'real-estate');
    let called;
    do {
      called = await hall.call('POST', '/api/windows/11/call-next', { token: window });
      expect(called.status).toBe(200);
    } while (called.body.ticket.number !== number);
    await reader.readUntil((r) =>
      r.events.some((m) => m.event === 'call' && m.data?.includes(`"number":"${number}"`)),
    );
    const call = reader.events.find((m) => m.id === called.body.eventId);
    expect(JSON.parse(call?.data ?? '{}')).toMatchObject({
      type: 'call',
      window: 11,
      recall: false,
      ticket: { number },
      at: OPEN_MORNING.toISOString(),
    });
    await reader.readUntil((r) => r.messages.some((m) => m.comment === 'ping'), 1000);
    await reader.cancel();
  });

  it('picks up events another server process wrote (the poll backstop) without a notify', async () => {
    const reader = await open(hall, '');
    await reader.settle(150);
    // Straight into the database, as another server process on the same PostgreSQL would.
    const outcome = await store().issueTicket('demo', {
      serviceCode: 'tax',
      priority: false,
      kioskId: 'kiosk-04',
      requestId: requestId(),
      holderKey: null,
      now: OPEN_MORNING,
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    await reader.waitForEvents(1, 2000);
    expect(numbersOf(reader)).toEqual([outcome.ticket.number]);
    await reader.cancel();
  });

  it('frees a stream when its body is cancelled, and ends every stream on close', async () => {
    const readers = await Promise.all(Array.from({ length: 10 }, () => open(hall, '')));
    expect(hall.events.openStreams).toBe(10);
    await Promise.all(readers.slice(0, 5).map((r) => r.cancel()));
    expect(hall.events.openStreams).toBe(5);
    const { events } = await testHall(store());
    const other = await (async () => {
      const response = events.stream('demo', 0);
      return new SseReader(response.body!); // eslint-disable-line @typescript-eslint/no-non-null-assertion
    })();
    expect(events.openStreams).toBe(1);
    events.close();
    expect(events.openStreams).toBe(0);
    await other.readUntil((r) => r.done);
    await Promise.all(readers.slice(5).map((r) => r.cancel()));
    expect(hall.events.openStreams).toBe(0);
  });
});

describe('a client that does not read', () => {
  const store = useStore(BACKENDS[0]!); // eslint-disable-line @typescript-eslint/no-non-null-assertion

  it('is dropped once too much waits for it (it resumes by id when it reconnects)', async () => {
    const hall = await testHall(store());
    for (let i = 0; i < 10; i++) await issue(hall);
    hall.events.close();
    const events = new HallEvents(store(), { maxQueuedBytes: 2000 });
    events.stream('demo', 0); // never read: the ten events replayed are more than 2,000 bytes
    expect(events.openStreams).toBe(1);
    const deadline = Date.now() + 3000;
    while (events.openStreams > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events.openStreams).toBe(0);
    const reader = new SseReader(events.stream('demo', 9).body!); // eslint-disable-line @typescript-eslint/no-non-null-assertion
    await reader.waitForEvents(1);
    expect(reader.events[0]?.id).toBe(10);
    events.close();
  });
});

describe('event streams over a real socket', () => {
  const backend = BACKENDS[0]!; // eslint-disable-line @typescript-eslint/no-non-null-assertion
  const store = useStore(backend);
  let hall: TestHall;
  let server: ServerType;
  let port: number;
  beforeAll(async () => {
    hall = await testHall(store());
    server = serve({ fetch: hall.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  }, 30_000);
  afterAll(async () => {
    hall?.events.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('opens 100 streams, drops them, and the open-stream count returns to 0', async () => {
    const requests: ClientRequest[] = [];
    await Promise.all(
      Array.from(
        { length: 100 },
        () =>
          new Promise<void>((resolve, reject) => {
            const request = httpRequest(
              { host: '127.0.0.1', port, path: '/api/events', agent: false },
              (response) => {
                expect(response.statusCode).toBe(200);
                response.once('data', () => resolve());
              },
            );
            request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
            request.end();
            requests.push(request);
          }),
      ),
    );
    const health = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      return ((await response.json()) as { openStreams: number }).openStreams;
    };
    expect(await health()).toBe(100);
    for (const request of requests) request.destroy();
    const deadline = Date.now() + 5000;
    let open = await health();
    while (open > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      open = await health();
    }
    expect(open).toBe(0);
    expect(hall.events.openStreams).toBe(0);
  }, 20_000);
});

describe('two hall servers on one PostgreSQL database', () => {
  const backend = BACKENDS.find((b) => b.name === 'postgres');
  if (!backend || backend.skip) {
    it.skip(`skipped: ${backend?.skip ?? 'no PostgreSQL backend'}`, () => undefined);
    return;
  }
  let opened: Opened | null = null;
  let a: TestHall | null = null;
  let b: TestHall | null = null;
  beforeAll(async () => {
    opened = await backend.open({ servers: 2 });
    const [one, two] = opened.stores;
    if (!one || !two) throw new Error('two stores were asked for');
    a = await testHall(one);
    // The second server's poll is off: only the database's notification can wake its streams.
    b = await testHall(two, { pollMs: 0 });
  }, 60_000);
  afterAll(async () => {
    a?.events.close();
    b?.events.close();
    await opened?.close();
  });

  it('a number issued through one reaches the display stream of the other at once', async () => {
    if (!a || !b) throw new Error('not opened');
    const start = (await b.call('GET', '/api/health')).body.lastEventId as number;
    const display = await open(b, `?after=${start}`);
    // The stream has read what there was and waits; nothing comes by itself.
    await display.settle(300);
    expect(display.events).toEqual([]);
    const number = await issue(a);
    await display.waitForEvents(1);
    expect(numbersOf(display)).toEqual([number]);
    expect(display.events[0]?.id).toBe(start + 1);
  });
});
