import { assign, cancel, enqueueActions, fromPromise, setup } from 'xstate';
import { PIN_PATTERN } from '../domain';

/**
 * The staff console's door (issue 13): a five-second press on the hall name opens a PIN pad; a
 * kiosk without a PIN asks for one to be set; five wrong PINs lock entry (stores keep the
 * count, so a reload does not reset it); the open console closes itself after two minutes
 * without a touch, at once when a card is laid on the reader, and when staff leave. Every
 * entry, refusal, lock and exit is written to the audit log by the actors the composition root
 * supplies; the machine never sees a store or the PIN's hash.
 */

/** The open console closes itself after this long without a touch. */
export const STAFF_IDLE_MS = 2 * 60_000;
/** The longest PIN the pad takes. */
export const PIN_MAX_LENGTH = 12;

export const STAFF_SECTIONS = [
  'items',
  'import',
  'hours',
  'settings',
  'devices',
  'prints',
  'today',
  'ratings',
  'audit',
] as const;
export type StaffSection = (typeof STAFF_SECTIONS)[number];

/** Why the console closed, as the audit log says. */
export type CloseReason = 'staff' | 'idle' | 'card' | 'locked';

/** Whether a PIN is set and whether entry is locked, read when the pad opens. */
export interface EntryState {
  pinSet: boolean;
  /** ISO 8601 moment entry opens again; null when it is not locked. */
  lockedUntil: string | null;
}

export type PinCheck =
  | { ok: true }
  | { ok: false; wrongLeft: number; lockedUntil: null }
  | { ok: false; wrongLeft: 0; lockedUntil: string };

export type PinError = 'short' | 'wrong' | 'mismatch' | 'failed' | null;

export interface StaffContext {
  /** The digits typed on the pad; never kept past the pad. */
  typed: string;
  /** The first typing of a new PIN, while it is typed again. */
  first: string;
  error: PinError;
  wrongLeft: number | null;
  lockedUntil: string | null;
  section: StaffSection;
  /** Something was saved: the kiosk restarts between visits to take it up. */
  changed: boolean;
  closeReason: CloseReason;
}

export type StaffEvent =
  | { type: 'staff.open' }
  | { type: 'pin.key'; key: string }
  | { type: 'pin.erase' }
  | { type: 'pin.submit' }
  | { type: 'staff.section'; section: StaffSection }
  | { type: 'staff.touch' }
  | { type: 'staff.changed' }
  | { type: 'staff.exit' }
  | { type: 'card.inserted' }
  | { type: 'staff.idle' };

const EMPTY_PAD = { typed: '', first: '', error: null } as const;

