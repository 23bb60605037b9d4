import { readFileSync } from 'node:fs';
import type { Actor, InspectionEvent } from 'xstate';
import type { KioskDevices } from '../../device-adapters';
import { IndexedDbPrintJournal } from '../../stores/journal';
import { createMockDevices, type MockControls } from '../../device-adapters/mock';
import { MockLicenceRegistry } from '../../stores/registry';
import { IndexedDbQueueService } from '../../stores/queue';
import { IndexedDbHolderKeys } from '../../stores/keys';
import { IndexedDbFaceLockout } from '../../stores/lockout';
import { FileCatalogSource } from '../../stores/catalog';
import { MockApplicationDesk } from '../../stores/applications';
import { DEFAULT_FACE_TRIES } from '../../machines';
import { FakeLocks } from '../support/fakeLocks';
import {
  parseKioskConfig,
  type FlowId,
  type KioskConfig,
  type PrintJournal,
  type QueueService,
} from '../../domain';
import { composeKiosk } from '../../kiosk-ui/composeKiosk';
import { connectSessionToDevices } from '../../kiosk-ui/devices';
import { wipeStoredTraces } from '../../kiosk-ui/privacy';
import type { SessionMachine } from '../../machines';
import type { SimClock } from './simClock';

/** The kiosk's hardware and the hall's servers: what a browser reload does not touch. */
export interface Hardware {
  devices: KioskDevices;
  controls: MockControls;
  registry: MockLicenceRegistry;
}

/** The mock devices with their default (realistic) timings: simulated time makes them free. */
export function buildHardware(): Hardware {
  const { devices, controls } = createMockDevices();
  return { devices, controls, registry: new MockLicenceRegistry() };
}

/** public/kiosk.config.json, read as the browser reads it and parsed as loadConfig.ts parses it. */
export function readKioskConfig(path = 'public/kiosk.config.json'): KioskConfig {
  const result = parseKioskConfig(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.ok) throw new Error(`${path}: ${result.problems.join('; ')}`);
  return result.config;
}

export type SessionActor = Actor<SessionMachine>;

/** What the harness watches inside a page. */
export interface PageObservers {
  inspect(event: InspectionEvent): void;
  /** Every call the page makes on the queue store, with its result once it has one. */
  queueCall(method: string, args: unknown[], result: Promise<unknown>): void;
  /** Every call the page makes on the print journal. */
  journalCall(method: string, args: unknown[]): void;
}

/** One page load: it dies on reload, and whatever it was waiting for never reaches it. */
export class PageLife {
  alive = true;
  /** Whether a device job running when the page died goes on (the bytes had reached the printer). */
  keepHardwareJobs = false;
  readonly #unsubscribes: (() => void)[] = [];

  onUnload(undo: () => void): void {
    this.#unsubscribes.push(undo);
  }

  /** The synchronous part of a reload: the page stops hearing and being heard at once. */
  unload(keepHardwareJobs: boolean): void {
    if (!this.alive) return;
    this.alive = false;
    this.keepHardwareJobs = keepHardwareJobs;
    for (const undo of this.#unsubscribes.splice(0)) undo();
  }
}

const never = new Promise<never>(() => {});

/** A promise the page sees: settled only while the page lives. */
function forPage<T>(life: PageLife, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    promise.then(
      (value) => {
        if (life.alive) resolve(value);
      },
      (error: unknown) => {
        if (life.alive) reject(error);
      },
    );
  });
}

/**
 * A service as one page sees it: calls after the page died never start, and answers arriving
 * after it died are never heard. Real asynchronous work is tracked so the clock waits for it.
 */
function pageService<T extends object>(
  target: T,
  life: PageLife,
  /** The clock to tell of real asynchronous work; null for work that runs on fake timers. */
  clock: SimClock | null,
  observe: (method: string, args: unknown[], result: Promise<unknown>) => void,
): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (!life.alive) return never;
        const called = Promise.resolve(value.apply(object, args) as unknown);
        const result = clock ? clock.track(called) : called;
        observe(String(property), args, result);
        return forPage(life, result);
      };
    },
  });
}

const LISTENER_METHODS = new Set(['onStatus', 'onCard', 'onCode', 'onMedia', 'onChange']);

/**
 * A device as one page drives it. Listeners end with the page. A call's abort signal reaches the
 * hardware unless the page died and the job had already reached the device (keepHardwareJobs).
 */
