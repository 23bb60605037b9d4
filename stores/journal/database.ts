/** The IndexedDB database of the journal store; kept through the privacy wipe. */
export const PRINT_JOURNAL_DATABASE = 'budayang-print-journal';
