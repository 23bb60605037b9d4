// What every benchmark section shares: the context it is run with, the browser, CPU throttling,
// a static file server, Vite builds of the small bench pages, and the statistics.
//
// Besides the context: percentile, median, summarize (n/p50/p95/max), round and row for the
// figures; pageProbes, measuredClick, settle and longestTaskSince for timing taps inside a page;
// serveStatic, projectPlugins and buildPage for the bench's own pages.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { URL, fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

/**
 * One line of the benchmark's table (and of `bench/results/latest.json`).
 *
 * @typedef {object} BenchRow
 * @property {string} section  The section that measured it: `size`, `start`, `soak`, …
 * @property {string} metric   What was measured, in a few words (`home tiles after tap · p95`).
 * @property {number | string} value  The figure; `'—'` when there is honestly no number.
 * @property {string} unit     `ms`, `kB`, `kB gz`, `count`, …; `''` for none.
 * @property {string} [note]   How it was measured, or what the figure means.
 */

/**
 * What `scripts/bench.mjs` hands each section's `run(ctx)`. A section is a module
 * `bench/<section>.mjs` exporting `async function run(ctx): Promise<BenchRow[]>`; it throws only
 * when it cannot run at all (the bench then exits non-zero). A slow figure is a row, never a throw.
 *
 * @typedef {object} BenchContext
 * @property {string} baseUrl  The production build, served by `vite preview` (`http://127.0.0.1:4180`).
 * @property {string} chromiumPath  The Chromium to launch (scripts/findChromium.mjs).
 * @property {string[]} chromiumArgs  Its launch flags (CHROMIUM_ARGS: --no-sandbox, …).
 * @property {boolean} quick  `--quick`: fewer repetitions, for a first look.
 * @property {(extraArgs?: string[]) => Promise<import('@playwright/test').Browser>} launchBrowser
 *   Launches that Chromium with `chromiumArgs` plus `extraArgs`; the caller closes it.
 * @property {<T>(fn: (page: import('@playwright/test').Page, tools: ThrottledTools) => Promise<T>,
 *   options?: ThrottleOptions) => Promise<T>} withThrottledPage
 *   Runs `fn` with a fresh page (own context: empty storage, no service worker; 1080×1920,
 *   zh-CN) whose CPU is throttled `rate`× (default 6) through CDP
 *   (`Emulation.setCPUThrottlingRate`: the page's main thread only, not its workers), then
 *   closes the context, and the browser if it launched one.
 * @property {string} distDir  The served build's directory (its `.vite/manifest.json` is there).
 * @property {string} root  The project root.
 */

/**
 * @typedef {object} ThrottleOptions
 * @property {number} [rate]  CPU slowdown for `Emulation.setCPUThrottlingRate`; 6 unless told.
 * @property {import('@playwright/test').Browser} [browser]  Reuse this browser (left open).
 * @property {string[]} [args]  Extra Chromium flags when a browser is launched for `fn`.
 * @property {import('@playwright/test').BrowserContextOptions} [contextOptions]
 */

/**
 * @typedef {object} ThrottledTools
 * @property {import('@playwright/test').CDPSession} cdp  Change the rate with `setCpuRate`.
 * @property {(rate: number) => Promise<void>} setCpuRate
 * @property {import('@playwright/test').BrowserContext} context
 * @property {import('@playwright/test').Browser} browser
 */

/** The kiosk's commonest shape in service halls: a portrait 1080×1920 touch screen. */
export const KIOSK_VIEWPORT = { width: 1080, height: 1920 };

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Builds the context of the contract above.
 *
 * @param {{ baseUrl: string, chromiumPath: string, chromiumArgs: string[], quick: boolean, distDir: string }} options
 * @returns {BenchContext}
 */
export function createContext({ baseUrl, chromiumPath, chromiumArgs, quick, distDir }) {
  const launchBrowser = (extraArgs = []) =>
    chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs] });
  return {
    baseUrl,
    chromiumPath,
    chromiumArgs,
    quick,
    distDir,
    root: ROOT,
    launchBrowser,
    withThrottledPage: (fn, options = {}) => withThrottledPage(launchBrowser, fn, options),
  };
}

/**
 * @template T
 * @param {(extraArgs?: string[]) => Promise<import('@playwright/test').Browser>} launchBrowser
 * @param {(page: import('@playwright/test').Page, tools: ThrottledTools) => Promise<T>} fn
 * @param {ThrottleOptions} options
 * @returns {Promise<T>}
 */
