/**
 * The audit log as a CSV file (RFC 4180) for staff to take away and open in Excel (issue 13).
 */
import type { AuditEntry } from './hallAdmin';

export const AUDIT_CSV_HEADER = ['seq', 'at', 'kioskId', 'action', 'subject', 'before', 'after'];

// Excel reads a CSV without a byte order mark in the machine's ANSI code page, garbling Chinese.
const BOM = '\uFEFF';
const CRLF = '\r\n';
// A spreadsheet runs a cell starting with one of these as a formula (CSV injection), and an item
// name or a setting typed by anyone at the console reaches the log.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * The audit log as CSV: a BOM, the header, one line per entry, CRLF line ends; `before` and
 * `after` as JSON (an empty cell where there is none).
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [
    AUDIT_CSV_HEADER,
    ...entries.map((e) => [
      String(e.seq),
      e.at,
      e.kioskId,
      e.action,
      e.subject,
      jsonCell(e.before),
      jsonCell(e.after),
    ]),
  ];
  return csvFile(lines);
}

/**
 * Rows as a CSV file for Excel: a BOM, each cell through {@link csvCell}, CRLF after every line.
 * Every CSV staff take away (the audit log, the ratings) is written by this one function.
 */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((cells) => cells.map(csvCell).join(',') + CRLF).join('');
}

function jsonCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // A value JSON cannot write (a BigInt, a cycle) is still shown rather than losing the line.
    return String(value);
  }
}

/** One cell: a leading formula character defused with `'`, quoted as RFC 4180 asks where needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
