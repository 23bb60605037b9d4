/**
 * The bench's HTTP side: a free port, the real hall server as a child process, JSON requests over
 * keep-alive `node:http` agents (as tests/hall/kill.test.ts: node:http costs a busy machine less
 * than fetch) and a plain Server-Sent Events reader.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type Agent } from 'node:http';
import { keepAliveAgent, send } from '../../tests/hall/nodeHttp';
import { freePort } from '../../tests/hall/freePort';

export { freePort };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `node --import tsx hall-server/main.ts` on a free port; resolves once /api/health answers. */
export class HallServer {
  child: ChildProcess | null = null;
  log = '';
  port = 0;

  constructor(
    readonly root: string,
    readonly env: Record<string, string>,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    // HALL_BENCH_PROFILE=DIR: a CPU profile of each server run into DIR (open it in DevTools).
    const profile = process.env.HALL_BENCH_PROFILE;
    const args = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    const child = spawn(process.execPath, [...args, '--import', 'tsx', 'hall-server/main.ts'], {
      cwd: this.root,
      env: { ...process.env, ...this.env, PORT: String(this.port), HALL_SEED_DEMO: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the hall server exited:\n${this.log}`);
      try {
        const response = await fetch(`${this.base}/api/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the hall server did not start:\n${this.log}`);
      await sleep(50);
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

export { keepAliveAgent, send, type Reply } from '../../tests/hall/nodeHttp';

/**
 * A keep-alive agent with `sockets` connections already open (kiosks keep theirs for the day).
 * Node accepts about one new connection per turn of the server's event loop, so 50 connections
 * opened while the server is busy take up to a second to be accepted: that is a cost of the
 * moment a kiosk starts, not of each ticket, and is kept out of the timings.
 */
export async function connectedAgent(port: number, sockets: number): Promise<Agent> {
  const agent = keepAliveAgent(sockets);
  await Promise.all(
    Array.from({ length: sockets }, async () => {
      const reply = await send(port, 'GET', '/api/health', { agent });
      if (reply.status !== 200) throw new Error(`GET /api/health: ${reply.status}`);
    }),
  );
  return agent;
}

export interface SseEvent {
  id: number | null;
  event: string | null;
  data: string;
  /** performance.now() when its last line was parsed. */
  receivedAt: number;
}

/**
 * A display client: GET /api/events on its own connection, the stream parsed as it arrives
 * (blank-line separated blocks; `id:`, `event:`, `data:` lines; comments skipped).
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  #buffer = '';
  #close: () => void = () => {};
  #listeners = new Set<(event: SseEvent) => void>();

  onEvent(listener: (event: SseEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  open(port: number, path: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'GET',
          agent: false,
          headers: { Accept: 'text/event-stream' },
        },
        (response) => {
          if (response.statusCode !== 200) {
            reject(new Error(`GET ${path}: ${response.statusCode}`));
            response.resume();
            return;
          }
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => this.#feed(chunk));
          resolve();
        },
      );
      request.on('error', reject);
      request.end();
      this.#close = () => request.destroy();
    });
  }

  close(): void {
    this.#close();
  }

  #feed(chunk: string): void {
    const now = performance.now();
    this.#buffer += chunk.replace(/\r\n/g, '\n');
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end < 0) return;
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      let id: number | null = null;
      let event: string | null = null;
      let data: string | null = null;
      for (const line of block.split('\n')) {
        if (line.startsWith('id:')) id = Number(line.slice(3).trim());
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:'))
          data = (data === null ? '' : `${data}\n`) + line.slice(line.startsWith('data: ') ? 6 : 5);
      }
      if (data === null) continue;
      const parsed: SseEvent = { id, event, data, receivedAt: now };
      this.events.push(parsed);
      for (const listener of this.#listeners) listener(parsed);
    }
  }
}
