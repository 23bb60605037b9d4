import { render } from 'preact';
import { IndexedDbPrintJournal } from '../device-adapters/journal';
import { IndexedDbQueueService } from '../device-adapters/queue';
import { App } from './App';
import { composeKiosk } from './composeKiosk';
import { buildDevices, connectSessionToDevices } from './devices';
import { hardenForKiosk } from './hardening';
import { messagesFor } from './i18n';
import { loadConfig } from './loadConfig';
import { resolveLaunchOptions } from './launchOptions';
import { wipeStoredTraces } from './privacy';
import { registerServiceWorker } from './serviceWorker';
import { createUpdateGate } from './updateGate';
import './styles.css';

/** The composition root: reads the configuration, builds the devices and flows, starts the session. */
async function boot(root: HTMLElement) {
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
  const queue = new IndexedDbQueueService({
    services: config.queue.services,
    officeHours: config.officeHours,
  });
  const journal = new IndexedDbPrintJournal();
  let mounted = false;
  const mount = () => {
    render(
      <App session={session} config={config} configProblems={problems} flowViews={flows.views} />,
      root,
    );
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
    documents: registry ? { registry, journal } : null,
    wipeTraces,
  });
  session.start();
  mount();

  void connectSessionToDevices(devices, (event) => session.send(event));

  // Only touches on the kiosk screen count as a citizen's activity, not the tester's panel.
  const activity = (event: Event) => {
    if (event.target instanceof Node && root.contains(event.target))
      session.send({ type: 'user.activity' });
  };
  document.addEventListener('pointerdown', activity, { capture: true, passive: true });
  document.addEventListener('keydown', activity, { capture: true, passive: true });
  hardenForKiosk();

  const gate = createUpdateGate(true);
  session.subscribe((snapshot) => gate.sessionChanged(snapshot.matches('attract')));
  registerServiceWorker(gate);

  if (controls) {
    const { installSimulator } = await import('./simulator/installSimulator');
    installSimulator({
      controls,
      devices,
      session,
      registry: registryControls,
      journal,
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
  message.textContent = `${messagesFor('zh-CN').outOfService} ${messagesFor('en').outOfService}`;
  root.replaceChildren(message);
  setTimeout(() => location.reload(), 30_000);
});
