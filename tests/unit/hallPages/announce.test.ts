import { describe, expect, it } from 'vitest';
import {
  CallAnnouncer,
  announcementText,
  spokenNumber,
  type Voice,
} from '../../../hall-server/pages/announce';

/** A voice that records what it was asked to say and finishes only when told. */
function recordingVoice() {
  const said: string[] = [];
  const endings: (() => void)[] = [];
  const voice: Voice = {
    say(text, done) {
      said.push(text);
      endings.push(done);
    },
  };
  return { voice, said, finishCurrent: () => endings.shift()?.() };
}

/** Timers the test fires by hand. */
function manualTimers() {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    setTimer: (fn: () => void) => {
      timers.set(++next, fn);
      return next;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    fireAll: () => [...timers.entries()].forEach(([id, fn]) => (timers.delete(id), fn())),
    count: () => timers.size,
  };
}

describe('spokenNumber', () => {
  it('reads the digits one by one, as a Chinese hall calls them', () => {
    expect(spokenNumber('A012')).toBe('A零一二');
    expect(spokenNumber('B100')).toBe('B一零零');
    expect(spokenNumber('AR003')).toBe('AR零零三');
  });
});

describe('announcementText', () => {
  it('calls a number to a window', () => {
    expect(announcementText({ number: 'A012', window: 3, recall: false })).toBe(
      '请 A零一二 号到 3 号窗口',
    );
  });
  it('says a recall is one', () => {
    expect(announcementText({ number: 'C007', window: 10, recall: true })).toBe(
      '再次呼叫，请 C零零七 号到 10 号窗口',
    );
  });
});

describe('CallAnnouncer', () => {
  it('says a new call only after the one playing has ended', () => {
    const { voice, said, finishCurrent } = recordingVoice();
    const announcer = new CallAnnouncer(voice, manualTimers());
    announcer.announce(1, { number: 'A001', window: 1, recall: false });
    announcer.announce(2, { number: 'B001', window: 5, recall: false });
    expect(said).toEqual(['请 A零零一 号到 1 号窗口']);
    expect(announcer.pending).toEqual(['请 B零零一 号到 5 号窗口']);
    finishCurrent();
    expect(said).toEqual(['请 A零零一 号到 1 号窗口', '请 B零零一 号到 5 号窗口']);
    finishCurrent();
    expect(announcer.speaking).toBeNull();
  });

  it('says an event once, however often it arrives, and nothing older than it', () => {
    const { voice, said, finishCurrent } = recordingVoice();
    const announcer = new CallAnnouncer(voice, manualTimers());
    const call = { number: 'A001', window: 1, recall: false };
    expect(announcer.announce(7, call)).toBe(true);
    expect(announcer.announce(7, call)).toBe(false);
    expect(announcer.announce(6, call)).toBe(false);
    finishCurrent();
    expect(said).toEqual(['请 A零零一 号到 1 号窗口']);
  });

  it('does not say the calls made before the display looked', () => {
    const { voice, said } = recordingVoice();
    const announcer = new CallAnnouncer(voice, manualTimers());
    announcer.startAfter(40);
    announcer.announce(40, { number: 'A001', window: 1, recall: false });
    announcer.announce(41, { number: 'A002', window: 2, recall: true });
    expect(said).toEqual(['再次呼叫，请 A零零二 号到 2 号窗口']);
  });

  it('follows a hall whose event ids started again (startAfter a lower id)', () => {
    const { voice, said, finishCurrent } = recordingVoice();
    const announcer = new CallAnnouncer(voice, manualTimers());
    announcer.announce(50, { number: 'A050', window: 1, recall: false });
    finishCurrent();
    announcer.startAfter(3);
    announcer.announce(4, { number: 'A004', window: 1, recall: false });
    expect(said).toEqual(['请 A零五零 号到 1 号窗口', '请 A零零四 号到 1 号窗口']);
  });

  it('goes on when a voice never reports the end, without two texts at once', () => {
    const { voice, said } = recordingVoice();
    const timers = manualTimers();
    const announcer = new CallAnnouncer(voice, timers);
    announcer.announce(1, { number: 'A001', window: 1, recall: false });
    announcer.announce(2, { number: 'A002', window: 2, recall: false });
    expect(said).toHaveLength(1);
    timers.fireAll();
    expect(said).toHaveLength(2);
    expect(announcer.speaking).toBe('请 A零零二 号到 2 号窗口');
  });

  it('ignores a late end of a text it has already left behind', () => {
    const { voice, said, finishCurrent } = recordingVoice();
    const timers = manualTimers();
    const announcer = new CallAnnouncer(voice, timers);
    announcer.announce(1, { number: 'A001', window: 1, recall: false });
    announcer.announce(2, { number: 'A002', window: 2, recall: false });
    announcer.announce(3, { number: 'A003', window: 3, recall: false });
    timers.fireAll(); // A001 stuck: on to A002
    finishCurrent(); // A001's late end must not skip A002
    expect(said).toHaveLength(2);
    expect(announcer.speaking).toBe('请 A零零二 号到 2 号窗口');
  });

  it('keeps the newest calls of a long backlog', () => {
    const { voice, said } = recordingVoice();
    const announcer = new CallAnnouncer(voice, { ...manualTimers(), maxPending: 2 });
    for (let id = 1; id <= 5; id++)
      announcer.announce(id, { number: `A00${id}`, window: id, recall: false });
    expect(said).toEqual(['请 A零零一 号到 1 号窗口']);
    expect(announcer.pending).toEqual(['请 A零零四 号到 4 号窗口', '请 A零零五 号到 5 号窗口']);
  });
});
