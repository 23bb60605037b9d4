import { render } from 'preact';
import type { QueueService } from '../domain';
import { App } from './App';
import { composeKiosk } from './composeKiosk';
import { buildDevices, connectSessionToDevices } from './devices';
import { loadCatalogs, messagesFor } from './i18n';
import { lazyPort } from './lazyPort';
import { loadConfig } from './loadConfig';
import { resolveLaunchOptions } from './launchOptions';
import { wipeStoredTraces } from './privacy';
import { keepRetention } from './retention';
import { DEFAULT_FACE_TRIES } from '../machines';
import './styles.css';

/** The composition root: reads the configuration, builds the devices and flows, starts the session. */
async function boot(root: HTMLElement) {
  const catalogs = loadCatalogs();
  const { config: fileConfig, problems } = await loadConfig();
  if (problems.length > 0) console.warn('Kiosk configuration problems; defaults in use:', problems);
  const launch = resolveLaunchOptions(fileConfig, location.search);
  const { config } = launch;
  const { devices, controls, registry, registryControls } = await buildDevices(
    config,
    launch.devices,
    {
      instantMocks: launch.instantMocks,
    },
  );
  // The stores are chunks of their own: the queue store loads with the first number, the print
  // journal at start (it is reconciled before anyone prints) but beside the entry, not in it.
  const queue = lazyPort<QueueService>(() =>
    import('../stores/queue').then(
      ({ IndexedDbQueueService }) =>
        new IndexedDbQueueService({
          services: config.queue.services,
          officeHours: config.officeHours,
        }),
    ),
  );
  const journal = registry
    ? await import('../stores/journal').then(
        ({ IndexedDbPrintJournal }) => new IndexedDbPrintJournal(),
      )
    : null;
  // The kiosk's secret for holder keys is made on first start, in a database of its own.
  const holderKeys = await import('../stores/keys').then(
    ({ IndexedDbHolderKeys }) => new IndexedDbHolderKeys(),
  );
  holderKeys.secret().catch((error: unknown) => console.error('No holder-key secret', error));
  const faceLockout = registry
    ? await import('../stores/lockout').then(
        ({ IndexedDbFaceLockout }) =>
          new IndexedDbFaceLockout({
            kioskId: config.kioskId,
            policy: { ...config.faceLockout, triesPerRound: DEFAULT_FACE_TRIES },
          }),
      )
    : null;
  let mounted = false;
  const mount = () => {
    render(<App session={session} config={config} configProblems={problems} flows={flows} />, root);
    mounted = true;
  };
  // The privacy wipe: a fresh DOM (so nothing a citizen saw survives in it, even a node a
  // script left behind), and storage emptied of everything but the kiosk's own.
  const wipeTraces = () => {
    if (mounted) {
      queueMicrotask(() => {
        render(null, root);
        root.replaceChildren();
        mount();
      });
    }
    wipeStoredTraces().catch((error: unknown) => console.error('Privacy wipe incomplete', error));
  };

  const { flows, session } = await composeKiosk({
    devices,
    config,
    queue,
    holderKeys,
    documents: registry && journal && faceLockout ? { registry, journal, faceLockout } : null,
    wipeTraces,
  });
  await catalogs;
  session.start();
  mount();
  keepRetention(config, { queue, faceLockout });

  void connectSessionToDevices(devices, (event) => session.send(event));

  const { settleIn } = await import('./settleIn');
  settleIn(root, session, flows);

  if (controls) {
    const { installSimulator } = await import('./simulator/installSimulator');
    installSimulator({
      controls,
      devices,
      session,
      registry: registryControls,
      journal,
      queue: { store: queue, timeZone: config.hall.timeZone },
      open: launch.simulatorOpen,
    });
  }
}

const root = document.getElementById('app');
if (!root) throw new Error('index.html must contain <div id="app">');
boot(root).catch((error: unknown) => {
  console.error('Kiosk failed to start', error);
  const message = document.createElement('p');
  message.className = 'out-of-service';
  // Chinese, and English when its catalog had come in.
  const words = new Set([messagesFor('zh-CN').outOfService, messagesFor('en').outOfService]);
  message.textContent = [...words].join(' ');
  root.replaceChildren(message);
  setTimeout(() => location.reload(), 30_000);
});
