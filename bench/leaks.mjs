// Leaks: one visit of each flow, watched by heap snapshots, the way memlab and fuite look for leaks.
// For each flow, in a fresh kiosk page (?timing=instant):
//   warm-up   two visits of the flow, so its lazy code and first-use caches exist before we look
//   baseline  heap snapshot at attract
//   target    heap snapshot at the visit's peak (the step marked `peak` in bench/visits.mjs: a
//             ticket on screen, a card read and phone typed, both sides' pictures)
//   repeat    the visit finished, then played again --repeat times (default 3; --quick 2), so
//             that what a visit keeps only until the next one is not called a leak
//   final     heap snapshot back at attract, after the privacy wipe
//   later     after --repeat + 1 visits more, one more snapshot at attract
// (The tester's tray of printed paper, which keeps every page by design, is emptied before the
// baseline and the final snapshot: bench/visits.mjs emptyTray.)
// Snapshots are taken through CDP (HeapProfiler.takeHeapSnapshot, streamed to files in a temp
// dir) and given to memlab's findLeaksBySnapshotFilePaths: objects the target visit allocated
// that are still alive at the end and that its leak filter calls leaks (detached DOM elements,
// mainly). Beside it, fuite's test: object kinds (constructor names) whose count grew by at least
// one per visit from baseline to final and again from final to later, and detached DOM nodes.
// Rows: per flow, leak clusters and their retained size; the traces go to
// bench/results/leaks.json.
//
//   --repeat K   visits between target and final (default 3; --quick 2)
//   --flows a,b  flows of bench/visits.mjs (default: all of them)
//   --keep       keep the snapshots (their directory is printed)
import console from 'node:console';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { KIOSK_VIEWPORT, ROOT, row } from './common.mjs';
import { DEFAULT_FLOWS, FLOWS, emptyTray, openKiosk, planVisit, playVisit } from './visits.mjs';

const SECTION = 'leaks';
// In the hall's time zone (Asia/Shanghai): without it the browser's own (UTC here) made it 17:30.
const MONDAY_MORNING = '2026-11-23T09:30:00+08:00';
const RESULTS = join(ROOT, 'bench', 'results', 'leaks.json');

function readOptions(argv, quick) {
  const value = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const repeatRaw = value('--repeat');
  const repeat = repeatRaw === undefined ? (quick ? 2 : 3) : Number(repeatRaw);
  if (!Number.isInteger(repeat) || repeat < 1)
    throw new Error(`--repeat takes a whole number ≥ 1, got '${repeatRaw}'`);
  const flows = (value('--flows') ?? DEFAULT_FLOWS.join(',')).split(',').filter(Boolean);
  const unknown = flows.filter((f) => !(f in FLOWS));
  if (unknown.length > 0 || flows.length === 0)
    throw new Error(`--flows takes some of: ${Object.keys(FLOWS).join(', ')}`);
  return { repeat, flows, keep: argv.includes('--keep') };
}

/**
 * @param {import('./common.mjs').BenchContext} ctx
 * @returns {Promise<import('./common.mjs').BenchRow[]>}
 */
