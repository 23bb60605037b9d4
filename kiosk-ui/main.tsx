import { render } from 'preact';
import type { ApplicationDesk, CatalogSource, QueueService } from '../domain';
import type { MockApplicationDesk } from '../stores/applications';
import { App } from './App';
import { composeKiosk } from './composeKiosk';
import { buildDevices, connectSessionToDevices } from './devices';
import { loadCatalogs, messagesFor } from './i18n';
import { lazyPort } from './lazyPort';
import { loadConfig } from './loadConfig';
import { resolveLaunchOptions, testerSetting } from './launchOptions';
import { createOutOfServiceScreen, type OutOfServiceScreen } from './outOfService';
import { wipeStoredTraces } from './privacy';
import type { SessionActor } from './session';
import { requestPersistentStorage, watchStores } from '../stores/shared/storageHealth';
// The domain module itself, not the machines' index: the entry carries no flow machine.
import { DEFAULT_FACE_TRIES } from '../domain/faceLockout';
import './styles.css';
import './outOfService.css';

/** How long the kiosk may take to start before the out-of-service screen shows. */
const BOOT_LIMIT_MS = 20_000;
/** How long the out-of-service screen of a start that went wrong stays before the page reloads. */
const RELOAD_AFTER_FAILURE_MS = 30_000;
/** How often a kiosk without a usable configuration looks for a corrected file. */
const RELOAD_WITHOUT_CONFIG_MS = 5 * 60_000;

/** The session, once started: a reload waits for attract, never cuts a visit short. */
let running: SessionActor | null = null;
/** The app has been mounted: the start is over, whatever comes after (simulator, settling in). */
let mountedOnce = false;
let reloadPending = false;

/** Reloads the page between visits: at once when no visit is under way, else at attract. */
function reloadBetweenVisits(): void {
  if (reloadPending) return;
  reloadPending = true;
  const session = running;
  if (!session || session.getSnapshot().matches('attract')) return location.reload();
  const watch = session.subscribe((snapshot) => {
    if (!snapshot.matches('attract')) return;
    watch.unsubscribe();
    location.reload();
  });
}

/**
 * The kiosk's databases as the page sees them: a database another page holds at an older
 * version (blocked) or that cannot be opened (retrying) puts up the out-of-service screen until
 * it opens; one a newer page took over (superseded) reloads the page between visits.
 */
function watchDatabases(screen: OutOfServiceScreen): void {
  watchStores(({ database, state }) => {
    const reason = `storage:${database}`;
    const staff = messagesFor('zh-CN').staff.storageBlocked;
    if (state === 'blocked' || state === 'retrying') screen.show(reason, staff);
    else if (state === 'open') screen.hide(reason);
    else if (state === 'failed') {
      screen.show(reason, null);
      setTimeout(() => location.reload(), RELOAD_AFTER_FAILURE_MS);
    } else reloadBetweenVisits();
  });
}