export const staffMachine = setup({
  types: {
    context: {} as StaffContext,
    events: {} as StaffEvent,
  },
  actors: {
    /** Reads whether a PIN is set and whether entry is locked. */
    readEntry: fromPromise<EntryState>(async () => ({ pinSet: false, lockedUntil: null })),
    /** Checks the PIN against its hash, counts a wrong one (it may lock) and audits the try. */
    checkPin: fromPromise<PinCheck, { pin: string }>(async () => ({ ok: true })),
    /** Saves a first PIN's hash and audits it. */
    setPin: fromPromise<undefined, { pin: string }>(async () => undefined),
    /** Audits the exit. */
    closeConsole: fromPromise<undefined, { reason: CloseReason }>(async () => undefined),
  },
  actions: {
    /** What follows a closed console: a wipe, or a restart when something was saved. */
    consoleClosed: (_, _params: { changed: boolean }) => {},
    typeKey: assign(({ context, event }) => {
      if (event.type !== 'pin.key' || !/^\d$/.test(event.key)) return {};
      if (context.typed.length >= PIN_MAX_LENGTH) return {};
      return { typed: context.typed + event.key, error: null };
    }),
    erase: assign(({ context }) => ({ typed: context.typed.slice(0, -1), error: null })),
    // One timer for the pad and the open console: each touch starts it again.
    restartIdle: enqueueActions(({ enqueue }) => {
      enqueue.cancel('staffIdle');
      enqueue.raise({ type: 'staff.idle' }, { id: 'staffIdle', delay: STAFF_IDLE_MS });
    }),
    stopIdle: cancel('staffIdle'),
  },
  guards: {
    pinComplete: ({ context }) => PIN_PATTERN.test(context.typed),
  },
}).createMachine({
  id: 'staff',
  initial: 'closed',
  context: {
    ...EMPTY_PAD,
    wrongLeft: null,
    lockedUntil: null,
    section: 'items',
    changed: false,
    closeReason: 'staff',
  },
  states: {
    closed: {
      on: { 'staff.open': 'entering' },
    },
    entering: {
      entry: 'restartIdle',
      exit: 'stopIdle',
      on: {
        'staff.touch': { actions: 'restartIdle' },
        'staff.idle': { target: 'closing', actions: assign({ closeReason: 'idle' }) },
        'card.inserted': { target: 'closing', actions: assign({ closeReason: 'card' }) },
        'staff.exit': { target: 'closing', actions: assign({ closeReason: 'staff' }) },
      },
      initial: 'reading',
      states: {
        reading: {
          invoke: {
            src: 'readEntry',
            onDone: [
              {
                guard: ({ event }) => event.output.lockedUntil !== null,
                target: 'locked',
                actions: assign({ lockedUntil: ({ event }) => event.output.lockedUntil }),
              },
              { guard: ({ event }) => !event.output.pinSet, target: 'settingPin' },
              { target: 'askingPin' },
            ],
            onError: { target: '#staff.closing', actions: assign({ closeReason: 'staff' }) },
          },
        },
        askingPin: {
          on: {
            'pin.key': { actions: ['typeKey', 'restartIdle'] },
            'pin.erase': { actions: ['erase', 'restartIdle'] },
            'pin.submit': [
              { guard: 'pinComplete', target: 'checking' },
              { actions: assign({ error: 'short' }) },
            ],
          },
        },
        checking: {
          invoke: {
            src: 'checkPin',
            input: ({ context }) => ({ pin: context.typed }),
            onDone: [
              {
                guard: ({ event }) => event.output.ok,
                target: '#staff.open',
                actions: assign({ ...EMPTY_PAD, wrongLeft: null }),
              },
              {
                guard: ({ event }) => !event.output.ok && event.output.lockedUntil !== null,
                target: 'locked',
                actions: assign(({ event }) => ({
                  ...EMPTY_PAD,
                  wrongLeft: 0,
                  lockedUntil: event.output.ok ? null : event.output.lockedUntil,
                })),
              },
              {
                target: 'askingPin',
                actions: assign(({ event }) => ({
                  ...EMPTY_PAD,
                  error: 'wrong' as const,
                  wrongLeft: event.output.ok ? null : event.output.wrongLeft,
                })),
              },
            ],
            onError: { target: 'askingPin', actions: assign({ ...EMPTY_PAD, error: 'failed' }) },
          },
        },
        /** Entry is locked: the pad says until when, and takes nothing. */
        locked: {},
        settingPin: {
          initial: 'first',
          states: {
            first: {
              on: {
                'pin.key': { actions: ['typeKey', 'restartIdle'] },
                'pin.erase': { actions: ['erase', 'restartIdle'] },
                'pin.submit': [
                  {
                    guard: 'pinComplete',
                    target: 'again',
                    actions: assign(({ context }) => ({ first: context.typed, typed: '' })),
                  },
                  { actions: assign({ error: 'short' }) },
                ],
              },
            },
            again: {
              on: {
                'pin.key': { actions: ['typeKey', 'restartIdle'] },
                'pin.erase': { actions: ['erase', 'restartIdle'] },
                'pin.submit': [
                  { guard: ({ context }) => context.typed === context.first, target: 'saving' },
                  { target: 'first', actions: assign({ ...EMPTY_PAD, error: 'mismatch' }) },
                ],
              },
            },
            saving: {
              invoke: {
                src: 'setPin',
                input: ({ context }) => ({ pin: context.first }),
                onDone: { target: '#staff.open', actions: assign({ ...EMPTY_PAD }) },
                onError: { target: 'first', actions: assign({ ...EMPTY_PAD, error: 'failed' }) },
              },
            },
          },
        },
      },
    },
    open: {
      entry: 'restartIdle',
      exit: 'stopIdle',
      on: {
        'staff.touch': { actions: 'restartIdle' },
        'staff.section': {
          actions: [assign({ section: ({ event }) => event.section }), 'restartIdle'],
        },
        'staff.changed': { actions: [assign({ changed: true }), 'restartIdle'] },
        'staff.idle': { target: 'closing', actions: assign({ closeReason: 'idle' }) },
        'card.inserted': { target: 'closing', actions: assign({ closeReason: 'card' }) },
        'staff.exit': { target: 'closing', actions: assign({ closeReason: 'staff' }) },
      },
    },
    closing: {
      invoke: {
        src: 'closeConsole',
        input: ({ context }) => ({ reason: context.closeReason }),
        onDone: 'closed',
        // The audit line could not be written: the console closes all the same.
        onError: 'closed',
      },
      exit: [
        { type: 'consoleClosed', params: ({ context }) => ({ changed: context.changed }) },
        assign({
          ...EMPTY_PAD,
          wrongLeft: null,
          lockedUntil: null,
          section: 'items' as const,
          changed: false,
          closeReason: 'staff' as const,
        }),
      ],
    },
  },
});

export type StaffMachine = typeof staffMachine;
