import type { EventObject } from 'xstate';
import type { FlowId, KioskConfig } from '../../../domain';
import type { SessionEvent } from '../../../machines';
import type { Rng } from '../rng';

/** An appointment slip the citizen has in hand, read from the print tray. */
export interface Slip {
  appointmentId: string;
  /** The QR's payload, as the scanner reads it. */
  code: string;
  /** The test person whose card booked it. */
  person: string;
  date: string;
  start: string;
}

/** Who walks up to the kiosk, and what for. */
export interface Visitor {
  /** The test person whose card this citizen carries (a slug of TEST_PERSONS). */
  person: string;
  /** Someone else's card the citizen may try by mistake. */
  otherPerson: string;
  /** The service the citizen came for. */
  intent: FlowId;
  /** Set when the citizen came to check in for an appointment. */
  checkIn: Slip | null;
  /** The mobile number the citizen types when booking. */
  phone: string;
}

/** One thing the simulated citizen does. */
export type Act =
  /** Taps a button of the flow's screen. */
  | { do: 'flow'; event: EventObject }
  /** Taps a button of a part of the screen a child actor draws (人证核验, printing). */
  | { do: 'child'; child: string; event: EventObject }
  /** Taps the top bar, attract, home, goodbye or the idle warning. */
  | { do: 'session'; event: SessionEvent }
  /** Puts a card on the reader: the citizen's own, or someone else's. */
  | { do: 'insertCard'; whose: 'own' | 'other' }
  | { do: 'removeCard' }
  | { do: 'scan'; code: string }
  | { do: 'takePaper' }
  /** Reads the screen, thinks, waits for the device. */
  | { do: 'wait' }
  | { do: 'walkAway'; why: string };

/** What a driver sees: the state of the screen's actor, its context, and the citizen. */
export interface DriverView<C> {
  state: string;
  context: C;
  rng: Rng;
  visitor: Visitor;
  config: KioskConfig;
}

/** A weighted choice: an act, or a function that picks one (null when it does not apply). */
export type Choice<C> = readonly [weight: number, act: Act | ((view: DriverView<C>) => Act | null)];

/** Per state of a machine, what a citizen might plausibly do there. */
export type StateTable<C> = Readonly<Record<string, readonly Choice<C>[]>>;

/** A child actor that has the screen while its parent flow is in one state. */
export interface Delegate<C> {
  child: string;
  states: StateTable<C>;
}

/**
 * A simulated citizen for one flow: small tables, state by state. States missing from the table
 * are counted as driver gaps (the flow changed; the driver should learn the new state).
 */
export interface FlowDriver<C> {
  states: StateTable<C>;
  /** Flow states in which a child actor draws the screen, and that child's table. */
  delegates?: Readonly<Record<string, Delegate<never>>>;
  /** Every event the flow takes, for the occasional tap at the wrong moment. */
  events: readonly EventObject[];
  /** States where the citizen is absorbed (typing a number): stray taps are rarer there. */
  focused?: readonly string[];
}

/** Taps for one flow's events, type-checked against its machine: `tapper<EventFrom<M>>()`. */
export const tapper =
  <E extends EventObject>() =>
  (event: E): Act => ({ do: 'flow', event });
/** Taps for a child actor's events: `childTapper<EventFrom<M>>('identity')`. */
export const childTapper =
  <E extends EventObject>(child: string) =>
  (event: E): Act => ({ do: 'child', child, event });
export const ownCard: Act = { do: 'insertCard', whose: 'own' };
export const otherCard: Act = { do: 'insertCard', whose: 'other' };
export const wait: Act = { do: 'wait' };
export const takePaper: Act = { do: 'takePaper' };
/** The top bar's Back, which the session hands to the flow. */
export const topBack: Act = { do: 'session', event: { type: 'user.back' } };
export const giveUp = (why: string): Act => ({ do: 'walkAway', why });

/** A state where the kiosk works and the citizen waits. */
export const busy: readonly Choice<unknown>[] = [[1, wait]];
