// Soak: thousands of citizens' visits in one kiosk page, and an hour of the camera scanner
// looking at the counter. Memory is measured after a forced GC (CDP HeapProfiler.collectGarbage):
// the JS heap (Runtime.getHeapUsage), and Blink's DOM counters (Memory.getDOMCounters: nodes,
// documents, JS event listeners). Figures are reported, never judged.
//
//   --visits N          visits after the baseline (default 10,000; --quick 200), measured at
//                       0, 100 (--quick: 20) and N; 0 skips the visit soak
//   --camera-minutes M  minutes of camera scanning, beside the visits (default 60; --quick 1)
//   --flows a,b         the flows of bench/visits.mjs to rotate (default: all of them)
//   --abandon-every K   every K-th visit the citizen walks away mid-flow and the idle timeout
//                       ends it (default 100; --quick 40; 0 never)
//   --idle S            the kiosk's ?idle= for the visit soak (default 5 s)
import console from 'node:console';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { KIOSK_VIEWPORT, row, summarize } from './common.mjs';
import { writeQrVideo } from './fixtures/qrVideo.mjs';
import {
  DEFAULT_FLOWS,
  FLOWS,
  StuckVisit,
  emptyTray,
  findObject,
  openKiosk,
  PERSONS,
  SERVICES,
  planVisit,
  playVisit,
  recover,
} from './visits.mjs';

const SECTION = 'soak';
/** A Monday in office hours: 取号 gives numbers (the page's Date only; timers run at their pace). */
// In the hall's time zone (Asia/Shanghai): without it the browser's own (UTC here) made it 17:30.
const MONDAY_MORNING = '2026-11-23T09:30:00+08:00';
const FULL_VISITS = 10_000;

