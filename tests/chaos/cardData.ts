import type { AnyActorRef } from 'xstate';
import type { TestPerson } from '../../device-adapters/mock';
import type { SimClock } from './simClock';

/** A piece of a test person's card that must not outlive the visit. */
export interface Needle {
  label: string;
  text: string;
}

/** Each test person's full ID number, name, address and photo. */
export function cardNeedles(persons: readonly TestPerson[]): Needle[] {
  return persons.flatMap(({ id, record }) =>
    [
      { label: `${id}'s ID number`, text: record.idNumber },
      { label: `${id}'s name`, text: record.name },
      { label: `${id}'s address`, text: record.address ?? '' },
      { label: `${id}'s photo`, text: record.photo ?? '' },
    ].filter((needle) => needle.text.length >= 2),
  );
}

/** The needles found in some text. */
export function findCardData(haystack: string, needles: readonly Needle[]): string[] {
  return needles.filter((needle) => haystack.includes(needle.text)).map((n) => n.label);
}

function serialise(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return `(not serialisable: ${String(error)})`;
  }
}

/** The actor's snapshot, its persisted form, and every child actor's, as text. */
export function actorText(actor: AnyActorRef, path = 'session'): string[] {
  const snapshot = actor.getSnapshot() as {
    value?: unknown;
    context?: unknown;
    output?: unknown;
    children?: Record<string, AnyActorRef | undefined>;
  };
  const parts = [
    `${path}: ${serialise({ value: snapshot.value, context: snapshot.context, output: snapshot.output })}`,
  ];
  try {
    parts.push(`${path} (persisted): ${serialise(actor.getPersistedSnapshot?.())}`);
  } catch (error) {
    parts.push(`${path} (persisted): not available (${String(error)})`);
  }
  for (const [id, child] of Object.entries(snapshot.children ?? {})) {
    if (child) parts.push(...actorText(child, `${path}/${id}`));
  }
  return parts;
}

/** Web Storage in memory: Node has none, and kiosk-ui/privacy.ts empties both kinds. */
export class MemoryStorage {
  [key: string]: unknown;

  get length(): number {
    return Object.keys(this).length;
  }

  key(index: number): string | null {
    return Object.keys(this)[index] ?? null;
  }

  getItem(key: string): string | null {
    return Object.hasOwn(this, key) ? String(this[key]) : null;
  }

  setItem(key: string, value: string): void {
    this[key] = String(value);
  }

  removeItem(key: string): void {
    Reflect.deleteProperty(this, key);
  }

  clear(): void {
    for (const key of Object.keys(this)) Reflect.deleteProperty(this, key);
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Every record of every IndexedDB database, as text, by database name. */
export async function dumpDatabases(clock: SimClock): Promise<Map<string, string>> {
  const dump = new Map<string, string>();
  const names = await clock.track(indexedDB.databases());
  for (const { name } of names) {
    if (!name) continue;
    const db = await clock.track(request(indexedDB.open(name)));
    const stores = [...db.objectStoreNames];
    const records =
      stores.length === 0
        ? []
        : await clock.track(
            Promise.all(
              stores.map((store) =>
                request(db.transaction(store, 'readonly').objectStore(store).getAll()),
              ),
            ),
          );
    db.close();
    dump.set(name, serialise(Object.fromEntries(stores.map((s, i) => [s, records[i]]))));
  }
  return dump;
}

const TRACE_DATABASE = 'chaos-citizen-trace';

/**
 * Leaves what a careless script might leave of a citizen: keys in both storages and a database
 * of its own. The privacy wipe at the next attract must take all of it.
 */
export async function plantTraces(clock: SimClock, person: TestPerson): Promise<void> {
  sessionStorage.setItem('chaos.card', person.record.idNumber);
  localStorage.setItem('chaos.lastVisitor', person.record.name);
  const opening = indexedDB.open(TRACE_DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore('cards');
  const db = await clock.track(request(opening));
  const tx = db.transaction('cards', 'readwrite');
  tx.objectStore('cards').put(person.record, person.id);
  await clock.track(
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('trace not written'));
    }),
  );
  db.close();
}

/** Where a planted or any other trace survived: storage keys and databases the kiosk does not own. */
export async function survivingTraces(
  clock: SimClock,
  ownDatabases: readonly string[],
  ownPrefixes: readonly string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const key of Object.keys(sessionStorage)) found.push(`sessionStorage["${key}"]`);
  for (const key of Object.keys(localStorage)) {
    if (!ownPrefixes.some((prefix) => key.startsWith(prefix))) found.push(`localStorage["${key}"]`);
  }
  for (const { name } of await clock.track(indexedDB.databases())) {
    if (name && !ownDatabases.includes(name)) found.push(`IndexedDB database "${name}"`);
  }
  return found;
}
