/**
 * The statements of a ticket allocation, as SqlHallStore runs them (one round trip each): kept
 * here so the benchmark can run exactly the same statements raw (rawAllocation.ts) beside the
 * store. `?` placeholders; the PostgreSQL driver numbers them.
 */
import type { SqlDialect } from './sqlDriver';

/**
 * The hall's config and the first answer to a requestId, in one read; in PostgreSQL the hall's
 * row is locked until commit, so the writes of one hall take turns as they do in SQLite.
 * Parameters: requestId, hallId.
 */
export function hallForWrite(dialect: SqlDialect): string {
  return `SELECT h.config, s.settings, a.kind, a.answer FROM halls h
    LEFT JOIN hall_staff_data s ON s.hall_id = h.hall_id
    LEFT JOIN request_answers a ON a.hall_id = h.hall_id AND a.request_id = ?
    WHERE h.hall_id = ?${dialect === 'postgres' ? ' FOR UPDATE OF h' : ''}`;
}

/** The hall's config and staff's saved settings (a read). Parameter: hallId. */
export const HALL_CONFIG = `SELECT h.config, s.settings FROM halls h
  LEFT JOIN hall_staff_data s ON s.hall_id = h.hall_id WHERE h.hall_id = ?`;

/** The lowest released number of a service and day, taken. Parameters: hall, service, date ×2. */
export const TAKE_RELEASED = `DELETE FROM released_numbers
  WHERE hall_id = ? AND service_code = ? AND date = ? AND sequence = (
    SELECT MIN(sequence) FROM released_numbers WHERE hall_id = ? AND service_code = ? AND date = ?)
  RETURNING sequence`;

/**
 * What a service has issued today, in one read: a `released` row with its lowest released number
 * (null when none), and `issued` rows counting its main-series tickets per issuing window. Parameters: hall, service,
 * date, hall, service, date.
 */
export const ISSUED_SO_FAR = `SELECT 'released' AS part, NULL AS issue_window, 0 AS n, MIN(sequence) AS released
  FROM released_numbers WHERE hall_id = ? AND service_code = ? AND date = ?
  UNION ALL
  SELECT 'issued' AS part, issue_window, CAST(COUNT(*) AS INTEGER) AS n, NULL AS released
  FROM tickets
  WHERE hall_id = ? AND series_service = ? AND date = ? AND series = 'main'
  GROUP BY issue_window`;

/** Takes one released number. Parameters: hall, service, date, sequence. */
export const TAKE_RELEASED_NUMBER = `DELETE FROM released_numbers
  WHERE hall_id = ? AND service_code = ? AND date = ? AND sequence = ?`;

/** Adds to a series' counter; gives its new last number. Parameters: hall, service, date, series, by. */
export const BUMP_COUNTER = `INSERT INTO ticket_counters (hall_id, service_code, date, series, last_seq)
  VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (hall_id, service_code, date, series)
  DO UPDATE SET last_seq = ticket_counters.last_seq + excluded.last_seq
  RETURNING last_seq`;

/**
 * Waiting tickets of a service and day that the call order (priority first, then the time each
 * queues at, then the number) puts before a ticket. Parameters: hall, date, service, id,
 * priority ×2, order_at ×2, sequence.
 */
export const WAITING_AHEAD = `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM tickets
  WHERE hall_id = ? AND date = ? AND service_code = ? AND state = 'waiting' AND id <> ?
    AND (priority > ? OR (priority = ? AND (order_at < ? OR (order_at = ? AND sequence < ?))))`;

/**
 * A new waiting ticket, counting the tickets ahead of it as it goes in. Parameters: hall, id,
 * service, series service, series, date, sequence, number, priority, issued_at, order_at, then
 * WAITING_AHEAD's nine, handed_out, kiosk, request, holder, issue window, appointment time.
 */
export const INSERT_TICKET = `INSERT INTO tickets (hall_id, id, service_code, series_service,
  series, date, sequence, number, priority, issued_at, order_at, waiting_ahead, printed,
  handed_out, kiosk_id, request_id, holder_key, issue_window, state, appointment_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (${WAITING_AHEAD}), 0, ?, ?, ?, ?, ?, 'waiting', ?)
  RETURNING waiting_ahead`;

/**
 * The hall's next event, with the id after its last (a trigger of the migrations moves the hall's
 * counter to it): gap-free, in commit order. Parameters: at, type, body, hall.
 */
export const INSERT_EVENT = `INSERT INTO events (hall_id, id, at, type, body)
  SELECT hall_id, event_seq + 1, ?, ?, ? FROM halls WHERE hall_id = ?
  RETURNING id`;

/** The first answer to a requestId. Parameters: hall, request, kind, answer JSON, ticket, at. */
export const REMEMBER_ANSWER = `INSERT INTO request_answers (hall_id, request_id, kind, answer, ticket_id, at)
  VALUES (?, ?, ?, ?, ?, ?)`;
