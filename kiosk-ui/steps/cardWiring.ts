import { fromPromise } from 'xstate';
import type { KioskDevices } from '../../device-adapters';
import { cardStepMachine } from '../../machines';

/**
 * The card step wired to this kiosk's reader: whether a card already lies on it, then the read,
 * bounded by `timeoutMs`.
 */
export function wiredCardStep(devices: KioskDevices, timeoutMs: number) {
  return cardStepMachine.provide({
    actors: {
      // A card set aside (left when an earlier visit ended) is not one to read.
      cardOnReader: fromPromise(async () => {
        const inField = await devices.idCard.queryCard();
        return inField === 'set-aside' ? inField : inField === 'card';
      }),
      readIdCard: fromPromise(({ signal }) => devices.idCard.read({ timeoutMs, signal })),
    },
    // The step's backstop stays behind the reader's own bound, whatever the configuration says.
    delays: { readBound: timeoutMs + 30_000 },
  });
}
