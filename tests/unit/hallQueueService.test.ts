/**
 * The kiosk's hall client (stores/hall) against the REAL hall server in this process: the app of
 * hall-server/app.ts over a SQLite store in a temporary directory, reached through a fetch that
 * hands each Request to `app.fetch` (no network). The link between them can be cut, or made to
 * lose the server's answer after the server did the work, as a kiosk's network does.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  estimatedWaitMinutes,
  parseKioskConfig,
  type HallTicket,
  type KioskConfig,
  type QueueTicket,
  type TicketRequest,
} from '../../domain';
import { createHallApp } from '../../hall-server/app';
import { DEMO_KIOSKS, demoKioskToken, sha256 } from '../../hall-server/auth';
import { openHallStore, seedDemoHall, DEMO_CONFIG_FILE } from '../../hall-server/store';
import type { HallStore } from '../../hall-server/store';
import { HallQueueService, type HallQueueOptions } from '../../stores/hall';
import { queueTicketReceipt } from '../../kiosk-ui/flows/queue/queueTicket';

const demo = (() => {
  const parsed = parseKioskConfig(JSON.parse(readFileSync(DEMO_CONFIG_FILE, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.config;
})();
const tax = (() => {
  const found = demo.queue.services.find((s) => s.code === 'tax');
  if (!found) throw new Error('public/kiosk.config.json has no tax service');
  return found;
})();

/** Wednesday 2 December 2026, 10:00 in the hall (Asia/Shanghai). */
const TEN_AM = new Date('2026-12-02T02:00:00Z');
const TODAY = '2026-12-02';
/** How long a kiosk waits for an answer that a test has the link lose. */
const LOST_ANSWER_MS = 1_000;

/** The network between one kiosk and the hall server. */
class Link {
  /** up; down (nothing arrives); lose (the server does the work, its answer never comes back). */
  mode: 'up' | 'down' | 'lose' = 'up';
  /** Lose only the next n answers, then back up. */
  loseNext = 0;
  requests: string[] = [];
  constructor(
    private readonly app: { fetch: (request: Request) => Response | Promise<Response> },
  ) {}

  fetch = async (request: Request): Promise<Response> => {
    this.requests.push(`${request.method} ${new URL(request.url).pathname}`);
    if (this.mode === 'down') throw new TypeError('fetch failed');
    const answer = await this.app.fetch(request);
    if (this.mode === 'lose' || this.loseNext > 0) {
      this.loseNext = Math.max(0, this.loseNext - 1);
      return new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    }
    return answer;
  };
}

interface Hall {
  store: HallStore;
  app: ReturnType<typeof createHallApp>;
  clock: { now: Date };
  close(): Promise<void>;
}

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (let close = open.pop(); close; close = open.pop()) await close();
});

async function startHall(): Promise<Hall> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-client-'));
  const store = await openHallStore({ dataDir: dir });
  await seedDemoHall(store);
  // The demo kiosks' tokens, as seedDemoAccess registers them (without its staff users' scrypt).
  for (const kioskId of DEMO_KIOSKS)
    await store.registerKiosk('demo', kioskId, sha256(demoKioskToken(kioskId)));
  const clock = { now: TEN_AM };
  const app = createHallApp({ store, now: () => clock.now });
  const hall: Hall = {
    store,
    app,
    clock,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  open.push(() => hall.close());
  return hall;
}

let dbCount = 0;
function kiosk(hall: Hall, over: Partial<HallQueueOptions> = {}) {
  const link = new Link(hall.app.app);
  const service = new HallQueueService({
    url: 'http://hall.test/',
    token: 'demo-kiosk-01',
    kioskId: 'kiosk-01',
    services: demo.queue.services,
    calendar: { hours: demo.officeHours, ...demo.calendar },
    timeZone: demo.hall.timeZone,
    fetch: link.fetch,
    now: () => hall.clock.now,
    // Long enough for a loaded machine's SQLite (synchronous=FULL); the tests that lose an
    // answer wait a shorter one out.
    timeoutMs: 5_000,
    databaseName: `hall-client-${(dbCount += 1)}`,
    autoStart: false,
    ...over,
  });
  open.push(() => service.close());
  return { service, link };
}

