// Navigation → interactive attract → (a tap) → interactive home, served from the service
// worker's cache, at 6× CPU throttle (and at 1× for reference).
import { clearTimeout, setTimeout } from 'node:timers';
import { row, summarize } from './common.mjs';

const SECTION = 'start';

/**
 * In the page, before any kiosk script: notes when attract is interactive (its wake button is
 * in the document, enabled and laid out, and a frame with it has been painted), then tells the
 * bench where to tap; then when home is interactive (every tile present, enabled and painted).
 * Times are performance.now(), which counts from the navigation's start.
 */
function startProbes() {
  const g = /** @type {Record<string, any>} */ (globalThis);
  const state = { attract: null, tap: null, home: null, tiles: 0 };
  g.__benchStart = state;
  g.__benchLongTasks = [];
  try {
    new g.PerformanceObserver((list) => {
      for (const e of list.getEntries())
        g.__benchLongTasks.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long tasks in this browser
  }
  const afterNextPaint = (then) =>
    g.requestAnimationFrame(() => {
      const channel = new g.MessageChannel();
      channel.port1.onmessage = () => then(g.performance.now());
      channel.port2.postMessage(null);
    });
  const laidOut = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  let waiting = 'attract';
  const check = () => {
    if (waiting === 'attract') {
      const wake = g.document.querySelector('button.attract__wake');
      if (!wake || wake.disabled || !laidOut(wake)) return;
      waiting = 'attract-paint';
      afterNextPaint((t) => {
        state.attract = t;
        waiting = 'home';
        const r = wake.getBoundingClientRect();
        g.__benchAttractReady({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
      });
    } else if (waiting === 'home') {
      const tiles = [...g.document.querySelectorAll('main.home .tiles button.tile')];
      if (tiles.length === 0 || tiles.some((t) => t.disabled || !laidOut(t))) return;
      waiting = 'home-paint';
      afterNextPaint((t) => {
        state.home = t;
        state.tiles = tiles.length;
        waiting = 'done';
      });
    }
  };
  g.addEventListener('click', (event) => (state.tap ??= event.timeStamp), { capture: true });
  new g.MutationObserver(check).observe(g.document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

/** One navigation; the bench taps attract as soon as the page says it is ready. */
async function visit(page, url, tapQueue) {
  const responses = [];
  const onResponse = (response) => {
    const type = response.request().resourceType();
    if (['document', 'script', 'stylesheet'].includes(type))
      responses.push(response.fromServiceWorker());
  };
  page.on('response', onResponse);
  let timer;
  const tapped = new Promise((resolve, reject) => {
    tapQueue.push(resolve);
    timer = setTimeout(
      () => reject(new Error('attract did not become interactive in 60 s')),
      60_000,
    );
  });
  await page.goto(url, { waitUntil: 'commit' });
  await tapped.finally(() => clearTimeout(timer));
  await page.waitForFunction(() => globalThis.__benchStart?.home !== null, null, {
    timeout: 60_000,
    polling: 500,
  });
  page.off('response', onResponse);
  const probe = await page.evaluate(() => {
    const g = /** @type {Record<string, any>} */ (globalThis);
    const s = g.__benchStart;
    const longest = Math.max(
      0,
      ...g.__benchLongTasks.filter((t) => t.startTime <= s.home).map((t) => t.duration),
    );
    return { ...s, longest };
  });
  return { ...probe, fromSw: responses.filter(Boolean).length, fetched: responses.length };
}

async function measure(ctx, rate, runs) {
  return ctx.withThrottledPage(
    async (page) => {
      /** @type {Array<() => void>} */
      const tapQueue = [];
      // The page says where attract's wake button is; the bench taps it at once, like a finger.
      await page.exposeFunction('__benchAttractReady', async (point) => {
        await page.mouse.click(point.x, point.y);
        tapQueue.shift()?.();
      });
      await page.addInitScript(startProbes);
      const url = `${ctx.baseUrl}/?devices=mock&idle=600`;
      const first = await visit(page, url, tapQueue);
      await page.evaluate(() => globalThis.navigator.serviceWorker.ready.then(() => true));
      // The worker takes over the page from the next navigation on (no clients.claim()).
      await visit(page, url, tapQueue);
      const controlled = await page.evaluate(
        () => globalThis.navigator.serviceWorker.controller !== null,
      );
      if (!controlled) throw new Error('the service worker did not take control of the page');
      const samples = [];
      for (let i = 0; i < runs; i += 1) samples.push(await visit(page, url, tapQueue));
      return { first, samples };
    },
    { rate },
  );
}

/**
 * @param {import('./common.mjs').BenchContext} ctx
 * @returns {Promise<import('./common.mjs').BenchRow[]>}
 */
export async function run(ctx) {
  const runs = ctx.quick ? 5 : 12;
  const { first, samples } = await measure(ctx, 6, runs);
  const reference = await measure(ctx, 1, ctx.quick ? 3 : 6);

  const attract = summarize(samples.map((s) => s.attract));
  const tapToHome = summarize(samples.map((s) => s.home - s.tap));
  const navToHome = summarize(samples.map((s) => s.home));
  const harness = summarize(samples.map((s) => s.tap - s.attract));
  const longest = summarize(samples.map((s) => s.longest));
  const sw = samples.every((s) => s.fetched > 0 && s.fromSw === s.fetched);
  const served = sw
    ? `document, scripts and styles all from the service worker (${samples[0].fetched} responses a load)`
    : `NOT all from the service worker: ${samples.map((s) => `${s.fromSw}/${s.fetched}`).join(', ')}`;
  const defined =
    '“interactive”: attract’s wake button in the page, enabled and laid out, and a frame painted after it';
  const homeDefined =
    '“interactive home”: every tile present, enabled and laid out, and a frame painted after it';
  const ref = {
    attract: summarize(reference.samples.map((s) => s.attract)),
    home: summarize(reference.samples.map((s) => s.home)),
  };
  return [
    row(SECTION, 'nav → attract interactive · median', attract.p50, 'ms', `6× CPU; ${defined}`),
    row(SECTION, 'nav → attract interactive · p95', attract.p95, 'ms', `n=${attract.n}; ${served}`),
    row(
      SECTION,
      'tap → home interactive · median',
      tapToHome.p50,
      'ms',
      `6× CPU; from the wake tap’s event timestamp; ${homeDefined}`,
    ),
    row(SECTION, 'tap → home interactive · p95', tapToHome.p95, 'ms', `n=${tapToHome.n}`),
    row(
      SECTION,
      'nav → home interactive · median',
      navToHome.p50,
      'ms',
      `6× CPU; attract + the bench’s tap (${Math.round(harness.p50)} ms after attract was ready, median) + tap → home`,
    ),
    row(SECTION, 'nav → home interactive · p95', navToHome.p95, 'ms', `n=${navToHome.n}`),
    row(
      SECTION,
      'longest task, nav → home · median',
      longest.p50,
      'ms',
      `6× CPU; max ${Math.round(longest.max)} ms over the runs`,
    ),
    row(
      SECTION,
      'first visit (network, installs the SW) nav → attract',
      first.attract,
      'ms',
      '6× CPU; one run, empty cache',
    ),
    row(
      SECTION,
      'nav → attract interactive · median at 1×',
      ref.attract.p50,
      'ms',
      `reference, unthrottled; n=${ref.attract.n}`,
    ),
    row(
      SECTION,
      'nav → home interactive · median at 1×',
      ref.home.p50,
      'ms',
      `reference, unthrottled; n=${ref.home.n}`,
    ),
  ];
}
