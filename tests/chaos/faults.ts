import { DEVICE_KINDS, type DeviceKind } from '../../domain';
import type { FaceOutcome, MockFault } from '../../device-adapters/mock';
import type { Hardware } from './kiosk';
import type { Ledger } from './ledger';
import type { Rng } from './rng';

/** The faults the brief names, each put on 10% of visits. */
export const REQUIRED_FAULTS = [
  'cardPulledMidRead',
  'receiptPaperOut',
  'receiptJam',
  'documentPaperOut',
  'documentJam',
  'scannerOffline',
  'faceMismatch',
  'slowDevice',
  'reloadMidFlow',
] as const;

/** More of what goes wrong in a hall at night, each on 5% of visits. */
export const EXTRA_FAULTS = [
  'cardReadError',
  'cardReaderOffline',
  'faceVerifierOffline',
  'cameraCaptureFails',
  'registryOffline',
  'receiptCoverOpen',
  'receiptPaperLow',
  'documentHardwareError',
] as const;

export type FaultKind = (typeof REQUIRED_FAULTS)[number] | (typeof EXTRA_FAULTS)[number];

/** Visits per block; each required fault falls on 2 visits of every block (10%), an extra on 1 (5%). */
const BLOCK = 20;

/**
 * Which faults each visit gets: stratified, so that every kind reaches its share in any run of
 * a few blocks, and random within a block.
 */
export function planFaults(visits: number, rng: Rng): Set<FaultKind>[] {
  const plan = Array.from({ length: visits }, () => new Set<FaultKind>());
  const kinds: [FaultKind, number][] = [
    ...REQUIRED_FAULTS.map((kind): [FaultKind, number] => [kind, 2]),
    ...EXTRA_FAULTS.map((kind): [FaultKind, number] => [kind, 1]),
  ];
  for (let block = 0; block * BLOCK < visits; block += 1) {
    for (const [kind, perBlock] of kinds) {
      const positions = new Set<number>();
      while (positions.size < perBlock) positions.add(rng.int(0, BLOCK - 1));
      for (const position of positions) plan[block * BLOCK + position]?.add(kind);
    }
  }
  return plan;
}

type Printer = 'receipt' | 'document';
type Timing = 'start' | 'whilePrinting';

/** How a reload comes: between two taps, while a device works, or as a printed page comes out. */
export type ReloadMoment = 'betweenTaps' | 'whileDeviceBusy' | 'asPaperComesOut';

/** What the harness does for the faults: reload the page. */
export interface FaultHost {
  /** Asks for a reload; `now` unloads the page at once (the rest follows between timers). */
  requestReload(keepHardwareJobs: boolean, now: boolean): void;
}

const SLOW_MS = [1_500, 4_000, 12_000, 25_000, 40_000, 75_000] as const;

/**
 * Puts one visit's faults on the hardware: some before the citizen comes, printer faults mostly
 * while a job prints, a reload at a moment of its own. Whatever has not happened by the time the
 * citizen walks away happens then, so every planned fault is injected.
 */
export class VisitFaults {
  readonly #hardware: Hardware;
  readonly #ledger: Ledger;
  readonly #rng: Rng;
  readonly #host: FaultHost;
  readonly #kinds: ReadonlySet<FaultKind>;
  readonly #timers: ReturnType<typeof setTimeout>[] = [];
  readonly #undo: (() => void)[] = [];
  /** Faults waiting for their moment, by kind, with what puts them on. */
  readonly #pending = new Map<FaultKind, () => void>();
  #faceLeft = 0;
  #faceArmed = false;
  #faceOutcome: FaceOutcome = 'mismatch';
  #reloadAtStep: number | null = null;

  constructor(
    hardware: Hardware,
    ledger: Ledger,
    rng: Rng,
    host: FaultHost,
    kinds: ReadonlySet<FaultKind>,
  ) {
    this.#hardware = hardware;
    this.#ledger = ledger;
    this.#rng = rng;
    this.#host = host;
    this.#kinds = kinds;
  }

