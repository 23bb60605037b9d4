/**
 * The IndexedDB database of the hall queue client: this kiosk's reserved blocks, the reserve
 * numbers it issued while the hall server was out of reach, and what it must still tell the
 * server. Kept through the privacy wipe, as the queue store is (numbers and keyed card hashes,
 * never card data).
 */
export const HALL_QUEUE_DATABASE = 'budayang-hall-queue';

/**
 * The IndexedDB database of a hall-backed console (HallBackedAdmin): ratings, offers, audit lines
 * and device events not yet taken by the hall server, and the hall's catalog and settings as last
 * read. Kept through the privacy wipe, as the console's own store is (a rating's call-back phone
 * waits here only until the hall takes it).
 */
export const HALL_ADMIN_OUTBOX_DATABASE = 'budayang-hall-admin';