const request = (over: Partial<TicketRequest> = {}): TicketRequest => ({
  serviceCode: 'tax',
  date: TODAY,
  time: '10:00',
  holderKey: null,
  maskedId: null,
  priority: null,
  ...over,
});

async function ticketOf(service: HallQueueService, r: TicketRequest = request()) {
  const result = await service.allocate(r);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
  return result.ticket;
}

const listed = async (hall: Hall, serviceCode = 'tax'): Promise<HallTicket[]> =>
  hall.store.tickets('demo', TODAY, serviceCode);
const numbers = (tickets: readonly { number: string }[]) => tickets.map((t) => t.number).sort();

describe('HallQueueService against the hall server', () => {
  it('allocates from the hall sequence, marks printed, and a released number goes to the next citizen', async () => {
    const hall = await startHall();
    const { service } = kiosk(hall);
    const other = kiosk(hall, { token: 'demo-kiosk-02', kioskId: 'kiosk-02' }).service;

    const first = await ticketOf(service);
    expect(first).toMatchObject({ number: 'B001', reserve: false, waitingAhead: 0, date: TODAY });
    await service.markHandedOut(first.id);
    await service.markPrinted(first.id);
    // Another kiosk of the hall draws from the same sequence.
    expect((await ticketOf(other)).number).toBe('B002');

    const unseen = await ticketOf(service);
    expect(unseen.number).toBe('B003');
    await service.release(unseen.id);
    expect(numbers(await listed(hall))).toEqual(['B001', 'B002']);
    expect((await ticketOf(other)).number).toBe('B003');

    const onServer = await listed(hall);
    expect(onServer.find((t) => t.number === 'B001')).toMatchObject({
      printed: true,
      kioskId: 'kiosk-01',
    });
    expect((await service.issued('tax', TODAY)).map((t) => t.number)).toEqual([
      'B001',
      'B002',
      'B003',
    ]);
  });

  it('keeps the priority reason of this visit and a refusal of the hall', async () => {
    const hall = await startHall();
    const { service } = kiosk(hall);
    const priority = await ticketOf(
      service,
      request({ priority: 'age', maskedId: '1101**********1234' }),
    );
    expect(priority).toMatchObject({ priority: 'age', maskedId: '1101**********1234' });
    hall.clock.now = new Date('2026-12-02T04:30:00Z'); // 12:30, between the issuing windows
    expect(await service.allocate(request())).toEqual({
      ok: false,
      refusal: { reason: 'outside-issuing-hours', nextWindowStart: '13:00' },
    });
    expect((await service.allocate(request({ serviceCode: 'no-such' }))).ok).toBe(false);
  });

  it('retries after a timeout with the same requestId and gets the same ticket, never two', async () => {
    const hall = await startHall();
    const { service, link } = kiosk(hall, { timeoutMs: LOST_ANSWER_MS });
    link.loseNext = 1; // the server issues B001, its answer is lost; the kiosk asks again
    const ticket = await ticketOf(service);
    expect(ticket.number).toBe('B001');
    expect(link.requests.filter((r) => r === 'POST /api/queue/tickets')).toHaveLength(2);
    expect(numbers(await listed(hall))).toEqual(['B001']);
    expect((await ticketOf(service)).number).toBe('B002');
  });

  it('issues reserve numbers from its block when the server does not answer, and reconciles them once', async () => {
    const hall = await startHall();
    const { service, link } = kiosk(hall, { timeoutMs: LOST_ANSWER_MS });
    await service.refreshBlocks();
    const main = await ticketOf(service);
    await service.markPrinted(main.id);

    link.mode = 'down';
    const reserve1 = await ticketOf(service);
    expect(reserve1).toMatchObject({ number: 'BR001', reserve: true });
    expect(service.online).toBe(false);
    await service.markHandedOut(reserve1.id);
    await service.markPrinted(reserve1.id);
    const reserve2 = await ticketOf(service, request({ holderKey: 'card-key-000000000001' }));
    expect(reserve2.number).toBe('BR002');
    // The same card again, still cut off: its reserve number is printed again (补打), not a new one.
    expect(await service.allocate(request({ holderKey: 'card-key-000000000001' }))).toMatchObject({
      ok: true,
      reprint: true,
      ticket: { number: 'BR002' },
    });
    // A number handed out while cut off is marked once the server answers.
    link.mode = 'lose';
    const lost = await ticketOf(service); // the server made B002, the kiosk never heard: BR003
    expect(lost.number).toBe('BR003');
    expect(numbers(await listed(hall))).toEqual(['B001', 'B002']); // B002 is nobody's

    link.mode = 'down';
    expect((await service.reconcile()).reached).toBe(false);
    expect(numbers(await listed(hall))).toEqual(['B001', 'B002']);

    link.mode = 'up';
    const report = await service.reconcile();
    expect(report).toMatchObject({ reached: true, waiting: 0, refused: [] });
    expect(report.accepted.sort()).toEqual(['BR001', 'BR002', 'BR003']);
    // Every ticket once: the main one and the reserve ones; B002 (made while the answer was
    // lost, held by nobody) was released, so its number goes to the next citizen.
    const after = await listed(hall);
    expect(numbers(after)).toEqual(['B001', 'BR001', 'BR002', 'BR003']);
    expect(after.filter((t) => t.reserve).map((t) => t.kioskId)).toEqual([
      'kiosk-01',
      'kiosk-01',
      'kiosk-01',
    ]);
    expect(service.online).toBe(true);
    expect((await ticketOf(service)).number).toBe('B002');

    // Sending the pending list again, twice (as a kiosk that lost the answer would), changes nothing.
    for (const _ of [1, 2]) {
      const db = await import('idb').then(({ openDB }) => openDB(`hall-client-${dbCount}`));
      const tx = db.transaction('reserve', 'readwrite');
      for (const t of await tx.store.getAll()) await tx.store.put({ ...t, state: 'pending' });
      await tx.done;
      db.close();
      const again = await service.reconcile();
      expect(again.accepted).toEqual([]);
      expect(again.already.sort()).toEqual(['BR001', 'BR002', 'BR003']);
    }
    expect(numbers(await listed(hall))).toEqual(['B001', 'B002', 'BR001', 'BR002', 'BR003']);
  });

  it('reconciles by itself: every 10 s while anything waits, and at once when the server answers', async () => {
    const hall = await startHall();
    const { service, link } = kiosk(hall, { reconcileEveryMs: 40 });
    await service.refreshBlocks();
    link.mode = 'down';
    const reserve = await ticketOf(service);
    expect(reserve.number).toBe('BR001');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(numbers(await listed(hall))).toEqual([]);
    link.mode = 'up';
    await vi.waitFor(async () => expect(numbers(await listed(hall))).toEqual(['BR001']), {
      timeout: 2000,
      interval: 20,
    });
    expect((await service.reserveTickets(TODAY)).map((t) => t.state)).toEqual(['accepted']);

    // The loop's next turn is a minute away: the first answer from the server starts it at once.
    const patient = kiosk(hall, {
      token: 'demo-kiosk-02',
      kioskId: 'kiosk-02',
      reconcileEveryMs: 60_000,
    });
    await patient.service.refreshBlocks();
    patient.link.mode = 'down';
    expect((await ticketOf(patient.service)).number).toBe('BR021');
    patient.link.mode = 'up';
    expect((await ticketOf(patient.service)).reserve).toBe(false);
    await vi.waitFor(async () => expect(numbers(await listed(hall))).toContain('BR021'), {
      timeout: 2000,
      interval: 20,
    });
  });

  it('refuses clearly with no block and no server, and outside issuing hours offline too', async () => {
    const hall = await startHall();
    const { service, link } = kiosk(hall);
    link.mode = 'down';
    expect(await service.allocate(request())).toEqual({
      ok: false,
      refusal: { reason: 'hall-unreachable' },
    });
    link.mode = 'up';
    await service.refreshBlocks();
    link.mode = 'down';
    expect(await service.allocate(request({ time: '12:30' }))).toEqual({
      ok: false,
      refusal: { reason: 'outside-issuing-hours', nextWindowStart: '13:00' },
    });
    // A day it holds no block for: refused, not invented.
    expect(await service.allocate(request({ date: '2026-12-09' }))).toEqual({
      ok: false,
      refusal: { reason: 'hall-unreachable' },
    });
  });

  it('keeps a reserve number the server refuses, and reports it', async () => {
    const hall = await startHall();
    const problems: string[] = [];
    const { service, link } = kiosk(hall, {
      onReserveRefused: (p) => problems.push(`${p.number} ${p.reason}`),
    });
    await service.refreshBlocks();
    link.mode = 'down';
    const issued = await ticketOf(service);
    // A number the hall never reserved for this kiosk (a block of another day's database, say).
    const db = await import('idb').then(({ openDB }) => openDB(`hall-client-${dbCount}`));
    await db.put('reserve', { ...(await db.get('reserve', issued.id)), number: 'BR099' });
    db.close();
    link.mode = 'up';
    const report = await service.reconcile();
    expect(report).toMatchObject({ reached: true, accepted: [], waiting: 0 });
    expect(problems).toEqual(['BR099 not-in-block']);
    expect((await service.reserveTickets(TODAY))[0]).toMatchObject({
      number: 'BR099',
      state: 'refused',
      refusal: 'not-in-block',
    });
    expect(await service.reserveProblems()).toMatchObject([
      { number: 'BR099', reason: 'not-in-block' },
    ]);
    // Refused is settled: it is not sent again, and it is still there for staff.
    expect((await service.reconcile()).refused).toEqual([]);
    expect(await service.reserveProblems()).toHaveLength(1);
  });

  it('keeps two kiosks apart in one browser, and never sends a reserve number nobody saw', async () => {
    const hall = await startHall();
    const databaseName = `hall-client-shared-${(dbCount += 1)}`;
    const one = kiosk(hall, { databaseName });
    const two = kiosk(hall, { databaseName, token: 'demo-kiosk-02', kioskId: 'kiosk-02' });
    await one.service.refreshBlocks();
    await two.service.refreshBlocks();
    one.link.mode = 'down';
    two.link.mode = 'down';
    expect((await ticketOf(one.service)).number).toBe('BR001');
    expect((await ticketOf(two.service)).number).toBe('BR021');
    const unseen = await ticketOf(one.service);
    expect(unseen.number).toBe('BR002');
    await one.service.release(unseen.id); // the citizen left while it was allocated
    one.link.mode = 'up';
    two.link.mode = 'up';
    expect((await one.service.reconcile()).accepted).toEqual(['BR001']);
    expect(numbers(await listed(hall))).toEqual(['BR001']);
    expect((await two.service.reconcile()).accepted).toEqual(['BR021']);
    expect(numbers(await listed(hall))).toEqual(['BR001', 'BR021']);
    // Its number is not issued again (the reserve series need not be gap-free).
    one.link.mode = 'down';
    expect((await ticketOf(one.service)).number).toBe('BR003');
    const states = (await one.service.reserveTickets(TODAY)).map((t) => [t.number, t.state]);
    expect(states.sort()).toEqual([
      ['BR001', 'accepted'],
      ['BR002', 'released'],
      ['BR003', 'pending'],
      ['BR021', 'accepted'],
    ]);
  });

  it('books and checks in an appointment, and refuses clearly when cut off', async () => {
    const hall = await startHall();
    const { service, link } = kiosk(hall);
    const tomorrow = '2026-12-03';
    const places = await service.placesLeft('tax', [tomorrow]);
    expect(places[tomorrow]?.['10:00']).toBe(4);
    const booked = await service.book({
      serviceCode: 'tax',
      date: tomorrow,
      slot: { start: '10:00', end: '10:30' },
      holderKey: 'stable-key-0000000001',
      maskedId: '1101**********1234',
      maskedPhone: '138****5678',
    });
    if (!booked.ok) throw new Error(`not booked: ${booked.reason}`);
    expect(booked.appointment).toMatchObject({ date: tomorrow, maskedId: '1101**********1234' });
    expect((await service.placesLeft('tax', [tomorrow]))[tomorrow]?.['10:00']).toBe(3);
    expect(
      await service.book({
        serviceCode: 'tax',
        date: tomorrow,
        slot: { start: '11:00', end: '11:30' },
        holderKey: 'stable-key-0000000001',
        maskedId: '1101**********1234',
        maskedPhone: '138****5678',
      }),
    ).toMatchObject({
      ok: false,
      reason: 'already-booked',
      appointment: { id: booked.appointment.id },
    });

    expect(
      await service.checkIn({ appointmentId: booked.appointment.id, today: TODAY, now: '10:00' }),
    ).toEqual({ ok: false, reason: 'other-day', date: tomorrow });
    hall.clock.now = new Date('2026-12-03T01:45:00Z'); // 09:45 the next day
    const checkedIn = await service.checkIn({
      holderKey: 'stable-key-0000000001',
      today: tomorrow,
      now: '09:45',
      ticketKey: 'card-key-000000000009',
      maskedId: '1101**********1234',
    });
    if (!checkedIn.ok) throw new Error(`not checked in: ${checkedIn.reason}`);
    expect(checkedIn.ticket).toMatchObject({
      number: 'B001',
      priority: 'appointment',
      reserve: false,
    });
    expect(checkedIn.appointment.ticketId).toBe(checkedIn.ticket.id);
    expect((await service.appointments([tomorrow])).map((a) => a.id)).toEqual([
      booked.appointment.id,
    ]);

    link.mode = 'down';
    await expect(service.placesLeft('tax', [tomorrow])).rejects.toMatchObject({
      name: 'HallUnreachableError',
      code: 'offline',
    });
    await expect(
      service.book({
        serviceCode: 'tax',
        date: tomorrow,
        slot: { start: '14:00', end: '14:30' },
        holderKey: 'stable-key-0000000002',
        maskedId: '1101**********5678',
        maskedPhone: '139****5678',
      }),
    ).rejects.toMatchObject({ name: 'HallUnreachableError' });
  });

  it('queues marks while cut off and delivers them when the server answers', async () => {
    const hall = await startHall();
    const { service, link } = kiosk(hall);
    const ticket = await ticketOf(service);
    link.mode = 'down';
    await service.markHandedOut(ticket.id); // fails, queued
    await service.markPrinted(ticket.id); // known offline: queued at once
    expect((await listed(hall))[0]?.printed).toBe(false);
    link.mode = 'up';
    expect(await service.reconcile()).toMatchObject({ reached: true, waiting: 0 });
    expect((await listed(hall))[0]?.printed).toBe(true);
  });

  it('fails clearly on a token the hall does not know', async () => {
    const hall = await startHall();
    const { service } = kiosk(hall, { token: 'not-a-kiosk-token' });
    await expect(service.allocate(request())).rejects.toThrow(/refused .*401/);
  });
});

