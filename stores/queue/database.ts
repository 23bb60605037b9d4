/** The IndexedDB database of the queue store; kept through the privacy wipe. */
export const QUEUE_DATABASE = 'budayang-queue';
