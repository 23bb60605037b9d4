export { HallQueueService, type HallQueueOptions, type ReconcileReport } from './hallQueueService';
export {
  HallClient,
  HallRefusedError,
  HallUnreachableError,
  fetchHolderSecret,
  type HallFetch,
} from './hallClient';
export { HallDeviceReporter } from './hallDeviceReporter';
export type { ReserveProblem, ReserveTicket } from './offlineQueue';
export { HALL_ADMIN_OUTBOX_DATABASE, HALL_QUEUE_DATABASE } from './database';
export { HttpHallAdmin, type HttpHallAdminOptions } from './httpHallAdmin';
export {
  HallBackedAdmin,
  HallListUnavailableError,
  HallManagedError,
  type HallBackedAdminOptions,
} from './hallBackedAdmin';
