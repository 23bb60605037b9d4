import type { DisplaySnapshot, HallEvent, HallEventRecord } from '../../domain/hallProtocol';

/** What the call display shows: the server's snapshot, kept current event by event. */
export type DisplayState = DisplaySnapshot;

export const RECENT_CALLS = 10;

/**
 * - `applied`: the event was the next one and is in the state;
 * - `duplicate`: an event the state already holds (a replay after a reconnect): nothing changed;
 * - `gap`: events are missing before this one (ids are gap-free): re-read the snapshot.
 */
export type ApplyOutcome = 'applied' | 'duplicate' | 'gap';

/** The state after one event of the hall's stream. */
export function applyEvent(
  state: DisplayState,
  record: HallEventRecord,
): { state: DisplayState; outcome: ApplyOutcome } {
  if (record.id <= state.lastEventId) return { state, outcome: 'duplicate' };
  if (record.id > state.lastEventId + 1) return { state, outcome: 'gap' };
  return { state: { ...change(state, record), lastEventId: record.id }, outcome: 'applied' };
}

function change(state: DisplayState, { event, at }: HallEventRecord): DisplayState {
  switch (event.type) {
    case 'ticket-issued':
      return { ...state, waiting: counted(state, event.ticket.serviceCode, +1) };
    case 'ticket-released':
      return { ...state, waiting: counted(state, event.ticket.serviceCode, -1) };
    case 'call': {
      const current = { number: event.ticket.number, calledAt: event.ticket.calledAt ?? at };
      const recentCalls = [
        { number: event.ticket.number, window: event.window, at: current.calledAt },
        ...state.recentCalls.filter((call) => call.number !== event.ticket.number),
      ].slice(0, RECENT_CALLS);
      return {
        ...state,
        windows: withCurrent(state, event.window, current),
        recentCalls,
        // A first call takes the ticket off its service's waiting list; a recall does not.
        waiting: event.recall ? state.waiting : counted(state, event.ticket.serviceCode, -1),
      };
    }
    case 'ticket-skipped':
    case 'ticket-finished':
      return { ...state, windows: cleared(state, event.window, event.ticket.number) };
    case 'ticket-transferred':
      return {
        ...state,
        windows: cleared(state, event.window, event.ticket.number),
        waiting: counted(state, event.ticket.serviceCode, +1),
      };
    default:
      // device-status, and a type a newer server sends: nothing on screen changes.
      return state;
  }
}

function withCurrent(
  state: DisplayState,
  window: number,
  current: { number: string; calledAt: string },
): DisplayState['windows'] {
  const windows = state.windows.some((w) => w.number === window)
    ? state.windows.map((w) => (w.number === window ? { ...w, current } : w))
    : [...state.windows, { number: window, current }].sort((a, b) => a.number - b.number);
  // A number is at one window only (a transfer and a new call elsewhere move it).
  return windows.map((w) =>
    w.number !== window && w.current?.number === current.number ? { ...w, current: null } : w,
  );
}

function cleared(state: DisplayState, window: number, number: string): DisplayState['windows'] {
  return state.windows.map((w) =>
    w.number === window && w.current?.number === number ? { ...w, current: null } : w,
  );
}

function counted(state: DisplayState, serviceCode: string, by: number): DisplayState['waiting'] {
  return state.waiting.map((service) =>
    service.serviceCode === serviceCode
      ? { ...service, count: Math.max(0, service.count + by) }
      : service,
  );
}

/** The event's call to announce, if it is one. */
export function callOf(
  event: HallEvent,
): { number: string; window: number; recall: boolean } | null {
  return event.type === 'call'
    ? { number: event.ticket.number, window: event.window, recall: event.recall }
    : null;
}
