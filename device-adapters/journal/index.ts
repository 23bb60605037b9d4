export { IndexedDbPrintJournal, PRINT_JOURNAL_DATABASE } from './indexedDbPrintJournal';
