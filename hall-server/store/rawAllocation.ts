/**
 * For `npm run bench`: "raw SQLite running the same statements". A ticket allocation as
 * SqlHallStore.issueTicket runs it on its common path (a new number, no card, no released one),
 * statement for statement (allocationSql.ts), but straight on better-sqlite3: one synchronous
 * IMMEDIATE transaction per ticket with synchronous=FULL, no queue, no async, no HTTP. It applies
 * no rule but the counter: the issuing hours and quotas are the store's (give the hall's services
 * room). Its rate is the ceiling the hall server's rate is compared with. Its WAL checkpoints run
 * in a worker thread as the server's do (sqliteCheckpointer.ts), so both pay the same for them.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { hallClockOf, ticketNumber, type HallTicket } from '../../domain';
import {
  BUMP_COUNTER,
  INSERT_EVENT,
  INSERT_TICKET,
  ISSUED_SO_FAR,
  REMEMBER_ANSWER,
  hallForWrite,
} from './allocationSql';
import type { HallConfig } from './hallStore';
import { SqlHallStore } from './sqlHallStore';
import { startCheckpointer } from './sqliteCheckpointer';
import { SqliteDriver } from './sqliteDriver';

export interface RawAllocation {
  readonly hallId: string;
  /** Allocates the service's next number today (by `now` in the hall's time zone). */
  allocate(request: {
    serviceCode: string;
    kioskId: string;
    requestId?: string;
    now: Date;
  }): string;
  close(): Promise<void>;
}

/** Creates (migrates and configures) the hall in `file`, then allocates on it raw. */
export async function openRawAllocation(
  file: string,
  config: HallConfig,
  hallId = 'raw',
): Promise<RawAllocation> {
  const store = new SqlHallStore(new SqliteDriver(file));
  await store.migrate();
  await store.saveConfig(hallId, config);
  await store.close();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const checkpointer = startCheckpointer(db, file);
  const statements = {
    hall: db.prepare(hallForWrite('sqlite')),
    issued: db.prepare(ISSUED_SO_FAR),
    bump: db.prepare(BUMP_COUNTER),
    ticket: db.prepare(INSERT_TICKET),
    event: db.prepare(INSERT_EVENT),
    remember: db.prepare(REMEMBER_ANSWER),
  };
  const services = new Map(config.queue.services.map((s) => [s.code, s]));
  const timeZone = config.hall.timeZone;

  const allocate = db.transaction(
    (request: { serviceCode: string; kioskId: string; requestId?: string; now: Date }) => {
      const service = services.get(request.serviceCode);
      if (!service) throw new Error(`No service ${request.serviceCode} in the raw hall`);
      const requestId = request.requestId ?? randomUUID();
      const { date, time, seconds } = hallClockOf(request.now, timeZone);
      statements.hall.get(requestId, hallId);
      statements.issued.all(hallId, service.code, date, hallId, service.code, date);
      const { last_seq: sequence } = statements.bump.get(hallId, service.code, date, 'main', 1) as {
        last_seq: number;
      };
      const id = randomUUID();
      const number = ticketNumber(service.prefix, sequence);
      const issuedAt = request.now.toISOString();
      const orderAt = `${time}:${seconds}`;
      const { waiting_ahead: waitingAhead } = statements.ticket.get(
        hallId,
        id,
        service.code,
        service.code,
        'main',
        date,
        sequence,
        number,
        0,
        issuedAt,
        orderAt,
        ...[hallId, date, service.code, id, 0, 0, orderAt, orderAt, sequence],
        0,
        request.kioskId,
        requestId,
        null,
        null,
        null,
      ) as { waiting_ahead: number };
      const ticket: HallTicket = {
        id,
        serviceCode: service.code,
        date,
        number,
        sequence,
        priority: false,
        issuedAt,
        waitingAhead,
        printed: false,
        kioskId: request.kioskId,
        reserve: false,
        state: 'waiting',
        window: null,
        calledAt: null,
        calls: 0,
        finishedAt: null,
        appointmentAt: null,
      };
      statements.event.get(
        issuedAt,
        'ticket-issued',
        JSON.stringify({ type: 'ticket-issued', ticket }),
        hallId,
      );
      const answer = { ok: true, ticket, waitingAhead, reprint: false, repeated: false };
      statements.remember.run(hallId, requestId, 'ticket', JSON.stringify(answer), id, issuedAt);
      return number;
    },
  );

  return {
    hallId,
    allocate: (request) => allocate.immediate(request),
    close: async () => {
      await checkpointer.stop();
      db.close();
    },
  };
}
