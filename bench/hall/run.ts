/**
 * The `hall` section's measurements (run by bench/hall.mjs as `node --import tsx bench/hall/run.ts
 * --out FILE [--quick]`; it writes the rows to FILE as JSON, progress goes to stderr).
 *
 * For SQLite, and PostgreSQL when one can be had (bench/hall/postgres.ts):
 * - the real hall server (hall-server/main.ts, HALL_CLOCK so issuing is open) with 50 kiosks
 *   issuing flat out over HTTP (closed loop: each kiosk sends its next request when answered);
 * - the same 50 kiosks at offered loads (open loop: Poisson arrivals, latency measured from the
 *   moment a request was due, so a slow answer delays no later measurement);
 * - call → display: a window console calling the next ticket, timed until the `call` event
 *   reaches one, then twenty, display clients on /api/events;
 * and for SQLite alone the same allocation statements raw (hall-server/store/rawAllocation.ts),
 * plus one bare commit (what a durable commit costs on this disk) on each database.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { parseKioskConfig } from '../../domain';
import { hashPassword, sha256 } from '../../hall-server/auth';
import {
  DEMO_CONFIG_FILE,
  hallConfigOf,
  openHallStore,
  openRawAllocation,
  type HallConfig,
  type HallStore,
} from '../../hall-server/store';
import { benchPostgres } from './postgres';
import { HallServer, SseClient, connectedAgent, send, sleep, type SseEvent } from './net';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const outIndex = argv.indexOf('--out');
const out = outIndex >= 0 ? argv[outIndex + 1] : undefined;

const KIOSKS = 50;
const TICKETS = quick ? 1000 : 5000;
/** Offered loads (tickets per second over all 50 kiosks) and how long each is held. */
const RATES = [
  { perSecond: 20, seconds: quick ? 5 : 60 },
  { perSecond: 100, seconds: quick ? 4 : 20 },
  { perSecond: 500, seconds: quick ? 2 : 4 },
];
const CALLS = quick ? 50 : 200;
const MANY_DISPLAYS = 20;
/** Wednesday 2 December 2026, 10:00 in the hall: the server's clock (HALL_CLOCK). */
const CLOCK = '2026-12-02T10:00:00+08:00';
const SERVICES = 6;

interface Row {
  section: 'hall';
  metric: string;
  value: number | string;
  unit: string;
  note?: string;
}
const rows: Row[] = [];
function add(metric: string, value: number | string, unit: string, note?: string): void {
  const r: Row = {
    section: 'hall',
    metric,
    value: typeof value === 'number' ? round(value) : value,
    unit,
  };
  if (note) r.note = note;
  rows.push(r);
  process.stderr.write(`  ${metric}: ${r.value} ${unit}\n`);
}

function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const size = Math.abs(value);
  const d = size >= 100 ? 0 : size >= 1 || size === 0 ? 1 : 2;
  return Math.round(value * 10 ** d) / 10 ** d;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low); // eslint-disable-line @typescript-eslint/no-non-null-assertion
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const thousands = (n: number) => n.toLocaleString('en');
/** The 1-minute load average now: other work on the machine skews every figure. */
const load = () => (os.loadavg()[0] ?? 0).toFixed(1);

/** CPU time (ms, user + system) a process has used so far, from /proc; NaN where there is none. */
function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; clock ticks of 10 ms
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Runs `fn`, with the CPU the server and this client spent per ticket meanwhile. */
async function withCpu<T extends { latencies: number[] }>(
  server: HallServer,
  fn: () => Promise<T>,
): Promise<T & { serverCpuMs: number; clientCpuMs: number }> {
  const server0 = cpuMsOf(server.child?.pid);
  const client0 = process.cpuUsage();
  const result = await fn();
  const client = process.cpuUsage(client0);
  const n = result.latencies.length;
  return {
    ...result,
    serverCpuMs: (cpuMsOf(server.child?.pid) - server0) / n,
    clientCpuMs: (client.user + client.system) / 1000 / n,
  };
}

const cpuNote = (r: { serverCpuMs: number; clientCpuMs: number }) =>
  `CPU per ticket: server ${r.serverCpuMs.toFixed(2)} ms, load generator ${r.clientCpuMs.toFixed(2)} ms (${os.cpus().length} cores shared)`;

// ── the halls ───────────────────────────────────────────────────────────────────────────────

