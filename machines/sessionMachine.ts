import { assign, raise, sendTo, setup, fromPromise, type AnyActorLogic } from 'xstate';
import { FLOW_IDS, isFlowOutput, type FlowId, type FlowInput } from '../domain/flows';
import { parseKioskCode } from '../domain/kioskCodes';
import {
  ALL_OFFLINE,
  ALL_ONLINE,
  deviceHealthMachine,
  type HealthChangedEvent,
} from './deviceHealthMachine';
import { unavailableFlows, type DeviceStatuses } from './flowRequirements';
import type { Locale } from '../domain/locale';
import type { SessionTiming } from '../domain/kioskConfig';

/** Something home tells the citizen once, in words from the locale files. */
export type SessionNotice = 'flowFailed' | 'codeNotRecognised';

export interface SessionInput {
  timing: SessionTiming;
  defaultLocale: Locale;
  /** The flows the composition root supplied; home shows tiles for these only. */
  flows: readonly FlowId[];
  /** The devices' statuses at start; the device-health supervisor follows them from there. */
  deviceStatuses?: DeviceStatuses;
}

export interface SessionContext {
  timing: SessionTiming;
  defaultLocale: Locale;
  flows: readonly FlowId[];
  locale: Locale;
  elderly: boolean;
  flow: FlowId | null;
  /** Seconds left while the idle warning shows; null otherwise. */
  countdown: number | null;
  notice: SessionNotice | null;
  /** A scanned code waiting for the flow it starts; gone once that flow has it. */
  pendingCode: string | null;
  /** What the device-health supervisor last reported; the kiosk's, not the citizen's. */
  deviceStatuses: DeviceStatuses;
}

export type SessionEvent =
  | { type: 'user.wake' }
  | { type: 'user.activity' }
  | { type: 'user.continue' }
  | { type: 'user.home' }
  | { type: 'user.back' }
  | { type: 'user.finish' }
  | { type: 'user.selectFlow'; flow: FlowId }
  | { type: 'user.setLocale'; locale: Locale }
  | { type: 'user.setElderly'; elderly: boolean }
  | { type: 'device.cardInserted' }
  | { type: 'device.codeScanned'; code: string }
  /** Raised by the machine itself when the citizen changed a setting: the idle count starts again. */
  | { type: 'idle.restart' }
  | HealthChangedEvent;

function unprovidedFlow(flow: FlowId): AnyActorLogic {
  return fromPromise<never, FlowInput>(async () => {
    throw new Error(
      `Flow "${flow}" was not provided: pass its machine to sessionMachine.provide({ actors: { ${flow}: … } }) in the composition root, and list it in the session's input.flows.`,
    );
  });
}

const flowActors = Object.fromEntries(FLOW_IDS.map((id) => [id, unprovidedFlow(id)])) as Record<
  FlowId,
  AnyActorLogic
>;

const idleSecondsOf = (context: SessionContext) =>
  context.elderly ? context.timing.elderlyIdleSeconds : context.timing.idleSeconds;

/** One state per flow, each invoking the flow's machine under the id `flow`. */
const flowState = <F extends FlowId>(id: F) => ({
  invoke: {
    id: 'flow',
    src: id,
    input: ({ context }: { context: SessionContext }): FlowInput => ({
      locale: context.locale,
      elderly: context.elderly,
      ...(context.pendingCode ? { code: context.pendingCode } : {}),
    }),
    onDone: [
      { guard: 'endedDone' as const, target: '#session.active.screen.goodbye' },
      {
        guard: 'endedSwitch' as const,
        target: '#session.active.screen.switching',
        actions: 'noteNextFlow' as const,
      },
      { target: '#session.active.screen.home' },
    ],
    onError: {
      target: '#session.active.screen.home',
      actions: 'noteFlowFailed' as const,
    },
  },
});
const flowStates = Object.fromEntries(FLOW_IDS.map((id) => [id, flowState(id)])) as {
  [F in FlowId]: ReturnType<typeof flowState<F>>;
};

