// `npm run bench`: builds the kiosk, serves it with `vite preview` on port 4180, runs the
// benchmark sections (bench/<section>.mjs) in Chromium, prints one table and writes the rows to
// bench/results/latest.json with the machine they were measured on. Figures are reported, never
// judged: the bench exits non-zero only when a section cannot run.
//
//   node scripts/bench.mjs [--quick] [--only size,start,response,decode,soak,leaks,hall] [--no-build]
//
// --quick     fewer repetitions
// --only      these sections (default: all)
// --no-build  serve the existing dist/ instead of building into dist-bench/
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from './findChromium.mjs';
import { ROOT, createContext } from '../bench/common.mjs';
import { startPreview } from '../bench/previewServer.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4180); // 4173 belongs to the test suite
const BASE_URL = `http://127.0.0.1:${PORT}`;
const SECTIONS = ['size', 'start', 'response', 'decode', 'soak', 'leaks', 'hall'];
const NEEDS_SERVER = new Set(['start', 'response', 'soak', 'leaks']);
const RESULTS = join(ROOT, 'bench', 'results', 'latest.json');

const started = Date.now();
const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(
    readFileSync(new URL(import.meta.url), 'utf8')
      .split('\n')
      .slice(0, 10)
      .join('\n'),
  );
  process.exit(0);
}
const quick = argv.includes('--quick');
const noBuild = argv.includes('--no-build');
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : null;
const unknown = (only ?? []).filter((s) => !SECTIONS.includes(s));
if (unknown.length > 0 || (only && only.length === 0)) {
  console.error(`--only takes a comma-separated list of: ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const moduleOf = (section) => join(ROOT, 'bench', `${section}.mjs`);
const requested = only ?? SECTIONS;
const selected = requested;

/** @type {import('../bench/common.mjs').BenchRow[]} */
const rows = [];
const failed = [];
let stopServer = () => {};

function build() {
  console.log('▶ production build: npx vite build --outDir dist-bench');
  const t0 = Date.now();
  const result = spawnSync('npx', ['vite', 'build', '--outDir', 'dist-bench', '--emptyOutDir'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error('the production build failed');
  }
  console.log(`✔ built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return join(ROOT, 'dist-bench');
}

async function machine(chromiumPath) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const version = browser.version();
  await browser.close();
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: version,
    chromiumPath,
    node: process.version,
    date: new Date().toISOString(),
    /** 1-minute load average when the bench started: other work skews every timing. */
    loadAtStart: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

// ── the table ──────────────────────────────────────────────────────────────────────────────

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
function width(text) {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}
const pad = (text, w, right = false) => {
  const fill = ' '.repeat(Math.max(0, w - width(text)));
  return right ? fill + text : text + fill;
};
const show = (value) =>
  typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '—') : String(value);

function printTable(list) {
  const header = ['section', 'metric', 'value', 'unit', 'note'];
  const cells = list.map((r) => [r.section, r.metric, show(r.value), r.unit, r.note ?? '']);
  const widths = header
    .slice(0, 4)
    .map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i]))));
  const line = (c) =>
    [
      pad(c[0], widths[0]),
      pad(c[1], widths[1]),
      pad(c[2], widths[2], true),
      pad(c[3], widths[3]),
      c[4],
    ]
      .join(' │ ')
      .trimEnd();
  console.log(`\n${line(header)}`);
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─') + '─┼─' + '─'.repeat(20));
  let last = '';
  for (const c of cells) {
    if (last && c[0] !== last) console.log('');
    last = c[0];
    console.log(line(c));
  }
}

// ── the results file: this run's sections replace theirs, the others are kept ───────────────

