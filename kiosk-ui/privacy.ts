// The database names only: the stores themselves are chunks of their own.
import { PRINT_JOURNAL_DATABASE } from '../stores/journal/database';
import { QUEUE_DATABASE } from '../stores/queue/database';
import { HALL_ADMIN_OUTBOX_DATABASE, HALL_QUEUE_DATABASE } from '../stores/hall/database';
import { KEYS_DATABASE } from '../stores/keys/database';
import { FACE_LOCKOUT_DATABASE } from '../stores/lockout/database';
import { HALL_ADMIN_DATABASE } from '../stores/admin/database';
import { stopSpeaking } from './speech';

/** What the kiosk itself keeps between visits; nothing a citizen showed it may be stored here. */
export interface KioskOwnStorage {
  /** localStorage keys starting with one of these survive a wipe. */
  localStoragePrefixes: readonly string[];
  /** IndexedDB databases that survive a wipe (the kiosk's own journals and queues). */
  databases: readonly string[];
  /** Cache Storage caches whose names start with one of these survive (the app shell). */
  cachePrefixes: readonly string[];
}

export const KIOSK_OWN_STORAGE: KioskOwnStorage = {
  localStoragePrefixes: ['budayang.kiosk.'],
  // The queue store keeps numbers and keyed card hashes (or, from before v3, masked ID numbers),
  // never card data; the print journal what was printed, for whom (masked) and when; the face
  // lock-out failed checks and refusals per keyed card hash; the keys database the kiosk's
  // secret for those hashes (README, Privacy); the hall-admin database the staff console's PIN
  // hash, catalog, settings and audit log, nothing of a citizen; the hall queue client its
  // reserved blocks and the reserve numbers (with keyed card hashes) not yet handed to the server;
  // the hall console's outbox the ratings and audit lines the hall server has not yet taken.
  databases: [
    QUEUE_DATABASE,
    HALL_QUEUE_DATABASE,
    PRINT_JOURNAL_DATABASE,
    FACE_LOCKOUT_DATABASE,
    KEYS_DATABASE,
    HALL_ADMIN_DATABASE,
    HALL_ADMIN_OUTBOX_DATABASE,
  ],
  cachePrefixes: ['workbox-precache', 'budayang-config', 'budayang-catalog'],
};

/**
 * Erases every trace of a visit outside the machines: session and local storage, IndexedDB,
 * caches and speech. The DOM is erased by remounting the app (see main.tsx).
 */
export async function wipeStoredTraces(own: KioskOwnStorage = KIOSK_OWN_STORAGE): Promise<void> {
  stopSpeaking();
  sessionStorage.clear();
  for (const key of Object.keys(localStorage)) {
    if (!own.localStoragePrefixes.some((prefix) => key.startsWith(prefix)))
      localStorage.removeItem(key);
  }
  const deletions: Promise<unknown>[] = [];
  if (typeof indexedDB !== 'undefined' && 'databases' in indexedDB) {
    for (const db of await indexedDB.databases()) {
      if (db.name && !own.databases.includes(db.name)) deletions.push(deleteDatabase(db.name));
    }
  }
  if (typeof caches !== 'undefined') {
    for (const name of await caches.keys()) {
      if (!own.cachePrefixes.some((prefix) => name.startsWith(prefix)))
        deletions.push(caches.delete(name));
    }
  }
  await Promise.all(deletions);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () =>
      reject(request.error ?? new Error(`IndexedDB ${name} could not be deleted`));
    // Another tab holding it open must not stall the wipe; the delete completes when it closes.
    request.onblocked = () => resolve();
  });
}
