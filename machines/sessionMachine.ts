import {
  assign,
  fromCallback,
  fromPromise,
  not,
  raise,
  sendTo,
  setup,
  type AnyActorLogic,
} from 'xstate';
import { isFlowOutput, type FlowId, type FlowInput } from '../domain/flows';
import type { RatingSubject } from '../domain/ratings';
import { parseKioskCode, type KioskCode } from '../domain/kioskCodes';
import {
  ALL_OFFLINE,
  ALL_ONLINE,
  deviceHealthMachine,
  type HealthChangedEvent,
} from './deviceHealthMachine';
import {
  devicesDown,
  unavailableFlows,
  type DeviceStatuses,
  type FlowRequirements,
} from './flowRequirements';
import { watchFlowActivity, type DeviceWork, type FlowActivityEvent } from './flowActivity';
import type { Locale } from '../domain/locale';
import type { SessionTiming } from '../domain/kioskConfig';

/** Something home tells the citizen once, in words from the locale files. */
export type SessionNotice = 'flowFailed' | 'codeNotRecognised';

export interface SessionInput {
  timing: SessionTiming;
  defaultLocale: Locale;
  /** The flows the composition root supplied, in home's order; home shows tiles for these only. */
  flows: readonly FlowId[];
  /** The devices each flow cannot work without (from the flow modules); none when absent. */
  requirements?: FlowRequirements;
  /** Which flow a scanned code of each kind starts (an appointment slip starts 预约). */
  codeFlows?: Partial<Record<KioskCode['kind'], FlowId>>;
  /** The devices' statuses at start; the device-health supervisor follows them from there. */
  deviceStatuses?: DeviceStatuses;
}

export interface SessionContext {
  timing: SessionTiming;
  defaultLocale: Locale;
  flows: readonly FlowId[];
  requirements: FlowRequirements;
  codeFlows: Partial<Record<KioskCode['kind'], FlowId>>;
  locale: Locale;
  elderly: boolean;
  flow: FlowId | null;
  /** Seconds left while the idle warning shows; null otherwise. */
  countdown: number | null;
  notice: SessionNotice | null;
  /** A scanned code waiting for the flow it starts; gone once that flow has it. */
  pendingCode: string | null;
  /** What a finished flow asked to have rated, for the 好差评 flow it hands over to. */
  pendingRating: RatingSubject | null;
  /** What this visit was already offered to rate (once per item and visit). */
  offeredRatings: string[];
  /** What the device-health supervisor last reported; the kiosk's, not the citizen's. */
  deviceStatuses: DeviceStatuses;
  /**
   * Whether a card lies on the ID reader (as the reader tells, `device.card`): at attract, on
   * goodbye and on a flow's last screen the citizen is reminded to take it.
   */
  cardOnReader: boolean;
  /** The device the running flow is working with (a `busy` step): the idle count waits. */
  busy: DeviceWork | null;
  /** 返回首页 was asked for while a device worked: home follows once that step is done. */
  goingHome: DeviceWork | null;
}

/** What the reader tells the session: whether a card lies in its field. */
export type CardReaderEvent = { type: 'device.card'; present: boolean };

/** The session tells its reader watch that a visit ended: a card left on the reader is set aside. */
export type VisitEndedEvent = { type: 'visit.ended' };

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
  | CardReaderEvent
  | FlowActivityEvent
  | { type: 'device.codeScanned'; code: string }
  /** Raised by the machine itself when the citizen changed a setting: the idle count starts again. */
  | { type: 'idle.restart' }
  | HealthChangedEvent;

function unprovidedFlow(flow: FlowId): AnyActorLogic {
  return fromPromise<never, FlowInput>(async () => {
    throw new Error(
      `Flow "${flow}" was not provided: pass its machine to createSessionMachine([...]).provide({ actors: { ${flow}: … } }) in the composition root, and list it in the session's input.flows.`,
    );
  });
}

const idleSecondsOf = (context: SessionContext) =>
  context.elderly ? context.timing.elderlyIdleSeconds : context.timing.idleSeconds;

