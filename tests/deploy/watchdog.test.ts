import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWatchdog, type Watchdog } from '../../deploy/watchdog/watchdog.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RECOVERY_LIMIT_MS = 10_000;
const MOUNT_LIMIT_MS = 3_000;

// A stand-in for the kiosk: counts loads, marks the app mounted as the kiosk does, and hangs in an
// endless loop, or empties its app (a blank screen that still answers), when told to.
let loads = 0;
let command = '';
let server: Server;
let url = '';
let watchdog: Watchdog;
const log: Array<{ event: string; reason?: unknown }> = [];

beforeAll(async () => {
  if (!existsSync(chromium)) {
    throw new Error(`No Chromium at ${chromium}: install Debian's chromium or set CHROMIUM_PATH.`);
  }
  server = createServer((request, response) => {
    if (request.url === '/cmd') {
      response.end(command);
      command = '';
      return;
    }
    loads += 1;
    response.setHeader('content-type', 'text/html');
    response.end(`<!doctype html><title>attract</title><div id="app"><p>attract</p></div><script>
      document.documentElement.dataset.kiosk = 'mounted';
      setInterval(async () => {
        const told = await (await fetch('/cmd')).text();
        if (told === 'hang') for (;;) {}
        if (told === 'blank') document.getElementById('app').replaceChildren();
      }, 200);
    </script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  watchdog = startWatchdog({
    url,
    chromium,
    extraFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    heartbeatMs: 1000,
    mountLimitMs: MOUNT_LIMIT_MS,
    log: (entry) => log.push(entry),
  });
  await waitUntil(() => loads >= 1 && log.some((e) => e.event === 'watching'), 20_000);
});

afterAll(async () => {
  await watchdog?.stop();
  server?.close();
});

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

describe('the kiosk watchdog', () => {
  it('brings a crashed page back, freshly loaded, within 10 s', async () => {
    const before = loads;
    await watchdog.sendToPage('Page.crash').catch(() => undefined); // the renderer dies before it answers
    const ms = await waitUntil(
      () => loads > before && log.at(-1)?.event === 'recovered',
      RECOVERY_LIMIT_MS,
    );
    expect(ms).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(
      log.some(
        (e) => e.event === 'recovering' && (e as { reason?: string }).reason === 'page-crashed',
      ),
    ).toBe(true);
  });

  it('brings a page that stopped answering back within 10 s', async () => {
    const before = loads;
    command = 'hang';
    const ms = await waitUntil(
      () => loads > before && log.at(-1)?.event === 'recovered',
      RECOVERY_LIMIT_MS + 2_000,
    );
    expect(ms).toBeLessThan(RECOVERY_LIMIT_MS + 2_000); // the page polls for the command first
    expect(log.some((e) => e.reason === 'page-not-answering')).toBe(true);
  });

  it('brings a page back that answers but no longer shows the app (not mounted)', async () => {
    const mark = log.length;
    const since = (event: string) =>
      log.slice(mark).some((e) => e.event === event && e.reason === 'app-not-mounted');
    const before = loads;
    command = 'blank';
    const ms = await waitUntil(
      () => since('recovered') && loads > before,
      RECOVERY_LIMIT_MS + MOUNT_LIMIT_MS,
    );
    expect(ms).toBeLessThan(RECOVERY_LIMIT_MS + MOUNT_LIMIT_MS);
    // Heartbeats were answered all along: it was the missing app, not a hang, that counted.
    expect(log.slice(mark).filter((e) => e.reason === 'page-not-answering')).toEqual([]);
  });

  it('starts Chromium again when it dies', async () => {
    const before = loads;
    const pid = watchdog.pid;
    if (pid) process.kill(pid, 'SIGKILL');
    const ms = await waitUntil(
      () => loads > before && watchdog.pid !== pid && log.at(-1)?.event === 'watching',
      RECOVERY_LIMIT_MS,
    );
    expect(ms).toBeLessThan(RECOVERY_LIMIT_MS);
  });
});
