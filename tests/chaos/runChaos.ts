import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import type { InspectionEvent } from 'xstate';
import { TEST_PERSONS, type TestPerson } from '../../device-adapters/mock';
import {
  calendarDateOf,
  clockOf,
  isWithinOfficeHours,
  isWorking,
  type FlowId,
  type KioskConfig,
} from '../../domain';
import { workingCalendarOf } from '../../kiosk-ui/flows/queue/wiring';
import { KIOSK_OWN_STORAGE } from '../../kiosk-ui/privacy';
import {
  MemoryStorage,
  actorText,
  cardNeedles,
  dumpDatabases,
  findCardData,
  plantTraces,
  survivingTraces,
  type Needle,
} from './cardData';
import { decide, screenOf, thinkMs, type Habits } from './citizen';
import { DRIVERS } from './drivers';
import type { Act, Slip, Visitor } from './drivers/types';
import { planFaults, VisitFaults, type FaultHost, type FaultKind } from './faults';
import { bootPage, buildHardware, readKioskConfig, type Hardware, type KioskPage } from './kiosk';
import { Ledger, describe, type Finding, type FindingKind } from './ledger';
import { createRng, type Rng } from './rng';
import { VisitSchedule, firstMonday } from './schedule';
import { SimClock } from './simClock';

export interface ChaosOptions {
  visits: number;
  seed: string | number;
  /** Visits whose event logs the report carries whatever happened in them. */
  logVisits?: readonly number[];
  /** Called now and then with the visits done so far. */
  progress?: (done: number, report: () => ChaosReport) => void;
}

/** The counts that fail a run, (a)–(e) of the brief and the drivers it lacks. */
export interface ChaosCounts {
  /** (a) visits that did not return to attract within the idle timeout and warning. */
  stuckVisits: number;
  /** (b) paper printed more often than the flows asked for. */
  duplicatePrints: number;
  /** (c) queue numbers given to two citizens, or skipped. */
  ticketsLostOrDuplicated: number;
  /** (d) actor errors, flowFailed notices, unhandled rejections, console.error calls. */
  uncaughtErrors: number;
  /** (e) a test person's card data found after the visit was back at attract. */
  cardDataLeft: number;
  /** Flows of the module list (kiosk-ui/flows/list.ts) that no chaos driver knows. */
  flowsWithoutDriver: number;
}

export interface ReportedFinding extends Finding {
  /** The visit's event log, for the first findings of each kind. */
  log?: string[];
  /** The related visits' event logs, by visit. */
  relatedLogs?: Record<string, string[]>;
}

export interface ChaosReport {
  seed: string;
  visits: number;
  wallSeconds: number;
  /** Calendar days the simulated clock went through. */
  simulatedDays: number;
  counts: ChaosCounts;
  tickets: { duplicated: number; skipped: number };
  visitsPerFlow: Record<string, number>;
  faultsInjected: Record<string, number>;
  /** What happened besides findings: prints, numbers, reloads, warnings, driver gaps. */
  info: Record<string, number>;
  /** Visits that reached each flow state (machine.state): what the run covered. */
  coverage: Record<string, number>;
  /** Flow states a driver had no table for, with how often they were met. */
  driverGaps: Record<string, number>;
  consoleWarnings: string[];
  findings: ReportedFinding[];
  /** The event logs of the visits asked for in `logVisits`. */
  visitLogs: Record<string, string[]>;
}

/** Steps after which a citizen gives up in any case. */
const MAX_STEPS = 80;
/** A little time past the idle timeout for the last timer to fire and the wipe to run. */
const SLACK_MS = 2_000;
/** The longest a device step may keep the idle count waiting: the print step's backstop (150 s). */
const BUSY_LIMIT_MS = 150_000;
/** Visits between two full reads of the databases the wipe keeps. */
const DATABASE_SCAN_EVERY = 250;
/** Findings per kind reported with their visit's event log. */
const LOGS_PER_KIND = 5;

