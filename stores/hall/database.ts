/**
 * The IndexedDB database of the hall queue client: this kiosk's reserved blocks, the reserve
 * numbers it issued while the hall server was out of reach, and what it must still tell the
 * server. Kept through the privacy wipe, as the queue store is (numbers and keyed card hashes,
 * never card data).
 */
export const HALL_QUEUE_DATABASE = 'budayang-hall-queue';
