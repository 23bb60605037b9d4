/**
 * The hall server's HTTP side (hall-server/app.ts, auth.ts) in-process over a real store, on
 * SQLite and on PostgreSQL with the same test bodies: validation 400s, kiosk and staff auth
 * (401/403/423, lockout, audit), idempotent retries, refusals, ticket marks, blocks and
 * reconciliation, appointments, window actions and their events, the display snapshot, devices,
 * and a database that does not answer (503).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../hall-server/auth';
import { mountFiles } from '../../hall-server/files';
import { at, describeOnBackends, useStore } from './storeBackends';
import { OPEN_MORNING, requestId, testHall, type TestHall } from './httpSupport';

// A busy machine (the suite's other files, PostgreSQL) may slow a test past the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

const KIOSK = 'demo-kiosk-01';
const HOLDER = 'holderkey-abcdefghijklmnop';

function ticket(serviceCode: string, extra: Record<string, unknown> = {}) {
  return { serviceCode, kioskId: 'kiosk-01', requestId: requestId(), ...extra };
}

describeOnBackends('hall HTTP API on $name', (backend) => {
  const store = useStore(backend);
  let hall: TestHall;
  let admin: string;
  beforeAll(async () => {
    hall = await testHall(store());
    admin = await hall.login('admin');
  }, 30_000);
  afterAll(() => hall?.events.close());

  it('reports its health: the database kind and no open stream', async () => {
    const reply = await hall.call('GET', '/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ok: true, db: backend.name, openStreams: 0 });
  });

  it('lists the queue services publicly, with waiting counts', async () => {
    const reply = await hall.call('GET', '/api/queue/services');
    expect(reply.status).toBe(200);
    expect(reply.body.map((s: { code: string }) => s.code)).toEqual([
      'business-registration',
      'tax',
      'social-security',
      'real-estate',
    ]);
    expect(reply.body[0]).toMatchObject({ prefix: 'A', waiting: expect.any(Number) });
    expect((await hall.call('GET', '/api/queue/services?hall=nowhere')).status).toBe(404);
    expect((await hall.call('GET', '/api/queue/services?hall=../x')).status).toBe(400);
  });

  it('refuses bad input with 400, the problems, and a message in Chinese and English; keeps nothing', async () => {
    const before = await hall.call('GET', '/api/queue/tickets?serviceCode=real-estate', {
      token: KIOSK,
    });
    const bad = [
      { serviceCode: 'real-estate', kioskId: 'kiosk-01' },
      { ...ticket('real-estate'), requestId: 'short' },
      { ...ticket('real-estate'), priority: 'vip' },
      { ...ticket('real-estate'), holderKey: 'too-short' },
      { ...ticket('real-estate'), extra: 1 },
      '{not json',
    ];
    for (const body of bad) {
      const reply = await hall.call('POST', '/api/queue/tickets', { token: KIOSK, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error).toBe('bad-request');
      expect(reply.body.message['zh-CN']).toBeTruthy();
      expect(reply.body.message.en).toBeTruthy();
      expect(reply.body.problems.length).toBeGreaterThan(0);
    }
    const missing = await hall.call('POST', '/api/queue/tickets', {
      token: KIOSK,
      body: { serviceCode: 'real-estate', kioskId: 'kiosk-01' },
    });
    expect(missing.body.problems.join()).toMatch(/requestId/);
    expect(
      (await hall.call('GET', '/api/queue/tickets?date=2026-13', { token: KIOSK })).status,
    ).toBe(400);
    expect((await hall.call('GET', '/api/windows/abc/waiting', { token: admin })).status).toBe(400);
    const after = await hall.call('GET', '/api/queue/tickets?serviceCode=real-estate', {
      token: KIOSK,
    });
    expect(after.body).toEqual(before.body);
    const unknown = await hall.call('GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('not-found');
  });

  it('refuses a body over its limit with 413, whether its length is stated or it streams in', async () => {
    /** POST /api/queue/tickets with the length stated, as node:http clients send it. */
    const postStated = (body: string) =>
      hall.app.request('/api/queue/tickets', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${KIOSK}`,
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
        },
        body,
      });
    const big = JSON.stringify({ ...ticket('real-estate'), padding: 'x'.repeat(1_100_000) });
    const stated = await postStated(big);
    expect(stated.status).toBe(413);
    expect(((await stated.json()) as { message: { 'zh-CN': string } }).message['zh-CN']).toMatch(
      /请求内容过大/,
    );
    const chunks = [big.slice(0, 600_000), big.slice(600_000)];
    const streamed = await hall.app.request('/api/queue/tickets', {
      method: 'POST',
      headers: { Authorization: `Bearer ${KIOSK}`, 'Content-Type': 'application/json' },
      body: new ReadableStream({
        pull(controller) {
          const chunk = chunks.shift();
          if (chunk === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(chunk));
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // The catalog may be larger (up to 3 MB): this one is refused for what it holds, not its size.
    const catalog = await hall.call('PUT', '/api/admin/catalog', {
      token: admin,
      body: { catalog: { padding: 'x'.repeat(2_000_000) } },
    });
    expect(catalog.status).not.toBe(413);
    // A small body with its length stated goes through as before.
    expect((await postStated(JSON.stringify(ticket('real-estate')))).status).toBe(201);
  });

  it('asks kiosks for their token (401) and refuses another kiosk’s id (403, audited)', async () => {
    const body = ticket('tax');
    expect((await hall.call('POST', '/api/queue/tickets', { body })).status).toBe(401);
    const wrong = await hall.call('POST', '/api/queue/tickets', {
      token: 'not-a-kiosk-token',
      body,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('unauthorised');
    // A staff session is not a kiosk token.
    expect((await hall.call('POST', '/api/queue/tickets', { token: admin, body })).status).toBe(
      401,
    );
    const other = await hall.call('POST', '/api/queue/tickets', {
      token: 'demo-kiosk-02',
      body,
    });
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('forbidden');
    const audit = await hall.call('GET', '/api/staff/audit', { token: admin });
    expect(audit.body).toContainEqual(
      expect.objectContaining({ actor: 'kiosk:kiosk-02', action: 'forbidden' }),
    );
  });

  it('issues a ticket (201) and answers a retried requestId with the same ticket (200)', async () => {
    const body = ticket('tax');
    const first = await hall.call('POST', '/api/queue/tickets', { token: KIOSK, body });
    expect(first.status).toBe(201);
    expect(first.body.ticket).toMatchObject({
      serviceCode: 'tax',
      kioskId: 'kiosk-01',
      state: 'waiting',
      reserve: false,
    });
    expect(first.body.ticket.number).toMatch(/^B\d{3}$/);
    expect(first.body.ticket.date).toBe('2026-12-02');
    const again = await hall.call('POST', '/api/queue/tickets', { token: KIOSK, body });
    expect(again.status).toBe(200);
    expect(again.body.ticket.id).toBe(first.body.ticket.id);
    expect(again.body.ticket.number).toBe(first.body.ticket.number);
    // Another kiosk's next ticket follows it, gap-free.
    const next = await hall.call('POST', '/api/queue/tickets', {
      token: 'demo-kiosk-02',
      body: { ...ticket('tax'), kioskId: 'kiosk-02' },
    });
    expect(next.status).toBe(201);
    expect(next.body.ticket.sequence).toBe(first.body.ticket.sequence + 1);
    const listed = await hall.call('GET', '/api/queue/tickets?serviceCode=tax', { token: admin });
    const ids = listed.body.map((t: { id: string }) => t.id);
    expect(ids.filter((id: string) => id === first.body.ticket.id)).toHaveLength(1);
    expect(ids).toContain(next.body.ticket.id);
  });

  it('reprints the open ticket of a card (200, reprint) instead of a second one', async () => {
    const first = await hall.call('POST', '/api/queue/tickets', {
      token: KIOSK,
      body: ticket('social-security', { holderKey: HOLDER }),
    });
    expect(first.status).toBe(201);
    const second = await hall.call('POST', '/api/queue/tickets', {
      token: 'demo-kiosk-03',
      body: ticket('social-security', { holderKey: HOLDER, kioskId: 'kiosk-03' }),
    });
    expect(second.status).toBe(200);
    expect(second.body.reprint).toBe(true);
    expect(second.body.ticket.id).toBe(first.body.ticket.id);
  });

  it('refuses by the rules with 409 and the reason (outside issuing hours, unknown service)', async () => {
    hall.clock.now = at('2026-12-02', '12:30');
    try {
      const reply = await hall.call('POST', '/api/queue/tickets', {
        token: KIOSK,
        body: ticket('tax'),
      });
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({
        error: 'refused',
        refusal: { reason: 'outside-issuing-hours', nextWindowStart: '13:00' },
      });
      expect(reply.body.message['zh-CN']).toBe('当前不在取号时段');
    } finally {
      hall.clock.now = OPEN_MORNING;
    }
    const unknown = await hall.call('POST', '/api/queue/tickets', {
      token: KIOSK,
      body: ticket('no-such-service'),
    });
    expect(unknown.status).toBe(409);
    expect(unknown.body.refusal).toEqual({ reason: 'unknown-service' });
  });

  it('marks a ticket handed out, printed or released; an unknown one is 404', async () => {
    const issued = await hall.call('POST', '/api/queue/tickets', {
      token: KIOSK,
      body: ticket('real-estate'),
    });
    const id = issued.body.ticket.id as string;
    for (const mark of ['handed-out', 'printed']) {
      const reply = await hall.call('POST', `/api/queue/tickets/${id}/${mark}`, { token: KIOSK });
      expect(reply.status, mark).toBe(200);
    }
    const listed = await hall.call('GET', '/api/queue/tickets?serviceCode=real-estate', {
      token: KIOSK,
    });
    expect(listed.body.find((t: { id: string }) => t.id === id).printed).toBe(true);
    expect(
      (await hall.call('POST', '/api/queue/tickets/no-such-ticket/printed', { token: KIOSK }))
        .status,
    ).toBe(404);
    expect((await hall.call('POST', `/api/queue/tickets/${id}/printed`)).status).toBe(401);
    // Released before anyone saw it: the next citizen of the service gets the same number.
    const unseen = await hall.call('POST', '/api/queue/tickets', {
      token: KIOSK,
      body: ticket('real-estate'),
    });
    expect(
      (
        await hall.call('POST', `/api/queue/tickets/${unseen.body.ticket.id}/release`, {
          token: KIOSK,
        })
      ).status,
    ).toBe(200);
    const reissued = await hall.call('POST', '/api/queue/tickets', {
      token: KIOSK,
      body: ticket('real-estate'),
    });
    expect(reissued.body.ticket.number).toBe(unseen.body.ticket.number);
  });

  it('locks a staff login after 5 wrong passwords (423 with the time it opens), as the PIN', async () => {
    await store().saveStaffUser({
      hallId: 'demo',
      username: 'locky',
      passwordHash: await hashPassword('right-password'),
      role: 'window',
      wrong: 0,
      locks: 0,
      lockedUntil: null,
    });
    const attempt = (password: string) =>
      hall.call('POST', '/api/staff/login', { body: { username: 'locky', password } });
    for (let i = 1; i <= 4; i++) {
      const reply = await attempt('wrong');
      expect(reply.status, `wrong #${i}`).toBe(401);
      expect(reply.body.message.en).toBe('Wrong username or password');
    }
    const fifth = await attempt('wrong');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error).toBe('locked');
    const opens = new Date(OPEN_MORNING.getTime() + 5 * 60_000).toISOString();
    expect(fifth.body.lockedUntil).toBe(opens);
    // Locked: even the right password is refused until then.
    const right = await attempt('right-password');
    expect(right.status).toBe(423);
    expect(right.body.message['zh-CN']).toContain(opens);
    hall.clock.now = new Date(OPEN_MORNING.getTime() + 5 * 60_000 + 1000);
    try {
      expect((await attempt('right-password')).status).toBe(200);
    } finally {
      hall.clock.now = OPEN_MORNING;
    }
    expect(
      (
        await hall.call('POST', '/api/staff/login', {
          body: { username: 'nobody', password: 'x' },
        })
      ).status,
    ).toBe(401);
    const audit = await hall.call('GET', '/api/staff/audit?limit=1000', { token: admin });
    const actions = audit.body
      .filter((e: { actor: string }) => e.actor === 'locky')
      .map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'login-refused')).toHaveLength(4);
    expect(actions).toContain('login-locked');
    expect(actions).toContain('login-refused-locked');
    expect(actions).toContain('login');
  });

  it('lets window staff use the windows but not admin actions (403, audited); logout ends the session', async () => {
    const window = await hall.login('window');
    expect((await hall.call('GET', '/api/windows', { token: window })).status).toBe(200);
    expect((await hall.call('GET', '/api/staff/me', { token: window })).body).toMatchObject({
      username: 'window',
      role: 'window',
      hallId: 'demo',
    });
    const register = await hall.call('POST', '/api/staff/kiosks', {
      token: window,
      body: { kioskId: 'kiosk-99' },
    });
    expect(register.status).toBe(403);
    expect((await hall.call('GET', '/api/staff/audit', { token: window })).status).toBe(403);
    expect((await hall.call('GET', '/api/windows')).status).toBe(401);
    expect((await hall.call('GET', '/api/windows', { token: KIOSK })).status).toBe(401);
    expect((await hall.call('POST', '/api/staff/logout', { token: window })).status).toBe(200);
    expect((await hall.call('GET', '/api/windows', { token: window })).status).toBe(401);
    const audit = await hall.call('GET', '/api/staff/audit', { token: admin });
    expect(audit.body).toContainEqual(
      expect.objectContaining({ actor: 'window', action: 'forbidden' }),
    );
    expect(audit.body).toContainEqual(
      expect.objectContaining({ actor: 'window', action: 'logout' }),
    );
  });

  it('registers a kiosk: the token is shown once and works; registering again replaces it', async () => {
    const first = await hall.call('POST', '/api/staff/kiosks', {
      token: admin,
      body: { kioskId: 'kiosk-77' },
    });
    expect(first.status).toBe(201);
    expect(first.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const issue = (token: string) =>
      hall.call('POST', '/api/queue/tickets', {
        token,
        body: ticket('business-registration', { kioskId: 'kiosk-77' }),
      });
    expect((await issue(first.body.token)).status).toBe(201);
    const second = await hall.call('POST', '/api/staff/kiosks', {
      token: admin,
      body: { kioskId: 'kiosk-77' },
    });
    expect((await issue(first.body.token)).status).toBe(401);
    expect((await issue(second.body.token)).status).toBe(201);
    const audit = await hall.call('GET', '/api/staff/audit', { token: admin });
    expect(audit.body).toContainEqual(
      expect.objectContaining({ actor: 'admin', action: 'kiosk-register', detail: 'kiosk-77' }),
    );
  });

  it('runs the window actions, each with its event, in order', async () => {
    const window = await hall.login('window');
    // Window 5 serves tax (B): call every waiting tax ticket away first.
    for (;;) {
      const reply = await hall.call('POST', '/api/windows/5/call-next', { token: window });
      if (reply.status === 404) {
        expect(reply.body.error).toBe('queue-empty');
        break;
      }
      expect(reply.status).toBe(200);
    }
    expect((await hall.call('POST', '/api/windows/5/finish', { token: window })).status).toBe(200);
    expect(
      (await hall.call('POST', '/api/windows/5/recall', { token: window })).body,
    ).toMatchObject({ error: 'refused', refusal: { reason: 'no-current-ticket' } });
    const issued = await hall.call('POST', '/api/queue/tickets', {
      token: KIOSK,
      body: ticket('tax'),
    });
    const start = (await hall.call('GET', '/api/health')).body.lastEventId as number;
    const waiting = await hall.call('GET', '/api/windows/5/waiting', { token: window });
    expect(waiting.body.map((t: { id: string }) => t.id)).toEqual([issued.body.ticket.id]);

    const called = await hall.call('POST', '/api/windows/5/call-next', { token: window });
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({
      id: issued.body.ticket.id,
      state: 'called',
      window: 5,
      calls: 1,
    });
    const recalled = await hall.call('POST', '/api/windows/5/recall', { token: window });
    expect(recalled.body.ticket.calls).toBe(2);
    const transferred = await hall.call('POST', '/api/windows/5/transfer', {
      token: window,
      body: { serviceCode: 'social-security' },
    });
    expect(transferred.body.ticket).toMatchObject({
      serviceCode: 'social-security',
      state: 'waiting',
      number: issued.body.ticket.number,
    });
    const badTransfer = await hall.call('POST', '/api/windows/5/transfer', {
      token: window,
      body: { serviceCode: 'Tax!' },
    });
    expect(badTransfer.status).toBe(400);
    // Window 8 serves social security: it calls the transferred ticket (or one before it).
    let atEight;
    do {
      atEight = await hall.call('POST', '/api/windows/8/call-next', { token: window });
      expect(atEight.status).toBe(200);
    } while (atEight.body.ticket.id !== issued.body.ticket.id);
    const skipped = await hall.call('POST', '/api/windows/8/skip', { token: window });
    expect(skipped.body.ticket.state).toBe('skipped');
    expect((await hall.call('POST', '/api/windows/99/call-next', { token: window })).status).toBe(
      404,
    );
    const windows = await hall.call('GET', '/api/windows', { token: window });
    expect(windows.body.find((w: { number: number }) => w.number === 8).current).toBeNull();

    const records = await store().eventsAfter('demo', start, 1000);
    const mine = records.filter(
      (r) => 'ticket' in r.event && r.event.ticket.id === issued.body.ticket.id,
    );
    expect(mine.map((r) => r.event.type)).toEqual([
      'call',
      'call',
      'ticket-transferred',
      'call',
      'ticket-skipped',
    ]);
    expect(mine.map((r) => r.id)).toEqual([...mine.map((r) => r.id)].sort((a, b) => a - b));
    expect(records.map((r) => r.id)).toEqual(records.map((_, i) => start + 1 + i));
    expect(called.body.eventId).toBe(mine[0]?.id);
    const audit = await hall.call('GET', '/api/staff/audit', { token: admin });
    expect(audit.body).toContainEqual(
      expect.objectContaining({ actor: 'window', action: 'window-transfer' }),
    );
  });

  it('gives the display a snapshot as of its last event id', async () => {
    const window = await hall.login('window');
    const issued = await hall.call('POST', '/api/queue/tickets', {
      token: KIOSK,
      body: ticket('business-registration'),
    });
    let called;
    do {
      called = await hall.call('POST', '/api/windows/2/call-next', { token: window });
      expect(called.status).toBe(200);
    } while (called.body.ticket.id !== issued.body.ticket.id);
    const snapshot = await hall.call('GET', '/api/display');
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.hallName['zh-CN']).toBe('县政务服务中心');
    expect(snapshot.body.lastEventId).toBe(called.body.eventId);
    expect(snapshot.body.windows).toHaveLength(13);
    expect(snapshot.body.windows[1]).toEqual({
      number: 2,
      current: { number: issued.body.ticket.number, calledAt: OPEN_MORNING.toISOString() },
    });
    expect(snapshot.body.recentCalls[0]).toMatchObject({
      number: issued.body.ticket.number,
      window: 2,
    });
    expect(snapshot.body.recentCalls.length).toBeLessThanOrEqual(10);
    const services = await hall.call('GET', '/api/queue/services');
    for (const w of snapshot.body.waiting)
      expect(w.count).toBe(
        services.body.find((s: { code: string }) => s.code === w.serviceCode).waiting,
      );
  });

  it('reserves blocks and reconciles tickets issued from them, once each', async () => {
    const blocks = await hall.call('POST', '/api/queue/blocks', {
      token: KIOSK,
      body: { kioskId: 'kiosk-01', date: '2026-12-02', size: 3 },
    });
    expect(blocks.status).toBe(200);
    const tax = blocks.body.blocks.find((b: { serviceCode: string }) => b.serviceCode === 'tax');
    expect(tax.numbers).toHaveLength(3);
    expect(tax.numbers[0]).toMatch(/^BR\d{3}$/);
    const again = await hall.call('POST', '/api/queue/blocks', {
      token: KIOSK,
      body: { kioskId: 'kiosk-01', date: '2026-12-02', size: 3 },
    });
    expect(again.body).toEqual(blocks.body);
    const offline = {
      requestId: requestId(),
      serviceCode: 'tax',
      date: '2026-12-02',
      number: tax.numbers[0],
      issuedAt: OPEN_MORNING.toISOString(),
      priority: false,
    };
    const body = { kioskId: 'kiosk-01', tickets: [offline] };
    const first = await hall.call('POST', '/api/queue/blocks/reconcile', { token: KIOSK, body });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ accepted: [offline.number], already: [], refused: [] });
    const second = await hall.call('POST', '/api/queue/blocks/reconcile', { token: KIOSK, body });
    expect(second.body).toEqual({ accepted: [], already: [offline.number], refused: [] });
    // Another kiosk cannot reconcile in kiosk-01's name.
    expect(
      (await hall.call('POST', '/api/queue/blocks/reconcile', { token: 'demo-kiosk-02', body }))
        .status,
    ).toBe(403);
    const listed = await hall.call('GET', '/api/queue/tickets?serviceCode=tax', { token: admin });
    expect(listed.body.filter((t: { number: string }) => t.number === tax.numbers[0])).toHaveLength(
      1,
    );
  });

  it('books, lists, moves, cancels (audited) and checks in appointments', async () => {
    const places = await hall.call(
      'GET',
      '/api/appointments/places?serviceCode=tax&dates=2026-12-03,2026-12-04',
      { token: KIOSK },
    );
    expect(places.status).toBe(200);
    expect(places.body['2026-12-03']['09:00']).toBe(4);
    expect(
      (
        await hall.call('GET', '/api/appointments/places?serviceCode=tax&dates=tomorrow', {
          token: KIOSK,
        })
      ).status,
    ).toBe(400);
    const booking = {
      serviceCode: 'tax',
      date: '2026-12-03',
      slot: { start: '09:00', end: '09:30' },
      holderKey: 'stablekey-0123456789abcdef',
      maskedPhone: '138****5678',
      kioskId: 'kiosk-01',
      requestId: requestId(),
    };
    const booked = await hall.call('POST', '/api/appointments', { token: KIOSK, body: booking });
    expect(booked.status).toBe(201);
    const id = booked.body.appointment.id as string;
    const retried = await hall.call('POST', '/api/appointments', { token: KIOSK, body: booking });
    expect(retried.status).toBe(200);
    expect(retried.body.appointment.id).toBe(id);
    const twice = await hall.call('POST', '/api/appointments', {
      token: KIOSK,
      body: { ...booking, requestId: requestId(), slot: { start: '10:00', end: '10:30' } },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.refusal.reason).toBe('already-booked');
    expect(twice.body.appointment.id).toBe(id);

    const listed = await hall.call('GET', '/api/appointments?dates=2026-12-03', { token: admin });
    expect(listed.body.map((a: { id: string }) => a.id)).toContain(id);
    const moved = await hall.call('POST', `/api/appointments/${id}/move`, {
      token: admin,
      body: {
        to: { date: '2026-12-03', slot: { start: '10:00', end: '10:30' } },
        reason: '窗口调整',
      },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.appointment.slot.start).toBe('10:00');
    const noReason = await hall.call('POST', `/api/appointments/${id}/move`, {
      token: admin,
      body: { to: { date: '2026-12-03', slot: { start: '11:00', end: '11:30' } }, reason: ' ' },
    });
    expect(noReason.status).toBe(400);

    // Check in on its day, inside its check-in window: a priority ticket.
    const checkIn = { appointmentId: id, kioskId: 'kiosk-01', requestId: requestId() };
    const early = await hall.call('POST', '/api/appointments/check-in', {
      token: KIOSK,
      body: checkIn,
    });
    expect(early.status).toBe(409);
    expect(early.body.refusal.reason).toBe('other-day');
    hall.clock.now = at('2026-12-03', '09:50');
    try {
      const checked = await hall.call('POST', '/api/appointments/check-in', {
        token: KIOSK,
        body: { ...checkIn, requestId: requestId() },
      });
      expect(checked.status).toBe(201);
      expect(checked.body.ticket).toMatchObject({ priority: true, appointmentAt: '10:00' });
      // The session of yesterday's login has expired (12 h).
      expect((await hall.call('GET', '/api/staff/me', { token: admin })).status).toBe(401);
      const cancel = await hall.call('POST', `/api/appointments/${id}/cancel`, {
        token: await hall.login('admin'),
        body: { reason: 'too late' },
      });
      expect(cancel.status).toBe(409);
      expect(cancel.body.refusal.reason).toBe('checked-in');
    } finally {
      hall.clock.now = OPEN_MORNING;
    }
    expect(
      (
        await hall.call('POST', '/api/appointments/check-in', {
          token: KIOSK,
          body: { kioskId: 'kiosk-01', requestId: requestId() },
        })
      ).status,
    ).toBe(400);

    const other = await hall.call('POST', '/api/appointments', {
      token: KIOSK,
      body: { ...booking, holderKey: 'stablekey-fedcba9876543210', requestId: requestId() },
    });
    const cancelled = await hall.call(
      'POST',
      `/api/appointments/${other.body.appointment.id}/cancel`,
      { token: admin, body: { reason: '申请人来电取消' } },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.appointment.cancelReason).toBe('申请人来电取消');
    expect(
      (
        await hall.call('POST', '/api/appointments/no-such/cancel', {
          token: admin,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(404);
    const audit = await hall.call('GET', '/api/staff/audit', { token: admin });
    const actions = audit.body.map((e: { action: string }) => e.action);
    expect(actions).toContain('appointment-cancel');
    expect(actions).toContain('appointment-move');
  });

  it('keeps device reports from kiosks and lists them for staff', async () => {
    const report = {
      kioskId: 'kiosk-02',
      at: OPEN_MORNING.toISOString(),
      devices: { printer: 'paper-out', idCard: 'online' },
    };
    expect(
      (await hall.call('POST', '/api/devices/status', { token: KIOSK, body: report })).status,
    ).toBe(403);
    expect(
      (await hall.call('POST', '/api/devices/status', { token: 'demo-kiosk-02', body: report }))
        .status,
    ).toBe(200);
    const listed = await hall.call('GET', '/api/devices', { token: admin });
    expect(listed.body).toContainEqual(report);
    expect((await hall.call('GET', '/api/devices')).status).toBe(401);
  });

  it('answers 503 with a clear message when the database does not answer', async () => {
    // The failure is logged (console.error) by design; keep the test's output quiet.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { store: broken, close } = await backend.open();
    const brokenHall = await testHall(broken);
    await broken.close();
    try {
      const reply = await brokenHall.call('POST', '/api/queue/tickets', {
        token: KIOSK,
        body: ticket('tax'),
      });
      expect(reply.status).toBe(503);
      expect(reply.body.error).toBe('unavailable');
      expect(reply.body.message.en).toMatch(/database did not answer; nothing/);
      expect((await brokenHall.call('GET', '/api/health')).status).toBe(503);
      expect(logged).toHaveBeenCalledWith(
        expect.stringMatching(/^the hall database did not answer/),
        expect.anything(),
      );
    } finally {
      logged.mockRestore();
      brokenHall.events.close();
      await close().catch(() => undefined);
    }
  });
});

describe('the files the hall server serves beside the API', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'hall-files-'));
    mkdirSync(join(root, 'public'));
    writeFileSync(join(root, 'public', 'kiosk.config.json'), JSON.stringify({ kioskId: 'k' }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves kiosk.config.json with the demo hall server, and says which build is missing', async () => {
    const app = new Hono();
    mountFiles(app, { root });
    const config = await app.request('/kiosk.config.json');
    expect(await config.json()).toEqual({
      kioskId: 'k',
      hallServer: { url: '/', token: 'demo-kiosk-01' },
    });
    const display = await app.request('/display');
    expect(display.status).toBe(503);
    expect(await display.text()).toContain('npm run build:hall');
    const kiosk = await app.request('/');
    expect(kiosk.status).toBe(503);
    expect(await kiosk.text()).toContain('npm run build');

    mkdirSync(join(root, 'dist-hall', 'assets'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist-hall', 'display.html'), '<title>叫号屏</title>');
    writeFileSync(join(root, 'dist-hall', 'assets', 'display-1.js'), 'export {};');
    writeFileSync(join(root, 'dist', 'index.html'), '<title>kiosk</title>');
    const built = new Hono();
    mountFiles(built, { root });
    expect(await (await built.request('/display')).text()).toBe('<title>叫号屏</title>');
    expect((await built.request('/assets/display-1.js')).headers.get('Content-Type')).toMatch(
      /javascript/,
    );
    expect(await (await built.request('/')).text()).toBe('<title>kiosk</title>');
    expect((await built.request('/../package.json')).status).toBe(404);
  });
});
