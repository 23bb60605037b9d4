/**
 * The kiosk's configuration of its hall server (`hallServer`), the tester's ?kiosk=, and the
 * device status reports, the last against the real hall server in this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_CONFIG, parseKioskConfig, resolveKioskConfig } from '../../domain';
import { createHallApp } from '../../hall-server/app';
import { demoKioskToken, sha256 } from '../../hall-server/auth';
import { openHallStore, seedDemoHall } from '../../hall-server/store';
import { resolveLaunchOptions } from '../../kiosk-ui/launchOptions';
import { HallDeviceReporter } from '../../stores/hall';

const withHall = (hallServer: unknown) => ({ ...DEFAULT_KIOSK_CONFIG, hallServer });

describe('hallServer in the kiosk configuration', () => {
  it('is optional: without it the kiosk keeps its own queue', () => {
    const parsed = parseKioskConfig(DEFAULT_KIOSK_CONFIG);
    expect(parsed.ok && parsed.config.hallServer).toBeUndefined();
  });

  it('takes the kiosk origin (/) or an http(s) address, and a token', () => {
    for (const url of ['/', '/hall/', 'http://10.0.0.5:8080', 'https://hall.example.gov.cn/']) {
      const parsed = parseKioskConfig(withHall({ url, token: 'demo-kiosk-01' }));
      expect(parsed.ok ? parsed.config.hallServer : parsed.problems).toEqual({
        url,
        token: 'demo-kiosk-01',
      });
    }
  });

  it('names what is wrong, and a bad one falls back to the kiosk’s own queue with the rest kept', () => {
    expect(parseKioskConfig(withHall({ url: 'ftp://hall', token: 'demo-kiosk-01' }))).toEqual({
      ok: false,
      problems: [
        'hallServer.url: the hall server is an http:// or https:// address, or a path starting with /',
      ],
    });
    expect(parseKioskConfig(withHall({ url: '//evil.example', token: 'x y' }))).toMatchObject({
      ok: false,
      problems: [
        expect.stringMatching(/^hallServer\.url:/),
        'hallServer.token: the kiosk token: 8–200 visible characters, no spaces',
      ],
    });
    const resolved = resolveKioskConfig(withHall({ url: '/', token: 'short' }));
    expect(resolved.usable && resolved.config.hallServer).toBeUndefined();
    expect(resolved.rejected).toEqual(['hallServer.token', 'hallServer']);
    expect(resolved.usable && resolved.config.kioskId).toBe('kiosk-01');
  });
});

describe('?kiosk= (tester parameter)', () => {
  const demoHall = { ...DEFAULT_KIOSK_CONFIG, hallServer: { url: '/', token: 'demo-kiosk-01' } };

  it('makes the page another kiosk of the demo hall, with that kiosk’s demo token', () => {
    expect(resolveLaunchOptions(demoHall, '?kiosk=kiosk-02').config).toMatchObject({
      kioskId: 'kiosk-02',
      hallServer: { url: '/', token: 'demo-kiosk-02' },
    });
  });

  it('leaves a real token alone, ignores a bad id, and does nothing on a real-device kiosk', () => {
    const realToken = { ...demoHall, hallServer: { url: '/', token: 'Zx81-registered-token' } };
    expect(resolveLaunchOptions(realToken, '?kiosk=kiosk-02').config).toMatchObject({
      kioskId: 'kiosk-02',
      hallServer: { token: 'Zx81-registered-token' },
    });
    expect(resolveLaunchOptions(demoHall, '?kiosk=a%20b').config.kioskId).toBe('kiosk-01');
    const real = { ...demoHall, devices: 'real' as const };
    expect(resolveLaunchOptions(real, '?kiosk=kiosk-02').config).toBe(real);
    expect(
      resolveLaunchOptions(demoHall, '?devices=real&kiosk=kiosk-02').config.hallServer?.token,
    ).toBe('demo-kiosk-01');
  });
});

describe('HallDeviceReporter', () => {
  it('reports the devices to the hall on a change, and again when asked (every minute)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-devices-'));
    const store = await openHallStore({ dataDir: dir });
    try {
      await seedDemoHall(store);
      await store.registerKiosk('demo', 'kiosk-03', sha256(demoKioskToken('kiosk-03')));
      const { app } = createHallApp({ store });
      let down = false;
      const reporter = new HallDeviceReporter({
        url: 'http://hall.test',
        token: demoKioskToken('kiosk-03'),
        kioskId: 'kiosk-03',
        fetch: async (request) => {
          if (down) throw new TypeError('fetch failed');
          return app.fetch(request);
        },
        everyMs: 60_000,
      });
      try {
        await reporter.update({ idCard: 'online', receipt: 'paper-low' });
        await reporter.update({ idCard: 'online', receipt: 'paper-low' }); // no change: not sent
        expect(reporter.sent).toBe(1);
        expect(await store.devices('demo')).toMatchObject([
          { kioskId: 'kiosk-03', devices: { idCard: 'online', receipt: 'paper-low' } },
        ]);
        down = true;
        await reporter.update({ idCard: 'online', receipt: 'paper-out' }); // lost: no throw
        down = false;
        await reporter.flush(); // the minute's report makes it good
        expect(reporter.sent).toBe(2);
        expect((await store.devices('demo'))[0]?.devices.receipt).toBe('paper-out');
      } finally {
        reporter.close();
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
