import {
  createActor,
  type Actor,
  type AnyEventObject,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type InspectionEvent,
} from 'xstate';
import type { FlowInput } from '../../domain';
import { flush, type DeviceDesk, type Settle } from './deviceDesk';
import type { Step } from './flowWorlds';

/** Machine actors (the flow, or the session and its flows) that ended in status 'error'. */
export function errorWatch() {
  const errors: string[] = [];
  const inspect = (event: InspectionEvent) => {
    if (event.type !== '@xstate.snapshot') return;
    const snapshot = event.snapshot as { status?: string; error?: unknown; machine?: unknown };
    // A device actor that failed is a device failure, for its flow to handle; a machine that failed is a bug.
    if (snapshot.status === 'error' && snapshot.machine !== undefined) {
      errors.push(
        `${(event.actorRef as { id?: string }).id ?? 'actor'}: ${String(snapshot.error)}`,
      );
    }
  };
  return { errors, inspect };
}

export interface FlowRun {
  actor: Actor<AnyStateMachine>;
  desk: DeviceDesk;
  errors: string[];
}

export const stateName = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value);

const snapshotOf = (run: FlowRun) => run.actor.getSnapshot() as AnyMachineSnapshot;

interface Target {
  send: (event: AnyEventObject) => void;
  getSnapshot: () => unknown;
}

/**
 * Who hears a citizen's press: the screen shows the deepest step at work (人证核验 inside a
 * flow, the card step inside it, a print step asking what to do), and its buttons go to that
 * step; so the steps still running are asked first, deepest first, and the flow last.
 */
function targetsOf(actor: Target): Target[] {
  const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
  if (snapshot.status !== 'active' || typeof snapshot.can !== 'function') return [];
  const children = Object.values(snapshot.children ?? {}) as Target[];
  return [...children.flatMap(targetsOf), actor];
}

const takes = (target: Target, event: AnyEventObject) =>
  (target.getSnapshot() as AnyMachineSnapshot).can(event);

/** Sends `event` to the deepest step that takes it; to the flow (which ignores it) when none does. */
function deliver(run: FlowRun, event: AnyEventObject): void {
  const target = targetsOf(run.actor).find((t) => takes(t, event)) ?? run.actor;
  target.send(event); // XState takes an event synchronously, the invokes it starts included
}

/**
 * Starts a flow as the session would, its device calls waiting at `desk` (emptied first);
 * `visited` gathers the states it passes through.
 */
export function startFlow(
  flow: AnyStateMachine,
  desk: DeviceDesk,
  input: FlowInput = { locale: 'zh-CN', elderly: false },
  visited?: Set<string>,
): FlowRun {
  desk.reset();
  const { errors, inspect } = errorWatch();
  const actor = createActor(flow, { input, inspect });
  actor.subscribe({
    next: (snapshot) => {
      const value = (snapshot as AnyMachineSnapshot).value;
      // a compound state counts as reached under its own name, whichever child it is in
      for (const name of typeof value === 'string' ? [value] : Object.keys(value))
        visited?.add(name);
    },
    error: (error) => errors.push(`flow: ${String(error)}`),
  });
  actor.start();
  return { actor, desk, errors };
}

/**
 * Plays the steps: events sent whatever the state; a `choose` step presses one of the
 * `candidates` the current state offers; a device step settles the oldest call in flight. So
 * that no step is wasted, a choose step with nothing offered lets a call in flight succeed, and
 * a device step with no call in flight presses something offered.
 */
export async function play(
  run: FlowRun,
  steps: readonly Step<AnyEventObject>[],
  candidates: readonly AnyEventObject[][],
): Promise<void> {
  for (const step of steps) {
    // An ended flow is gone from the session: nothing more reaches it.
    if (snapshotOf(run).status !== 'active') return;
    if ('user' in step) {
      deliver(run, step.user);
    } else if ('device' in step ? run.desk.busy : !sendChosen(run, candidates, step.choose)) {
      run.desk.settleOldest('device' in step ? step.device : { ok: true, pick: step.choose });
      await flush();
    } else if ('device' in step) {
      sendChosen(run, candidates, step.device.ok ? step.device.pick : 0);
    }
  }
}

/**
 * Presses the first candidate the state offers, looking from the `choose`-th on; false when it
 * offers none. (Asking can() of every candidate on every step made the runs slow.)
 */
function sendChosen(
  run: FlowRun,
  candidates: readonly AnyEventObject[][],
  choose: number,
): boolean {
  const targets = targetsOf(run.actor);
  for (let i = 0; i < candidates.length; i += 1) {
    const gesture = candidates[(choose + i) % candidates.length] ?? [];
    const first = gesture[0];
    const target = first && targets.find((t) => takes(t, first));
    if (target) {
      for (const event of gesture) target.send(event);
      return true;
    }
  }
  return false;
}

/** How a flow was left: the states that took only user.done, and those that waited on a device. */
export interface WayOut {
  steps: number;
  doneOnly: string[];
  deviceWaits: string[];
}

/**
 * Leaves a flow the way a citizen who wants out would: user.back wherever it is taken, else
 * user.done, else (a device call in flight, no button to press) the device answers, with
 * `answers` in turn. Throws when a state offers none of these, or the flow has not ended
 * within `maxSteps`.
 */
export async function leave(
  run: FlowRun,
  answers: readonly Settle[],
  maxSteps: number,
): Promise<WayOut> {
  const way: WayOut = { steps: 0, doneOnly: [], deviceWaits: [] };
  const back = { type: 'user.back' };
  const done = { type: 'user.done' };
  while (snapshotOf(run).status === 'active') {
    if (way.steps >= maxSteps) {
      throw new Error(`the flow has not ended after ${maxSteps} steps out: ${JSON.stringify(way)}`);
    }
    const state = stateName(snapshotOf(run).value);
    const targets = targetsOf(run.actor);
    const backTo = targets.find((t) => takes(t, back));
    const doneTo = targets.find((t) => takes(t, done));
    if (backTo) {
      backTo.send(back);
    } else if (doneTo) {
      way.doneOnly.push(state);
      doneTo.send(done);
    } else if (run.desk.busy) {
      way.deviceWaits.push(state);
      run.desk.settleOldest(
        answers[way.steps % Math.max(1, answers.length)] ?? { ok: true, pick: 0 },
      );
    } else {
      throw new Error(
        `stuck in ${state}: user.back and user.done are not taken, and no device call is in flight`,
      );
    }
    way.steps += 1;
    await flush();
  }
  return way;
}
