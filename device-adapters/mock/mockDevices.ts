import type { IdCardRecord } from '../../domain';
import type { ScanSource } from '../codeScanner';
import type { DeviceKind, Unsubscribe } from '../device';
import type { KioskDevices } from '../devices';
import { MockCodeScanner, type IgnoredScan, type MockCodeScannerOptions } from './mockCodeScanner';
import { MockDocumentCamera, type MockDocumentCameraOptions } from './mockDocumentCamera';
import { MockDocumentPrinter, type MockDocumentPrinterOptions } from './mockDocumentPrinter';
import {
  MockFaceVerifier,
  type FaceOutcome,
  type MockFaceVerifierOptions,
} from './mockFaceVerifier';
import { MOCK_FAULTS, type MockFault, type MockFaultName } from './mockFault';
import { MockIdCardReader, type MockIdCardReaderOptions } from './mockIdCardReader';
import { MockPrintTray, type PrintedItem } from './mockPrintTray';
import { MockReceiptPrinter, type MockReceiptPrinterOptions } from './mockReceiptPrinter';
import { TEST_PERSONS, type TestPerson } from '../../domain/testPersons';

export interface MockDevicesOptions {
  /** Every timing 0 (for tests and quick demos); a device's own options still win. */
  instant?: boolean;
  /** The people the reader's insert() finds by slug. Default TEST_PERSONS. */
  persons?: readonly TestPerson[];
  idCard?: Omit<MockIdCardReaderOptions, 'persons'>;
  face?: MockFaceVerifierOptions;
  scanner?: MockCodeScannerOptions;
  receipt?: Omit<MockReceiptPrinterOptions, 'tray'>;
  document?: Omit<MockDocumentPrinterOptions, 'tray'>;
  camera?: MockDocumentCameraOptions;
}

/**
 * Everything a tester can do to the mock devices, as one object: the simulator panel and the
 * `window.kioskSim` scripting API are both thin wrappers over it.
 */
export interface MockControls {
  readonly persons: readonly TestPerson[];
  readonly idCard: {
    /** Puts a card in the field: a record, or a test person's slug. */
    insert(recordOrPersonId: IdCardRecord | string): void;
    remove(): void;
    failNextRead(): void;
    readonly cardPresent: boolean;
    readonly card: IdCardRecord | undefined;
  };
  readonly face: {
    /** What the next verification sees (one-shot; then 'match' again). */
    next(outcome: FaceOutcome): void;
    readonly upcoming: FaceOutcome;
  };
  readonly scanner: {
    /** Someone scans a code; tells whether a listener got it (only while running). */
    scan(text: string, source?: ScanSource): boolean;
    ignored(): IgnoredScan[];
    readonly running: boolean;
  };
  readonly receipt: {
    takePaper(): void;
    readonly mediaAtExit: boolean;
  };
  readonly camera: {
    failNextCapture(): void;
  };
  /** Puts a fault on a device; throws, naming the faults it takes, for one it does not. */
  fault(device: DeviceKind, fault: MockFault): void;
  /** Removes the faults of one device, or of all when none is named; status returns to 'online'. */
  clear(device?: DeviceKind): void;
  /** The faults a device has now. */
  faults(device: DeviceKind): MockFault[];
  /** The named faults a device takes (besides `{ slow: ms }`), for the panel's buttons. */
  faultsTaken(device: DeviceKind): readonly MockFaultName[];
  /** What both printers have printed, oldest first. */
  printed(): PrintedItem[];
  clearPrinted(): void;
  /** Called on any change a panel shows: status, faults, card, media, printed, ignored scans. */
  onChange(listener: () => void): Unsubscribe;
}

/** What each mock has for the shared controls. */
interface Controllable {
  inject(fault: MockFault): void;
  clear(): void;
  readonly faults: MockFault[];
  onChange(listener: () => void): Unsubscribe;
}

const DEVICE_KINDS: readonly DeviceKind[] = [
  'idCard',
  'face',
  'scanner',
  'receipt',
  'document',
  'camera',
];

/** Builds the six mock devices and the controls over them. */
export function createMockDevices(options: MockDevicesOptions = {}): {
  devices: KioskDevices;
  controls: MockControls;
} {
  const zero = options.instant === true;
  const tray = new MockPrintTray();
  const idCard = new MockIdCardReader({
    ...(zero && { readMs: 0 }),
    ...options.idCard,
    persons: options.persons ?? TEST_PERSONS,
  });
  const face = new MockFaceVerifier({ ...(zero && { verifyMs: 0 }), ...options.face });
  const scanner = new MockCodeScanner({ ...(zero && { switchMs: 0 }), ...options.scanner });
  const receipt = new MockReceiptPrinter({
    ...(zero && { printMs: 0 }),
    ...options.receipt,
    tray,
  });
  const document = new MockDocumentPrinter({
    ...(zero && { printMs: 0 }),
    ...options.document,
    tray,
  });
  const camera = new MockDocumentCamera({ ...(zero && { captureMs: 0 }), ...options.camera });

  const mocks: Record<DeviceKind, Controllable> = {
    idCard,
    face,
    scanner,
    receipt,
    document,
    camera,
  };
  const persons = options.persons ?? TEST_PERSONS;

  const controls: MockControls = {
    persons,
    idCard: {
      insert: (recordOrPersonId) => idCard.insert(recordOrPersonId),
      remove: () => idCard.remove(),
      failNextRead: () => idCard.failNextRead(),
      get cardPresent() {
        return idCard.cardPresent;
      },
      get card() {
        return idCard.card;
      },
    },
    face: {
      next: (outcome) => face.next(outcome),
      get upcoming() {
        return face.upcoming;
      },
    },
    scanner: {
      scan: (text, source) => scanner.scan(text, source),
      ignored: () => scanner.ignored(),
      get running() {
        return scanner.running;
      },
    },
    receipt: {
      takePaper: () => receipt.takePaper(),
      get mediaAtExit() {
        return receipt.mediaAtExit;
      },
    },
    camera: {
      failNextCapture: () => camera.failNextCapture(),
    },
    fault: (device, fault) => mockOf(mocks, device).inject(fault),
    clear: (device) => {
      for (const kind of device === undefined ? DEVICE_KINDS : [device]) {
        mockOf(mocks, kind).clear();
      }
    },
    faults: (device) => mockOf(mocks, device).faults,
    faultsTaken: (device) => {
      mockOf(mocks, device);
      return MOCK_FAULTS[device];
    },
    printed: () => tray.list(),
    clearPrinted: () => tray.clear(),
    onChange: (listener) => {
      const unsubscribes = [
        ...DEVICE_KINDS.map((kind) => mocks[kind].onChange(listener)),
        tray.onChange(listener),
      ];
      return () => {
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
    },
  };

  return { devices: { idCard, face, scanner, receipt, document, camera }, controls };
}

/** The mock for a device name, with a clear error for a name typed wrong in a script. */
function mockOf(mocks: Record<DeviceKind, Controllable>, device: DeviceKind): Controllable {
  if (!DEVICE_KINDS.includes(device)) {
    throw new Error(
      `No mock device '${String(device)}'; the devices are: ${DEVICE_KINDS.join(', ')}`,
    );
  }
  return mocks[device];
}