/** Test persons by how often they come: the elderly, the minor and the bad cards included. */
const PERSON_WEIGHTS: Readonly<Record<string, number>> = {
  adult: 6,
  'dot-name': 1,
  'rare-char': 1,
  'foreign-long-name': 1,
  'x-check': 1,
  expired: 2,
  'minor-15': 2,
  'senior-60': 2,
  'elderly-70': 3,
  'hk-permit': 1,
  'tw-permit': 1,
  'long-term': 1,
  'invalid-check': 2,
  'invalid-date': 1,
};

/** People with something to print or own come more often to the document flows. */
const PERSONS_FOR: Partial<Record<FlowId, Readonly<Record<string, number>>>> = {
  licencePrint: { adult: 10, 'senior-60': 4, 'long-term': 4 },
  realEstate: { adult: 8, 'elderly-70': 6 },
};

function pickPerson(rng: Rng, intent: FlowId, persons: readonly TestPerson[]): string {
  const ids = persons.map((p) => p.id);
  const special = PERSONS_FOR[intent];
  const weights = special && rng.chance(0.7) ? special : PERSON_WEIGHTS;
  const choices = ids.map((id) => [weights[id] ?? 0, id] as const);
  return choices.some(([w]) => w > 0) ? rng.weighted(choices) : rng.pick(ids);
}

function makeVisitor(
  rng: Rng,
  flows: readonly FlowId[],
  checkIn: Slip | null,
  persons: readonly TestPerson[],
): Visitor {
  const intent: FlowId = checkIn ? 'appointment' : rng.pick(flows);
  const person = checkIn?.person ?? pickPerson(rng, intent, persons);
  const others = persons.filter((p) => p.id !== person);
  let phone = `1${rng.pick(['3', '5', '7', '8', '9'])}`;
  while (phone.length < 11) phone += String(rng.int(0, 9));
  return { person, otherPerson: rng.pick(others).id, intent, checkIn, phone };
}

function describeAct(act: Act): string {
  switch (act.do) {
    case 'flow':
    case 'session':
      return `${act.do} ${JSON.stringify(act.event)}`;
    case 'child':
      return `child ${act.child} ${JSON.stringify(act.event)}`;
    case 'insertCard':
      return `inserts ${act.whose} card`;
    case 'scan':
      return `scans ${act.code}`;
    case 'walkAway':
      return `walks away (${act.why})`;
    default:
      return act.do;
  }
}

