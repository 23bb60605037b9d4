import { describe, expect, it, vi } from 'vitest';
import { createActor, createMachine, sendTo } from 'xstate';
import { MockIdCardReader } from '../../../device-adapters/mock/mockIdCardReader';
import { watchCardReader } from '../../../kiosk-ui/cardReaderWatch';

/** A parent that runs the watch and tells it a visit ended, as the session does. */
function watching(reader: MockIdCardReader, onLeftBehind: () => void) {
  const parent = createMachine({
    invoke: { id: 'watch', src: 'watch' },
    on: { end: { actions: sendTo('watch', { type: 'visit.ended' }) } },
  }).provide({ actors: { watch: watchCardReader(reader, onLeftBehind) } });
  return createActor(parent).start();
}

describe('the card watch', () => {
  it('tells of a card left on the reader as a visit ends, and of no other', () => {
    const reader = new MockIdCardReader();
    const left = vi.fn();
    const session = watching(reader, left);
    session.send({ type: 'end' });
    expect(left).not.toHaveBeenCalled();
    reader.insert('adult');
    session.send({ type: 'end' });
    expect(left).toHaveBeenCalledTimes(1);
    reader.remove();
    session.send({ type: 'end' });
    expect(left).toHaveBeenCalledTimes(1);
  });
});