export async function run(ctx) {
  const options = readOptions(process.argv.slice(2), ctx.quick);
  // memlab is loaded here, so that a bench without it still runs the other sections.
  const memlab = await import('memlab').catch((error) => {
    throw new Error(`memlab cannot be loaded (npm install): ${error?.message ?? error}`);
  });
  const dir = mkdtempSync(join(tmpdir(), 'budayang-leaks-'));
  const rows = [];
  const report = { generatedAt: new Date().toISOString(), repeat: options.repeat, flows: {} };
  const browser = await ctx.launchBrowser();
  try {
    for (const flow of options.flows) {
      const files = await snapshotsOfVisit(ctx, browser, flow, options.repeat, join(dir, flow));
      const analysed = await analyse(memlab, files, join(dir, flow, 'memlab'), options.repeat);
      report.flows[flow] = { ...analysed, snapshots: options.keep ? files : undefined };
      rows.push(...flowRows(flow, analysed, options.repeat));
    }
  } catch (error) {
    if (error && typeof error === 'object') error.rows = [...(error.rows ?? []), ...rows];
    throw error;
  } finally {
    await browser.close().catch(() => {});
    if (options.keep) console.log(`  leaks: snapshots kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  // Formatted as `prettier --check .` (npm run lint) expects of a committed file.
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(RESULTS)) ?? {};
  writeFileSync(
    RESULTS,
    await prettier.format(JSON.stringify(report), { ...config, filepath: RESULTS }),
  );
  return rows;
}

// ── the snapshots ──────────────────────────────────────────────────────────────────────────

/** Takes a heap snapshot (V8 collects garbage first) and streams it to `file`. */
async function takeSnapshot(cdp, file) {
  const out = createWriteStream(file);
  const onChunk = ({ chunk }) => out.write(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  }
  return file;
}

/** A short rest at attract: the privacy wipe's re-render and its microtasks are done. */
const rest = (page) =>
  page.evaluate(
    () =>
      new Promise((done) => {
        const g = globalThis;
        g.requestAnimationFrame(() => g.requestAnimationFrame(() => g.setTimeout(done, 200)));
      }),
  );

async function snapshotsOfVisit(ctx, browser, flow, repeat, dir) {
  mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ viewport: KIOSK_VIEWPORT, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    // A long idle timeout: a snapshot stops the page for a while, which is not the citizen's.
    await openKiosk(page, `${ctx.baseUrl}/?devices=mock&timing=instant&idle=300`, {
      now: MONDAY_MORNING,
    });
    let n = 0;
    const next = () => planVisit(n++, [flow]).visit;
    const visit = (options = {}) =>
      playVisit(page, flow, next(), { stepTimeout: 30_000, ...options });
    await visit();
    await visit();
    // The tester's tray keeps every printed page by design: emptied before baseline and final.
    await emptyTray(cdp);
    await rest(page);
    const baseline = await takeSnapshot(cdp, join(dir, 'baseline.heapsnapshot'));
    let target = null;
    await visit({
      atPeak: async () => {
        target = await takeSnapshot(cdp, join(dir, 'target.heapsnapshot'));
      },
    });
    if (!target) throw new Error(`the ${flow} visit has no step marked peak in bench/visits.mjs`);
    for (let i = 0; i < repeat; i++) await visit();
    await emptyTray(cdp);
    await rest(page);
    const final = await takeSnapshot(cdp, join(dir, 'final.heapsnapshot'));
    // As many visits again: what grows in both stretches grows with visits, not by chance.
    for (let i = 0; i < repeat + 1; i++) await visit();
    await emptyTray(cdp);
    await rest(page);
    const later = await takeSnapshot(cdp, join(dir, 'later.heapsnapshot'));
    return { baseline, target, final, later };
  } finally {
    await context.close().catch(() => {});
  }
}

// ── the analysis ───────────────────────────────────────────────────────────────────────────

async function analyse(memlab, files, workDir, repeat) {
  mkdirSync(workDir, { recursive: true });
  const traces = await memlab.findLeaksBySnapshotFilePaths(
    files.baseline,
    files.target,
    files.final,
    {
      workDir,
      consoleMode: 'SILENT',
    },
  );
  const clusters = traces.map(summariseTrace);
  const growth = kindsThatGrew(files.baseline, files.final, files.later, repeat + 1);
  return { clusters, growth };
}

/**
 * memlab's serialized trace (ISerializedInfo) has one key per step from a GC root, in order:
 * `N:   --edge (edgeType)--->  [node name](node type) @id $retained-size:B … $memLabTag:leaked`
 * (the root's key has no edge; each key's value holds the node's other edges). The first node tagged `leaked` is the leak; the steps before it
 * are its retainer trace. Returned: the trace as one line, the leak, its retained size.
 */
export function summariseTrace(trace) {
  const steps = [];
  const STEP = /^\d+:\s+(?:--(.+?)--->\s+)?\[(.*)\]\((\w[\w ]*)\) @(\d+) \$retained-size:(\d+)/s;
  for (const key of Object.keys(trace ?? {})) {
    const match = STEP.exec(key);
    if (!match) continue;
    const [, edge, name, type, id, retained] = match;
    steps.push({
      edge,
      name,
      type,
      id: Number(id),
      retained: Number(retained),
      leaked: key.includes('$memLabTag:leaked'),
    });
  }
  const leakAt = Math.max(
    0,
    steps.findIndex((s) => s.leaked),
  );
  const leak = steps[leakAt];
  const short = (name) => (name.length > 70 ? `${name.slice(0, 67)}…` : name);
  const line = steps
    .slice(0, leakAt + 1)
    .map((s, i) => (i === 0 ? short(s.name) : `${s.edge} → ${short(s.name)}`))
    .join(' ⟶ ');
  return {
    leak: leak ? short(leak.name) : '?',
    retainedSize: leak ? leak.retained : Number.NaN,
    retainerTrace: line,
    steps: steps.map(({ edge, name, type, id, retained, leaked }) => ({
      edge,
      name,
      type,
      id,
      retained,
      leaked,
    })),
  };
}

/** Object kinds that count in a heap snapshot, by name: objects, closures, Blink's objects. */
const COUNTED = new Set(['object', 'closure', 'native', 'regexp', 'array']);

function countKinds(file) {
  const snapshot = JSON.parse(readFileSync(file, 'utf8'));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const at = (name) => fields.indexOf(name);
  const [type, name, size, detached] = [
    at('type'),
    at('name'),
    at('self_size'),
    at('detachedness'),
  ];
  const kinds = new Map();
  let detachedNodes = 0;
  const nodes = snapshot.nodes;
  // V8's boilerplates: the template an object literal is copied from, one per allocation site
  // (held by the site's `transition_info`); they appear as code warms up, never per visit.
  const boilerplate = new Set();
  const edgeFields = snapshot.snapshot.meta.edge_fields;
  const edgeWidth = edgeFields.length;
  const [edgeName, edgeTo] = [edgeFields.indexOf('name_or_index'), edgeFields.indexOf('to_node')];
  const edgeCount = fields.indexOf('edge_count');
  for (let i = 0, e = 0; i < nodes.length; i += width) {
    const end = e + nodes[i + edgeCount] * edgeWidth;
    for (; e < end; e += edgeWidth) {
      const label = snapshot.strings[snapshot.edges[e + edgeName]];
      if (label === 'transition_info') boilerplate.add(snapshot.edges[e + edgeTo]);
    }
  }
  for (let i = 0; i < nodes.length; i += width) {
    const kind = types[nodes[i + type]];
    if (detached >= 0 && nodes[i + detached] === 2) detachedNodes += 1;
    if (!COUNTED.has(kind) || boilerplate.has(i)) continue;
    const nodeName = snapshot.strings[nodes[i + name]];
    // V8's and Blink's own bookkeeping (code, feedback, maps, hash tables): not the kiosk's.
    if (/^(system \/|blink::|cppgc|v8::|\(|InternalNode)/.test(nodeName)) continue;
    const prefix = kind === 'native' ? '(Blink) ' : kind === 'closure' ? '(closure) ' : '';
    const label = `${prefix}${nodeName.slice(0, 80)}`;
    const entry = kinds.get(label) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += nodes[i + size];
    kinds.set(label, entry);
  }
  return { kinds, detachedNodes, nodeCount: nodes.length / width };
}

/**
 * Entries Chromium keeps in the page's performance timeline for observers that ask for buffered
 * entries (layout shifts with their rects, paints, long animation frames), up to a fixed number
 * per type (150–200): they grow in a short run and stop, whatever the page does. And what
 * DevTools' Network domain (Playwright's) keeps of each request.
 */
const BOUNDED =
  /^(\(Blink\) )?(LayoutShift|LayoutShiftAttribution|DOMRectReadOnly|LargestContentfulPaint|InteractionContentfulPaint|PerformanceLongAnimationFrameTiming|PerformanceScriptTiming|PerformanceEventTiming|PerformancePaintTiming|PerformanceElementTiming|TaskAttributionTiming)$/;

/**
 * fuite's test, made a little stricter: kinds whose count grew by at least one per visit from
 * baseline to final (`visits` visits), and again from final to later (as many more).
 */
export function kindsThatGrew(baselineFile, finalFile, laterFile, visits) {
  const counts = [baselineFile, finalFile, laterFile].map(countKinds);
  const [before, after, later] = counts;
  const grew = [];
  for (const [label, entry] of later.kinds) {
    const was = before.kinds.get(label) ?? { count: 0, bytes: 0 };
    const mid = after.kinds.get(label) ?? { count: 0, bytes: 0 };
    if (mid.count - was.count >= visits && entry.count - mid.count >= visits)
      grew.push({
        kind: label,
        counts: [was.count, mid.count, entry.count],
        perVisit: (entry.count - was.count) / (2 * visits),
        bytesPerVisit: (entry.bytes - was.bytes) / (2 * visits),
      });
  }
  grew.sort((a, b) => b.perVisit - a.perVisit);
  return {
    visits: 2 * visits,
    kinds: grew.filter((k) => !BOUNDED.test(k.kind)),
    bounded: grew.filter((k) => BOUNDED.test(k.kind)),
    detachedNodes: counts.map((c) => c.detachedNodes),
  };
}

function flowRows(flow, analysed, repeat) {
  const { clusters, growth } = analysed;
  const retained = clusters.reduce(
    (sum, c) => sum + (Number.isFinite(c.retainedSize) ? c.retainedSize : 0),
    0,
  );
  const top = clusters
    .slice()
    .sort((a, b) => (b.retainedSize || 0) - (a.retainedSize || 0))
    .slice(0, 2)
    .map((c) => c.retainerTrace)
    .join(' || ');
  const rows = [
    row(
      SECTION,
      `${flow} · memlab leak clusters`,
      clusters.length,
      'count',
      clusters.length > 0
        ? `top: ${top.slice(0, 300)} (all in bench/results/leaks.json)`
        : `baseline at attract, target at the visit’s peak, final after ${repeat} more visits and the wipe`,
    ),
    row(
      SECTION,
      `${flow} · memlab retained size`,
      retained / 1024,
      'kB',
      'sum over the clusters’ leaked objects',
    ),
  ];
  const kinds = growth.kinds
    .slice(0, 4)
    .map((k) => `${k.kind} ${k.counts.join(' → ')} (+${Math.round(k.perVisit * 10) / 10}/visit)`);
  rows.push(
    row(
      SECTION,
      `${flow} · kinds growing ≥ 1 per visit`,
      growth.kinds.length,
      'count',
      `over ${growth.visits} visits, growing in both halves (fuite’s test)${kinds.length > 0 ? `: ${kinds.join(', ')}` : ''}; detached DOM nodes ${growth.detachedNodes.join(' → ')}${growth.bounded.length > 0 ? `; not counted: Chromium’s capped performance-entry buffers (${growth.bounded.map((k) => k.kind.replace('(Blink) ', '')).join(', ')})` : ''}`,
    ),
  );
  return rows;
}
