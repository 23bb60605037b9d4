export { IndexedDbHolderKeys } from './indexedDbHolderKeys';
export { KEYS_DATABASE } from './database';