/** The demo hall's configuration with six services issuing all day, 999 numbers a day each. */
function benchHall(windows: HallConfig['windows'] = []): HallConfig {
  const parsed = parseKioskConfig(JSON.parse(readFileSync(DEMO_CONFIG_FILE, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const config = hallConfigOf(parsed.config);
  const [first] = config.queue.services;
  if (!first) throw new Error('the demo hall has no service');
  const services = Array.from({ length: SERVICES }, (_, i) => ({
    ...first,
    code: `service-${i + 1}`,
    prefix: 'ABCDEF'[i]!, // eslint-disable-line @typescript-eslint/no-non-null-assertion
    dailyMax: 999,
    issuingWindows: [{ start: '00:00', end: '23:59', quota: 999 }],
  }));
  return { ...config, queue: { ...config.queue, services }, windows };
}

const kioskToken = (hallId: string, k: number) => `bench-${hallId}-kiosk-${k}`;
const STAFF_PASSWORD = 'bench-246810';

/** Halls of the run, one per measurement (each starts at A001): kiosks, and a window user. */
async function seedHalls(store: HallStore, halls: string[]): Promise<void> {
  const passwordHash = await hashPassword(STAFF_PASSWORD);
  for (const hallId of halls) {
    const call = hallId.startsWith('call');
    await store.saveConfig(hallId, benchHall(call ? [{ number: 1, services: ['service-1'] }] : []));
    for (let k = 0; k < KIOSKS; k++)
      await store.registerKiosk(hallId, `kiosk-${k}`, sha256(kioskToken(hallId, k)));
    if (call)
      await store.saveStaffUser({
        hallId,
        username: `bench-window-${hallId}`,
        passwordHash,
        role: 'window',
        wrong: 0,
        locks: 0,
        lockedUntil: null,
      });
  }
}

// ── allocations over HTTP ───────────────────────────────────────────────────────────────────

interface LoadResult {
  latencies: number[];
  seconds: number;
  rate: number;
}

function issueBody(k: number, i: number) {
  return {
    serviceCode: `service-${((k + i) % SERVICES) + 1}`,
    kioskId: `kiosk-${k}`,
    requestId: crypto.randomUUID(),
  };
}

async function issueOnce(server: HallServer, hallId: string, k: number, i: number, agent: Agent) {
  const reply = await send(server.port, 'POST', '/api/queue/tickets', {
    token: kioskToken(hallId, k),
    body: issueBody(k, i),
    agent,
  });
  if (reply.status !== 201)
    throw new Error(
      `POST /api/queue/tickets answered ${reply.status}: ${reply.text.slice(0, 300)}`,
    );
  return (JSON.parse(reply.text) as { ticket: { number: string } }).ticket.number;
}

/** 50 kiosks, each sending its next request as soon as the last is answered. */
async function closedLoop(server: HallServer, hallId: string, total: number): Promise<LoadResult> {
  const agent = await connectedAgent(server.port, KIOSKS);
  const latencies: number[] = [];
  const numbers = new Set<string>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: KIOSKS }, async (_, k) => {
      for (let i = 0; i < total / KIOSKS; i++) {
        const t0 = performance.now();
        numbers.add(await issueOnce(server, hallId, k, i, agent));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  if (numbers.size !== total)
    throw new Error(`${total} tickets issued but ${numbers.size} distinct numbers`);
  return { latencies, seconds, rate: total / seconds };
}

/**
 * 50 kiosks together offering `perSecond` requests a second for `seconds` (Poisson arrivals,
 * each kiosk its own keep-alive connections). A request's latency runs from the moment it was
 * due, not from when the client got round to sending it.
 */
async function openLoop(
  server: HallServer,
  hallId: string,
  perSecond: number,
  seconds: number,
): Promise<LoadResult> {
  const agents = await Promise.all(
    Array.from({ length: KIOSKS }, () => connectedAgent(server.port, 1)),
  );
  const schedule: { at: number; kiosk: number; i: number }[] = [];
  const perKiosk = perSecond / KIOSKS;
  for (let k = 0; k < KIOSKS; k++) {
    let t = 0;
    for (let i = 0; ; i++) {
      t += (-Math.log(1 - Math.random()) / perKiosk) * 1000;
      if (t >= seconds * 1000) break;
      schedule.push({ at: t, kiosk: k, i });
    }
  }
  schedule.sort((a, b) => a.at - b.at);
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now() + 20;
  let lastDone = started;
  for (const { at, kiosk, i } of schedule) {
    const due = started + at;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const agent = agents[kiosk];
    if (!agent) throw new Error(`no agent for kiosk ${kiosk}`);
    pending.push(
      issueOnce(server, hallId, kiosk, i, agent).then(() => {
        const done = performance.now();
        latencies.push(done - due);
        lastDone = Math.max(lastDone, done);
      }),
    );
  }
  await Promise.all(pending);
  for (const agent of agents) agent.destroy();
  const elapsed = (lastDone - started) / 1000;
  return { latencies, seconds: elapsed, rate: schedule.length / elapsed };
}

// ── call → display ──────────────────────────────────────────────────────────────────────────

interface CallResult {
  latencies: number[];
  callNext: number[];
  missed: number;
}

async function callToDisplay(
  server: HallServer,
  hallId: string,
  displays: number,
  calls: number,
): Promise<CallResult> {
  const agent = await connectedAgent(server.port, KIOSKS);
  // Queue the tickets to call.
  for (let i = 0; i < calls; i += KIOSKS)
    await Promise.all(
      Array.from({ length: Math.min(KIOSKS, calls - i) }, (_, k) =>
        send(server.port, 'POST', '/api/queue/tickets', {
          token: kioskToken(hallId, k),
          body: { serviceCode: 'service-1', kioskId: `kiosk-${k}`, requestId: crypto.randomUUID() },
          agent,
        }).then((r) => {
          if (r.status !== 201) throw new Error(`issuing for the calls: ${r.status} ${r.text}`);
        }),
      ),
    );
  const login = await send(server.port, 'POST', '/api/staff/login', {
    body: { username: `bench-window-${hallId}`, password: STAFF_PASSWORD },
    agent,
  });
  if (login.status !== 200) throw new Error(`staff login: ${login.status} ${login.text}`);
  const staff = (JSON.parse(login.text) as { token: string }).token;

  const clients = Array.from({ length: displays }, () => new SseClient());
  await Promise.all(
    clients.map((c) => c.open(server.port, `/api/events?hall=${encodeURIComponent(hallId)}`)),
  );
  await sleep(300);
  const arrivals = clients.map(() => new Map<number, number>());
  let wake: (() => void) | null = null;
  clients.forEach((client, c) =>
    client.onEvent((event: SseEvent) => {
      if (event.event === 'call' && event.id !== null) arrivals[c]!.set(event.id, event.receivedAt); // eslint-disable-line @typescript-eslint/no-non-null-assertion
      wake?.();
    }),
  );
  const latencies: number[] = [];
  const callNext: number[] = [];
  let missed = 0;
  try {
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      const reply = await send(server.port, 'POST', '/api/windows/1/call-next', {
        token: staff,
        agent,
      });
      callNext.push(performance.now() - t0);
      if (reply.status !== 200) throw new Error(`call-next: ${reply.status} ${reply.text}`);
      const { eventId } = JSON.parse(reply.text) as { eventId: number };
      const deadline = performance.now() + 5000;
      while (!arrivals.every((a) => a.has(eventId)) && performance.now() < deadline)
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      for (const a of arrivals) {
        const at = a.get(eventId);
        if (at === undefined) missed += 1;
        else latencies.push(at - t0);
      }
    }
  } finally {
    for (const client of clients) client.close();
    agent.destroy();
  }
  return { latencies, callNext, missed };
}

// ── raw SQLite and bare commits ─────────────────────────────────────────────────────────────

function rawSqlite(dir: string, total: number): Promise<LoadResult & { cpuMs: number }> {
  return openRawAllocation(join(dir, 'raw.sqlite3'), benchHall()).then(async (raw) => {
    const now = new Date(CLOCK);
    try {
      for (let i = 0; i < 50; i++) raw.allocate({ serviceCode: 'service-1', kioskId: 'warm', now });
      const latencies: number[] = [];
      const cpu0 = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < total; i++) {
        const t0 = performance.now();
        raw.allocate({
          serviceCode: `service-${(i % SERVICES) + 1}`,
          kioskId: `kiosk-${i % KIOSKS}`,
          now,
        });
        latencies.push(performance.now() - t0);
      }
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpu0);
      return {
        latencies,
        seconds,
        rate: total / seconds,
        cpuMs: (cpu.user + cpu.system) / 1000 / total,
      };
    } finally {
      await raw.close();
    }
  });
}

/** One-row UPDATE, one commit each, WAL + synchronous=FULL: the price of a durable commit here. */
function bareSqliteCommits(dir: string, count: number): number[] {
  const db = new Database(join(dir, 'commit.sqlite3'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO counter VALUES (1, 0)',
    );
    const bump = db.prepare('UPDATE counter SET n = n + 1 WHERE id = 1');
    const tx = db.transaction(() => bump.run());
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      tx.immediate();
      latencies.push(performance.now() - t0);
    }
    return latencies;
  } finally {
    db.close();
  }
}