function stamp(start: number): string {
  const at = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())} +${((Date.now() - start) / 1000).toFixed(1)}s`;
}

/**
 * The kiosk as a browser runs it: one page at a time over the same hardware and the same
 * IndexedDB; a reload throws the page away and boots another.
 */
class KioskHost implements FaultHost {
  page!: KioskPage;
  readonly #hardware: Hardware;
  readonly #config: KioskConfig;
  readonly #clock: SimClock;
  readonly #ledger: Ledger;
  readonly #needles: readonly Needle[];
  #pending: { keepJobs: boolean } | null = null;
  #lastFlowError = '(no error event seen)';

  constructor(
    hardware: Hardware,
    config: KioskConfig,
    clock: SimClock,
    ledger: Ledger,
    needles: readonly Needle[],
  ) {
    this.#hardware = hardware;
    this.#config = config;
    this.#clock = clock;
    this.#ledger = ledger;
    this.#needles = needles;
  }

  async boot(): Promise<void> {
    const ledger = this.#ledger;
    const needles = this.#needles;
    const scanWrite = (store: string, method: string, args: unknown[]) => {
      const found = findCardData(JSON.stringify(args), needles);
      if (found.length > 0)
        ledger.find('cardData', `the ${store} was asked to keep ${found.join(', ')} (${method})`);
    };
    this.page = await bootPage(this.#hardware, this.#config, this.#clock, {
      inspect: (event: InspectionEvent) => {
        ledger.inspect(event);
        if (event.type === '@xstate.event' && event.event.type === 'xstate.error.actor.flow')
          this.#lastFlowError = describe((event.event as { error?: unknown }).error);
      },
      queueCall: (method, args, result) => {
        scanWrite('queue store', method, args);
        void ledger.queueCall(method, args, result);
      },
      journalCall: (method, args) => scanWrite('print journal', method, args),
    });
    let notice: string | null = null;
    this.page.session.subscribe({
      next: (snapshot) => {
        if (snapshot.context.notice === 'flowFailed' && notice !== 'flowFailed')
          ledger.find('error', `the session showed 'flowFailed': ${this.#lastFlowError}`);
        notice = snapshot.context.notice;
      },
      error: (error) => ledger.find('error', `the session actor failed: ${describe(error)}`),
    });
  }

  requestReload(keepHardwareJobs: boolean, now: boolean): void {
    if (now) this.page.life.unload(keepHardwareJobs);
    this.#pending ??= { keepJobs: keepHardwareJobs };
  }

  async applyPendingReload(): Promise<void> {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    await this.reload(pending.keepJobs);
  }

  /** A browser reload: the page dies at once, its session stops, a new page boots. */
  async reload(keepHardwareJobs: boolean): Promise<void> {
    this.#ledger.reloaded();
    const old = this.page;
    this.#ledger.log(
      `~~ reload (at ${screenOf(old.session.getSnapshot()).where}; device jobs ${keepHardwareJobs ? 'go on' : 'are cut'})`,
    );
    old.life.unload(keepHardwareJobs);
    old.session.stop();
    // A page that goes stops listening to the scanner (a camera scanner is released with it).
    // stop() never fails; it runs on fake timers, so the clock need not wait for it.
    void this.#hardware.devices.scanner.stop();
    await this.#clock.drain();
    await old.close();
    await this.boot();
    await this.#clock.drain();
  }
}

