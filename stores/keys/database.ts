/**
 * The IndexedDB database of the kiosk's secret for holder keys; kept through the privacy wipe,
 * apart from every store whose data may be read out or exported.
 */
export const KEYS_DATABASE = 'budayang-keys';
