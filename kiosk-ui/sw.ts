/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;

// The app shell, precached at install so that the kiosk starts with the network cut.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every navigation (with any tester parameters) is the one-page app — except the hall server's
// own pages and API, which a kiosk served by the hall server (same origin) must not swallow:
// 叫号屏 /display, 窗口 /window and /api go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/(display|window|admin|api)(\/|\.html|$)/],
  }),
);

// Staff edit the configuration without a new build: the network first, the last copy offline.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname === '/kiosk.config.json',
  new NetworkFirst({ cacheName: 'budayang-config', networkTimeoutSeconds: 3 }),
);

// The item catalog (办事指南, 一证可办) likewise: staff publish a new one without a new build.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname === '/catalog.json',
  new NetworkFirst({ cacheName: 'budayang-catalog', networkTimeoutSeconds: 3 }),
);

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
