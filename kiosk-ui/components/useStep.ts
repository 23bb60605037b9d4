import type {
  ActorRef,
  AnyMachineSnapshot,
  AnyStateMachine,
  EventFromLogic,
  EventObject,
  SnapshotFrom,
} from 'xstate';
import { useSelector } from '../useSelector';

/** What a view sees of a flow or a step actor: enough to draw the screen and send its events. */
export interface StepView<TSnapshot extends AnyMachineSnapshot, TEvent extends EventObject> {
  /** The state the actor is in (its top level). */
  name: string;
  context: TSnapshot['context'];
  /** The child actors that draw part of the screen (`identity`, `printing`, `card`). */
  children: TSnapshot['children'];
  /** Whether the state carries a tag (`busy`, `working`, `failed`): panels are chosen by tags. */
  hasTag(tag: string): boolean;
  /** Whether the actor takes this event now: buttons are enabled by it. */
  can(event: TEvent): boolean;
  send(event: TEvent): void;
}

/** The step view of a machine's actor, for the parts of a view drawn in components of their own. */
export type StepOf<TMachine extends AnyStateMachine> = StepView<
  SnapshotFrom<TMachine>,
  EventFromLogic<TMachine>
>;

/**
 * A view's one hook on a flow or step actor: its state's name, tags, context and children, and
 * `can` / `send` for its buttons. The view re-renders whenever the actor's snapshot changes.
 */
export function useStep<TSnapshot extends AnyMachineSnapshot, TEvent extends EventObject>(
  actor: ActorRef<TSnapshot, TEvent>,
): StepView<TSnapshot, TEvent> {
  const snapshot = useSelector(actor, (s: TSnapshot) => s);
  const value: unknown = snapshot.value;
  return {
    name: typeof value === 'string' ? value : (Object.keys(value ?? {})[0] ?? ''),
    context: snapshot.context,
    children: snapshot.children,
    hasTag: (tag) => snapshot.hasTag(tag),
    can: (event) => snapshot.can(event),
    send: (event) => actor.send(event),
  };
}
