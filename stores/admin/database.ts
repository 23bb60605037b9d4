/** The IndexedDB database of the staff console's store; kept through the privacy wipe. */
export const HALL_ADMIN_DATABASE = 'budayang-admin';
