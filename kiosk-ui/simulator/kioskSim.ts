import {
  clockOf,
  type DeviceKind,
  type IdCardRecord,
  type LicenceCopy,
  type PrintJob,
  type PrintJournal,
  type QueueService,
} from '../../domain';
import type { KioskDevices } from '../../device-adapters';
import type { FaceOutcome, MockControls, MockFault, TestPerson } from '../../device-adapters/mock';
import type { MockLicenceRegistry } from '../../stores/registry';
import type { MockApplicationDesk } from '../../stores/applications';
import type { Application, ApplicationState } from '../../domain';
import type { DeviceStatuses } from '../../machines';
import { currentStatuses } from '../devices';

/** One printed job as testers script against it. */
export interface SimPrinted {
  device: 'receipt' | 'document';
  title: string;
  text: string;
  at: number;
  /** What the printed QR codes hold, so a script can scan what was printed. */
  qr: string[];
}

/** `window.kioskSim`: the simulator's controls for test scripts (README: "Scripting the devices"). */
export interface KioskSim {
  idCard: { insert(recordOrTestPersonId: IdCardRecord | string): void; remove(): void };
  face: { next(outcome: FaceOutcome): void };
  scanner: { scan(text: string): boolean };
  receipt: { takePaper(): void };
  fault(device: DeviceKind, fault: MockFault): void;
  clear(device?: DeviceKind): void;
  printed(): SimPrinted[];
  status(): DeviceStatuses;
  readonly persons: readonly TestPerson[];
  /** The simulated 电子证照库: take it offline, or act as window staff approving a reprint (补打). */
  registry: {
    offline(on: boolean): void;
    authoriseReprint(issuanceId: string, copy: LicenceCopy, index?: number): string;
    issuances(): { id: string; enterprise: string }[];
  };
  /** The print journal as staff will read it: every print of one enterprise. */
  journal: { historyOf(creditCode: string): Promise<PrintJob[]> };
  /**
   * This page's queue store: `allocate` takes a number now (hall time) and leaves it allocated,
   * neither printed nor shown, as a page does for the moment before it prints (the number, or
   * null when refused); `issued` lists the day's numbers of a service.
   */
  queue: {
    allocate(serviceCode: string): Promise<string | null>;
    issued(serviceCode: string): Promise<string[]>;
    /**
     * Books an appointment as a citizen with a card would (a made-up card key, phone
     * 138****0000): the appointment's id, or why the store refused.
     */
    book(serviceCode: string, date: string, start: string, end: string): Promise<string>;
  };
  /**
   * The simulated back office (审批系统) as staff work it: list the applications, move one on
   * (`correction` with what is missing, `rejected` with the reason, `completed` with its result),
   * or take it offline.
   */
  applications: {
    list(): Promise<{ number: string; itemName: string; state: ApplicationState }[]>;
    move(
      number: string,
      to: ApplicationState,
      detail?: { missing?: string[]; reason?: string },
    ): Promise<Application>;
    offline(on: boolean): Promise<void>;
  };
}

/** The page's queue store and the hall's time zone, for `kioskSim.queue`. */
export interface SimQueue {
  store: QueueService;
  timeZone: string;
}

export function createKioskSim(
  controls: MockControls,
  devices: KioskDevices,
  services: {
    registry: MockLicenceRegistry | null;
    journal: PrintJournal | null;
    queue?: SimQueue | null;
    /** The simulated back office, loaded when first used (it reads the catalog). */
    applications?: (() => Promise<MockApplicationDesk>) | null;
  } = {
    registry: null,
    journal: null,
  },
): KioskSim {
  const registry = () => {
    if (!services.registry) throw new Error('this kiosk has no simulated registry');
    return services.registry;
  };
  const queueOf = () => {
    if (!services.queue) throw new Error('kioskSim.queue: the simulator was given no queue store');
    return services.queue;
  };
  const desk = () => {
    if (!services.applications) throw new Error('this kiosk has no simulated back office');
    return services.applications();
  };
  return {
    idCard: {
      insert: (card) => controls.idCard.insert(card),
      remove: () => controls.idCard.remove(),
    },
    face: { next: (outcome) => controls.face.next(outcome) },
    scanner: { scan: (text) => controls.scanner.scan(text) },
    receipt: { takePaper: () => controls.receipt.takePaper() },
    fault: (device, fault) => controls.fault(device, fault),
    clear: (device) => controls.clear(device),
    printed: () =>
      controls.printed().map(({ device, title, text, at, ticket, document }) => ({
        device,
        title,
        text,
        at,
        qr: [
          ...(ticket?.blocks.flatMap((block) => (block.kind === 'qr' ? [block.data] : [])) ?? []),
          ...(document?.qr ?? []),
        ],
      })),
    status: () => currentStatuses(devices),
    persons: controls.persons,
    registry: {
      offline: (on) => {
        registry().offline = on;
      },
      authoriseReprint: (issuanceId, copy, index = 1) =>
        registry().authoriseReprint(issuanceId, copy, index).id,
      issuances: () => registry().issuances,
    },
    journal: {
      historyOf: (creditCode) =>
        services.journal ? services.journal.historyOf(creditCode) : Promise.resolve([]),
    },
    queue: {
      allocate: async (serviceCode) => {
        const { store, timeZone } = queueOf();
        const { date, time } = clockOf(new Date(), timeZone);
        const result = await store.allocate({
          serviceCode,
          date,
          time,
          holderKey: null,
          maskedId: null,
          priority: null,
        });
        return result.ok ? result.ticket.number : null;
      },
      issued: async (serviceCode) => {
        const { store, timeZone } = queueOf();
        const tickets = await store.issued(serviceCode, clockOf(new Date(), timeZone).date);
        return tickets.map((t) => t.number);
      },
      book: async (serviceCode, date, start, end) => {
        const result = await queueOf().store.book({
          serviceCode,
          date,
          slot: { start, end },
          holderKey: `sim-${crypto.randomUUID()}`,
          maskedId: '',
          maskedPhone: '138****0000',
        });
        return result.ok ? result.appointment.id : result.reason;
      },
    },
    applications: {
      list: async () => (await desk()).list(),
      move: async (number, to, detail = {}) => (await desk()).move(number, to, detail),
      offline: async (on) => {
        (await desk()).offline = on;
      },
    },
  };
}
