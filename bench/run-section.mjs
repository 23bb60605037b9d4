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
import { spawn } from 'node:child_process';
import console from 'node:console';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../scripts/findChromium.mjs';
import { ROOT, createContext } from './common.mjs';

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

let server = null;
function stopServer() {
  if (!server || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM'); // npx and the vite under it, by their group id
  } catch {
    // already gone
  }
}
process.on('exit', stopServer);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopServer();
    process.exit(130);
  });
}

async function answering() {
  try {
    return (await globalThis.fetch(`${BASE_URL}/`)).ok;
  } catch {
    return false;
  }
}

async function startServer() {
  // A preview already serving on 4181 (started by hand, or by another run of this script) is
  // used as it is, and left running.
  if (await answering()) {
    console.log(`Using the server already on ${BASE_URL}`);
    return;
  }
  server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', distDir],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`vite preview exited (${server.exitCode}): ${output.trim()}`);
    if (await answering()) return;
    await sleep(200);
  }
  throw new Error(`vite preview did not answer on ${BASE_URL} within 30 s: ${output.trim()}`);
}

async function main() {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('No Chromium: apt-get install chromium, or set CHROMIUM_PATH');
  await startServer();
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
  .finally(stopServer);
