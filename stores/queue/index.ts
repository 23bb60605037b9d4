export { IndexedDbQueueService } from './indexedDbQueueService';
export { QUEUE_DATABASE } from './database';