async function withThrottledPage(launchBrowser, fn, options) {
  const browser = options.browser ?? (await launchBrowser(options.args ?? []));
  const context = await browser.newContext({
    viewport: KIOSK_VIEWPORT,
    locale: 'zh-CN',
    ...options.contextOptions,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const setCpuRate = (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await setCpuRate(options.rate ?? 6);
    return await fn(page, { cdp, setCpuRate, context, browser });
  } finally {
    await context.close().catch(() => {});
    if (!options.browser) await browser.close().catch(() => {});
  }
}

// ── statistics ──────────────────────────────────────────────────────────────────────────────

/** The p-th percentile (0–100) by linear interpolation between closest ranks; NaN when empty. */
export function percentile(values, p) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const median = (values) => percentile(values, 50);

/** n, p50, p95 and max of a sample. */
export function summarize(values) {
  const finite = values.filter(Number.isFinite);
  return {
    n: finite.length,
    p50: percentile(finite, 50),
    p95: percentile(finite, 95),
    max: finite.length > 0 ? Math.max(...finite) : Number.NaN,
  };
}

/** Rounds for the table: integers from 100 up, one decimal below, two below 1. */
export function round(value, digits) {
  if (!Number.isFinite(value)) return value;
  const size = Math.abs(value);
  const d = digits ?? (size >= 100 ? 0 : size >= 1 || size === 0 ? 1 : 2);
  const f = 10 ** d;
  return Math.round(value * f) / f;
}

/** A row, with the value rounded when it is a number. */
export function row(section, metric, value, unit, note) {
  const r = { section, metric, value: typeof value === 'number' ? round(value) : value, unit };
  return note ? { ...r, note } : r;
}

// ── serving and building the bench pages ───────────────────────────────────────────────────

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves a directory on 127.0.0.1 at a free port, for the bench's own pages.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic(dir) {
  const base = resolve(dir);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base + sep) && file !== base) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * The project's Vite plugins (vite.config.ts), for building the bench's own pages the way the
 * kiosk is built. `without` drops plugins by name prefix (the PWA plugin needs the kiosk's sw.ts;
 * the CSP plugin would forbid the decode page's main-thread WebAssembly).
 */
export async function projectPlugins({ without = [] } = {}) {
  const { loadConfigFromFile } = await import('vite');
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    join(ROOT, 'vite.config.ts'),
    ROOT,
    'silent',
  );
  if (!loaded) throw new Error('vite.config.ts could not be loaded');
  const plugins = (loaded.config.plugins ?? []).flat(Infinity).filter(Boolean);
  return {
    build: loaded.config.build ?? {},
    plugins: plugins.filter((p) => !without.some((prefix) => p.name.startsWith(prefix))),
  };
}

/** Builds a small page (`root` holds its index.html) into `outDir` with Vite's production build. */
export async function buildPage({ root, outDir, plugins, target = 'es2022' }) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins,
    build: { target, outDir, emptyOutDir: true, manifest: true, sourcemap: false },
  });
}

// ── in-page helpers ─────────────────────────────────────────────────────────────────────────

/**
 * Waits until the page's main thread is quiet: two animation frames in a row, and `quietMs`
 * without a long task. Used between measured taps so that one tap's work does not spill into
 * the next one's figure.
 */
export async function settle(page, quietMs = 150) {
  await page.evaluate(
    (quiet) =>
      new Promise((done) => {
        const g = /** @type {Record<string, any>} */ (globalThis);
        const started = g.performance.now();
        const twoFrames = (then) => g.requestAnimationFrame(() => g.requestAnimationFrame(then));
        const check = () => {
          const tasks = g.__benchLongTasks ?? [];
          const last = tasks.length > 0 ? tasks[tasks.length - 1] : null;
          const lastEnd = last ? last.startTime + last.duration : 0;
          if (g.performance.now() - Math.max(lastEnd, started) >= quiet) done(undefined);
          else twoFrames(check);
        };
        twoFrames(check);
      }),
    quietMs,
  );
}