async function barePostgresCommits(url: string, count: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
    await client.query('INSERT INTO bench_counter VALUES (1, 0)');
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await client.query('BEGIN');
      await client.query('UPDATE bench_counter SET n = n + 1 WHERE id = 1');
      await client.query('COMMIT');
      latencies.push(performance.now() - t0);
    }
    await client.query('DROP TABLE bench_counter');
    return latencies;
  } finally {
    await client.end();
  }
}

// ── one database ────────────────────────────────────────────────────────────────────────────

const HALLS = [
  'warm',
  'flat',
  ...RATES.map((r) => `rate-${r.perSecond}`),
  'call-1',
  `call-${MANY_DISPLAYS}`,
];

async function measureServer(
  label: string,
  env: Record<string, string>,
  openStore: () => Promise<HallStore>,
  /** Run after the warm-up, just before the flat-out run: figures to set beside it. */
  beforeFlat?: () => Promise<void>,
) {
  const store = await openStore();
  try {
    await seedHalls(store, HALLS);
  } finally {
    await store.close();
  }
  const server = new HallServer(ROOT, { ...env, HALL_CLOCK: CLOCK });
  await server.start();
  try {
    log(`  ${label}: warming up (200 tickets)`);
    await closedLoop(server, 'warm', 200);

    await beforeFlat?.();
    log(`  ${label}: 50 kiosks flat out, ${thousands(TICKETS)} tickets (load ${load()})`);
    const flat = await withCpu(server, () => closedLoop(server, 'flat', TICKETS));
    add(
      `${label} · HTTP 50 kiosks flat out`,
      flat.rate,
      'tickets/s',
      `real server process, POST /api/queue/tickets over keep-alive node:http; closed loop: 50 kiosks each sending its next request when answered; ${thousands(TICKETS)} tickets in ${flat.seconds.toFixed(1)} s, all numbers distinct; ${cpuNote(flat)}; load ${load()}`,
    );
    add(`${label} · HTTP flat out · p50`, percentile(flat.latencies, 50), 'ms');
    add(
      `${label} · HTTP flat out · p99`,
      percentile(flat.latencies, 99),
      'ms',
      `50 requests always in flight: the mean is 50 ÷ rate = ${((KIOSKS / flat.rate) * 1000).toFixed(1)} ms, so this p99 says how fast, not how responsive; the ≤ 10 ms goal is read at an offered load (rows below)`,
    );

    for (const { perSecond, seconds } of RATES) {
      log(`  ${label}: ${perSecond}/s offered for ${seconds} s`);
      const offered = await withCpu(server, () =>
        openLoop(server, `rate-${perSecond}`, perSecond, seconds),
      );
      const note = `open loop: 50 kiosks, Poisson arrivals, ${perSecond}/s in all for ${seconds} s (${thousands(offered.latencies.length)} tickets, served at ${Math.round(offered.rate)}/s); latency from the moment each was due; ${cpuNote(offered)}; load ${load()}`;
      add(
        `${label} · HTTP ${perSecond}/s offered · p50`,
        percentile(offered.latencies, 50),
        'ms',
        note,
      );
      add(
        `${label} · HTTP ${perSecond}/s offered · p99`,
        percentile(offered.latencies, 99),
        'ms',
        `issue 15's goal: p99 ≤ 10 ms (read at an offered load, not flat out); max ${round(Math.max(...offered.latencies))} ms`,
      );
    }

    for (const displays of [1, MANY_DISPLAYS]) {
      log(`  ${label}: call → display, ${displays} display client(s), ${CALLS} calls`);
      const calls = await callToDisplay(server, `call-${displays}`, displays, CALLS);
      const what = displays === 1 ? '1 display' : `${displays} displays`;
      const note = `${CALLS} × POST /api/windows/1/call-next (staff session) → the \`call\` event parsed by ${displays === 1 ? 'an SSE client' : `each of ${displays} SSE clients`} on /api/events (node:http)${calls.missed ? `; ${calls.missed} not received within 5 s` : ''}`;
      add(`${label} · call → display, ${what} · p50`, percentile(calls.latencies, 50), 'ms', note);
      add(`${label} · call → display, ${what} · p99`, percentile(calls.latencies, 99), 'ms');
      add(`${label} · call → display, ${what} · max`, Math.max(...calls.latencies), 'ms');
      if (displays === 1)
        add(
          `${label} · call-next answered · p50`,
          percentile(calls.callNext, 50),
          'ms',
          'the window console’s HTTP round trip of the same calls',
        );
    }
  } catch (error) {
    throw new Error(
      `${label}: ${error instanceof Error ? error.message : String(error)}\n${server.log.slice(-2000)}`,
      { cause: error },
    );
  } finally {
    await server.stop();
  }
  return rows.find((r) => r.metric === `${label} · HTTP 50 kiosks flat out`)?.value as number;
}

