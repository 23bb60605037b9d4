import type { AnyActorRef, EventObject } from 'xstate';
import type { FlowId, KioskConfig } from '../../domain';
import { unavailableFlows, type SessionEvent } from '../../machines';
import type { Act, Choice, DriverView, FlowDriver, StateTable, Visitor } from './drivers/types';
import type { SessionActor } from './kiosk';
import type { Rng } from './rng';

/** What the citizen looks at before each step. */
export interface Screen {
  /** attract, home, goodbye, or the flow on screen. */
  name: 'attract' | 'home' | 'goodbye' | FlowId;
  /** The idle warning is up. */
  warning: boolean;
  /** Where the screen is, for the event log: `queue.identify`, `licencePrint.identifying/verifying`. */
  where: string;
}

type ScreenSnapshot = ReturnType<SessionActor['getSnapshot']>;

export function screenOf(snapshot: ScreenSnapshot): Screen {
  const warning = snapshot.context.countdown !== null;
  if (snapshot.matches('attract')) return { name: 'attract', warning, where: 'attract' };
  if (snapshot.matches({ active: { screen: 'goodbye' } }))
    return { name: 'goodbye', warning, where: 'goodbye' };
  const flow = snapshot.context.flow;
  if (!flow) return { name: 'home', warning, where: 'home' };
  const ref = snapshot.children.flow as AnyActorRef | undefined;
  const state = ref ? stateName(ref.getSnapshot()) : '(none)';
  const children = Object.entries(
    (ref?.getSnapshot().children ?? {}) as Record<string, AnyActorRef | undefined>,
  );
  // Only the machines among the children (identity, printing), not the promises under way.
  const inner = children
    .filter(([, child]) => typeof child?.getSnapshot().value === 'string')
    .map(([id, child]) => `${id}:${stateName(child?.getSnapshot())}`)
    .join(',');
  return { name: flow, warning, where: `${flow}.${state}${inner ? `/${inner}` : ''}` };
}

