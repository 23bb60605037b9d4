/**
 * The hall server (issue 15): `npm run hall`.
 *
 * Environment:
 * - PORT (default 8080), HOST (default 127.0.0.1; 0.0.0.0 for kiosks on the hall's network);
 * - HALL_DATA (default ./hall-data, created): the SQLite database, hall.sqlite3 (+ WAL);
 * - DATABASE_URL: PostgreSQL instead (postgres://user:pass@host/db), for many halls on one database;
 * - HALL_SEED_DEMO=0: do not seed the demo hall, its demo kiosks and demo staff users;
 * - HALL_KIOSK_DIST (tests only): the kiosk's build to serve at / instead of dist/;
 * - HALL_CLOCK (tests only): an ISO moment the server's clock starts at, then runs at real speed,
 *   so a test does not depend on today's time (issuing hours, the hall day).
 *
 * On start: migrate, seed the demo hall if the database has none, its demo kiosks and staff
 * users if missing, then serve the API, the event stream, the hall pages (dist-hall/) and the
 * kiosk (dist/). SIGTERM / SIGINT close the event streams, the listener and the database.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createHallApp } from './app';
import { seedDemoAccess } from './auth';
import { mountFiles } from './files';
import { openHallStore, seedDemoHall } from './store';

function log(line: string): void {
  process.stdout.write(`[hall] ${line}\n`);
}

/** The clock: the real one, or (tests) one that starts at HALL_CLOCK and runs at real speed. */
function clockFrom(setting: string | undefined): () => Date {
  if (!setting) return () => new Date();
  const start = Date.parse(setting);
  if (Number.isNaN(start))
    throw new Error(`HALL_CLOCK 不是时间 / HALL_CLOCK is not an ISO moment: ${setting}`);
  const offset = start - Date.now();
  return () => new Date(Date.now() + offset);
}

function portFrom(setting: string | undefined): number {
  const port = Number(setting ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`PORT 无效 / PORT must be 1–65535: ${setting}`);
  return port;
}

async function main(): Promise<void> {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const port = portFrom(process.env.PORT);
  const host = process.env.HOST ?? '127.0.0.1';
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = resolve(process.env.HALL_DATA ?? './hall-data');
  const now = clockFrom(process.env.HALL_CLOCK);
  if (process.env.HALL_CLOCK)
    log(`HALL_CLOCK: the clock reads ${now().toISOString()} (tests only)`);
  if (!databaseUrl) mkdirSync(dataDir, { recursive: true });

  const store = await openHallStore({ databaseUrl, dataDir });
  log(`database: ${store.kind}${databaseUrl ? '' : ` in ${dataDir}`}`);
  if (process.env.HALL_SEED_DEMO !== '0') {
    if (await seedDemoHall(store)) log('seeded the demo hall "demo" from public/kiosk.config.json');
    const added = await seedDemoAccess(store);
    if (added.length)
      log(
        `added demo-only kiosks and staff users: ${added.join(', ')} (see hall-server/README.md)`,
      );
  }

  const { app, events } = createHallApp({ store, now });
  const kioskDist = process.env.HALL_KIOSK_DIST;
  mountFiles(app, { root, kioskDist: kioskDist ? resolve(root, kioskDist) : undefined });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) =>
    log(`listening on http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}/`),
  );
  server.on('error', (error) => {
    console.error('hall server: cannot listen', error);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: closing`);
    events.close();
    let closed = false;
    const closeStore = () => {
      if (closed) return;
      closed = true;
      store.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('hall server: closing the database failed', error);
          process.exit(1);
        },
      );
    };
    server.close(closeStore);
    // Keep-alive connections would hold close() open: end idle ones now, busy ones after 2 s.
    const http = server as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
    http.closeIdleConnections?.();
    setTimeout(() => {
      http.closeAllConnections?.();
      closeStore();
    }, 2000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('hall server: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
