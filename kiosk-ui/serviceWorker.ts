import { trustedScriptUrl } from './trustedTypes';
import type { UpdateGate } from './updateGate';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Installs the service worker that lets the kiosk start with the network cut. A new version
 * installs in the background and is switched to only when the gate says the visit is over.
 */
export async function registerServiceWorker(gate: UpdateGate): Promise<void> {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  // workbox-window is only needed once the kiosk runs: it stays out of the entry chunk.
  const { Workbox } = await import('workbox-window');
  const workbox = new Workbox(trustedScriptUrl('/sw.js'), { scope: '/' });
  workbox.addEventListener('waiting', () => {
    gate.offered(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
  });
  workbox.register().then(
    () => setInterval(() => void workbox.update(), UPDATE_CHECK_MS),
    (error: unknown) =>
      console.error('Service worker not installed; the kiosk will not start offline.', error),
  );
}
