import { fromPromise } from 'xstate';
import type { KioskDevices } from '../../device-adapters';
import {
  afterWrongPin,
  isEntryLocked,
  OPEN_ENTRY,
  WRONG_PINS_BEFORE_LOCK,
  type AuditRecord,
  type CatalogSource,
  type FaceLockout,
  type HallAdmin,
  type KioskConfig,
  type PrintJournal,
  type QueueService,
} from '../../domain';
import { staffMachine, type CloseReason, type EntryState, type PinCheck } from '../../machines';
import { hashPin, verifyPin } from '../../stores/admin';

/** What the console's sections read and write; the composition root hands it over. */
export interface ConsoleServices {
  admin: HallAdmin;
  /** The configuration in force (the file's, with staff settings applied). */
  config: KioskConfig;
  /** The configuration file alone: what a setting goes back to when staff clear it. */
  fileConfig: KioskConfig;
  /** The hall's catalog file: what the console starts from before staff ever saved one. */
  fileCatalog: CatalogSource;
  devices: KioskDevices;
  queue: QueueService;
  journal: PrintJournal | null;
  faceLockout: FaceLockout | null;
  /**
   * The hall server's 管理 page: the sections speak of the hall, not of one kiosk (终端设置 shows
   * no kiosk id or device profile: those are each kiosk's own).
   */
  hallWide?: boolean;
  now: () => Date;
  /** Appends a line to the audit log (never fails the change it records: it is logged). */
  audit: (record: AuditRecord) => Promise<void>;
}

export function consoleServices(
  options: Omit<ConsoleServices, 'audit' | 'now'> & { now?: () => Date },
): ConsoleServices {
  const now = options.now ?? (() => new Date());
  return {
    ...options,
    now,
    audit: async (record) => {
      await options.admin.audit(record, now());
    },
  };
}

/**
 * The console machine with its door kept by the hall-admin store: the PIN's salted hash, the
 * wrong-PIN count and lock (kept across reloads), and the audit line of every try and exit.
 */
export function staffConsoleMachine(
  services: ConsoleServices,
  consoleClosed: (changed: boolean) => void,
) {
  const { admin, audit, now } = services;
  return staffMachine.provide({
    actors: {
      readEntry: fromPromise<EntryState>(async () => {
        const [pin, lock] = await Promise.all([admin.pin(), admin.entryLock()]);
        return {
          pinSet: pin !== null,
          lockedUntil: isEntryLocked(lock, now()) ? lock.lockedUntil : null,
        };
      }),
      checkPin: fromPromise<PinCheck, { pin: string }>(async ({ input }) => {
        const record = await admin.pin();
        if (record && (await verifyPin(input.pin, record))) {
          await admin.setEntryLock(OPEN_ENTRY);
          await audit({ action: 'entry', subject: 'console', before: null, after: null });
          return { ok: true };
        }
        const lock = afterWrongPin(await admin.entryLock(), now());
        await admin.setEntryLock(lock);
        await audit({ action: 'entry-refused', subject: 'console', before: null, after: null });
        if (lock.lockedUntil === null)
          return { ok: false, wrongLeft: WRONG_PINS_BEFORE_LOCK - lock.wrong, lockedUntil: null };
        await audit({
          action: 'entry-locked',
          subject: 'console',
          before: null,
          after: { until: lock.lockedUntil, locks: lock.locks },
        });
        return { ok: false, wrongLeft: 0, lockedUntil: lock.lockedUntil };
      }),
      setPin: fromPromise<undefined, { pin: string }>(async ({ input }) => {
        await admin.setPin(await hashPin(input.pin, now()));
        await audit({ action: 'pin-set', subject: 'console', before: null, after: null });
      }),
      closeConsole: fromPromise<undefined, { reason: CloseReason }>(async ({ input }) => {
        await audit({ action: 'exit', subject: 'console', before: null, after: input.reason });
      }),
    },
    actions: {
      consoleClosed: (_, params: { changed: boolean }) => consoleClosed(params.changed),
    },
  });
}
