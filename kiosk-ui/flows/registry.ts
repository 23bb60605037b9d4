import type { AnyActorLogic } from 'xstate';
import type { FlowId } from '../domain';
import type { FlowView } from './App';

/** One citizen service: its machine and its screens, added to home only when both exist. */
export interface FlowRegistration {
  id: FlowId;
  machine: AnyActorLogic;
  view: FlowView;
}

/** The flows this build offers. Later work registers each flow here as it lands. */
const REGISTERED: readonly FlowRegistration[] = [];

export function availableFlows(registered: readonly FlowRegistration[] = REGISTERED) {
  return {
    ids: registered.map((f) => f.id),
    machines: Object.fromEntries(registered.map((f) => [f.id, f.machine])) as Partial<
      Record<FlowId, AnyActorLogic>
    >,
    views: Object.fromEntries(registered.map((f) => [f.id, f.view])) as Partial<
      Record<FlowId, FlowView>
    >,
  };
}