function pageDevice<T extends object>(target: T, life: PageLife): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      const name = String(property);
      if (LISTENER_METHODS.has(name)) {
        return (listener: unknown) => {
          const undo = value.call(object, listener) as () => void;
          life.onUnload(undo);
          return undo;
        };
      }
      return (...args: unknown[]) => {
        if (!life.alive) return never;
        const wired = args.map((arg) => {
          if (typeof arg !== 'object' || arg === null || !('signal' in arg)) return arg;
          const signal = arg.signal;
          if (!(signal instanceof AbortSignal)) return arg;
          const hardware = new AbortController();
          const follow = () => {
            if (life.alive || !life.keepHardwareJobs) hardware.abort(signal.reason);
          };
          if (signal.aborted) follow();
          else signal.addEventListener('abort', follow, { once: true });
          return { ...arg, signal: hardware.signal };
        });
        const result: unknown = value.apply(object, wired);
        return result instanceof Promise ? forPage(life, result) : result;
      };
    },
  });
}

function pageDevices(devices: KioskDevices, life: PageLife): KioskDevices {
  return {
    idCard: pageDevice(devices.idCard, life),
    face: pageDevice(devices.face, life),
    scanner: pageDevice(devices.scanner, life),
    receipt: pageDevice(devices.receipt, life),
    document: pageDevice(devices.document, life),
    camera: pageDevice(devices.camera, life),
  };
}

/** A running kiosk page: its session and the stores it opened. */
export interface KioskPage {
  life: PageLife;
  session: SessionActor;
  flowIds: readonly FlowId[];
  /** Settles when the last privacy wipe this page started has finished. */
  lastWipe: Promise<void>;
  /** Closes the page's database connections, as the browser does when a page goes. */
  close(): Promise<void>;
}

/**
 * Boots one page the way kiosk-ui/main.tsx boots the kiosk, without the DOM: the queue store and
 * the print journal over the (fake) IndexedDB, then kiosk-ui/composeKiosk.ts as the page runs it
 * (the journal reconciled before anyone can print, the flows, the session with the device-health
 * supervisor and the privacy wipe), and the devices connected to the session.
 */
/** The simulated browser's Web Locks, shared by its pages. */
const BROWSER_LOCKS = new FakeLocks();

export async function bootPage(
  hardware: Hardware,
  config: KioskConfig,
  clock: SimClock,
  observers: PageObservers,
): Promise<KioskPage> {
  const life = new PageLife();
  const devices = pageDevices(hardware.devices, life);
  const queueStore = new IndexedDbQueueService({
    services: config.queue.services,
    officeHours: config.officeHours,
    // The browser's Web Locks: a page that closed has let go of its lock.
    locks: BROWSER_LOCKS,
  });
  const journalStore = new IndexedDbPrintJournal();
  const holderKeys = new IndexedDbHolderKeys();
  const faceLockoutStore = new IndexedDbFaceLockout({
    kioskId: config.kioskId,
    policy: { ...config.faceLockout, triesPerRound: DEFAULT_FACE_TRIES },
  });
  const queue: QueueService = pageService(queueStore, life, clock, observers.queueCall);
  const journal: PrintJournal = pageService(journalStore, life, clock, (method, args) =>
    observers.journalCall(method, args),
  );
  // The simulated registry answers on fake timers.
  const registry = pageService(hardware.registry, life, null, () => {});

  const page: KioskPage = {
    life,
    session: undefined as unknown as SessionActor,
    flowIds: [],
    lastWipe: Promise.resolve(),
    close: async () => {
      await clock.track(
        Promise.all([
          queueStore.close(),
          journalStore.close(),
          holderKeys.close(),
          faceLockoutStore.close(),
        ]),
      );
    },
  };
  // kiosk-ui/privacy.ts itself: Node has no sessionStorage or localStorage, so the harness
  // installs in-memory ones; Cache Storage and speech are absent and skipped by the wipe.
  const wipeTraces = () => {
    page.lastWipe = clock.track(
      wipeStoredTraces().catch((error: unknown) => console.error('Privacy wipe incomplete', error)),
    );
  };
  // The demo hall's catalog, as the page fetches it.
  const catalog = new FileCatalogSource({
    fetch: async () =>
      new Response(readFileSync(new URL('../../public/catalog.json', import.meta.url))),
  });
  const { flows, session } = await composeKiosk({
    devices,
    config,
    queue,
    holderKeys,
    documents: {
      registry,
      journal,
      faceLockout: faceLockoutStore,
      desk: new MockApplicationDesk({ items: (await catalog.current()).items }),
    },
    catalog,
    wipeTraces,
    inspect: observers.inspect,
  });
  // As the page prefetches them after home: every offered flow's chunk is in before visits start.
  await flows.loadAll();
  page.session = session;
  page.flowIds = flows.ids;
  session.start();
  void connectSessionToDevices(devices, (event) => session.send(event));
  return page;
}