/**
 * N simulated citizens at one kiosk, with faults, reloads and walk-aways, on simulated time.
 * Returns what it counted; it asserts nothing itself.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const wallStart = performance.now();
  const seed = String(options.seed);
  const rng = createRng(seed);
  const ledger = new Ledger();
  const persons = TEST_PERSONS;
  const needles = cardNeedles(persons);
  const warnings: string[] = [];
  const driverGaps: Record<string, number> = {};
  const visitsPerFlow: Record<string, number> = {};

  const clock = new SimClock((what, error) =>
    ledger.find('error', `${what === 'timer' ? 'a timer threw' : what}: ${describe(error)}`),
  );
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('localStorage', new MemoryStorage());
  const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    ledger.find('error', `console.error: ${args.map(describe).join(' ')}`);
  });
  const consoleWarn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    ledger.count('consoleWarnings');
    const message = args.map(describe).join(' ').slice(0, 300);
    if (warnings.length < 20 && !warnings.includes(message)) warnings.push(message);
  });
  // WebCrypto works on real turns of the thread pool: every call the kiosk makes (hashing, and
  // the HMACs of its card keys and PIN) is tracked, so simulated time waits for it. Untracked, a
  // busy machine let the timers run on while a card's key was still being signed (a visit stuck
  // at the face lock-out check, seen once under a loaded test run).
  const subtle = globalThis.crypto.subtle;
  const digest = subtle.digest.bind(subtle);
  const sign = subtle.sign.bind(subtle);
  const importKey = subtle.importKey.bind(subtle) as (...args: unknown[]) => Promise<CryptoKey>;
  const generateKey = subtle.generateKey.bind(subtle) as (...args: unknown[]) => Promise<unknown>;
  const digestSpy = vi
    .spyOn(subtle, 'digest')
    .mockImplementation((algorithm, data) => clock.track(digest(algorithm, data)));
  const signSpy = vi
    .spyOn(subtle, 'sign')
    .mockImplementation((algorithm, key, data) => clock.track(sign(algorithm, key, data)));
  const importKeySpy = vi
    .spyOn(subtle, 'importKey')
    .mockImplementation(((...args: unknown[]) =>
      clock.track(importKey(...args))) as typeof subtle.importKey);
  const generateKeySpy = vi
    .spyOn(subtle, 'generateKey')
    .mockImplementation(((...args: unknown[]) =>
      clock.track(generateKey(...args))) as typeof subtle.generateKey);
  // Ids decide orders too (IndexedDB returns equal index keys by primary key): seed them.
  const ids = rng.fork('uuid');
  const hex = (n: number) => Array.from({ length: n }, () => ids.int(0, 15).toString(16)).join('');
  const uuidSpy = vi
    .spyOn(globalThis.crypto, 'randomUUID')
    .mockImplementation(
      () =>
        `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[ids.int(0, 3)]}${hex(3)}-${hex(12)}` as ReturnType<
          Crypto['randomUUID']
        >,
    );
  const onRejection = (reason: unknown) =>
    ledger.find('error', `unhandled rejection: ${describe(reason)}`);
  process.on('unhandledRejection', onRejection);

  const config = readKioskConfig();
  const monday = firstMonday(new Date());
  clock.install(monday);
  const hardware = buildHardware();
  const host = new KioskHost(hardware, config, clock, ledger, needles);
  clock.between = () => host.applyPendingReload();

  let slips: Slip[] = [];
  let trayRead = 0;
  const readTray = () => {
    const items = hardware.controls.printed();
    for (const item of items.slice(trayRead)) {
      ledger.printed(item);
      const qr = item.ticket?.blocks.find((b) => b.kind === 'qr');
      const id = qr?.kind === 'qr' ? /^BDY1:A:(.+)$/.exec(qr.data)?.[1] : undefined;
      const [, date, start] = item.title.split(' ');
      if (id && date && start && !slips.some((s) => s.appointmentId === id)) {
        const person = ledger.bookedBy.get(id);
        if (person && qr?.kind === 'qr')
          slips.push({ appointmentId: id, code: qr.data, person, date, start });
      }
    }
    trayRead = items.length;
  };
  const stopTray = hardware.controls.onChange(readTray);

  const report = (): ChaosReport =>
    buildReport(seed, options.visits, wallStart, schedule.days, ledger, {
      visitsPerFlow,
      driverGaps,
      warnings,
      logVisits: options.logVisits ?? [],
    });
  const schedule = new VisitSchedule(config, rng.fork('schedule'), monday);
  try {
    ledger.startVisit(-1, '');
    await host.boot();
    await clock.drain();
    const flows = host.page.flowIds;
    for (const flow of flows) {
      if (!DRIVERS[flow])
        ledger.find(
          'noDriver',
          `The module list offers "${flow}" but tests/chaos/drivers has no driver for it: add tests/chaos/drivers/${flow}.ts and list it in drivers/index.ts`,
          -1,
        );
    }
    const plan = planFaults(options.visits, rng.fork('faults'));

    const SETTLE_MS = 30_000;
    for (let visit = 0; visit < options.visits; visit += 1) {
      // The kiosk's own half-minute after a visit (a scanner restarting after a reload, a print
      // finishing) runs on its timers; only then does the clock jump to the next visitor.
      if (visit > 0) await clock.advance(SETTLE_MS);
      const start = schedule.next(clock.now, slips);
      clock.jumpTo(start.at);
      const today = calendarDateOf(new Date(start.at));
      slips = slips.filter((s) => s.date >= today);
      const visitRng = rng.fork(visit);
      staffAtTheWindow(visitRng.fork('staff'), hardware, ledger);
      const visitor = makeVisitor(visitRng.fork('visitor'), flows, start.checkIn, persons);
      const faults = new VisitFaults(
        hardware,
        ledger,
        visitRng.fork('faults'),
        host,
        plan[visit] ?? new Set<FaultKind>(),
      );
      await runVisit({
        visit,
        rng: visitRng,
        visitor,
        night: start.night,
        faults,
        host,
        hardware,
        clock,
        ledger,
        config,
        flows,
        persons,
        needles,
        driverGaps,
        visitsPerFlow,
      });
      trayRead = 0;
      hardware.controls.clearPrinted();
      if ((visit + 1) % DATABASE_SCAN_EVERY === 0) await scanDatabases(clock, ledger, needles);
      options.progress?.(visit + 1, report);
    }
    ledger.startVisit(-1, '');
    ledger.findSkippedNumbers();
    await scanDatabases(clock, ledger, needles);
    host.page.session.stop();
    await clock.drain();
    await host.page.close();
  } finally {
    stopTray();
    clock.uninstall();
    process.off('unhandledRejection', onRejection);
    digestSpy.mockRestore();
    signSpy.mockRestore();
    importKeySpy.mockRestore();
    generateKeySpy.mockRestore();
    uuidSpy.mockRestore();
    consoleError.mockRestore();
    consoleWarn.mockRestore();
    vi.unstubAllGlobals();
  }
  return report();
}

/** Now and then window staff authorise a licence reprint (补打): one more sheet may print. */
function staffAtTheWindow(rng: Rng, hardware: Hardware, ledger: Ledger): void {
  const issuances = hardware.registry.issuances;
  if (issuances.length === 0 || !rng.chance(0.03)) return;
  const { id } = rng.pick(issuances);
  const copy = rng.pick(['original', 'duplicate'] as const);
  hardware.registry.authoriseReprint(id, copy, 1);
  ledger.count('reprintsAuthorised');
}

