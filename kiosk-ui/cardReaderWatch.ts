import { fromCallback } from 'xstate';
import type { IdCardReader } from '../device-adapters';
import type { CardReaderEvent, VisitEndedEvent } from '../machines';

/**
 * The session's watch on the ID reader: it tells the session whether a card lies there
 * (`device.card`, at once and on every change), and sets a card still there aside when the
 * session says a visit ended, so that the next visit does not read it unless it is placed again;
 * `onLeftBehind` hears of each such card.
 */
export function watchCardReader(reader: IdCardReader, onLeftBehind: () => void = () => {}) {
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
      if (event.type !== 'visit.ended') return;
      // A card still there as the visit ends was left behind: staff see how often (设备状态).
      if (present) onLeftBehind();
      reader.setAside();
    });
    return off;
  });
}
