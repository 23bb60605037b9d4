import { DEFAULT_FACE_TRIES } from '../../machines';
import { IndexedDbHolderKeys } from '../../stores/keys';
import { IndexedDbFaceLockout } from '../../stores/lockout';

let count = 0;

/** The identity check's stores over (fake) IndexedDB, in databases of their own. */
export function identityServices(
  options: { kioskId?: string; now?: () => Date; rounds?: number; hours?: number } = {},
) {
  count += 1;
  const holderKeys = new IndexedDbHolderKeys({ databaseName: `keys-test-${count}` });
  const faceLockout = new IndexedDbFaceLockout({
    databaseName: `lockout-test-${count}`,
    kioskId: options.kioskId ?? 'kiosk-test',
    policy: {
      rounds: options.rounds ?? 3,
      hours: options.hours ?? 24,
      triesPerRound: DEFAULT_FACE_TRIES,
    },
    ...(options.now ? { now: options.now } : {}),
  });
  return { holderKeys, faceLockout };
}