/** Whether a flow is offered here and every device it needs works. */
const isOpen = (context: SessionContext, flow: FlowId | undefined): flow is FlowId =>
  flow !== undefined &&
  context.flows.includes(flow) &&
  unavailableFlows(context.deviceStatuses, [flow], context.requirements)[flow] === undefined;

/** The flow a scanned code starts, when it is one of the kiosk's own codes and that flow is open. */
const flowForCode = (context: SessionContext, code: string): FlowId | undefined => {
  const kind = parseKioskCode(code)?.kind;
  const flow = kind ? context.codeFlows[kind] : undefined;
  return isOpen(context, flow) ? flow : undefined;
};

/** The selected flow's code has yet to come in. */
const flowNotReady = not('isFlowReady');

type FlowScreenState =
  | ReturnType<typeof flowState>
  | {
      always: (
        | { guard: typeof flowNotReady; target: string }
        | { guard: { type: 'isSelectedFlow'; params: { flow: FlowId } }; target: string }
      )[];
    }
  | {
      invoke: {
        id: string;
        src: 'loadFlow';
        input: (args: { context: SessionContext }) => { flow: FlowId };
        onDone: string;
        onError: { target: string; actions: 'noteFlowFailed' };
      };
      after: { flowLoad: { target: string; actions: 'noteFlowFailed' } };
    };

/** The 好差评 flow's id: a finished item is handed to it (when this kiosk offers it). */
export const RATING_FLOW: FlowId = 'rating';

