import { fromCallback, fromPromise } from 'xstate';
import type { IdCardReader, KioskDevices } from '../../device-adapters';
import { cardStepMachine, type CardReaderEvent, type VisitEndedEvent } from '../../machines';

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

/**
 * The session's watch on the ID reader: it tells the session whether a card lies there
 * (`device.card`, at once and on every change), and sets a card still there aside when the
 * session says a visit ended, so that the next visit does not read it unless it is placed again.
 */
export function watchCardReader(reader: IdCardReader) {
  return fromCallback<VisitEndedEvent>(({ sendBack, receive }) => {
    let present = reader.cardPresent;
    const tell = (now: boolean) => {
      present = now;
      sendBack({ type: 'device.card', present: now } satisfies CardReaderEvent);
    };
    tell(present);
    const off = reader.onCard((presence) => tell(presence === 'inserted'));
    // What the reader itself says (a bridge may know of a card no event told of).
    void reader.queryCard().then((inField) => {
      if ((inField !== 'none') !== present) tell(inField !== 'none');
    });
    receive((event) => {
      if (event.type === 'visit.ended') reader.setAside();
    });
    return off;
  });
}
