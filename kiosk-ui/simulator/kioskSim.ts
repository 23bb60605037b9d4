import type { DeviceKind, IdCardRecord } from '../../domain';
import type { KioskDevices } from '../../device-adapters';
import type { FaceOutcome, MockControls, MockFault, TestPerson } from '../../device-adapters/mock';
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
}

export function createKioskSim(controls: MockControls, devices: KioskDevices): KioskSim {
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
      controls.printed().map(({ device, title, text, at, ticket }) => ({
        device,
        title,
        text,
        at,
        qr: ticket?.blocks.flatMap((block) => (block.kind === 'qr' ? [block.data] : [])) ?? [],
      })),
    status: () => currentStatuses(devices),
    persons: controls.persons,
  };
}
