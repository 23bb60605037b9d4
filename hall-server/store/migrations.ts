/**
 * The hall database's versioned migrations. Each is applied once, in its own transaction, and
 * recorded in `schema_migrations`; a database at version n gets n+1 … on the next start. Never
 * edit a migration that has shipped: add the next one.
 *
 * Both dialects keep the same columns: text for ids, dates (YYYY-MM-DD), times and ISO moments
 * (fixed width, so they order as text), whole numbers for counters and 0/1 for yes/no, JSON as
 * text. Every row of a hall carries its `hall_id` (one database, many halls).
 */
import type { SqlDialect, SqlDriver } from './sqlDriver';

export interface Migration {
  version: number;
  name: string;
  /** Statements for both dialects, or per dialect where they differ. */
  statements: readonly string[] | Readonly<Record<SqlDialect, readonly string[]>>;
}

/** The audit log's own key: an identity column (PostgreSQL) or SQLite's rowid. */
const AUDIT_KEY: Record<SqlDialect, string> = {
  sqlite: 'seq INTEGER PRIMARY KEY AUTOINCREMENT',
  postgres: 'seq INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
};

const auditTable = (dialect: SqlDialect) => `CREATE TABLE audit_log (
  ${AUDIT_KEY[dialect]},
  hall_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
)`;

const HALL_TABLES = [
  `CREATE TABLE halls (
    hall_id TEXT PRIMARY KEY,
    config TEXT NOT NULL,
    -- the last event id given out: ids are per hall, gap-free and in commit order
    event_seq INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE tickets (
    hall_id TEXT NOT NULL REFERENCES halls (hall_id),
    id TEXT NOT NULL,
    service_code TEXT NOT NULL,
    -- the service whose series numbered it (a transfer changes service_code, not this)
    series_service TEXT NOT NULL,
    series TEXT NOT NULL CHECK (series IN ('main', 'reserve')),
    date TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    number TEXT NOT NULL,
    priority INTEGER NOT NULL,
    issued_at TEXT NOT NULL,
    -- the hall's wall-clock time the ticket queues at: its issue, or its appointment's slot
    order_at TEXT NOT NULL,
    waiting_ahead INTEGER NOT NULL,
    printed INTEGER NOT NULL DEFAULT 0,
    handed_out INTEGER NOT NULL DEFAULT 0,
    kiosk_id TEXT NOT NULL,
    request_id TEXT,
    holder_key TEXT,
    issue_window TEXT,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'called', 'skipped', 'finished')),
    window_no INTEGER,
    called_at TEXT,
    calls INTEGER NOT NULL DEFAULT 0,
    finished_at TEXT,
    appointment_at TEXT,
    PRIMARY KEY (hall_id, id),
    UNIQUE (hall_id, date, number)
  )`,
  `CREATE UNIQUE INDEX tickets_series ON tickets (hall_id, series_service, date, series, sequence)`,
  // Covering indexes: a day's counts per issuing window and the waiting list ahead of a ticket
  // are read from the index alone (each allocation reads them).
  `CREATE INDEX tickets_issued ON tickets (hall_id, series_service, date, series, issue_window)`,
  `CREATE INDEX tickets_queue ON tickets
    (hall_id, date, service_code, state, priority, order_at, sequence, id)`,
  `CREATE INDEX tickets_holder ON tickets (hall_id, date, holder_key)`,
  `CREATE TABLE ticket_counters (
    hall_id TEXT NOT NULL,
    service_code TEXT NOT NULL,
    date TEXT NOT NULL,
    series TEXT NOT NULL CHECK (series IN ('main', 'reserve')),
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (hall_id, service_code, date, series)
  )`,
  `CREATE TABLE released_numbers (
    hall_id TEXT NOT NULL,
    service_code TEXT NOT NULL,
    date TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    PRIMARY KEY (hall_id, service_code, date, sequence)
  )`,
  `CREATE TABLE reserve_blocks (
    hall_id TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    service_code TEXT NOT NULL,
    date TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (hall_id, kiosk_id, service_code, date)
  )`,
  `CREATE TABLE appointments (
    hall_id TEXT NOT NULL REFERENCES halls (hall_id),
    id TEXT NOT NULL,
    service_code TEXT NOT NULL,
    date TEXT NOT NULL,
    slot_start TEXT NOT NULL,
    slot_end TEXT NOT NULL,
    holder_key TEXT NOT NULL,
    masked_phone TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    booked_at TEXT NOT NULL,
    ticket_id TEXT,
    cancelled_at TEXT,
    cancel_reason TEXT,
    moved_from TEXT,
    moved_at TEXT,
    move_reason TEXT,
    PRIMARY KEY (hall_id, id)
  )`,
  `CREATE INDEX appointments_day ON appointments (hall_id, service_code, date)`,
  `CREATE INDEX appointments_holder ON appointments (hall_id, holder_key)`,
  `CREATE INDEX appointments_date ON appointments (hall_id, date)`,
  `CREATE TABLE request_answers (
    hall_id TEXT NOT NULL,
    request_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    answer TEXT NOT NULL,
    ticket_id TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (hall_id, request_id)
  )`,
  `CREATE TABLE windows (
    hall_id TEXT NOT NULL REFERENCES halls (hall_id),
    number INTEGER NOT NULL,
    services TEXT NOT NULL,
    current_ticket_id TEXT,
    PRIMARY KEY (hall_id, number)
  )`,
  `CREATE TABLE events (
    hall_id TEXT NOT NULL,
    id INTEGER NOT NULL,
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (hall_id, id)
  )`,
  `CREATE TABLE device_reports (
    hall_id TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    at TEXT NOT NULL,
    devices TEXT NOT NULL,
    PRIMARY KEY (hall_id, kiosk_id)
  )`,
  `CREATE TABLE kiosks (
    token_hash TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    UNIQUE (hall_id, kiosk_id)
  )`,
  `CREATE TABLE staff_users (
    username TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'window')),
    wrong INTEGER NOT NULL DEFAULT 0,
    locks INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
  )`,
  `CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY,
    hall_id TEXT NOT NULL,
    username TEXT NOT NULL,
    role TEXT NOT NULL,
    expires_at TEXT NOT NULL
  )`,
  `CREATE INDEX audit_log_hall ON audit_log (hall_id, seq)`,
];

