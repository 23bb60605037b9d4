import { describe, expect, it } from 'vitest';
import type { DisplaySnapshot, HallEvent, HallTicket } from '../../../domain/hallProtocol';
import { applyEvent, callOf, RECENT_CALLS } from '../../../hall-server/pages/displayState';

const NAME = { 'zh-CN': '商事登记', en: 'Business registration' };

function snapshot(over: Partial<DisplaySnapshot> = {}): DisplaySnapshot {
  return {
    hallName: { 'zh-CN': '县政务服务中心', en: 'County Government Service Centre' },
    lastEventId: 10,
    windows: [
      { number: 1, current: null },
      { number: 2, current: null },
    ],
    recentCalls: [],
    waiting: [
      { serviceCode: 'business-registration', name: NAME, prefix: 'A', count: 3 },
      { serviceCode: 'tax', name: { 'zh-CN': '税务办理', en: 'Tax' }, prefix: 'B', count: 0 },
    ],
    ...over,
  };
}

function ticket(number: string, over: Partial<HallTicket> = {}): HallTicket {
  return {
    id: `t-${number}`,
    serviceCode: number.startsWith('B') ? 'tax' : 'business-registration',
    date: '2026-12-02',
    number,
    sequence: Number(number.slice(1)),
    priority: false,
    issuedAt: '2026-12-02T01:00:00.000Z',
    waitingAhead: 0,
    printed: true,
    kioskId: 'kiosk-01',
    reserve: false,
    state: 'waiting',
    window: null,
    calledAt: null,
    calls: 0,
    finishedAt: null,
    appointmentAt: null,
    ...over,
  };
}

const at = '2026-12-02T02:00:00.000Z';
const call = (number: string, window: number, recall = false): HallEvent => ({
  type: 'call',
  ticket: ticket(number, { state: 'called', window, calledAt: at, calls: recall ? 2 : 1 }),
  window,
  recall,
});

describe('applyEvent', () => {
  it('puts a call at its window, on top of the recent calls, and off the waiting count', () => {
    const { state, outcome } = applyEvent(snapshot(), { id: 11, at, event: call('A004', 2) });
    expect(outcome).toBe('applied');
    expect(state.lastEventId).toBe(11);
    expect(state.windows).toEqual([
      { number: 1, current: null },
      { number: 2, current: { number: 'A004', calledAt: at } },
    ]);
    expect(state.recentCalls).toEqual([{ number: 'A004', window: 2, at }]);
    expect(state.waiting[0]?.count).toBe(2);
  });

  it('moves a recalled number to the top once, and leaves the waiting count alone', () => {
    let state = snapshot();
    state = applyEvent(state, { id: 11, at, event: call('A004', 2) }).state;
    state = applyEvent(state, { id: 12, at, event: call('A005', 1) }).state;
    state = applyEvent(state, { id: 13, at, event: call('A004', 2, true) }).state;
    expect(state.recentCalls.map((c) => c.number)).toEqual(['A004', 'A005']);
    expect(state.waiting[0]?.count).toBe(1);
  });

  it('ignores an event it already holds, and reports a gap in the ids', () => {
    const state = snapshot();
    expect(applyEvent(state, { id: 10, at, event: call('A004', 2) })).toEqual({
      state,
      outcome: 'duplicate',
    });
    expect(applyEvent(state, { id: 12, at, event: call('A004', 2) }).outcome).toBe('gap');
  });

  it('clears a window when its ticket is finished, skipped or transferred', () => {
    for (const type of ['ticket-finished', 'ticket-skipped'] as const) {
      let state = applyEvent(snapshot(), { id: 11, at, event: call('A004', 2) }).state;
      state = applyEvent(state, {
        id: 12,
        at,
        event: { type, ticket: ticket('A004'), window: 2 },
      }).state;
      expect(state.windows[1]?.current).toBeNull();
      expect(state.recentCalls).toHaveLength(1);
    }
    let state = applyEvent(snapshot(), { id: 11, at, event: call('A004', 2) }).state;
    state = applyEvent(state, {
      id: 12,
      at,
      event: {
        type: 'ticket-transferred',
        ticket: ticket('A004', { serviceCode: 'tax' }),
        from: 'business-registration',
        window: 2,
      },
    }).state;
    expect(state.windows[1]?.current).toBeNull();
    expect(state.waiting.map((w) => w.count)).toEqual([2, 1]);
  });

  it('counts an issued ticket as waiting, and a window it did not know', () => {
    let state = applyEvent(snapshot(), {
      id: 11,
      at,
      event: { type: 'ticket-issued', ticket: ticket('B001') },
    }).state;
    expect(state.waiting.map((w) => w.count)).toEqual([3, 1]);
    state = applyEvent(state, { id: 12, at, event: call('B001', 7) }).state;
    expect(state.windows.map((w) => w.number)).toEqual([1, 2, 7]);
    expect(state.waiting.map((w) => w.count)).toEqual([3, 0]);
  });

  it('takes a released ticket off the waiting count', () => {
    let state = applyEvent(snapshot(), {
      id: 11,
      at,
      event: { type: 'ticket-issued', ticket: ticket('B001') },
    }).state;
    state = applyEvent(state, {
      id: 12,
      at,
      event: { type: 'ticket-released', ticket: ticket('B001') },
    }).state;
    expect(state.waiting.map((w) => w.count)).toEqual([3, 0]);
    expect(state.lastEventId).toBe(12);
  });

  it('keeps the last ten calls', () => {
    let state = snapshot();
    for (let n = 1; n <= 14; n++)
      state = applyEvent(state, { id: 10 + n, at, event: call(`A0${10 + n}`, 1) }).state;
    expect(state.recentCalls).toHaveLength(RECENT_CALLS);
    expect(state.recentCalls[0]?.number).toBe('A024');
  });

  it('moves a number called at another window off the first one', () => {
    let state = applyEvent(snapshot(), { id: 11, at, event: call('A004', 1) }).state;
    state = applyEvent(state, { id: 12, at, event: call('A004', 2, true) }).state;
    expect(state.windows.map((w) => w.current?.number ?? null)).toEqual([null, 'A004']);
  });

  it('keeps the id of an event it shows nothing for', () => {
    const { state, outcome } = applyEvent(snapshot(), {
      id: 11,
      at,
      event: {
        type: 'device-status',
        kioskId: 'kiosk-01',
        report: { kioskId: 'kiosk-01', at, devices: {} },
      },
    });
    expect(outcome).toBe('applied');
    expect(state.lastEventId).toBe(11);
    expect(callOf(call('A001', 3, true))).toEqual({ number: 'A001', window: 3, recall: true });
  });
});
