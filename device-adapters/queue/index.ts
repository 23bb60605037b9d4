export { IndexedDbQueueService, QUEUE_DATABASE } from './indexedDbQueueService';
