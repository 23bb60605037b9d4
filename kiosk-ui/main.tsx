import { render } from 'preact';
import { createActor } from 'xstate';
import { IndexedDbPrintJournal } from '../device-adapters/journal';
import { IndexedDbQueueService } from '../device-adapters/queue';
import { reconcileJournal } from '../domain';
import { deviceHealthMachine, sessionMachine } from '../machines';
import { App } from './App';
import { buildDevices, connectSessionToDevices, currentStatuses, watchDevices } from './devices';
import { availableFlows, registerFlows } from './flows/registry';
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
  // Before any citizen can print: settle what a crash or power cut left unconfirmed.
  const journal = new IndexedDbPrintJournal();
  const settled = await reconcileJournal(
    journal,
    devices.document.jobStatus?.bind(devices.document) ?? null,
  ).catch((error: unknown) => {
    console.error('The print journal could not be reconciled', error);
    return null;
  });
  if (settled && settled.needsCheck > 0)
    console.warn(`Print journal: ${settled.needsCheck} job(s) need a staff check`);
  const flows = availableFlows(
    registerFlows(devices, config, queue, registry ? { registry, journal } : null),
  );

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

  const session = createActor(
    sessionMachine.provide({
      actors: {
        ...flows.machines,
        deviceHealth: deviceHealthMachine.provide({
          actors: { watchDevices: watchDevices(devices) },
        }),
      },
      actions: { wipeTraces },
    }),
    {
      input: {
        timing: config.session,
        defaultLocale: config.defaultLocale,
        flows: flows.ids,
        deviceStatuses: currentStatuses(devices),
      },
    },
  );
  session.start();
  mount();

  connectSessionToDevices(devices, (event) => session.send(event)).catch((error: unknown) =>
    console.error('The code scanner did not start; codes will not wake the kiosk.', error),
  );

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
