// A full storage, told apart from every other failure: its own code ('storage-full') and words.

/**
 * The kiosk's own storage is full: a write to one of its databases (the queue store, the print
 * journal, the face lock-out, the keys) was refused for want of space. Flows that write are
 * paused and say so ("暂停服务"); no citizen can free disk space, so nothing asks them to retry.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  readonly code = 'storage-full' as const;
  constructor(message = "The kiosk's storage is full", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * Whether an error says storage is out of space: IndexedDB's QuotaExceededError (a DOMException;
 * Firefox's older NS_ERROR_DOM_QUOTA_REACHED), also as the cause of a wrapping error.
 */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; depth < 5; depth += 1) {
    if (typeof e !== 'object' || e === null) return false;
    if (e instanceof StorageFullError) return true;
    const name = 'name' in e ? e.name : undefined;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}