  get kinds(): ReadonlySet<FaultKind> {
    return this.#kinds;
  }

  #injected(kind: FaultKind, how: string): void {
    this.#pending.delete(kind);
    this.#ledger.count(`fault:${kind}`);
    this.#ledger.log(`~~ fault ${kind}: ${how}`);
  }

  #fault(device: DeviceKind, fault: MockFault): void {
    this.#hardware.controls.fault(device, fault);
  }

  /** Some faults clear by themselves later (paper refilled, a jam cleared by staff). */
  #maybeClearLater(device: DeviceKind): void {
    if (!this.#rng.chance(0.5)) return;
    const after = this.#rng.int(5_000, 90_000);
    this.#timers.push(
      setTimeout(() => {
        this.#hardware.controls.clear(device);
        this.#ledger.log(`~~ ${device} repaired`);
      }, after),
    );
  }

  #printerFault(kind: FaultKind, printer: Printer, fault: MockFault, timing?: Timing): void {
    const when = timing ?? (this.#rng.chance(0.35) ? 'start' : 'whilePrinting');
    const put = () => {
      this.#fault(printer, fault);
      this.#maybeClearLater(printer);
    };
    if (when === 'start') {
      put();
      this.#injected(kind, `${printer} ${String(fault)} before the visit`);
      return;
    }
    this.#pending.set(kind, () => {
      put();
      this.#injected(kind, `${printer} ${String(fault)} as the citizen left`);
    });
    const printMs = printer === 'receipt' ? 600 : 1_500;
    const undo = this.#hardware.devices[printer].onStatus((status) => {
      if (status !== 'busy' || !this.#pending.has(kind)) return;
      this.#pending.delete(kind);
      this.#timers.push(
        setTimeout(
          () => {
            put();
            this.#injected(kind, `${printer} ${String(fault)} while it printed`);
          },
          this.#rng.int(0, printMs - 1),
        ),
      );
    });
    this.#undo.push(undo);
  }

  /** Before the citizen's first tap. */
  start(): void {
    const { controls, registry } = this.#hardware;
    this.#trayLength = controls.printed().length;
    for (const kind of this.#kinds) {
      switch (kind) {
        case 'cardPulledMidRead':
          this.#fault('idCard', 'pull-mid-read');
          this.#injected(kind, 'the next read loses the card');
          break;
        case 'receiptPaperOut':
          this.#printerFault(kind, 'receipt', 'paper-out');
          break;
        case 'receiptJam':
          this.#printerFault(kind, 'receipt', 'jam');
          break;
        case 'documentPaperOut':
          this.#printerFault(kind, 'document', 'paper-out');
          break;
        case 'documentJam':
          this.#printerFault(kind, 'document', 'jam');
          break;
        case 'scannerOffline':
          this.#fault('scanner', 'offline');
          this.#maybeClearLater('scanner');
          this.#injected(kind, 'scanner offline');
          break;
        case 'faceMismatch':
          this.#faceLeft = this.#rng.int(1, 3);
          this.#faceOutcome = this.#rng.weighted([
            [6, 'mismatch'],
            [1, 'no-face'],
            [1, 'liveness-failed'],
          ] as const);
          this.#armFace();
          this.#injected(kind, `${this.#faceLeft} × ${this.#faceOutcome}`);
          break;
        case 'slowDevice': {
          const device = this.#rng.pick(DEVICE_KINDS);
          const slow = this.#rng.pick(SLOW_MS);
          this.#fault(device, { slow });
          this.#injected(kind, `${device} { slow: ${slow} }`);
          break;
        }
        case 'reloadMidFlow':
          this.#planReload();
          break;
        case 'cardReadError':
          controls.idCard.failNextRead();
          this.#injected(kind, 'the next read fails');
          break;
        case 'cardReaderOffline':
          this.#fault('idCard', 'offline');
          this.#maybeClearLater('idCard');
          this.#injected(kind, 'reader offline');
          break;
        case 'faceVerifierOffline':
          this.#fault('face', 'offline');
          this.#maybeClearLater('face');
          this.#injected(kind, 'face verifier offline');
          break;
        case 'cameraCaptureFails':
          controls.camera.failNextCapture();
          this.#injected(kind, 'the next capture fails');
          break;
        case 'registryOffline':
          registry.offline = true;
          if (this.#rng.chance(0.5)) {
            this.#timers.push(
              setTimeout(
                () => {
                  registry.offline = false;
                },
                this.#rng.int(10_000, 60_000),
              ),
            );
          }
          this.#injected(kind, 'the licence registry does not answer');
          break;
        case 'receiptCoverOpen':
          this.#printerFault(kind, 'receipt', 'cover-open');
          break;
        case 'receiptPaperLow':
          this.#printerFault(kind, 'receipt', 'paper-low', 'start');
          break;
        case 'documentHardwareError':
          this.#printerFault(kind, 'document', 'hardware-error', 'whilePrinting');
          break;
      }
    }
  }

  #planReload(): void {
    const moment: ReloadMoment = this.#rng.weighted([
      [4, 'betweenTaps'],
      [3, 'whileDeviceBusy'],
      [2, 'asPaperComesOut'],
    ] as const);
    const kind: FaultKind = 'reloadMidFlow';
    const keepJobs = this.#rng.chance(0.5);
    this.#pending.set(kind, () => {
      this.#injected(kind, 'reload as the citizen left');
      this.#host.requestReload(keepJobs, false);
    });
    if (moment === 'betweenTaps') {
      this.#reloadAtStep = this.#rng.int(1, 12);
      return;
    }
    if (moment === 'asPaperComesOut') {
      this.#undo.push(
        this.#hardware.controls.onChange(() => {
          // onChange fires for every change; the tray's length tells a new page apart.
          if (!this.#trayGrew() || !this.#pending.has(kind)) return;
          this.#injected(kind, 'reload the moment a printed page came out');
          this.#host.requestReload(true, true);
        }),
      );
      return;
    }
    for (const device of DEVICE_KINDS) {
      this.#undo.push(
        this.#hardware.devices[device].onStatus((status) => {
          if (status !== 'busy' || !this.#pending.has(kind)) return;
          this.#pending.delete(kind);
          this.#timers.push(
            setTimeout(
              () => {
                this.#injected(
                  kind,
                  `reload while the ${device} worked (its job ${keepJobs ? 'goes on' : 'is cut'})`,
                );
                this.#host.requestReload(keepJobs, false);
              },
              this.#rng.int(0, 1_000),
            ),
          );
        }),
      );
    }
  }

  #trayLength = 0;
  #trayGrew(): boolean {
    const length = this.#hardware.controls.printed().length;
    const grew = length > this.#trayLength;
    this.#trayLength = length;
    return grew;
  }

  /** The face verifier sees someone else for as many checks as planned. */
  #armFace(): void {
    const face = this.#hardware.controls.face;
    if (this.#faceArmed && face.upcoming === 'match') {
      this.#faceArmed = false;
      this.#faceLeft -= 1;
    }
    if (!this.#faceArmed && this.#faceLeft > 0) {
      face.next(this.#faceOutcome);
      this.#faceArmed = true;
    }
  }

  /** Before each of the citizen's steps. */
  beforeStep(step: number): void {
    this.#armFace();
    if (this.#reloadAtStep === step && this.#pending.has('reloadMidFlow')) {
      this.#injected('reloadMidFlow', `reload before step ${step}`);
      this.#host.requestReload(this.#rng.chance(0.5), false);
    }
  }

  /** The citizen walks away: whatever has not happened yet happens now. */
  walkAway(): void {
    for (const put of [...this.#pending.values()]) put();
  }

  /** The visit is over: the hardware is put right for the next citizen. */
  end(): void {
    for (const timer of this.#timers.splice(0)) clearTimeout(timer);
    for (const undo of this.#undo.splice(0)) undo();
    const { controls, registry } = this.#hardware;
    controls.clear();
    if (controls.face.upcoming !== 'match') controls.face.next('match');
    registry.offline = false;
  }
}
