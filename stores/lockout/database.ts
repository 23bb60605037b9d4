/** The IndexedDB database of the face lock-out; kept through the privacy wipe. */
export const FACE_LOCKOUT_DATABASE = 'budayang-face-lockout';