interface VisitRun {
  visit: number;
  rng: Rng;
  visitor: Visitor;
  night: boolean;
  faults: VisitFaults;
  host: KioskHost;
  hardware: Hardware;
  clock: SimClock;
  ledger: Ledger;
  config: KioskConfig;
  flows: readonly FlowId[];
  persons: readonly TestPerson[];
  needles: readonly Needle[];
  driverGaps: Record<string, number>;
  visitsPerFlow: Record<string, number>;
}

/** One citizen: taps until they walk away, then the kiosk must go home by itself and forget them. */
async function runVisit(run: VisitRun): Promise<void> {
  const { visit, rng, visitor, faults, host, hardware, clock, ledger, config } = run;
  const flowKey = visitor.checkIn ? 'appointment (check-in)' : visitor.intent;
  run.visitsPerFlow[flowKey] = (run.visitsPerFlow[flowKey] ?? 0) + 1;
  const { date, time } = clockOf(new Date(), config.hall.timeZone);
  const open = isWithinOfficeHours(workingCalendarOf(config), date, time);
  ledger.count(open ? 'visitsInOfficeHours' : run.night ? 'visitsAtNight' : 'visitsOutOfHours');
  ledger.startVisit(visit, visitor.person);
  const began = Date.now();
  ledger.log(
    `visit ${visit} at ${new Date().toString().slice(0, 24)}${run.night ? ' (night)' : ''}: ${visitor.person} for ${flowKey}; faults [${[...faults.kinds].join(', ')}]`,
  );
  if (isWorking(hardware.devices.scanner.status) && !hardware.controls.scanner.running)
    ledger.count('visitsWithScannerWorkingButNotListened');
  faults.start();
  const habits: Habits = {
    rng: rng.fork('habits'),
    visitor,
    config,
    intentOver: false,
    engaged: false,
    scannerWorks: true,
    flows: run.flows,
    drivers: DRIVERS,
    onGap: (where) => {
      run.driverGaps[where] = (run.driverGaps[where] ?? 0) + 1;
    },
  };
  const person = (whose: 'own' | 'other') =>
    whose === 'own' ? visitor.person : visitor.otherPerson;
  let planted = false;

  for (let step = 0; ; step += 1) {
    await host.applyPendingReload();
    faults.beforeStep(step);
    await host.applyPendingReload();
    const session = host.page.session;
    habits.scannerWorks =
      isWorking(hardware.devices.scanner.status) && hardware.controls.scanner.running;
    const before = screenOf(session.getSnapshot());
    const act: Act =
      step >= MAX_STEPS ? { do: 'walkAway', why: 'tired of it' } : decide(session, habits);
    ledger.log(
      `${stamp(began)} [${before.where}${before.warning ? ' ⚠idle' : ''}] ${describeAct(act)}`,
    );
    if (act.do === 'walkAway') break;
    perform(act, host, hardware, person);
    habits.engaged = true;
    await clock.advance(thinkMs(rng, act));
    const after = screenOf(host.page.session.getSnapshot());
    if (before.name === visitor.intent && after.name !== visitor.intent && after.name !== 'attract')
      habits.intentOver = true;
    if (!planted && after.name !== 'attract') {
      planted = true;
      const trace = run.persons.find((p) => p.id === visitor.person);
      if (trace) await plantTraces(clock, trace);
    }
  }

  // The citizen has gone: the kiosk must find its way home within the idle timeout.
  faults.walkAway();
  await host.applyPendingReload();
  // A device at work after the citizen left (a sheet printing, a face being checked) is never
  // cut off: the idle count waits for it (up to the print step's own bound) and starts afresh
  // once it is done. The kiosk must be home within the idle timeout of the last such moment.
  const snapshot = host.page.session.getSnapshot();
  const idleSeconds = snapshot.context.elderly
    ? config.session.elderlyIdleSeconds
    : config.session.idleSeconds;
  const limit = (idleSeconds + config.session.warningSeconds) * 1000 + SLACK_MS;
  // Every snapshot is watched: a step may start and end between two timers (a printer that
  // refuses at once), and the idle count starts afresh after it all the same.
  let quietSince = clock.now;
  const watching = host.page.session.subscribe((now) => {
    if (now.context.busy !== null) quietSince = clock.now;
  });
  const reached = await clock.advanceUntil(
    () => host.page.session.getSnapshot().matches('attract') || clock.now - quietSince > limit,
    limit + BUSY_LIMIT_MS,
  );
  watching.unsubscribe();
  const home = reached && host.page.session.getSnapshot().matches('attract');
  if (!home) {
    const stuck = host.page.session.getSnapshot();
    ledger.find(
      'stuck',
      `not back at attract ${limit / 1000} s after the citizen left: session ${stuck.status} ${JSON.stringify(stuck.value)} at ${screenOf(stuck).where}, countdown ${stuck.context.countdown}, devices ${JSON.stringify(stuck.context.deviceStatuses)}`,
    );
    await host.reload(false);
  }
  ledger.log(`${stamp(began)} back at attract`);

  // The next citizen finds the hardware as staff left it: card taken, paper taken, faults cleared.
  faults.end();
  hardware.controls.idCard.remove();
  hardware.controls.receipt.takePaper();
  await clock.drain();
  await checkCardData(run, planted);
}