/** The composition root: reads the configuration, builds the devices and flows, starts the session. */
async function boot(root: HTMLElement, screen: OutOfServiceScreen) {
  const catalogs = loadCatalogs();
  // Once per start; a refusal changes nothing (the browser may still evict under pressure).
  void requestPersistentStorage();
  const loaded = await loadConfig();
  if (loaded.problems.length > 0) console.warn('Kiosk configuration problems:', loaded.problems);
  if (!loaded.usable) {
    // No device profile the kiosk can trust: out of service, never simulated devices.
    await catalogs.catch(() => undefined);
    screen.show('config', messagesFor('zh-CN').staff.configUnusable(loaded.rejected.join('、')));
    setTimeout(() => location.reload(), RELOAD_WITHOUT_CONFIG_MS);
    return;
  }
  // Staff's settings from the console win over the file's (kiosk-ui/staff, a chunk of its own).
  // With a hall server they are the hall's (this page's kiosk and token, `?kiosk=` included).
  const page = resolveLaunchOptions(loaded.config, location.search, testerSetting()).config;
  const staffSide = await import('./staff/bootSettings').then(({ withStaffSettings }) =>
    withStaffSettings(
      loaded.config,
      page.hallServer && { ...page.hallServer, kioskId: page.kioskId },
    ),
  );
  const launch = resolveLaunchOptions(staffSide.config, location.search, testerSetting());
  const { config } = launch;
  screen.setTelephone(config.hall.telephone);
  const { devices, controls, registry, registryControls } = await buildDevices(
    config,
    launch.devices,
    {
      instantMocks: launch.instantMocks,
    },
  );
  // The stores are chunks of their own: the queue store loads with the first number, the print
  // journal at start (it is reconciled before anyone prints) but beside the entry, not in it.
  // With a hall server the queue is the hall's, connected at start: its reserved blocks are
  // fetched now, while the server answers, not at the first citizen.
  const { hallServer } = config;
  const hall = hallServer
    ? await import('./hallConnection').then(({ connectToHall }) =>
        connectToHall(hallServer, config, devices, (event) =>
          staffSide.admin
            .recordDeviceEvent({ at: new Date().toISOString(), ...event })
            .catch((error: unknown) => console.error('A device event was not kept', error)),
        ),
      )
    : null;
  const queue = hall
    ? hall.queue
    : lazyPort<QueueService>(() =>
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
  // The secret cards are keyed with: the hall's with a hall server (every kiosk of the hall keys
  // a card alike), else this kiosk's own, made on first start; in a database of its own.
  const holderKeys = await import('../stores/keys').then(
    ({ IndexedDbHolderKeys }) =>
      new IndexedDbHolderKeys(hall ? { hallSecret: hall.holderSecret } : {}),
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
  // The hall's item catalog, and (with the simulated registry) the simulated back office that
  // decides its items: chunks of their own, loaded when a flow first asks.
  const catalog = lazyPort<CatalogSource>(() =>
    import('./staff/bootSettings').then(({ staffCatalog }) => staffCatalog(staffSide.admin)),
  );
  let mockDesk: Promise<MockApplicationDesk> | null = null;
  const loadMockDesk = () =>
    (mockDesk ??= Promise.all([import('../stores/applications'), catalog.current()])
      .then(([{ MockApplicationDesk }, { items }]) => new MockApplicationDesk({ items }))
      .catch((error: unknown) => {
        mockDesk = null;
        throw error;
      }));
  const desk = registry ? lazyPort<ApplicationDesk>(loadMockDesk) : null;
  let mounted = false;
  const mount = () => {
    render(
      <App session={session} config={config} configProblems={loaded.problems} flows={flows} />,
      root,
    );
    mounted = true;
    mountedOnce = true;
    screen.setMounted(true);
    screen.hide('boot');
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

  // Device statuses and cards left behind, kept for the console's 设备状态.
  const { deviceEvents, ratings } = await import('./staff/bootSettings').then(
    ({ keepDeviceEvents, ratingDesk }) => ({
      deviceEvents: keepDeviceEvents(staffSide.admin, devices),
      ratings: ratingDesk(staffSide.admin, config),
    }),
  );
  const { flows, session } = await composeKiosk({
    devices,
    config,
    queue,
    holderKeys,
    documents:
      registry && journal && faceLockout && desk ? { registry, journal, faceLockout, desk } : null,
    catalog,
    onCardLeft: deviceEvents.cardLeft,
    ratings,
    wipeTraces,
  });
  await catalogs;
  session.start();
  running = session;
  mount();
  // What staff see at attract, and the daily retention purge: after the first screen, in chunks
  // of their own.
  void import('./staffNotice').then(({ showStaffNotice }) =>
    showStaffNotice(session, {
      locale: config.defaultLocale,
      rejected: [...loaded.rejected, ...staffSide.rejected],
    }),
  );
  // The staff console's hidden door: holding the hall name for five seconds.
  void import('./staff/staffEntry').then(({ installStaffEntry }) =>
    installStaffEntry(
      () =>
        import('./staff/consoleServices').then(({ consoleServices }) =>
          consoleServices({
            admin: staffSide.admin,
            config,
            fileConfig: loaded.config,
            fileCatalog: {
              current: () =>
                import('../stores/catalog').then(({ FileCatalogSource }) =>
                  new FileCatalogSource().current(),
                ),
            },
            devices,
            queue,
            journal,
            faceLockout,
          }),
        ),
      launch.staffHoldMs,
    ),
  );
  void import('./retention').then(({ keepRetention }) =>
    keepRetention(config, { queue, faceLockout }),
  );

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
      applications: registry ? loadMockDesk : null,
      open: launch.simulatorOpen,
      dock: launch.simulatorButton,
    });
  }
}

const root = document.getElementById('app');
if (!root) throw new Error('index.html must contain <div id="app">');
const screen = createOutOfServiceScreen();
watchDatabases(screen);
// A start that hangs (a database held by another page, a file that never comes) is not a blank
// screen: past the limit the out-of-service screen shows until the kiosk is up, and a start
// that never comes up is tried afresh.
let settled = false;
setTimeout(() => {
  if (mountedOnce || settled) return;
  screen.show('boot');
  setTimeout(() => {
    if (!mountedOnce && !settled && !screen.has('storage:')) location.reload();
  }, RELOAD_AFTER_FAILURE_MS);
}, BOOT_LIMIT_MS);
boot(root, screen).then(
  () => {
    settled = true;
    screen.hide('boot');
  },
  (error: unknown) => {
    settled = true;
    console.error('Kiosk failed to start', error);
    render(null, root);
    root.replaceChildren();
    screen.setMounted(false);
    screen.hide('boot');
    screen.show('failed');
    setTimeout(() => location.reload(), RELOAD_AFTER_FAILURE_MS);
  },
);