async function main(): Promise<void> {
  log(
    `hall bench: ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2)}${quick ? ', quick' : ''}`,
  );
  const dir = mkdtempSync(join(os.tmpdir(), 'hall-bench-'));
  try {
    const data = join(dir, 'server');
    let raw: (LoadResult & { cpuMs: number; load: string }) | null = null;
    let commits: number[] = [];
    const httpRate = await measureServer(
      'SQLite',
      { HALL_DATA: data },
      () => openHallStore({ dataDir: data }),
      async () => {
        // Beside the HTTP run in time, so both see the same machine.
        log(
          `  raw SQLite: the same statements, one connection, one commit per ticket (load ${load()})`,
        );
        raw = { ...(await rawSqlite(dir, TICKETS)), load: load() };
        commits = bareSqliteCommits(dir, quick ? 200 : 1000);
      },
    );
    const r = raw as (LoadResult & { cpuMs: number; load: string }) | null;
    if (!r) throw new Error('the raw SQLite run did not happen');
    const tenth = Math.floor(r.latencies.length / 10);
    add(
      'SQLite · raw, same statements',
      r.rate,
      'tickets/s',
      `hall-server/store/rawAllocation.ts on better-sqlite3: one connection, sequential, one IMMEDIATE transaction and commit per ticket, WAL + synchronous=FULL; ${thousands(TICKETS)} tickets, run just before the HTTP flat-out run; CPU ${r.cpuMs.toFixed(2)} ms of its ${((r.seconds * 1000) / TICKETS).toFixed(2)} ms a ticket (the rest: the disk, and other processes on the cores); load ${r.load}`,
    );
    add(
      'SQLite · raw · p50',
      percentile(r.latencies, 50),
      'ms',
      `first tenth of the tickets p50 ${round(percentile(r.latencies.slice(0, tenth), 50))} ms, last tenth ${round(percentile(r.latencies.slice(-tenth), 50))} ms (the waiting list and the day's count grow)`,
    );
    add('SQLite · raw · p99', percentile(r.latencies, 99), 'ms');
    const ratio = httpRate / r.rate;
    add(
      'SQLite · HTTP flat out ÷ raw',
      Math.round(ratio * 100) / 100,
      '×',
      `issue 15's goal: ≥ 0.5 (${ratio >= 0.5 ? 'met' : 'missed'} here); the server runs the tickets that wait together in one transaction and one commit (group commit, hall-server/store/commitQueue.ts), raw commits each ticket alone`,
    );
    add(
      'SQLite · bare commit · p50',
      percentile(commits, 50),
      'ms',
      `one-row UPDATE per transaction, WAL + synchronous=FULL, in the bench's directory under ${os.tmpdir()}, where the server's HALL_DATA is too: what one durable commit costs on this disk; p99 ${round(percentile(commits, 99))} ms`,
    );

    log('  PostgreSQL: looking for one');
    const postgres = await benchPostgres();
    if (!postgres.ok) {
      add('PostgreSQL', '—', '', `not measured: ${postgres.why}`);
    } else {
      try {
        log(`  PostgreSQL: ${postgres.how}`);
        await measureServer('PostgreSQL', { DATABASE_URL: postgres.url }, () =>
          openHallStore({ databaseUrl: postgres.url }),
        );
        const commits = await barePostgresCommits(postgres.url, quick ? 200 : 1000);
        add(
          'PostgreSQL · bare commit · p50',
          percentile(commits, 50),
          'ms',
          `BEGIN; one-row UPDATE; COMMIT over one connection on ${postgres.how} (p99 ${round(percentile(commits, 99))} ms)`,
        );
      } finally {
        await postgres.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => {
    if (out) writeFileSync(out, JSON.stringify(rows));
    else process.stdout.write(`${JSON.stringify(rows)}\n`);
  },
  (error: unknown) => {
    if (out) writeFileSync(out, JSON.stringify(rows));
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
