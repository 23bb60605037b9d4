export { IndexedDbPrintJournal } from './indexedDbPrintJournal';
export { PRINT_JOURNAL_DATABASE } from './database';
