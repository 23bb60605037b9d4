#!/usr/bin/env node
/**
 * `npm start`: the kiosk's dev server (http://127.0.0.1:5173/) and the hall server
 * (http://127.0.0.1:8080/: the API, 叫号屏 at /display, 窗口 at /window, 管理 at /admin) together,
 * after building those three pages (a few seconds: they are production builds). The dev server
 * proxies /api and /kiosk.config.json to the hall server, so the kiosk takes its numbers there.
 * Ctrl-C (or SIGTERM) stops both; if one of them stops by itself, the other is stopped too.
 *
 * `npm run start:kiosk` is the kiosk's dev server alone (its own IndexedDB queue), `npm run hall`
 * the hall server alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const hallPort = process.env.PORT ?? '8080';
const hallUrl = `http://127.0.0.1:${hallPort}`;

/** @type {{ name: string; child: import('node:child_process').ChildProcess }[]} */
const running = [];
let stopping = false;
let exitCode = 0;

function start(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  running.push({ name, child });
  child.on('exit', (code, signal) => {
    running.splice(
      running.findIndex((r) => r.child === child),
      1,
    );
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}): stopping the rest.`);
      exitCode = code ?? 1;
      stop('SIGTERM');
    }
    if (running.length === 0) process.exit(exitCode);
  });
  return child;
}

function stop(signal) {
  stopping = true;
  for (const { child } of running) child.kill(signal);
  // Whatever does not stop within 5 s is ended.
  setTimeout(() => {
    for (const { child } of running) child.kill('SIGKILL');
  }, 5000).unref();
}

process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

// The hall's pages are served built (dist-hall/, dist-admin/): build them first, as they are now.
for (const config of ['hall-server/pages/vite.config.ts', 'kiosk-ui/hallAdmin/vite.config.ts']) {
  const built = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', config, '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (built.status !== 0) {
    console.error(`Building ${config} failed: the hall server starts without it.`);
  }
}

start('the hall server', ['--import', 'tsx', 'hall-server/main.ts'], { PORT: hallPort });
start('the kiosk dev server', ['node_modules/vite/bin/vite.js', '--port', '5173', '--strictPort'], {
  BUDAYANG_HALL_PROXY: hallUrl,
});
console.log(
  `kiosk: http://127.0.0.1:5173/   hall: ${hallUrl}/  (叫号屏 ${hallUrl}/display, 窗口 ${hallUrl}/window)`,
);