describe('the ticket of a reserve number', () => {
  it('says 备用号 on paper, in Chinese and English, instead of a wait it cannot know', () => {
    const ticket: QueueTicket = {
      id: '3f1c2a9e-0000-4000-8000-000000000001',
      serviceCode: 'tax',
      date: TODAY,
      number: 'BR001',
      sequence: 1,
      issuedAt: TEN_AM.toISOString(),
      waitingAhead: 0,
      printed: false,
      reserve: true,
      priority: null,
      maskedId: null,
    };
    const texts = (t: QueueTicket) =>
      queueTicketReceipt(t, tax, '县政务服务中心', false, 'Asia/Shanghai').blocks.flatMap((b) =>
        'text' in b ? [b.text] : [],
      );
    const reserve = texts(ticket);
    expect(reserve).toContain('BR001');
    expect(reserve).toContain('备用号 · 叫号系统连接中断时发放，同样有效');
    expect(reserve).toContain('Reserve number · issued while the hall server was unreachable');
    expect(reserve.some((t) => t.startsWith('前面还有'))).toBe(false);
    const main = texts({ ...ticket, number: 'B001', reserve: false, waitingAhead: 3 });
    expect(main.some((t) => t.includes('备用号'))).toBe(false);
    expect(main).toContain(`前面还有 3 人，预计等候约 ${estimatedWaitMinutes(tax, 3)} 分钟`);
  });
});

// Keep the type import honest: the config type the kiosk reads is the one the server seeds from.
export type { KioskConfig };
