import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A real hall server for the browser tests (tests/browser/hall.spec.ts, hallAdmin.spec.ts):
 * `node --import tsx hall-server/main.ts` on a free port in 18000–18999 with its own data
 * directory (SQLite), killed hard at the end.
 */

export interface HallServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  output: string[];
}

export interface HallStartOptions {
  /** HALL_CLOCK: the moment the server's clock starts at (then runs at real speed). */
  clock?: Date;
  /** HALL_KIOSK_DIST: the kiosk build served at / (PW_DIST, else dist/); /admin comes from dist-admin/. */
  kioskDist?: string;
}

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 18_000 + Math.floor(Math.random() * 1_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 18000–18999 for the hall server');
}

export async function startHall(
  port: number,
  dataDir: string,
  options: HallStartOptions = {},
): Promise<HallServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hall-server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HALL_DATA: dataDir,
      HALL_CLOCK: options.clock?.toISOString() ?? '',
      HALL_KIOSK_DIST: options.kioskDist ?? process.env.PW_DIST ?? '',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the hall server exited (${child.exitCode}):\n${output.join('')}`);
    const healthy = await fetch(`${url}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return { url, port, dataDir, process: child, output };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the hall server did not answer /api/health in 30 s:\n${output.join('')}`);
}

export function killHard(server: HallServer): Promise<void> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolve();
    server.process.once('exit', () => resolve());
    server.process.kill('SIGKILL');
  });
}
