// The kiosk watchdog: launches Chromium in kiosk mode and keeps the kiosk on screen. When the page
// crashes, or stops answering (two missed heartbeats), or answers without the app on screen (a
// blank page: the app not mounted within a time limit), it opens the app afresh — which always
// starts at attract — and closes the broken page: back within 10 s. When Chromium itself exits it
// is started again, with a growing pause if it keeps failing. Each event is one JSON line on stdout.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CdpPipe } from './cdpPipe.mjs';

export const KIOSK_FLAGS = [
  '--kiosk',
  '--kiosk-printing',
  '--noerrdialogs',
  '--disable-session-crashed-bubble',
  '--disable-infobars',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-features=Translate,TranslateUI',
  '--disable-pinch',
  '--overscroll-history-navigation=0',
  '--autoplay-policy=no-user-gesture-required',
  '--password-store=basic',
];

/**
 * The heartbeat's question to the page: is the app on screen? The kiosk marks `<html
 * data-kiosk>` (kiosk-ui/outOfService.ts): `mounted` once the app is rendered into #app,
 * `out-of-service` while its own out-of-service screen is up (the page is alive and says so, and
 * retries by itself), `booting` before. Anything else — a blank page, #app emptied — is not mounted.
 */
export const MOUNT_PROBE = `(() => {
  const state = document.documentElement.dataset.kiosk;
  if (state === 'out-of-service') return state;
  const app = document.getElementById('app');
  return state === 'mounted' && app !== null && app.childElementCount > 0 ? 'mounted' : 'not-mounted';
})()`;

/**
 * @param {{ url: string, chromium?: string, userDataDir?: string, extraFlags?: string[],
 *   heartbeatMs?: number, missedBeats?: number, mountLimitMs?: number,
 *   log?: (entry: object) => void }} options
 */
export function startWatchdog(options) {
  const chromium = options.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'budayang-kiosk-'));
  const heartbeatMs = options.heartbeatMs ?? 2000;
  const missedBeats = options.missedBeats ?? 2;
  // The kiosk's own start limit is 20 s (kiosk-ui/main.tsx); past this the page is opened afresh.
  const mountLimitMs = options.mountLimitMs ?? 45_000;
  const events = new EventEmitter();
  const log = (entry) => {
    const line = { at: new Date().toISOString(), ...entry };
    (options.log ?? ((l) => process.stdout.write(`${JSON.stringify(l)}\n`)))(line);
    events.emit(entry.event, line);
  };

  let browser = null;
  let cdp = null;
  let page = null; // { targetId, sessionId }
  let stopped = false;
  let heartbeat = null;
  let missed = 0;
  /** Since when the watched page has answered without the app on screen (null: it has it). */
  let unmountedSince = null;
  let recovering = false;
  let restarts = 0;
  let launchedAt = 0;

  function launch() {
    launchedAt = Date.now();
    browser = spawn(
      chromium,
      [
        ...KIOSK_FLAGS,
        ...(options.extraFlags ?? []),
        `--user-data-dir=${userDataDir}`,
        '--remote-debugging-pipe',
        options.url,
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    const child = browser;
    log({ event: 'launched', pid: child.pid });
    cdp = new CdpPipe(child.stdio[3], child.stdio[4]);
    cdp.on('event', onEvent);
    child.on('exit', (code, signal) => onBrowserExit(child, code, signal));
    child.on('error', (error) => log({ event: 'launch-failed', error: error.message }));
    attachToPage().catch((error) => log({ event: 'attach-failed', error: error.message }));
  }

  async function attachToPage(targetId) {
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    let id = targetId;
    if (!id) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      id = targetInfos.find((t) => t.type === 'page')?.targetId;
      if (!id) ({ targetId: id } = await cdp.send('Target.createTarget', { url: options.url }));
    }
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: id, flatten: true });
    page = { targetId: id, sessionId };
    await cdp.send('Inspector.enable', {}, { sessionId });
    await cdp.send('Page.enable', {}, { sessionId });
    missed = 0;
    unmountedSince = Date.now(); // a page being opened has its start limit to mount
    startHeartbeat();
    log({ event: 'watching', targetId: id });
  }

  function startHeartbeat() {
    clearInterval(heartbeat);
    heartbeat = setInterval(() => {
      if (!page || recovering) return;
      const sessionId = page.sessionId;
      cdp
        .send(
          'Runtime.evaluate',
          { expression: MOUNT_PROBE, returnByValue: true },
          { sessionId, timeoutMs: heartbeatMs },
        )
        .then(
          (answer) => {
            if (page?.sessionId !== sessionId) return;
            missed = 0;
            const state = answer?.result?.value;
            if (state === 'mounted' || state === 'out-of-service') {
              unmountedSince = null;
              return;
            }
            unmountedSince ??= Date.now();
            if (Date.now() - unmountedSince >= mountLimitMs) void recover('app-not-mounted');
          },
          () => {
            if (page?.sessionId !== sessionId) return;
            missed += 1;
            if (missed >= missedBeats) void recover('page-not-answering');
          },
        );
    }, heartbeatMs);
  }

  function onEvent(message) {
    const crashed =
      (message.method === 'Inspector.targetCrashed' && message.sessionId === page?.sessionId) ||
      (message.method === 'Target.targetCrashed' && message.params?.targetId === page?.targetId);
    if (crashed) void recover('page-crashed');
  }

  /** Opens the app in a fresh page first, then closes the broken one: a hung page cannot delay it. */
  async function recover(reason) {
    if (recovering || stopped) return;
    recovering = true;
    const started = Date.now();
    const broken = page;
    page = null;
    log({ event: 'recovering', reason });
    try {
      const { targetId } = await cdp.send('Target.createTarget', { url: options.url });
      await attachToPage(targetId);
      if (broken) {
        cdp
          .send('Target.closeTarget', { targetId: broken.targetId })
          .catch((error) =>
            log({ event: 'close-failed', targetId: broken.targetId, error: error.message }),
          );
      }
      log({ event: 'recovered', reason, ms: Date.now() - started });
    } catch (error) {
      log({ event: 'recovery-failed', reason, error: error.message });
      browser?.kill('SIGKILL'); // the exit handler starts a fresh browser
    } finally {
      recovering = false;
    }
  }

  function onBrowserExit(child, code, signal) {
    if (child !== browser) return;
    clearInterval(heartbeat);
    page = null;
    log({ event: 'browser-exited', code, signal });
    if (stopped) return;
    // A browser that ran a minute counts as healthy again; a crash loop waits longer each time.
    if (Date.now() - launchedAt > 60_000) restarts = 0;
    const pause = Math.min(30_000, 500 * 2 ** restarts);
    restarts += 1;
    setTimeout(() => !stopped && launch(), pause);
  }

  launch();
  return {
    events,
    get pid() {
      return browser?.pid;
    },
    /** For tests and maintenance: a command to the watched page. */
    sendToPage(method, params) {
      if (!page) return Promise.reject(new Error('no page is being watched'));
      return cdp.send(method, params, { sessionId: page.sessionId });
    },
    stop() {
      stopped = true;
      clearInterval(heartbeat);
      const child = browser;
      if (!child || child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
    },
  };
}