function perform(
  act: Act,
  host: KioskHost,
  hardware: Hardware,
  person: (whose: 'own' | 'other') => string,
): void {
  const session = host.page.session;
  const touch = () => session.send({ type: 'user.activity' });
  const flow = session.getSnapshot().children.flow;
  switch (act.do) {
    case 'session':
      touch();
      session.send(act.event);
      return;
    case 'flow':
      touch();
      flow?.send(act.event as never);
      return;
    case 'child': {
      touch();
      const child = flow?.getSnapshot().children[act.child] as
        { send(event: unknown): void } | undefined;
      child?.send(act.event);
      return;
    }
    case 'insertCard':
      hardware.controls.idCard.insert(person(act.whose));
      return;
    case 'removeCard':
      hardware.controls.idCard.remove();
      return;
    case 'scan':
      hardware.controls.scanner.scan(act.code);
      return;
    case 'takePaper':
      hardware.controls.receipt.takePaper();
      return;
    case 'wait':
    case 'walkAway':
      return;
  }
}

/** (e): nothing of any test person's card in the session or its children, nor in what survives the wipe. */
async function checkCardData(run: VisitRun, planted: boolean): Promise<void> {
  const { host, clock, ledger, needles } = run;
  await host.page.lastWipe;
  const texts = actorText(host.page.session);
  for (const text of texts) {
    const found = findCardData(text, needles);
    if (found.length > 0)
      ledger.find(
        'cardData',
        `${found.join(', ')} still in ${text.slice(0, text.indexOf(':'))} at attract`,
      );
  }
  const kept = Object.keys(localStorage)
    .map((key) => `${key}=${localStorage.getItem(key) ?? ''}`)
    .join('\n');
  const inStorage = findCardData(kept, needles);
  if (inStorage.length > 0)
    ledger.find('cardData', `${inStorage.join(', ')} kept in localStorage after the wipe`);
  if (!planted) return;
  const left = await survivingTraces(
    clock,
    KIOSK_OWN_STORAGE.databases,
    KIOSK_OWN_STORAGE.localStoragePrefixes,
  );
  if (left.length > 0)
    ledger.find('cardData', `the privacy wipe left ${left.join(', ')} (planted during the visit)`);
}

