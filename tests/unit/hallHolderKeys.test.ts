/**
 * Card keys across a hall's kiosks (issue 15): with a hall server every kiosk keys an ID card
 * with the hall's secret (GET /api/kiosk/holder-secret), so a card booked at one kiosk checks in
 * by card at another. Against the real hall server in this process (createHallApp over SQLite,
 * fetch handed to app.fetch) and fake-indexeddb for each kiosk's own key store.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../../domain';
import { createHallApp } from '../../hall-server/app';
import { DEMO_KIOSKS, demoKioskToken, sha256 } from '../../hall-server/auth';
import { DEMO_CONFIG_FILE, openHallStore, seedDemoHall } from '../../hall-server/store';
import { HallQueueService, fetchHolderSecret } from '../../stores/hall';
import { IndexedDbHolderKeys } from '../../stores/keys';

const demo = (() => {
  const parsed = parseKioskConfig(JSON.parse(readFileSync(DEMO_CONFIG_FILE, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.config;
})();
const ID = '110101195001011234';
const TOMORROW = '2026-12-03';

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (let close = closing.pop(); close; close = closing.pop()) await close();
});

async function startHall() {
  const dir = mkdtempSync(join(tmpdir(), 'hall-keys-'));
  const store = await openHallStore({ dataDir: dir });
  await seedDemoHall(store);
  for (const kioskId of DEMO_KIOSKS)
    await store.registerKiosk('demo', kioskId, sha256(demoKioskToken(kioskId)));
  const clock = { now: new Date('2026-12-02T02:00:00Z') };
  const { app } = createHallApp({ store, now: () => clock.now });
  const link = { up: true };
  const fetch = async (request: Request) => {
    if (!link.up) throw new TypeError('fetch failed');
    return app.fetch(request);
  };
  closing.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { fetch, clock, link };
}

let databases = 0;
/** One kiosk's key store, keyed by the hall's secret when `hall` is given. */
function keysOf(
  hall: Awaited<ReturnType<typeof startHall>> | null,
  kioskId: string,
  databaseName = `hall-keys-${(databases += 1)}`,
) {
  const keys = new IndexedDbHolderKeys({
    databaseName,
    ...(hall && {
      hallSecret: () =>
        fetchHolderSecret({
          url: 'http://hall.test/',
          token: demoKioskToken(kioskId),
          fetch: hall.fetch,
        }),
    }),
  });
  closing.push(() => keys.close());
  return keys;
}

describe('card keys with a hall server', () => {
  it('two kiosks key a card alike with the hall’s secret, and unlike each other without it', async () => {
    const hall = await startHall();
    const one = keysOf(hall, 'kiosk-01');
    const two = keysOf(hall, 'kiosk-02');
    expect(await one.daily(ID, '2026-12-02')).toBe(await two.daily(ID, '2026-12-02'));
    expect(await one.stable(ID, 'appointment')).toBe(await two.stable(ID, 'appointment'));
    // Another day, another key; another purpose, another key (as on one kiosk).
    expect(await one.daily(ID, '2026-12-03')).not.toBe(await one.daily(ID, '2026-12-02'));
    expect(await one.stable(ID, 'face-lockout')).not.toBe(await one.stable(ID, 'appointment'));
    const alone = keysOf(null, 'kiosk-03');
    const aloneToo = keysOf(null, 'kiosk-04');
    expect(await alone.daily(ID, '2026-12-02')).not.toBe(await aloneToo.daily(ID, '2026-12-02'));
    expect(await alone.daily(ID, '2026-12-02')).not.toBe(await one.daily(ID, '2026-12-02'));
  });

  it('an appointment booked at one kiosk checks in by card at another', async () => {
    const hall = await startHall();
    const service = (kioskId: string) => {
      const s = new HallQueueService({
        url: 'http://hall.test/',
        token: demoKioskToken(kioskId),
        kioskId,
        services: demo.queue.services,
        calendar: { hours: demo.officeHours, ...demo.calendar },
        timeZone: demo.hall.timeZone,
        fetch: hall.fetch,
        now: () => hall.clock.now,
        timeoutMs: 5_000,
        databaseName: `hall-keys-queue-${kioskId}-${(databases += 1)}`,
        autoStart: false,
      });
      closing.push(() => s.close());
      return s;
    };
    const booked = await service('kiosk-01').book({
      serviceCode: 'tax',
      date: TOMORROW,
      slot: { start: '10:00', end: '10:30' },
      holderKey: await keysOf(hall, 'kiosk-01').stable(ID, 'appointment'),
      maskedId: '1101**********1234',
      maskedPhone: '138****5678',
    });
    expect(booked.ok).toBe(true);
    hall.clock.now = new Date('2026-12-03T01:50:00Z'); // 09:50 the next day
    const atTwo = keysOf(hall, 'kiosk-02');
    const checkedIn = await service('kiosk-02').checkIn({
      holderKey: await atTwo.stable(ID, 'appointment'),
      today: TOMORROW,
      now: '09:50',
      ticketKey: await atTwo.daily(ID, TOMORROW),
      maskedId: '1101**********1234',
    });
    expect(checkedIn).toMatchObject({ ok: true, ticket: { priority: 'appointment' } });
  });

  it('a kiosk whose server does not answer keys with the hall’s secret kept from an earlier start', async () => {
    const hall = await startHall();
    const before = keysOf(hall, 'kiosk-01', 'hall-keys-restart');
    const key = await before.daily(ID, '2026-12-02');
    await before.close();
    hall.link.up = false;
    const after = keysOf(hall, 'kiosk-01', 'hall-keys-restart');
    expect(await after.daily(ID, '2026-12-02')).toBe(key);
    // Never reached the server: its own secret meanwhile (a different key), said in the log.
    const never = keysOf(hall, 'kiosk-02');
    expect(await never.daily(ID, '2026-12-02')).not.toBe(key);
  });

  it('gives the secret only to a kiosk of the hall', async () => {
    const hall = await startHall();
    await expect(
      fetchHolderSecret({
        url: 'http://hall.test/',
        token: 'not-a-kiosk-token',
        fetch: hall.fetch,
      }),
    ).rejects.toThrow();
  });
});