async function writeResults(machineInfo, sectionsRun) {
  let previous = null;
  try {
    previous = JSON.parse(readFileSync(RESULTS, 'utf8'));
  } catch {
    // none yet, or unreadable: start afresh
  }
  const sameMachine =
    previous?.machine?.cpu === machineInfo.cpu &&
    previous?.machine?.cores === machineInfo.cores &&
    previous?.machine?.chromium === machineInfo.chromium;
  const kept = sameMachine
    ? Object.keys(previous.sections ?? {}).filter((s) => !(s in sectionsRun))
    : [];
  const result = {
    machine: machineInfo,
    sections: {
      ...Object.fromEntries(kept.map((s) => [s, previous.sections[s]])),
      ...sectionsRun,
    },
    rows: [...(sameMachine ? previous.rows.filter((r) => kept.includes(r.section)) : []), ...rows],
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  // Formatted as `prettier --check .` (npm run lint) expects of a committed file.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(RESULTS)) ?? {};
  writeFileSync(
    RESULTS,
    await prettier.format(JSON.stringify(result, null, 2), { ...options, filepath: RESULTS }),
  );
  return kept;
}

// ── the run ─────────────────────────────────────────────────────────────────────────────────

async function main() {
  // As npm test does: CHROMIUM_PATH, /usr/bin/chromium, Playwright's; on Debian as root it
  // installs chromium and fonts-noto-cjk itself, elsewhere it says what to install.
  const chromiumPath = ensureChromium();
  const machineInfo = await machine(chromiumPath);
  console.log(
    `Machine: ${machineInfo.cpu}, ${machineInfo.cores} cores, ${machineInfo.ramGiB} GiB RAM; Chromium ${machineInfo.chromium}; Node ${machineInfo.node}; load ${machineInfo.loadAtStart}`,
  );
  // The decode section builds its own page and the hall section runs the hall server from
  // source; every other one needs the kiosk's build.
  const needsBuild = selected.some((s) => s !== 'decode' && s !== 'hall');
  const distDir = noBuild || !needsBuild ? join(ROOT, noBuild ? 'dist' : 'dist-bench') : build();
  if (needsBuild && !existsSync(join(distDir, 'index.html')))
    throw new Error(`${distDir} holds no build: run without --no-build`);
  if (selected.some((s) => NEEDS_SERVER.has(s)))
    ({ stop: stopServer } = await startPreview({ port: PORT, distDir }));
  const ctx = createContext({
    baseUrl: BASE_URL,
    chromiumPath,
    chromiumArgs: CHROMIUM_ARGS,
    quick,
    distDir,
  });

  /** @type {Record<string, { ranAt: string, seconds: number, quick: boolean, loadAtStart: number, ok: boolean }>} */
  const sectionsRun = {};
  for (const section of selected) {
    const t0 = Date.now();
    const load = Math.round(os.loadavg()[0] * 100) / 100;
    if (load > os.cpus().length / 2)
      console.warn(`  (load average ${load} on ${os.cpus().length} cores: figures will be noisy)`);
    const entry = () => ({
      ranAt: new Date(t0).toISOString(),
      seconds: Math.round((Date.now() - t0) / 100) / 10,
      quick,
      loadAtStart: load,
    });
    console.log(`▶ ${section}${quick ? ' (quick)' : ''}`);
    try {
      const { run } = await import(pathToFileURL(moduleOf(section)).href);
      const produced = await run(ctx);
      rows.push(...produced);
      sectionsRun[section] = { ...entry(), ok: true };
      console.log(`✔ ${section}: ${produced.length} rows in ${sectionsRun[section].seconds} s`);
    } catch (error) {
      failed.push(section);
      const partial = Array.isArray(error?.rows) ? error.rows : [];
      rows.push(...partial, {
        section,
        metric: 'FAILED',
        value: '—',
        unit: '',
        note: String(error?.message ?? error).split('\n')[0],
      });
      sectionsRun[section] = { ...entry(), ok: false };
      console.error(`✘ ${section} could not run: ${error?.stack ?? error}`);
    }
  }
  stopServer();

  printTable(rows);
  const kept = await writeResults(machineInfo, sectionsRun);
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  console.log(
    `\nWrote bench/results/latest.json${kept.length > 0 ? ` (kept earlier rows of ${kept.join(', ')})` : ''}.`,
  );
  console.log(`Bench took ${minutes} min${quick ? ' (--quick)' : ''}.`);
  if (failed.length > 0) {
    console.error(`Sections that could not run: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  stopServer();
  process.exitCode = 1;
});