/**
 * A hall's event counter follows its events: an event is inserted with the id after the hall's
 * last (allocationSql.ts INSERT_EVENT), and this moves the counter to it, in the same statement.
 */
const EVENT_COUNTER: Record<SqlDialect, string[]> = {
  sqlite: [
    `CREATE TRIGGER events_counter AFTER INSERT ON events BEGIN
      UPDATE halls SET event_seq = NEW.id WHERE hall_id = NEW.hall_id;
    END`,
  ],
  postgres: [
    `CREATE FUNCTION hall_events_counter() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE halls SET event_seq = NEW.id WHERE hall_id = NEW.hall_id;
      RETURN NULL;
    END $$`,
    `CREATE TRIGGER events_counter AFTER INSERT ON events
      FOR EACH ROW EXECUTE FUNCTION hall_events_counter()`,
  ],
};

/**
 * The staff console's data kept once per hall (issue 15): the settings and catalog staff saved
 * (JSON), 好差评's offers, ratings and work orders, device events per kiosk, and the audit log's
 * per-hall numbers, retry keys and before/after values (existing lines numbered in their order).
 */
const HALL_ADMIN_TABLES = [
  `CREATE TABLE hall_staff_data (
    hall_id TEXT PRIMARY KEY REFERENCES halls (hall_id),
    settings TEXT,
    settings_at TEXT,
    catalog TEXT,
    catalog_at TEXT
  )`,
  `CREATE TABLE rating_offers (
    hall_id TEXT NOT NULL REFERENCES halls (hall_id),
    id TEXT NOT NULL,
    at TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    rated INTEGER NOT NULL,
    PRIMARY KEY (hall_id, id)
  )`,
  `CREATE INDEX rating_offers_at ON rating_offers (hall_id, at)`,
  `CREATE TABLE ratings (
    hall_id TEXT NOT NULL REFERENCES halls (hall_id),
    id TEXT NOT NULL,
    offer_id TEXT NOT NULL,
    at TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (hall_id, id),
    UNIQUE (hall_id, offer_id)
  )`,
  `CREATE INDEX ratings_at ON ratings (hall_id, at)`,
  `CREATE TABLE work_orders (
    hall_id TEXT NOT NULL REFERENCES halls (hall_id),
    id TEXT NOT NULL,
    rating_id TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    state TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (hall_id, id)
  )`,
  `CREATE INDEX work_orders_opened ON work_orders (hall_id, opened_at)`,
  `CREATE TABLE device_events (
    hall_id TEXT NOT NULL REFERENCES halls (hall_id),
    kiosk_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    at TEXT NOT NULL,
    device TEXT NOT NULL,
    what TEXT NOT NULL,
    PRIMARY KEY (hall_id, kiosk_id, n)
  )`,
  `ALTER TABLE audit_log ADD COLUMN hall_seq INTEGER`,
  `ALTER TABLE audit_log ADD COLUMN line_id TEXT`,
  `ALTER TABLE audit_log ADD COLUMN before_value TEXT`,
  `ALTER TABLE audit_log ADD COLUMN after_value TEXT`,
  `UPDATE audit_log SET hall_seq = (SELECT COUNT(*) FROM audit_log a
    WHERE a.hall_id = audit_log.hall_id AND a.seq <= audit_log.seq)`,
  `CREATE UNIQUE INDEX audit_log_hall_seq ON audit_log (hall_id, hall_seq)`,
  `CREATE UNIQUE INDEX audit_log_line ON audit_log (hall_id, line_id)`,
];

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'hall tables',
    statements: {
      sqlite: [auditTable('sqlite'), ...HALL_TABLES, ...EVENT_COUNTER.sqlite],
      postgres: [auditTable('postgres'), ...HALL_TABLES, ...EVENT_COUNTER.postgres],
    },
  },
  { version: 2, name: 'hall staff data', statements: HALL_ADMIN_TABLES },
  {
    version: 3,
    name: 'hall holder secret',
    // The secret every kiosk of the hall keys ID cards with (HolderKeys): one per hall, made once.
    statements: [
      `CREATE TABLE hall_secrets (
        hall_id TEXT PRIMARY KEY,
        holder_secret TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: 'event notifications',
    // PostgreSQL tells every server process on the database of a hall's new events when their
    // transaction commits (LISTEN hall_events; one notification per hall per transaction), so a
    // call made through one server reaches the displays of another at once, not at its next poll.
    // SQLite has one server process: it wakes its own streams.
    statements: {
      sqlite: [],
      postgres: [
        `CREATE FUNCTION hall_events_notify() RETURNS trigger AS $$
        BEGIN
          PERFORM pg_notify('hall_events', NEW.hall_id);
          RETURN NULL;
        END
        $$ LANGUAGE plpgsql`,
        `CREATE TRIGGER hall_events_notify AFTER INSERT ON events
          FOR EACH ROW EXECUTE FUNCTION hall_events_notify()`,
      ],
    },
  },
];

/** Statements of a migration for a dialect. */
function statementsOf(migration: Migration, dialect: SqlDialect): readonly string[] {
  const { statements } = migration;
  return Array.isArray(statements)
    ? statements
    : (statements as Record<SqlDialect, readonly string[]>)[dialect];
}

/**
 * Applies the migrations not yet applied, each in its own transaction. Two servers starting at
 * once on one PostgreSQL database take turns (an advisory lock held to each commit), and the
 * second finds the work done.
 */
export async function migrate(
  driver: SqlDriver,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const lock = driver.dialect === 'postgres' ? 'SELECT pg_advisory_xact_lock(15015015)' : null;
  await driver.transaction(async (tx) => {
    if (lock) await tx.get(lock);
    await tx.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`,
    );
  });
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    await driver.transaction(async (tx) => {
      if (lock) await tx.get(lock);
      const done = await tx.get('SELECT version FROM schema_migrations WHERE version = ?', [
        migration.version,
      ]);
      if (done) return;
      for (const statement of statementsOf(migration, driver.dialect)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      applied.push(migration.version);
    });
  }
  return applied;
}