/**
 * Installed with `page.addInitScript` before any page script. Collects, inside the page:
 * long tasks (`__benchLongTasks`), Event Timing entries of interactions (`__benchEvents`), and
 * for every click its timestamp and the next frame after it (`__benchTaps`: a capture-phase
 * listener asks for an animation frame, then a task after it; that task runs once the frame
 * that shows the click's effect is painted). With `options.now` (an ISO local time) the page's
 * Date is moved there, and only Date: Playwright's clock would fake performance.now() and
 * requestAnimationFrame too, which these figures are made of.
 */
export function pageProbes(options) {
  const g = /** @type {Record<string, any>} */ (globalThis);
  if (options && options.now) {
    const NativeDate = Date;
    const offset = new NativeDate(options.now).getTime() - NativeDate.now();
    class BenchDate extends NativeDate {
      constructor(...args) {
        if (args.length === 0) super(NativeDate.now() + offset);
        else super(...args);
      }
      static now() {
        return NativeDate.now() + offset;
      }
    }
    g.Date = BenchDate;
  }
  g.__benchLongTasks = [];
  g.__benchEvents = [];
  g.__benchTaps = [];
  const observe = (type, init, keep) => {
    try {
      new g.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) keep(entry);
      }).observe({ type, buffered: true, ...init });
    } catch {
      // An entry type this Chromium does not know: its figures stay empty and the note says so.
    }
  };
  observe('longtask', {}, (e) =>
    g.__benchLongTasks.push({ startTime: e.startTime, duration: e.duration }),
  );
  observe('event', { durationThreshold: 16 }, (e) => {
    if (!e.interactionId) return;
    g.__benchEvents.push({
      name: e.name,
      interactionId: e.interactionId,
      startTime: e.startTime,
      duration: e.duration,
      processingStart: e.processingStart,
      processingEnd: e.processingEnd,
    });
  });
  g.addEventListener(
    'click',
    (event) => {
      const tap = { startTime: event.timeStamp, nextPaint: null };
      g.__benchTaps.push(tap);
      g.requestAnimationFrame(() => {
        const channel = new g.MessageChannel();
        channel.port1.onmessage = () => {
          tap.nextPaint = g.performance.now();
        };
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

/**
 * Clicks `locator` like a finger (Playwright's trusted mouse events) and returns how long until
 * the next frame was painted: the Event Timing duration of the interaction (input delay +
 * processing + presentation) when Chromium reported it, else the click → next-frame probe
 * (Event Timing leaves out interactions under its 16 ms threshold).
 * @returns {Promise<{ ms: number, source: 'event-timing' | 'next-frame', startTime: number,
 *   processingMs: number | null }>}
 */
export async function measuredClick(page, locator, { timeout = 15_000 } = {}) {
  const index = await page.evaluate(() => globalThis.__benchTaps.length);
  await locator.click({ timeout });
  return page.evaluate(
    (i) =>
      new Promise((done, fail) => {
        const g = /** @type {Record<string, any>} */ (globalThis);
        const started = g.performance.now();
        const poll = () => {
          const tap = g.__benchTaps[i];
          const waited = g.performance.now() - started;
          if (!tap) {
            if (waited > 5000) fail(new Error('the click never reached the page'));
            else g.setTimeout(poll, 20);
            return;
          }
          const click = g.__benchEvents.find(
            (e) => e.name === 'click' && Math.abs(e.startTime - tap.startTime) < 1,
          );
          // Event Timing entries arrive a little after the frame; wait for them a while.
          if (tap.nextPaint === null || (!click && waited < 600)) {
            g.setTimeout(poll, 20);
            return;
          }
          if (click) {
            const same = g.__benchEvents.filter((e) => e.interactionId === click.interactionId);
            done({
              ms: Math.max(...same.map((e) => e.duration)),
              source: 'event-timing',
              startTime: tap.startTime,
              processingMs: click.processingEnd - click.processingStart,
            });
          } else {
            done({
              ms: tap.nextPaint - tap.startTime,
              source: 'next-frame',
              startTime: tap.startTime,
              processingMs: null,
            });
          }
        };
        poll();
      }),
    index,
  );
}

/** The longest long task (ms) that started at or after `since` (page time); 0 when none. */
export function longestTaskSince(page, since) {
  return page.evaluate(
    (t) =>
      Math.max(
        0,
        ...globalThis.__benchLongTasks
          .filter((task) => task.startTime >= t - 1)
          .map((task) => task.duration),
      ),
    since,
  );
}