/** @param {string[]} argv @param {boolean} quick */
function readOptions(argv, quick) {
  const value = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name, fallback) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} takes a number ≥ 0, got '${raw}'`);
    return n;
  };
  const flows = (value('--flows') ?? DEFAULT_FLOWS.join(',')).split(',').filter(Boolean);
  const unknown = flows.filter((f) => !(f in FLOWS));
  if (unknown.length > 0 || flows.length === 0)
    throw new Error(`--flows takes some of: ${Object.keys(FLOWS).join(', ')}`);
  const cameraGiven = value('--camera-minutes') !== undefined;
  return {
    visits: Math.round(number('--visits', quick ? 200 : FULL_VISITS)),
    early: quick ? 20 : 100,
    cameraMinutes: number('--camera-minutes', quick ? 1 : 60),
    cameraMinutesGiven: cameraGiven,
    flows,
    abandonEvery: Math.round(number('--abandon-every', quick ? 40 : 100)),
    /** The full run's rate of abandoned visits, for its estimated wall time. */
    abandonEveryFull: Math.round(number('--abandon-every', 100)),
    idleSeconds: Math.max(2, Math.round(number('--idle', 5))),
    quick,
  };
}

/**
 * @param {import('./common.mjs').BenchContext} ctx
 * @returns {Promise<import('./common.mjs').BenchRow[]>}
 */
export async function run(ctx) {
  const options = readOptions(process.argv.slice(2), ctx.quick);
  const rows = [];
  try {
    // The camera hour runs beside the visit soak, each in its own browser: the two measure
    // memory, which neither disturbs, and the full soak takes an hour instead of an hour and a
    // half. (Visit times are the other's CPU load's too; the response section times taps.)
    const [visitRows, cameraRows] = await Promise.all([
      options.visits > 0 ? visitSoak(ctx, options) : [],
      options.cameraMinutes > 0 ? cameraSoak(ctx, options) : [],
    ]);
    rows.push(...visitRows, ...cameraRows);
  } catch (error) {
    // The bench shows the rows measured before the failure.
    if (error && typeof error === 'object') error.rows = [...(error.rows ?? []), ...rows];
    throw error;
  }
  return rows;
}

// ── measuring ──────────────────────────────────────────────────────────────────────────────

/** Two animation frames and a short rest: the privacy wipe's re-render is done. */
async function quiet(page, ms = 100) {
  await page.evaluate(
    (rest) =>
      new Promise((done) => {
        const g = globalThis;
        g.requestAnimationFrame(() => g.requestAnimationFrame(() => g.setTimeout(done, rest)));
      }),
    ms,
  );
}

/** Collects garbage (twice: finalizers and weak callbacks free more on the second pass). */
async function collectGarbage(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

/** JS heap and DOM counters after a forced GC. Sizes in bytes. */
async function measure(page, cdp) {
  await quiet(page);
  await collectGarbage(cdp);
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return {
    jsHeap: heap.usedSize,
    blinkHeap: heap.embedderHeapUsedSize ?? Number.NaN,
    backingStore: heap.backingStorageSize ?? Number.NaN,
    nodes: dom.nodes,
    documents: dom.documents,
    listeners: dom.jsEventListeners,
  };
}

const kB = (bytes) => bytes / 1024;

// ── the visit soak ─────────────────────────────────────────────────────────────────────────

async function visitSoak(ctx, options) {
  const { visits, early, flows, abandonEvery, idleSeconds } = options;
  const idleMs = idleSeconds * 1000;
  const stepTimeout = 10_000;
  const url = `${ctx.baseUrl}/?devices=mock&timing=instant&idle=${idleSeconds}`;
  const checkpoints = [...new Set([0, Math.min(early, visits), visits])];
  const browser = await ctx.launchBrowser();
  const rows = [];
  try {
    const context = await browser.newContext({ viewport: KIOSK_VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await openKiosk(page, url, { now: MONDAY_MORNING });

    // Warm-up: a first visit of each flow loads its code (flows are lazy chunks) and caches.
    let planned = 0;
    for (let w = 0; w < flows.length; w++) {
      const { flow, visit } = planVisit(planned++, flows);
      await playVisit(page, flow, visit, { stepTimeout: 30_000, idleMs });
    }
    await emptyTray(cdp);

    const measured = new Map();
    measured.set(0, await measure(page, cdp));
    /** Heap after GC every 1,000 visits, to tell steady growth from a step. */
    const series = [{ visits: 0, jsHeap: measured.get(0).jsHeap }];
    /** Completed visits in order: which flow, how long. */
    const timeline = [];
    const abandoned = [];
    const stuck = [];
    let tray = null;
    let loopMs = 0;
    let loopStart = Date.now();
    const started = Date.now();

    for (let n = 1; n <= visits; n++) {
      const { flow, visit } = planVisit(planned++, flows);
      const walkAway = abandonEvery > 0 && n % abandonEvery === 0;
      try {
        const result = await playVisit(page, flow, visit, {
          stepTimeout,
          idleMs: idleMs + 5_000,
          abandonAfter: walkAway ? FLOWS[flow].walkAwayAfter : null,
        });
        if (walkAway) abandoned.push(result.ms);
        else timeline.push({ flow, ms: result.ms });
      } catch (error) {
        if (!(error instanceof StuckVisit)) throw error;
        const how = await recover(page, url, idleMs);
        stuck.push({ n, flow, step: error.step, screen: error.screen, recovered: how });
      }
      const checkpoint = checkpoints.includes(n);
      if (n % 100 === 0 || checkpoint) {
        loopMs += Date.now() - loopStart;
        if (n === checkpoints[1] && !tray) {
          // What the tester's tray holds: the same measure before and after emptying it.
          const before = await measure(page, cdp);
          const items = await emptyTray(cdp);
          const after = await measure(page, cdp);
          tray = { items, bytes: before.jsHeap - after.jsHeap, nodes: before.nodes - after.nodes };
        } else {
          await emptyTray(cdp);
        }
        if (checkpoint) measured.set(n, await measure(page, cdp));
        if (n % 1000 === 0 || checkpoint) {
          const m = checkpoint ? measured.get(n) : await measure(page, cdp);
          series.push({ visits: n, jsHeap: m.jsHeap });
          if (n % 1000 === 0)
            console.log(
              `  soak: ${n}/${visits} visits, ${((Date.now() - started) / 60_000).toFixed(1)} min, JS heap ${(m.jsHeap / 2 ** 20).toFixed(2)} MB, ${m.nodes} nodes, ${stuck.length} stuck`,
            );
        }
        loopStart = Date.now();
      }
    }
    loopMs += Date.now() - loopStart;
    const wallMs = Date.now() - started;
    rows.push(
      ...visitRows({
        options,
        checkpoints,
        measured,
        series,
        timeline,
        abandoned,
        stuck,
        tray,
        loopMs,
        wallMs,
        pageErrors,
      }),
    );
  } finally {
    await browser.close().catch(() => {});
  }
  return rows;
}

function visitRows(r) {
  const { options, checkpoints, measured, series, timeline, abandoned, stuck, tray } = r;
  const { visits, flows, abandonEvery, idleSeconds } = options;
  const rows = [];
  rows.push(
    row(
      SECTION,
      'visits played',
      visits,
      'count',
      `rotating ${flows.join(', ')} over ${PERSONS.length} test persons and ${SERVICES.length} services; every ${abandonEvery || '∞'}th visit abandoned mid-flow (?idle=${idleSeconds} ends it); ?timing=instant, page Date moved to Mon 09:30; after a first visit of each flow`,
    ),
  );
  const metrics = [
    ['JS heap used after GC', 'jsHeap', 'kB', kB, 'Runtime.getHeapUsage usedSize'],
    ['DOM nodes after GC', 'nodes', 'count', (x) => x, 'Memory.getDOMCounters'],
    ['documents after GC', 'documents', 'count', (x) => x, 'Memory.getDOMCounters'],
    ['JS event listeners after GC', 'listeners', 'count', (x) => x, 'Memory.getDOMCounters'],
  ];
  const [first, second, last] = [checkpoints[0], checkpoints[1], checkpoints.at(-1)];
  for (const [label, key, unit, scale, how] of metrics) {
    for (const c of checkpoints)
      rows.push(
        row(
          SECTION,
          `${label} · ${c.toLocaleString('en')} visits`,
          scale(measured.get(c)[key]),
          unit,
          c === 0 ? `${how}, at attract after the privacy wipe` : undefined,
        ),
      );
    const from = checkpoints.length > 2 ? second : first;
    const span = last - from;
    const perK =
      span > 0 ? ((measured.get(last)[key] - measured.get(from)[key]) / span) * 1000 : NaN;
    const fromZero =
      last > 0 ? ((measured.get(last)[key] - measured.get(first)[key]) / last) * 1000 : NaN;
    rows.push(
      row(
        SECTION,
        `${label} · growth per 1,000 visits`,
        scale(perK),
        unit,
        `between ${from.toLocaleString('en')} and ${last.toLocaleString('en')} visits; from 0: ${fmt(scale(fromZero))} ${unit}`,
      ),
    );
  }
  const blink = checkpoints.map((c) => fmt(kB(measured.get(c).blinkHeap))).join(' → ');
  rows.push(
    row(
      SECTION,
      'Blink (embedder) heap after GC',
      kB(measured.get(last).blinkHeap),
      'kB',
      `at ${checkpoints.map((c) => c.toLocaleString('en')).join(' / ')} visits: ${blink} kB (DOM and other C++ objects V8 holds)`,
    ),
  );
  if (series.length > 3) {
    rows.push(
      row(
        SECTION,
        'JS heap after GC · every 1,000 visits',
        kB(series.at(-1).jsHeap),
        'kB',
        series.map((s) => fmt(kB(s.jsHeap))).join(', '),
      ),
    );
  }
  if (tray) {
    rows.push(
      row(
        SECTION,
        'tester’s print tray · JS heap per printed item',
        tray.items > 0 ? kB(tray.bytes) / tray.items : NaN,
        'kB',
        `${tray.items} items held ${fmt(kB(tray.bytes))} kB: the mock printers keep every page for the simulator panel (mock profile only); emptied every 100 visits and before each measure`,
      ),
    );
  }
  for (const flow of flows) {
    const s = summarize(timeline.filter((t) => t.flow === flow).map((t) => t.ms));
    rows.push(
      row(
        SECTION,
        `visit time · ${flow} · p50`,
        s.p50,
        'ms',
        `p95 ${fmt(s.p95)} ms, max ${fmt(s.max)} ms over ${s.n} visits, attract to attract`,
      ),
    );
  }
  if (timeline.length >= 20) {
    // A kiosk that slows down as visits pile up keeps something that grows.
    const tenth = Math.max(1, Math.floor(timeline.length / 10));
    const head = summarize(timeline.slice(0, tenth).map((x) => x.ms)).p50;
    const tail = summarize(timeline.slice(-tenth).map((x) => x.ms)).p50;
    rows.push(
      row(
        SECTION,
        'visit time · last 10% vs first 10%',
        tail / head,
        '×',
        `median ${fmt(head)} ms → ${fmt(tail)} ms`,
      ),
    );
  }
  if (abandoned.length > 0)
    rows.push(
      row(
        SECTION,
        'abandoned visits',
        abandoned.length,
        'count',
        `ended by the idle timeout in ${fmt(summarize(abandoned).p50)} ms (p50)`,
      ),
    );
  const throughput = (visits / r.loopMs) * 60_000;
  rows.push(
    row(
      SECTION,
      'visit throughput',
      throughput,
      'visits/min',
      `wall time ${fmt(r.wallMs / 60_000)} min for ${visits.toLocaleString('en')} visits, with checkpoints`,
    ),
  );
  // The full run's time from this run's parts: completed and abandoned visits at their mean
  // times, at the full run's rate of abandoned visits, plus what the tray and checkpoints cost.
  const mean = (xs) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const visitMs = timeline.reduce((a, t) => a + t.ms, 0) + abandoned.reduce((a, b) => a + b, 0);
  const overhead = Math.max(0, r.loopMs - visitMs) / visits;
  const share = options.abandonEveryFull > 0 ? 1 / options.abandonEveryFull : 0;
  const abandonedMs = abandoned.length > 0 ? mean(abandoned) : (idleSeconds + 0.3) * 1000;
  const estimate =
    FULL_VISITS * ((1 - share) * mean(timeline.map((t) => t.ms)) + share * abandonedMs + overhead);
  rows.push(
    row(
      SECTION,
      'estimated wall time of the full run',
      estimate / 60_000,
      'min',
      `${FULL_VISITS.toLocaleString('en')} visits (npm run bench, or --visits ${FULL_VISITS}) from this run’s visit times, 1 in ${options.abandonEveryFull || '∞'} abandoned, plus a few minutes’ start and checkpoints`,
    ),
  );
  const groups = new Map();
  for (const s of stuck) {
    const key = `${s.flow} at ${s.step} on “${s.screen.title}”`;
    groups.set(key, [...(groups.get(key) ?? []), s.n]);
  }
  rows.push(
    row(
      SECTION,
      'stuck visits',
      stuck.length,
      'count',
      stuck.length === 0
        ? 'none: every visit came back to attract'
        : [...groups]
            .map(
              ([k, visits]) => `${visits.length}× ${k} (visits ${visits.slice(0, 5).join(', ')})`,
            )
            .join('; ') +
            ` (recovered by ${[...new Set(stuck.map((s) => s.recovered))].join(', ')})`,
    ),
  );
  rows.push(
    row(
      SECTION,
      'page errors during the visits',
      r.pageErrors.length,
      'count',
      r.pageErrors.length > 0 ? [...new Set(r.pageErrors)].slice(0, 3).join(' | ') : undefined,
    ),
  );
  return rows;
}

function fmt(value) {
  if (!Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  return String(
    Math.round(value * (size >= 100 ? 1 : size >= 1 ? 10 : 100)) /
      (size >= 100 ? 1 : size >= 1 ? 10 : 100),
  );
}

// ── the camera soak ────────────────────────────────────────────────────────────────────────

/** Resident set size of a process, from /proc (Linux); NaN elsewhere. */
function rssOf(pid) {
  return statusOf(pid).VmRSS;
}

/** A process's memory lines of /proc/<pid>/status (bytes): VmRSS, RssAnon, RssShmem, RssFile. */
function statusOf(pid) {
  const fields = {
    VmRSS: Number.NaN,
    RssAnon: Number.NaN,
    RssShmem: Number.NaN,
    RssFile: Number.NaN,
  };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    for (const key of Object.keys(fields)) {
      const kb = new RegExp(`${key}:\\s+(\\d+) kB`).exec(status);
      if (kb) fields[key] = Number(kb[1]) * 1024;
    }
  } catch {
    // gone, or not Linux
  }
  return fields;
}

/** Chromium's processes, from the browser's own CDP (SystemInfo.getProcessInfo), with RSS. */
async function processMemory(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const withRss = processInfo.map((p) => ({ type: p.type, pid: p.id, rss: rssOf(p.id) }));
  const renderers = withRss.filter((p) => p.type === 'renderer' && Number.isFinite(p.rss));
  renderers.sort((a, b) => b.rss - a.rss);
  // One page is open: its renderer is the largest (the others are spares and extensions').
  const page = renderers[0] ? statusOf(renderers[0].pid) : statusOf(-1);
  return {
    renderer: renderers[0]?.rss ?? Number.NaN,
    rendererPid: renderers[0]?.pid ?? null,
    rendererShared: page.RssShmem,
    rendererAnon: page.RssAnon,
    total: withRss.reduce((sum, p) => sum + (Number.isFinite(p.rss) ? p.rss : 0), 0),
    processes: withRss.length,
  };
}

/**
 * Finds the kiosk's CameraScanner through the debugger, since the page does not expose it: the one
 * object whose own data properties are `kind: 'scanner'` and a numeric `restarts`. Then listens
 * to it, counting the codes it hands its listeners (the session is one of them) and how many of
 * them found the kiosk at attract (a visit the camera woke). Returns the scanner's remote id.
 */
async function hookCameraScanner(cdp) {
  const id = await findObject(
    cdp,
    'bench-scanner',
    `(o) => typeof own(o, 'restarts') === 'number' && own(o, 'kind') === 'scanner'`,
  );
  if (!id) return null;
  await cdp.send('Runtime.callFunctionOn', {
    objectId: id,
    functionDeclaration: `function () {
      const g = globalThis;
      g.__soakCamera = { scans: 0, wakes: 0 };
      this.onCode(() => {
        g.__soakCamera.scans += 1;
        // The session has the code already; the screen is re-rendered a moment later.
        if (g.document.querySelector('main.attract')) g.__soakCamera.wakes += 1;
      });
    }`,
  });
  return id;
}

async function scannerState(cdp, scannerId) {
  if (!scannerId) return null;
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: scannerId,
    returnByValue: true,
    functionDeclaration: `function () {
      const c = globalThis.__soakCamera ?? { scans: 0, wakes: 0 };
      return { restarts: this.restarts, running: this.running, status: this.status, scans: c.scans, wakes: c.wakes };
    }`,
  });
  return result.value;
}

/** Least-squares slope of y over x. */
function slope(points) {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx > 0 ? sxy / sxx : Number.NaN;
}

async function cameraSoak(ctx, options) {
  const minutes = options.cameraMinutes;
  const sampleMs = options.quick || minutes < 3 ? 15_000 : 60_000;
  const idleSeconds = 10;
  const dir = mkdtempSync(join(tmpdir(), 'budayang-soak-'));
  const rows = [];
  try {
    // A 30 s loop: a slip's QR in view for 4 s, then the empty counter. Each loop is one visit
    // the camera wakes (签到 of an unknown slip) that the idle timeout ends.
    const video = await writeQrVideo(join(dir, 'counter.y4m'));
    const browser = await ctx.launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video.file}`,
    ]);
    try {
      const context = await browser.newContext({
        viewport: KIOSK_VIEWPORT,
        locale: 'zh-CN',
        permissions: ['camera'],
      });
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const cdp = await context.newCDPSession(page);
      const browserCdp = await browser.newBrowserCDPSession();
      await cdp.send('HeapProfiler.enable');
      const url = `${ctx.baseUrl}/?devices=mock&scanner=camera&idle=${idleSeconds}`;
      await openKiosk(page, url);
      await quiet(page, 2_000); // the camera opens and the decoder's WebAssembly loads
      const scannerId = await hookCameraScanner(cdp).catch(() => null);

      const samples = [];
      const sample = async (atMs) => {
        await collectGarbage(cdp);
        const heap = await cdp.send('Runtime.getHeapUsage');
        const dom = await cdp.send('Memory.getDOMCounters');
        const processes = await processMemory(browserCdp);
        const scanner = await scannerState(cdp, scannerId);
        samples.push({
          minutes: atMs / 60_000,
          jsHeap: heap.usedSize,
          blinkHeap: heap.embedderHeapUsedSize ?? Number.NaN,
          nodes: dom.nodes,
          listeners: dom.jsEventListeners,
          documents: dom.documents,
          ...processes,
          scanner,
        });
      };
      const t0 = Date.now();
      await sample(0);
      const endMs = minutes * 60_000;
      for (let next = sampleMs; next <= endMs + 1; next += sampleMs) {
        await sleep(Math.max(0, t0 + next - Date.now()));
        await sample(Date.now() - t0);
        if (sampleMs >= 60_000 && samples.length % 10 === 1)
          console.log(
            `  soak camera: ${Math.round((Date.now() - t0) / 60_000)}/${minutes} min, renderer ${(samples.at(-1).renderer / 2 ** 20).toFixed(0)} MB`,
          );
      }
      rows.push(
        ...cameraRows({
          samples,
          minutes,
          given: options.cameraMinutesGiven,
          sampleMs,
          video,
          scannerId,
          pageErrors,
        }),
      );
    } finally {
      await browser.close().catch(() => {});
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function cameraRows({ samples, minutes, given, sampleMs, video, scannerId, pageErrors }) {
  const rows = [];
  const first = samples[0];
  const last = samples.at(-1);
  // Growth over the run's second half, per hour: a figure that settles reads ≈ 0 here, however
  // it climbed at first; steady growth reads the same as over the whole run.
  const half = samples.filter((s) => s.minutes >= last.minutes / 2);
  const perHour = (key) => slope(half.map((s) => ({ x: s.minutes, y: s[key] }))) * 60;
  const shown = samples.filter(
    (_, i) =>
      i % Math.max(1, Math.ceil((samples.length - 1) / 8)) === 0 || i === samples.length - 1,
  );
  const duration = `${fmt(minutes)} min`;
  rows.push(
    row(
      SECTION,
      'camera scanning',
      minutes,
      'min',
      `${given || minutes >= 60 ? '' : `${fmt(minutes)} min (--quick; the full run scans an hour); `}?scanner=camera, Chromium’s fake camera playing a ${video.loopSeconds} s loop (a slip’s QR ${video.qrSeconds} s, then the empty counter); sampled every ${sampleMs / 1000} s, after GC for the heaps`,
    ),
  );
  const lines = [
    [
      'camera · JS heap used after GC',
      'jsHeap',
      'kB',
      kB,
      'the page’s isolate (the decoder worker’s is apart)',
    ],
    ['camera · Blink heap after GC', 'blinkHeap', 'kB', kB, ''],
    ['camera · DOM nodes after GC', 'nodes', 'count', (x) => x, ''],
    ['camera · JS event listeners', 'listeners', 'count', (x) => x, ''],
    [
      'camera · renderer RSS',
      'renderer',
      'MB',
      (x) => x / 2 ** 20,
      '/proc VmRSS of the page’s renderer (its decoder worker included)',
    ],
    [
      'camera · renderer shared memory',
      'rendererShared',
      'MB',
      (x) => x / 2 ** 20,
      'RssShmem: video frames mapped in from the capture service',
    ],
    [
      'camera · renderer private memory',
      'rendererAnon',
      'MB',
      (x) => x / 2 ** 20,
      'RssAnon: heaps, WebAssembly, canvas',
    ],
    [
      'camera · all Chromium processes RSS',
      'total',
      'MB',
      (x) => x / 2 ** 20,
      'sum of VmRSS (shared pages count in each process)',
    ],
  ];
  for (const [label, key, unit, scale, how] of lines) {
    const peak = Math.max(...samples.map((s) => s[key]));
    rows.push(
      row(
        SECTION,
        `${label} · after ${duration}`,
        scale(last[key]),
        unit,
        `${how ? `${how}; ` : ''}start ${fmt(scale(first[key]))}, peak ${fmt(scale(peak))}, second half ${fmt(scale(perHour(key)))} ${unit}/h; at ${shown.map((s) => `${fmt(s.minutes)}′ ${fmt(scale(s[key]))}`).join(', ')}`,
      ),
    );
  }
  if (!scannerId || !last.scanner) {
    rows.push(
      row(
        SECTION,
        'camera · decoder restarts',
        '—',
        '',
        'the CameraScanner object was not found through the debugger (Runtime.queryObjects)',
      ),
    );
  } else {
    const s = last.scanner;
    rows.push(
      row(
        SECTION,
        'camera · decoder restarts',
        s.restarts,
        'count',
        `CameraScanner.restarts (every 10 min by design, and after a failed decode), read through the debugger; camera ${s.running ? 'running' : 'NOT running'}, status ${s.status}`,
      ),
    );
    rows.push(
      row(
        SECTION,
        'camera · codes delivered',
        s.scans,
        'count',
        `codes the camera handed its listeners (the session among them); ${s.wakes} found the kiosk at attract and woke it (≈ ${fmt(minutes * 2)} loops of the video)`,
      ),
    );
  }
  rows.push(
    row(
      SECTION,
      'camera · page errors',
      pageErrors.length,
      'count',
      pageErrors.length > 0 ? [...new Set(pageErrors)].slice(0, 3).join(' | ') : undefined,
    ),
  );
  return rows;
}
