// `vite preview` for the benchmarks: started detached (npx and the vite under it are one process
// group), waited for until it answers, and stopped with the process, on exit or a signal.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './common.mjs';

async function answers(baseUrl) {
  try {
    return (await globalThis.fetch(`${baseUrl}/`)).ok;
  } catch {
    return false;
  }
}

/** Fails early when something else listens on the port (vite would exit, and a stranger answer). */
async function ensurePortFree(port) {
  await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(
        new Error(
          `port ${port} is in use: stop whatever listens there (not the test suite’s 4173)`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(resolve));
  });
}

/**
 * Serves `distDir` on `port`. With `reuse`, a preview already answering there (started by hand,
 * or by another run) is used as it is and left running; otherwise the port must be free.
 * Returns the base URL and a stop function (also called on exit, SIGINT and SIGTERM).
 */
export async function startPreview({ port, distDir, reuse = false }) {
  const baseUrl = `http://127.0.0.1:${port}`;
  if (reuse && (await answers(baseUrl))) {
    console.log(`Using the server already on ${baseUrl}`);
    return { baseUrl, stop: () => {} };
  }
  await ensurePortFree(port);
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', distDir],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = () => {
    if (server.exitCode !== null) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`vite preview exited (${server.exitCode}): ${output.trim()}`);
    if (await answers(baseUrl)) return { baseUrl, stop };
    await sleep(200);
  }
  stop();
  throw new Error(`vite preview did not answer on ${baseUrl} within 30 s: ${output.trim()}`);
}
