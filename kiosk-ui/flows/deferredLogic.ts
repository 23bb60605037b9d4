import type { AnyActorLogic } from 'xstate';

/**
 * Actor logic that stands for logic loaded later (a flow's lazy chunk): the session is given it at
 * start and only creates the actor once `resolve()` has the real logic, to which every call goes.
 */
export function deferredLogic(
  name: string,
  resolve: () => AnyActorLogic | undefined,
): AnyActorLogic {
  const logic = (): AnyActorLogic => {
    const real = resolve();
    if (!real)
      throw new Error(
        `Flow "${name}" was started before its code was loaded: the session must wait in its loading state (isFlowReady) until FlowCatalogue.load("${name}") has resolved.`,
      );
    return real;
  };
  const deferred: AnyActorLogic = {
    config: undefined,
    transition: (snapshot, event, scope) => logic().transition(snapshot, event, scope),
    getInitialSnapshot: (scope, input) => logic().getInitialSnapshot(scope, input),
    getPersistedSnapshot: (snapshot, options) => logic().getPersistedSnapshot(snapshot, options),
    start: (snapshot, scope) => logic().start?.(snapshot, scope),
    restoreSnapshot: (snapshot, scope) => {
      const real = logic();
      return real.restoreSnapshot ? real.restoreSnapshot(snapshot, scope) : snapshot;
    },
  };
  return deferred;
}