/**
 * The root of every visit: attract → home → a flow → goodbye → attract, with an idle timeout
 * that warns, counts down and then wipes everything the visit learned.
 */
export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
  },
  actors: { ...flowActors, deviceHealth: deviceHealthMachine },
  actions: {
    /** Erase every trace of the visit outside the machine (storage, DOM, speech); supplied by the composition root. */
    wipeTraces: () => {},
    resetVisit: assign(({ context }) => ({
      locale: context.defaultLocale,
      elderly: false,
      flow: null,
      countdown: null,
      notice: null,
      pendingCode: null,
    })),
    startCountdown: assign(({ context }) => ({ countdown: context.timing.warningSeconds })),
    tickCountdown: assign(({ context }) => ({
      countdown: Math.max(0, (context.countdown ?? 1) - 1),
    })),
    clearCountdown: assign({ countdown: null }),
    clearNotice: assign({ notice: null }),
    noteFlowFailed: assign({ notice: 'flowFailed' as const }),
    startCheckIn: assign({
      flow: 'appointment' as const,
      notice: null,
      pendingCode: ({ event }) => (event.type === 'device.codeScanned' ? event.code : null),
    }),
    noteNextFlow: assign({
      flow: ({ context, event }) =>
        'output' in event && isFlowOutput(event.output) && event.output.next
          ? event.output.next
          : context.flow,
    }),
    restartIdle: raise({ type: 'idle.restart' }),
    setLocale: assign({
      locale: ({ context, event }) =>
        event.type === 'user.setLocale' ? event.locale : context.locale,
    }),
    setElderly: assign({
      elderly: ({ context, event }) =>
        event.type === 'user.setElderly' ? event.elderly : context.elderly,
    }),
  },
  guards: {
    isFlowAvailable: ({ context, event }) =>
      event.type === 'user.selectFlow' &&
      context.flows.includes(event.flow) &&
      unavailableFlows(context.deviceStatuses, [event.flow])[event.flow] === undefined,
    isSelectedFlow: ({ context }, params: { flow: FlowId }) => context.flow === params.flow,
    isAppointmentSlip: ({ context, event }) =>
      event.type === 'device.codeScanned' &&
      parseKioskCode(event.code)?.kind === 'appointment' &&
      context.flows.includes('appointment') &&
      unavailableFlows(context.deviceStatuses, ['appointment']).appointment === undefined,
    isLastSecond: ({ context }) => (context.countdown ?? 0) <= 1,
    endedSwitch: ({ context, event }) =>
      'output' in event &&
      isFlowOutput(event.output) &&
      event.output.outcome === 'switch' &&
      event.output.next !== undefined &&
      context.flows.includes(event.output.next) &&
      unavailableFlows(context.deviceStatuses, [event.output.next])[event.output.next] ===
        undefined,
    endedDone: ({ event }) =>
      'output' in event && isFlowOutput(event.output) && event.output.outcome === 'done',
  },
  delays: {
    untilWarning: ({ context }) => (idleSecondsOf(context) - context.timing.warningSeconds) * 1000,
    goodbye: ({ context }) => context.timing.goodbyeSeconds * 1000,
    attractAdjustment: ({ context }) => context.timing.idleSeconds * 1000,
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    timing: input.timing,
    defaultLocale: input.defaultLocale,
    flows: FLOW_IDS.filter((id) => input.flows.includes(id)),
    locale: input.defaultLocale,
    elderly: false,
    flow: null,
    countdown: null,
    notice: null,
    pendingCode: null,
    deviceStatuses: input.deviceStatuses ?? ALL_ONLINE,
  }),
  invoke: {
    id: 'health',
    src: 'deviceHealth',
    input: ({ context }) => ({ statuses: context.deviceStatuses }),
    // Without a supervisor nothing is known of the devices: pause every flow that needs one.
    onError: { actions: assign({ deviceStatuses: ALL_OFFLINE }) },
  },
  on: {
    'health.changed': { actions: assign({ deviceStatuses: ({ event }) => event.statuses }) },
  },
  initial: 'attract',
  states: {
    attract: {
      entry: ['resetVisit', 'wipeTraces'],
      on: {
        // A touch wakes only through the attract screen's own button (user.wake), so the
        // finger that wakes the kiosk cannot land on a home tile as a second tap.
        'user.wake': 'active',
        'device.cardInserted': 'active',
        // An appointment slip's QR checks in straight away; any other code is explained at home.
        'device.codeScanned': [
          {
            guard: 'isAppointmentSlip',
            target: '#session.active.screen.flow',
            actions: 'startCheckIn',
          },
          { target: 'active', actions: assign({ notice: 'codeNotRecognised' }) },
        ],
      },
      // Language and elderly mode may be chosen before waking: attract itself changes, and a
      // choice nobody acts on is undone after a while so that the next citizen finds the default.
      initial: 'waiting',
      states: {
        waiting: {
          on: {
            'user.setLocale': { target: 'adjusted', actions: 'setLocale' },
            'user.setElderly': { target: 'adjusted', actions: 'setElderly' },
          },
        },
        adjusted: {
          after: { attractAdjustment: '#session.attract' },
          on: {
            'user.setLocale': { target: 'adjusted', reenter: true, actions: 'setLocale' },
            'user.setElderly': { target: 'adjusted', reenter: true, actions: 'setElderly' },
          },
        },
      },
    },
    active: {
      type: 'parallel',
      on: {
        'user.setLocale': { actions: ['setLocale', 'restartIdle'] },
        'user.setElderly': { actions: ['setElderly', 'restartIdle'] },
        'user.home': { target: '.screen.home', actions: 'restartIdle' },
      },
      states: {
        screen: {
          initial: 'home',
          states: {
            home: {
              on: {
                'user.selectFlow': {
                  guard: 'isFlowAvailable',
                  target: 'flow',
                  actions: assign({ flow: ({ event }) => event.flow, notice: null }),
                },
                'user.finish': 'goodbye',
                'device.codeScanned': [
                  { guard: 'isAppointmentSlip', target: 'flow', actions: 'startCheckIn' },
                  { actions: assign({ notice: 'codeNotRecognised' }) },
                ],
              },
            },
            flow: {
              initial: 'starting',
              exit: assign({ flow: null, pendingCode: null }),
              on: { 'user.back': { actions: sendTo('flow', ({ event }) => event) } },
              states: {
                starting: {
                  always: FLOW_IDS.map((id) => ({
                    guard: { type: 'isSelectedFlow' as const, params: { flow: id } },
                    target: id,
                  })),
                },
                ...flowStates,
              },
            },
            // A flow handed the citizen on to another: leave the flow state so the next one starts fresh.
            switching: { always: 'flow' },
            goodbye: {
              entry: 'clearNotice',
              after: { goodbye: '#session.attract' },
              on: { 'user.finish': '#session.attract' },
            },
          },
        },
        idle: {
          initial: 'counting',
          states: {
            counting: {
              on: {
                'user.activity': { target: 'counting', reenter: true },
                'idle.restart': { target: 'counting', reenter: true },
                'device.cardInserted': { target: 'counting', reenter: true },
                'device.codeScanned': { target: 'counting', reenter: true },
              },
              after: { untilWarning: 'warning' },
            },
            warning: {
              entry: 'startCountdown',
              exit: 'clearCountdown',
              on: {
                'user.continue': 'counting',
                'idle.restart': 'counting',
                'device.cardInserted': 'counting',
                'device.codeScanned': 'counting',
              },
              initial: 'ticking',
              states: {
                ticking: {
                  after: {
                    1000: [
                      { guard: 'isLastSecond', target: '#session.attract' },
                      { target: 'ticking', reenter: true, actions: 'tickCountdown' },
                    ],
                  },
                },
              },
            },
          },
        },
      },
    },
  },
});

export type SessionMachine = typeof sessionMachine;
