/**
 * The staff console's edits to the item catalog (issue 13), and what changed between two
 * catalogs: the review shown before a save or an import, and the audit log's before and after.
 * Every edit returns a new catalog that still passes `parseCatalog`; the one given is left as it was.
 */
import { parseCatalog, type Catalog, type CatalogItem, type CatalogProblem } from './catalog';

/** One field of an item that differs, by dotted path (`materials.1.copies`). */
export interface FieldChange {
  field: string;
  /** Undefined where the field (or the list entry) was not there. */
  before: unknown;
  /** Undefined where the field (or the list entry) is gone. */
  after: unknown;
}

/** What changed from one catalog to another, items matched by code. */
export interface CatalogDiff {
  /** In the new catalog's order. */
  added: CatalogItem[];
  /** In the old catalog's order. */
  removed: CatalogItem[];
  /** Items in both that differ, in the new catalog's order; `name` is the new name. */
  changed: { code: string; name: string; fields: FieldChange[] }[];
  /** Whether the items in both stand in another order. */
  reordered: boolean;
}

// Computed from the name when the catalog is saved, so a change to it is never staff's.
const COMPUTED_FIELDS: ReadonlySet<string> = new Set(['pinyin']);

/** What changed from `before` to `after`: items added, removed, changed field by field, reordered. */
export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  const beforeByCode = new Map(before.items.map((item) => [item.code, item]));
  const afterCodes = new Set(after.items.map((item) => item.code));
  const added: CatalogItem[] = [];
  const changed: CatalogDiff['changed'] = [];
  for (const item of after.items) {
    const old = beforeByCode.get(item.code);
    if (old === undefined) {
      added.push(item);
      continue;
    }
    const fields = itemChanges(old, item);
    if (fields.length > 0) changed.push({ code: item.code, name: item.name, fields });
  }
  const removed = before.items.filter((item) => !afterCodes.has(item.code));
  const commonBefore = before.items.map((i) => i.code).filter((code) => afterCodes.has(code));
  const commonAfter = after.items.map((i) => i.code).filter((code) => beforeByCode.has(code));
  const reordered = commonBefore.some((code, index) => commonAfter[index] !== code);
  return { added, removed, changed, reordered };
}

/** Whether nothing at all changed (a save that would change nothing need not be written). */
export function isEmptyDiff(diff: CatalogDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    !diff.reordered
  );
}

function itemChanges(before: CatalogItem, after: CatalogItem): FieldChange[] {
  const changes: FieldChange[] = [];
  const record = (item: CatalogItem) => item as unknown as Record<string, unknown>;
  for (const key of unionKeys(record(before), record(after))) {
    if (COMPUTED_FIELDS.has(key)) continue;
    collectChanges(key, record(before)[key], record(after)[key], changes);
  }
  return changes;
}

/**
 * Lists are compared entry by entry and objects field by field, so a review names the one number
 * that changed; an entry or field that came or went is reported whole, with undefined on its
 * missing side.
 */
function collectChanges(path: string, before: unknown, after: unknown, out: FieldChange[]): void {
  if (before === after) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
      const entry = `${path}.${index}`;
      if (index >= before.length)
        out.push({ field: entry, before: undefined, after: after[index] });
      else if (index >= after.length)
        out.push({ field: entry, before: before[index], after: undefined });
      else collectChanges(entry, before[index], after[index], out);
    }
    return;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of unionKeys(before, after))
      collectChanges(`${path}.${key}`, before[key], after[key], out);
    return;
  }
  out.push({ field: path, before, after });
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An edit the catalog's rules refuse; `problems` are those `parseCatalog` found. */
export class CatalogEditError extends Error {
  override readonly name = 'CatalogEditError';
  readonly problems: readonly CatalogProblem[];

  constructor(action: string, problems: readonly CatalogProblem[]) {
    const listed = problems.map((p) => `${p.item}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
    super(`${action} would break the catalog's rules: ${listed.join('; ')}`);
    this.problems = problems;
  }
}

/**
 * The catalog with one item's fields replaced. A `pinyin` in the patch is ignored: it is computed
 * from the name when the catalog is saved (`withPinyin`). Throws `CatalogEditError` listing the
 * problems when the result breaks the catalog's rules (a business-only item marked 一证可办).
 */
export function updateItem(catalog: Catalog, code: string, patch: Partial<CatalogItem>): Catalog {
  const { item } = located(catalog, code);
  const { pinyin: _computed, ...fields } = patch;
  const items = catalog.items.map((each) => (each === item ? { ...item, ...fields } : each));
  return checked({ ...catalog, items }, `Changing item ${code}`);
}

/**
 * The catalog with one item moved `delta` places (negative: towards the front), stopping at
 * either end.
 */
export function moveItem(catalog: Catalog, code: string, delta: number): Catalog {
  if (!Number.isInteger(delta))
    throw new Error(`moveItem: delta must be a whole number of places, not ${delta}`);
  const { index: from, item } = located(catalog, code);
  const to = Math.min(Math.max(from + delta, 0), catalog.items.length - 1);
  const items = catalog.items.filter((each) => each !== item);
  items.splice(to, 0, item);
  return { ...catalog, items };
}

/** The catalog with a new item at its end. Throws when the code is taken or the item is invalid. */
export function addItem(catalog: Catalog, item: CatalogItem): Catalog {
  if (catalog.items.some((existing) => existing.code === item.code))
    throw new Error(
      `addItem: the catalog already has an item ${item.code}; give the new one another code`,
    );
  return checked({ ...catalog, items: [...catalog.items, item] }, `Adding item ${item.code}`);
}

function located(catalog: Catalog, code: string): { index: number; item: CatalogItem } {
  const index = catalog.items.findIndex((each) => each.code === code);
  const item = catalog.items[index];
  if (item === undefined)
    throw new Error(`The catalog has no item ${code}: use the code of one of its items`);
  return { index, item };
}

function checked(catalog: Catalog, action: string): Catalog {
  const result = parseCatalog(catalog);
  if (!result.ok) throw new CatalogEditError(action, result.problems);
  return result.catalog;
}
