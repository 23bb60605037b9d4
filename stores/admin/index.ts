export { IndexedDbHallAdmin } from './indexedDbHallAdmin';
export { AdminCatalogSource } from './adminCatalogSource';
export { hashPin, verifyPin } from './pinHash';
export { HALL_ADMIN_DATABASE } from './database';
export { AdminRatingDesk } from './adminRatingDesk';