export function stateName(snapshot: unknown): string {
  const value = (snapshot as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

/** Every citizen's habits around the flows: the session's screens and the odd tap. */
interface Habits {
  rng: Rng;
  visitor: Visitor;
  config: KioskConfig;
  /** The flow the citizen came for ended (done, or back to home). */
  intentOver: boolean;
  /** The citizen has touched the kiosk at all. */
  engaged: boolean;
  /** Whether the scanner works now, as the citizen would find out. */
  scannerWorks: boolean;
  flows: readonly FlowId[];
  drivers: Partial<Record<FlowId, FlowDriver<never>>>;
  /** A driver gap: the flow is in a state its driver does not know. */
  onGap(where: string): void;
}

const session = (event: SessionEvent): Act => ({ do: 'session', event });
const walkAway = (why: string): Act => ({ do: 'walkAway', why });
const GARBAGE_CODES = ['https://example.com/menu', '6901234567892', 'BDY1:X:00000000', 'BDY1:A:'];

function pick(rng: Rng, choices: readonly (readonly [number, Act | null])[]): Act {
  const open = choices.filter((c): c is readonly [number, Act] => c[1] !== null && c[0] > 0);
  return open.length > 0 ? rng.weighted(open) : { do: 'wait' };
}

function slipCode(visitor: Visitor): string | null {
  return visitor.checkIn?.code ?? null;
}

/** The session's own screens: attract, home, goodbye, and the idle warning. */
function onSessionScreen(screen: Screen, snapshot: ScreenSnapshot, habits: Habits): Act {
  const { rng, visitor } = habits;
  if (screen.warning) {
    return pick(rng, [
      [6, session({ type: 'user.continue' })],
      [1, { do: 'wait' }],
      [1, walkAway('ignores the idle warning')],
    ]);
  }
  const code = habits.scannerWorks ? slipCode(visitor) : null;
  switch (screen.name) {
    case 'attract':
      if (habits.intentOver) return walkAway('done');
      return pick(rng, [
        [6, session({ type: 'user.wake' })],
        [visitor.intent === 'idCopy' ? 0 : 2, { do: 'insertCard', whose: 'own' }],
        [code ? 10 : 0, code ? { do: 'scan', code } : null],
        [0.3, { do: 'scan', code: rng.pick(GARBAGE_CODES) }],
        [0.5, session({ type: 'user.setElderly', elderly: true })],
        [0.3, session({ type: 'user.setLocale', locale: 'en' })],
        [habits.engaged ? 2 : 0.2, walkAway('leaves the attract screen')],
      ]);
    case 'goodbye':
      return pick(rng, [
        [5, session({ type: 'user.finish' })],
        [5, walkAway('done, goes')],
      ]);
    default: {
      const paused = unavailableFlows(
        snapshot.context.deviceStatuses,
        [visitor.intent],
        snapshot.context.requirements,
      );
      const other = rng.pick(habits.flows);
      if (habits.intentOver) {
        return pick(rng, [
          [5, session({ type: 'user.finish' })],
          [4, walkAway('done, goes')],
          [1, session({ type: 'user.selectFlow', flow: other })],
        ]);
      }
      const intentPaused = paused[visitor.intent] !== undefined;
      return pick(rng, [
        [intentPaused ? 1 : 10, session({ type: 'user.selectFlow', flow: visitor.intent })],
        [intentPaused ? 3 : 1, session({ type: 'user.selectFlow', flow: other })],
        [intentPaused ? 3 : 0.3, walkAway('the service is paused')],
        [code ? 3 : 0, code ? { do: 'scan', code } : null],
        [0.5, session({ type: 'user.finish' })],
        [0.4, session({ type: 'user.setElderly', elderly: !snapshot.context.elderly })],
        [0.2, session({ type: 'user.setLocale', locale: 'en' })],
      ]);
    }
  }
}

function resolve<C>(
  table: readonly Choice<C>[],
  view: DriverView<C>,
): (readonly [number, Act | null])[] {
  return table.map(([weight, act]) => [weight, typeof act === 'function' ? act(view) : act]);
}

/** A flow's screen: its driver's table for the state, and the odd stray tap. */
function onFlowScreen(
  flow: FlowId,
  ref: AnyActorRef | undefined,
  snapshot: ScreenSnapshot,
  habits: Habits,
): Act {
  const { rng, visitor, config } = habits;
  const driver = habits.drivers[flow];
  if (!driver || !ref) return session({ type: 'user.home' });
  const flowSnapshot = ref.getSnapshot() as {
    context: never;
    children: Record<string, AnyActorRef>;
  };
  const state = stateName(flowSnapshot);
  const delegate = driver.delegates?.[state];
  const child = delegate ? flowSnapshot.children[delegate.child] : undefined;
  let table: StateTable<never> = driver.states;
  let where = `${flow}.${state}`;
  let view: DriverView<never> = { state, context: flowSnapshot.context, rng, visitor, config };
  if (delegate && child) {
    const childSnapshot = child.getSnapshot() as { context: never };
    const childState = stateName(childSnapshot);
    table = delegate.states;
    where = `${flow}.${state}/${delegate.child}:${childState}`;
    view = { state: childState, context: childSnapshot.context, rng, visitor, config };
  }
  const known = table[view.state];
  if (!known) habits.onGap(where);
  const choices = resolve(known ?? [[1, { do: 'wait' }]], view);
  const weight = choices.reduce((sum, [w, act]) => sum + (act ? w : 0), 0) || 1;
  const total = driver.focused?.includes(state) ? weight * 0.2 : weight;
  const wrong: EventObject = rng.pick(driver.events);
  return pick(rng, [
    ...choices,
    [total * 0.035, walkAway('walks away mid-flow')],
    [total * (known ? 0.03 : 1), session({ type: 'user.back' })],
    [total * 0.012, session({ type: 'user.home' })],
    [total * 0.03, { do: 'flow', event: wrong }],
    [total * 0.01, session({ type: 'user.setElderly', elderly: !snapshot.context.elderly })],
    [total * 0.005, session({ type: 'user.setLocale', locale: 'en' })],
    [total * 0.02, { do: 'removeCard' }],
    [total * 0.005, { do: 'scan', code: rng.pick(GARBAGE_CODES) }],
  ]);
}

/** What the citizen does next, looking at the screen. */
export function decide(sessionActor: SessionActor, habits: Habits): Act {
  const snapshot = sessionActor.getSnapshot();
  const screen = screenOf(snapshot);
  if (
    screen.warning ||
    screen.name === 'attract' ||
    screen.name === 'home' ||
    screen.name === 'goodbye'
  )
    return onSessionScreen(screen, snapshot, habits);
  return onFlowScreen(
    screen.name,
    snapshot.children.flow as AnyActorRef | undefined,
    snapshot,
    habits,
  );
}

export type { Habits };

/** How long the citizen takes before the next step. */
export function thinkMs(rng: Rng, act: Act): number {
  if (act.do === 'wait') return rng.int(1_000, 8_000);
  return rng.weighted([
    [70, rng.int(500, 4_000)],
    [25, rng.int(4_000, 15_000)],
    [5, rng.int(30_000, 100_000)],
  ]);
}
