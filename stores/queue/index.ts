export { IndexedDbQueueService, type InstanceLocks } from './indexedDbQueueService';
export { QUEUE_DATABASE } from './database';