/** Every record the wipe keeps (queue store, print journal), read back and searched. */
async function scanDatabases(
  clock: SimClock,
  ledger: Ledger,
  needles: readonly Needle[],
): Promise<void> {
  for (const [name, text] of await dumpDatabases(clock)) {
    const found = findCardData(text, needles);
    if (found.length > 0)
      ledger.find('cardData', `IndexedDB "${name}" holds ${found.join(', ')}`, ledger.visit);
  }
}

function buildReport(
  seed: string,
  visits: number,
  wallStart: number,
  days: number,
  ledger: Ledger,
  extra: {
    visitsPerFlow: Record<string, number>;
    driverGaps: Record<string, number>;
    warnings: string[];
    logVisits: readonly number[];
  },
): ChaosReport {
  const n = (kind: FindingKind) => ledger.findingsOf(kind).length;
  const faultsInjected: Record<string, number> = {};
  const info: Record<string, number> = {};
  for (const [name, value] of Object.entries(ledger.info)) {
    if (name.startsWith('fault:')) faultsInjected[name.slice('fault:'.length)] = value;
    else info[name] = value;
  }
  const logged = new Map<FindingKind, number>();
  const findings: ReportedFinding[] = ledger.findings.map((finding) => {
    const shown = logged.get(finding.kind) ?? 0;
    const log = ledger.logs.get(finding.visit);
    if (shown >= LOGS_PER_KIND || !log || finding.visit < 0) return { ...finding };
    logged.set(finding.kind, shown + 1);
    const relatedLogs = Object.fromEntries(
      (finding.related ?? []).map((visit) => [String(visit), [...(ledger.logs.get(visit) ?? [])]]),
    );
    return { ...finding, log: [...log], ...(finding.related ? { relatedLogs } : {}) };
  });
  return {
    seed,
    visits,
    wallSeconds: Math.round((performance.now() - wallStart) / 100) / 10,
    simulatedDays: days,
    counts: {
      stuckVisits: n('stuck'),
      duplicatePrints: n('duplicatePrint'),
      ticketsLostOrDuplicated: n('duplicateTicket') + n('skippedTicket'),
      uncaughtErrors: n('error'),
      cardDataLeft: n('cardData'),
      flowsWithoutDriver: n('noDriver'),
    },
    tickets: { duplicated: n('duplicateTicket'), skipped: n('skippedTicket') },
    visitsPerFlow: extra.visitsPerFlow,
    faultsInjected,
    info,
    coverage: Object.fromEntries(
      Object.entries(ledger.coverage).sort(([a], [b]) => a.localeCompare(b)),
    ),
    driverGaps: extra.driverGaps,
    consoleWarnings: extra.warnings,
    findings,
    visitLogs: Object.fromEntries(
      extra.logVisits.map((visit) => [String(visit), [...(ledger.logs.get(visit) ?? [])]]),
    ),
  };
}

/** What every count of a chaos run must be. */
export const NO_FINDINGS: ChaosCounts = {
  stuckVisits: 0,
  duplicatePrints: 0,
  ticketsLostOrDuplicated: 0,
  uncaughtErrors: 0,
  cardDataLeft: 0,
  flowsWithoutDriver: 0,
};