/** One state per flow, each invoking the flow's machine under the id `flow`. */
const flowState = (id: FlowId) => ({
  invoke: {
    id: 'flow',
    src: id,
    input: ({ context }: { context: SessionContext }): FlowInput => ({
      locale: context.locale,
      elderly: context.elderly,
      ...(context.pendingCode ? { code: context.pendingCode } : {}),
      ...(context.pendingRating ? { rating: context.pendingRating } : {}),
      ...(devicesDown(context.deviceStatuses).length > 0
        ? { unavailable: devicesDown(context.deviceStatuses) }
        : {}),
    }),
    onDone: [
      // A finished item is offered for rating (好差评) before goodbye, once a visit.
      {
        guard: 'offersRating' as const,
        target: '#session.active.screen.switching',
        actions: 'startRating' as const,
      },
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

/**
 * The root of every visit: attract → home → a flow → goodbye → attract, with an idle timeout
 * that warns, counts down and then wipes everything the visit learned.
 *
 * Built for the flows this build knows (the flow modules' ids): one state each, invoking the
 * actor of the same name, which the composition root provides. A flow whose code is not loaded
 * yet is loaded first (`loadFlow`, with `isFlowReady` telling whether it already is).
 */
export function createSessionMachine(flowIds: readonly FlowId[]) {
  // Which flows exist is the module list's business: their actors and states are named by string.
  const actors: Record<string, AnyActorLogic> = {
    ...Object.fromEntries(flowIds.map((id) => [id, unprovidedFlow(id)])),
    deviceHealth: deviceHealthMachine,
    /**
     * Follows the ID reader (`device.card`) and sets a card left on it aside when a visit ends
     * (`visit.ended`); the composition root provides it (without one, no card is ever known).
     */
    cardReader: fromCallback<VisitEndedEvent>(() => {}),
    /** Follows the running flow's busy and failed tags (`flow.activity`). */
    watchFlowActivity,
    /** Brings a flow's code in (a lazy chunk); the default has every flow at hand. */
    loadFlow: fromPromise<unknown, { flow: FlowId }>(async () => undefined),
  };
  // Typed by string, so that a flow's state can be matched by its name (`{ flow: 'queue' }`).
  const flowScreens: Record<string, FlowScreenState> = {
    starting: {
      always: [
        { guard: flowNotReady, target: 'loading' },
        ...flowIds.map((id) => ({
          guard: { type: 'isSelectedFlow' as const, params: { flow: id } },
          target: id,
        })),
      ],
    },
    // The flow's code comes in (prefetched after home, so rarely seen); then it starts.
    loading: {
      invoke: {
        id: 'loader',
        src: 'loadFlow',
        input: ({ context }: { context: SessionContext }) => ({ flow: context.flow ?? '' }),
        onDone: 'starting',
        onError: { target: '#session.active.screen.home', actions: 'noteFlowFailed' as const },
      },
      after: {
        flowLoad: { target: '#session.active.screen.home', actions: 'noteFlowFailed' as const },
      },
    },
    ...Object.fromEntries(flowIds.map((id) => [id, flowState(id)])),
  };
  return setup({
    types: {
      context: {} as SessionContext,
      events: {} as SessionEvent,
      input: {} as SessionInput,
    },
    actors,
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
        pendingRating: null,
        offeredRatings: [],
        busy: null,
        goingHome: null,
      })),
      /** A card still on the reader as the visit ends is set aside: the next visit never reads it unless placed again. */
      endVisitOnReader: sendTo('cardReader', { type: 'visit.ended' } satisfies VisitEndedEvent),
      noteActivity: assign(({ context, event }) =>
        event.type === 'flow.activity'
          ? {
              busy: event.busy,
              // A step that ended in a failure stays on screen to explain it: 返回首页 again leaves.
              goingHome: event.busy === null ? null : context.goingHome,
            }
          : {},
      ),
      noteGoingHome: assign({ goingHome: ({ context }) => context.busy }),
      startCountdown: assign(({ context }) => ({ countdown: context.timing.warningSeconds })),
      tickCountdown: assign(({ context }) => ({
        countdown: Math.max(0, (context.countdown ?? 1) - 1),
      })),
      clearCountdown: assign({ countdown: null }),
      clearNotice: assign({ notice: null }),
      noteFlowFailed: assign({ notice: 'flowFailed' as const }),
      startCodeFlow: assign(({ context, event }) =>
        event.type === 'device.codeScanned'
          ? {
              flow: flowForCode(context, event.code) ?? null,
              notice: null,
              pendingCode: event.code,
            }
          : {},
      ),
      startRating: assign(({ context, event }) => {
        const rate =
          'output' in event && isFlowOutput(event.output) ? event.output.rate : undefined;
        if (!rate) return {};
        return {
          flow: RATING_FLOW,
          pendingRating: rate,
          offeredRatings: [...context.offeredRatings, rate.key],
        };
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
        event.type === 'user.selectFlow' && isOpen(context, event.flow),
      /** The selected flow's code is here (the composition root knows; by default always). */
      isFlowReady: () => true,
      isSelectedFlow: ({ context }, params: { flow: FlowId }) => context.flow === params.flow,
      startsAFlow: ({ context, event }) =>
        event.type === 'device.codeScanned' && flowForCode(context, event.code) !== undefined,
      isLastSecond: ({ context }) => (context.countdown ?? 0) <= 1,
      endedSwitch: ({ context, event }) =>
        'output' in event &&
        isFlowOutput(event.output) &&
        event.output.outcome === 'switch' &&
        isOpen(context, event.output.next),
      offersRating: ({ context, event }) => {
        if (!('output' in event) || !isFlowOutput(event.output)) return false;
        const { outcome, rate } = event.output;
        return (
          outcome === 'done' &&
          rate !== undefined &&
          !context.offeredRatings.includes(rate.key) &&
          isOpen(context, RATING_FLOW)
        );
      },
      endedDone: ({ event }) =>
        'output' in event && isFlowOutput(event.output) && event.output.outcome === 'done',
      /** A device of the running flow is at work: no timer and no button may interrupt it. */
      flowBusy: ({ context }) => context.busy !== null,
      /** The step 返回首页 waited for is done, and nothing failed that the screen must explain. */
      homeWaitOver: ({ context, event }) =>
        context.goingHome !== null &&
        event.type === 'flow.activity' &&
        event.busy === null &&
        !event.failed,
    },
    delays: {
      untilWarning: ({ context }) =>
        (idleSecondsOf(context) - context.timing.warningSeconds) * 1000,
      goodbye: ({ context }) => context.timing.goodbyeSeconds * 1000,
      attractAdjustment: ({ context }) => context.timing.idleSeconds * 1000,
      /** A flow's code that has not come in by then will not: home says so. */
      flowLoad: 20_000,
    },
  }).createMachine({
    id: 'session',
    context: ({ input }) => ({
      timing: input.timing,
      defaultLocale: input.defaultLocale,
      flows: input.flows.filter((id) => flowIds.includes(id)),
      requirements: input.requirements ?? {},
      codeFlows: input.codeFlows ?? { appointment: 'appointment' },
      locale: input.defaultLocale,
      elderly: false,
      flow: null,
      countdown: null,
      notice: null,
      pendingCode: null,
      pendingRating: null,
      offeredRatings: [],
      deviceStatuses: input.deviceStatuses ?? ALL_ONLINE,
      cardOnReader: false,
      busy: null,
      goingHome: null,
    }),
    invoke: [
      {
        id: 'health',
        src: 'deviceHealth',
        input: ({ context }) => ({ statuses: context.deviceStatuses }),
        // Without a supervisor nothing is known of the devices: pause every flow that needs one.
        onError: { actions: assign({ deviceStatuses: ALL_OFFLINE }) },
      },
      // A reader watch that fails leaves the card unknown; the kiosk works on without reminders.
      {
        id: 'cardReader',
        src: 'cardReader',
        onError: { actions: assign({ cardOnReader: false }) },
      },
    ],
    on: {
      'health.changed': { actions: assign({ deviceStatuses: ({ event }) => event.statuses }) },
      'device.card': { actions: assign({ cardOnReader: ({ event }) => event.present }) },
    },
    initial: 'attract',
    states: {
      attract: {
        entry: ['resetVisit', 'wipeTraces', 'endVisitOnReader'],
        on: {
          // A touch wakes only through the attract screen's own button (user.wake), so the
          // finger that wakes the kiosk cannot land on a home tile as a second tap.
          'user.wake': 'active',
          'device.cardInserted': 'active',
          // An appointment slip's QR checks in straight away; any other code is explained at home.
          'device.codeScanned': [
            {
              guard: 'startsAFlow',
              target: '#session.active.screen.flow',
              actions: 'startCodeFlow',
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
          'user.home': [
            // A device at work is never interrupted: home follows once its step is done.
            { guard: 'flowBusy', actions: ['noteGoingHome', 'restartIdle'] },
            { target: '.screen.home', actions: 'restartIdle' },
          ],
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
                    { guard: 'startsAFlow', target: 'flow', actions: 'startCodeFlow' },
                    { actions: assign({ notice: 'codeNotRecognised' }) },
                  ],
                },
              },
              flow: {
                initial: 'starting',
                exit: assign({
                  flow: null,
                  pendingCode: null,
                  pendingRating: null,
                  busy: null,
                  goingHome: null,
                }),
                invoke: {
                  id: 'activity',
                  src: 'watchFlowActivity',
                  input: ({ self }) => ({ session: self }),
                },
                on: {
                  // Nor does 上一步 stop a device at work.
                  'user.back': {
                    guard: not('flowBusy'),
                    actions: sendTo('flow', ({ event }) => event),
                  },
                  'flow.activity': [
                    {
                      guard: 'homeWaitOver',
                      target: 'home',
                      actions: ['noteActivity', 'restartIdle'],
                    },
                    { actions: 'noteActivity' },
                  ],
                },
                states: {
                  ...flowScreens,
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
              // While a device works (a card read, a face check, a sheet printing) the idle
              // count waits: a timeout must never cancel it. It starts afresh once it is done.
              paused: {
                always: { guard: not('flowBusy'), target: 'counting' },
              },
              counting: {
                always: { guard: 'flowBusy', target: 'paused' },
                on: {
                  'user.activity': { target: 'counting', reenter: true },
                  'idle.restart': { target: 'counting', reenter: true },
                  'device.cardInserted': { target: 'counting', reenter: true },
                  'device.codeScanned': { target: 'counting', reenter: true },
                },
                after: { untilWarning: 'warning' },
              },
              warning: {
                always: { guard: 'flowBusy', target: 'paused' },
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
}

export type SessionMachine = ReturnType<typeof createSessionMachine>;
