import { fromCallback, type AnyActorRef, type EventObject, type Subscription } from 'xstate';

/**
 * The device a flow's step is working with, which nothing may interrupt: the card reader
 * reading, the face verifier checking, a printer printing, or another device at work.
 */
export type DeviceWork = 'card' | 'face' | 'print' | 'device';

/** What the session needs to know of its running flow: whether a device works, whether it failed. */
export interface FlowActivity {
  /** The device at work in a `busy` state anywhere in the flow (the deepest step names it). */
  busy: DeviceWork | null;
  /** Whether a state anywhere in the flow is tagged `failed` (the screen explains a failure). */
  failed: boolean;
}

export type FlowActivityEvent = { type: 'flow.activity' } & FlowActivity;

/** The shared steps by machine id; any other busy state is some device at work. */
const WORK_OF_STEP: Readonly<Record<string, DeviceWork>> = {
  card: 'card',
  identity: 'face',
  print: 'print',
};

interface StepSnapshot {
  status: string;
  hasTag?: (tag: string) => boolean;
  children?: Record<string, AnyActorRef | undefined>;
  machine?: { id: string };
}

const snapshotOf = (actor: AnyActorRef) => actor.getSnapshot() as StepSnapshot;

function childrenOf(actor: AnyActorRef): AnyActorRef[] {
  return Object.values(snapshotOf(actor).children ?? {}).filter(
    (child): child is AnyActorRef => child !== undefined,
  );
}

function busyWork(actor: AnyActorRef): DeviceWork | null {
  const snapshot = snapshotOf(actor);
  if (snapshot.status !== 'active') return null;
  for (const child of childrenOf(actor)) {
    const work = busyWork(child);
    if (work) return work;
  }
  if (!snapshot.hasTag?.('busy')) return null;
  return WORK_OF_STEP[snapshot.machine?.id ?? ''] ?? 'device';
}

function anyFailed(actor: AnyActorRef): boolean {
  const snapshot = snapshotOf(actor);
  if (snapshot.status !== 'active') return false;
  return snapshot.hasTag?.('failed') === true || childrenOf(actor).some(anyFailed);
}

/** Whether a flow (with every step it runs) has a device at work, and whether it shows a failure. */
export function activityOf(flow: AnyActorRef | undefined): FlowActivity {
  return flow ? { busy: busyWork(flow), failed: anyFailed(flow) } : { busy: null, failed: false };
}

/**
 * Follows the session's running flow (its child `flow`) and every actor under it, and tells the
 * session (`flow.activity`) whenever whether a device works, or whether a failure shows, changes.
 */
export const watchFlowActivity = fromCallback<EventObject, { session: AnyActorRef }>(
  ({ input, sendBack }) => {
    const followed = new Map<AnyActorRef, Subscription>();
    let last = '';
    let stopped = false;
    let scheduled = false;
    // Looked at once the actors have settled: a step's end reaches its flow before the session
    // acts on it (and, say, stops that flow on its way home).
    const check = () => {
      if (scheduled || stopped) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        look();
      });
    };
    const look = () => {
      if (stopped) return;
      const flow = (input.session.getSnapshot() as StepSnapshot).children?.['flow'];
      // Follow every actor of the flow's tree as it is now; let go of those that left it.
      const present = new Set<AnyActorRef>();
      const follow = (actor: AnyActorRef) => {
        present.add(actor);
        if (!followed.has(actor))
          followed.set(actor, actor.subscribe({ next: check, error: check, complete: check }));
        childrenOf(actor).forEach(follow);
      };
      if (flow) follow(flow);
      for (const [actor, subscription] of followed) {
        if (present.has(actor) || actor === input.session) continue;
        subscription.unsubscribe();
        followed.delete(actor);
      }
      const activity = activityOf(flow);
      const key = `${activity.busy}/${activity.failed}`;
      if (key === last) return;
      last = key;
      sendBack({ type: 'flow.activity', ...activity } satisfies FlowActivityEvent);
    };
    followed.set(
      input.session,
      input.session.subscribe({ next: check, error: () => {}, complete: () => {} }),
    );
    look();
    return () => {
      stopped = true;
      for (const subscription of followed.values()) subscription.unsubscribe();
      followed.clear();
    };
  },
);
