import type { FlowCatalogue } from './flows';
import { hardenForKiosk } from './hardening';
import { whenIdle } from './idle';
import { registerServiceWorker } from './serviceWorker';
import type { SessionActor } from './session';
import { createUpdateGate } from './updateGate';

/**
 * What the kiosk does once its first screen is up, a chunk beside the entry: count touches as
 * the citizen's activity, close the gaps CSS leaves in the touch-only hardening, prefetch the
 * flows, and keep the app up to date between visits.
 */
export function settleIn(root: HTMLElement, session: SessionActor, flows: FlowCatalogue): void {
  // Only touches on the kiosk screen count as a citizen's activity, not the tester's panel.
  const activity = (event: Event) => {
    if (event.target instanceof Node && root.contains(event.target))
      session.send({ type: 'user.activity' });
  };
  document.addEventListener('pointerdown', activity, { capture: true, passive: true });
  document.addEventListener('keydown', activity, { capture: true, passive: true });
  hardenForKiosk();

  prefetchFlowsAfterHome(session, () => flows.loadAll());

  const gate = createUpdateGate(session.getSnapshot().matches('attract'));
  session.subscribe((snapshot) => gate.sessionChanged(snapshot.matches('attract')));
  registerServiceWorker(gate).catch((error: unknown) =>
    console.error('Service worker not installed; the kiosk will not start offline.', error),
  );
}

/**
 * Each flow's chunk is loaded in idle time once a citizen has reached home, so a tap on a tile
 * rarely waits; a flow tapped before then loads on the tap (the session's loading state).
 */
function prefetchFlowsAfterHome(session: SessionActor, loadAll: () => Promise<void>) {
  const start = () => {
    const load = () =>
      loadAll().catch((error: unknown) => console.warn('A flow could not be prefetched', error));
    whenIdle(() => void load(), 5000);
  };
  if (session.getSnapshot().matches({ active: { screen: 'home' } })) return start();
  const watch = session.subscribe((snapshot) => {
    if (!snapshot.matches({ active: { screen: 'home' } })) return;
    queueMicrotask(() => watch.unsubscribe());
    start();
  });
}
