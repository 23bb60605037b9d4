// Runs one benchmark section by itself, with the context `scripts/bench.mjs` gives it, against a
// build that already exists (no build here: run `npx vite build` first). Serves it with
// `vite preview` on port 4181 (4173 is the test suite's, 4180 the bench's), or uses the one
// already serving there, and prints the rows.
//
//   node bench/run-section.mjs <section> [--quick] [--dist DIR] [--json FILE] [section flags…]
//
// e.g. node bench/run-section.mjs soak --quick
//      node bench/run-section.mjs soak --visits 10000 --camera-minutes 0
//      node bench/run-section.mjs leaks --repeat 4
import console from 'node:console';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../scripts/findChromium.mjs';
import { ROOT, createContext } from './common.mjs';
import { startPreview } from './previewServer.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4181);
const BASE_URL = `http://127.0.0.1:${PORT}`;

const argv = process.argv.slice(2);
const section = argv[0];
if (!section || section.startsWith('-')) {
  console.error('usage: node bench/run-section.mjs <section> [--quick] [--dist DIR] [flags…]');
  process.exit(2);
}
const flag = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = argv.includes('--quick');
const distDir = resolve(ROOT, flag('--dist') ?? 'dist');
const jsonOut = flag('--json');
const modulePath = join(ROOT, 'bench', `${section}.mjs`);
if (!existsSync(modulePath)) {
  console.error(`bench/${section}.mjs does not exist`);
  process.exit(2);
}
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`${distDir} holds no build: run \`npx vite build\` first (or pass --dist)`);
  process.exit(2);
}

let stopServer = () => {};

async function main() {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('No Chromium: apt-get install chromium, or set CHROMIUM_PATH');
  ({ stop: stopServer } = await startPreview({ port: PORT, distDir, reuse: true }));
  const ctx = createContext({
    baseUrl: BASE_URL,
    chromiumPath,
    chromiumArgs: CHROMIUM_ARGS,
    quick,
    distDir,
  });
  const t0 = Date.now();
  const { run } = await import(pathToFileURL(modulePath).href);
  let rows;
  try {
    rows = await run(ctx);
  } catch (error) {
    if (Array.isArray(error?.rows)) console.table(error.rows);
    throw error;
  }
  const seconds = Math.round((Date.now() - t0) / 100) / 10;
  for (const r of rows)
    console.log([r.section, r.metric, String(r.value), r.unit, r.note ?? ''].join(' │ ').trimEnd());
  console.log(`\n${section}: ${rows.length} rows in ${seconds} s${quick ? ' (--quick)' : ''}`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ seconds, quick, argv, rows }, null, 2));
}

main()
  .catch((error) => {
    console.error(error?.stack ?? error);
    process.exitCode = 1;
  })
  .finally(() => stopServer());
