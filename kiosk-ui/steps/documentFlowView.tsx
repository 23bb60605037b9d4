import type { ActorRefFrom, AnyActorRef } from 'xstate';
import type { IdentityMachine, PrintJobsMachine } from '../../machines';
import { useSelector } from '../useSelector';

export type IdentityRef = ActorRefFrom<IdentityMachine>;
export type PrintJobsRef = ActorRefFrom<PrintJobsMachine>;

/**
 * What the views of the document flows share: the flow's step, the identity and printing child
 * actors while they run, and a button that sends one of the flow's events.
 */
export function useDocumentFlow<E extends { type: string }>(flow: AnyActorRef, initial: string) {
  const step = useSelector(flow, (s: { value: unknown }) =>
    typeof s.value === 'string' ? s.value : initial,
  );
  const identity = useSelector(
    flow,
    (s: { children: Record<string, unknown> }) => s.children['identity'] as IdentityRef | undefined,
  );
  const printing = useSelector(
    flow,
    (s: { children: Record<string, unknown> }) =>
      s.children['printing'] as PrintJobsRef | undefined,
  );
  const send = (event: E) => flow.send(event);
  const button = (label: string, event: E, kind: 'primary' | 'secondary' = 'primary') => (
    <button type="button" class={`${kind}-button`} onClick={() => send(event)}>
      {label}
    </button>
  );
  return { step, identity, printing, button, send };
}
