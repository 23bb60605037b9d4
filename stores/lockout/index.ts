export { IndexedDbFaceLockout } from './indexedDbFaceLockout';
export { FACE_LOCKOUT_DATABASE } from './database';
