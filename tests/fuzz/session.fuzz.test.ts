import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type AnyEventObject, type AnyMachineSnapshot } from 'xstate';
import { DeviceError } from '../../device-adapters';
import { DEVICE_KINDS, LOCALES, type DeviceStatus, type FlowId } from '../../domain';
import { FLOWS, requirementsOf } from '../../kiosk-ui/flows';
import { createSessionMachine, type SessionEvent, type SessionInput } from '../../machines';
import { twoStepFlow } from '../support/testFlow';
import { DeviceDesk, flush, settle, type Settle } from './deviceDesk';
import { errorWatch, stateName } from './flowDriver';
import {
  appointmentCandidates,
  appointmentFlow,
  appointmentGesture,
  appointmentWorld,
  idCopyCandidates,
  idCopyFlow,
  idCopyGesture,
  idCopyWorld,
  queueCandidates,
  queueFlow,
  queueGesture,
  queueWorld,
  type AppointmentWorld,
  type IdCopyWorld,
  type QueueWorld,
} from './flowWorlds';
import { fuzzRuns, noteForReport } from './fuzzRuns';
import { hostileText } from './hostileText';
import { DEVICE_STATUSES } from './deviceErrors';

const STATUSES: readonly DeviceStatus[] = DEVICE_STATUSES;
/** The flows this kiosk has: three real ones and the two-step stand-in for the rest. */
const PROVIDED: readonly FlowId[] = ['queue', 'appointment', 'idCopy', 'guide'];
/** Every flow of the module list, and names of none (a tap can only name a tile, but still). */
const ANY_FLOW: readonly FlowId[] = [...FLOWS.map((flow) => flow.id), 'guide', 'rating', 'nope'];
const sessionMachine = createSessionMachine([...FLOWS.map((flow) => flow.id), 'guide']);

interface Worlds {
  queue: QueueWorld;
  appointment: AppointmentWorld;
  idCopy: IdCopyWorld;
}

/** Idle timing within the configuration's bounds (domain/kioskConfig.ts), kept short to run fast. */
const timing = fc
  .record({
    idleSeconds: fc.integer({ min: 20, max: 120 }),
    extra: fc.integer({ min: 0, max: 60 }),
    warningSeconds: fc.integer({ min: 5, max: 19 }),
    goodbyeSeconds: fc.integer({ min: 3, max: 20 }),
  })
  .map(({ idleSeconds, extra, warningSeconds, goodbyeSeconds }) => ({
    idleSeconds,
    elderlyIdleSeconds: idleSeconds + extra,
    warningSeconds,
    goodbyeSeconds,
  }));

/** Device statuses, mostly working: a kiosk with every flow paused shows little. */
const statuses = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constant<DeviceStatus>('online'), weight: 6 },
      fc.constantFrom(...STATUSES),
    ),
    {
      minLength: DEVICE_KINDS.length,
      maxLength: DEVICE_KINDS.length,
    },
  )
  .map(
    (list) =>
      Object.fromEntries(
        DEVICE_KINDS.map((kind, i) => [kind, list[i] ?? 'online']),
      ) as SessionInput['deviceStatuses'] & object,
  );

/** Every event the session declares, with anything a scanner might read. */
const sessionEvent: fc.Arbitrary<SessionEvent> = fc.oneof(
  fc.constantFrom<SessionEvent>(
    { type: 'user.wake' },
    { type: 'user.activity' },
    { type: 'user.continue' },
    { type: 'user.home' },
    { type: 'user.back' },
    { type: 'user.finish' },
    { type: 'device.cardInserted' },
    { type: 'idle.restart' },
  ),
  fc.constantFrom(...ANY_FLOW).map((flow) => ({ type: 'user.selectFlow' as const, flow })),
  fc.constantFrom(...LOCALES).map((locale) => ({ type: 'user.setLocale' as const, locale })),
  fc.boolean().map((elderly) => ({ type: 'user.setElderly' as const, elderly })),
  fc
    .oneof(
      fc.uuid().map((id) => `BDY1:A:${id}`),
      fc.uuid().map((id) => `BDY1:T:${id}`),
      hostileText(40),
    )
    .map((code) => ({ type: 'device.codeScanned' as const, code })),
  statuses.map((s) => ({ type: 'health.changed' as const, statuses: s })),
);

/**
 * One step of a visit to the whole kiosk: a session event; an event for the flow on screen
 * (`pick` chooses what it offers when `sensible`); a device answer; or time passing.
 */
type KioskStep =
  | { session: SessionEvent }
  | { flow: AnyEventObject[]; sensible: boolean; pick: number }
  | { device: Settle }
  | { waitMs: number };

const flowEvents = (worlds: Worlds): fc.Arbitrary<AnyEventObject[]> =>
  fc.oneof(
    queueGesture(worlds.queue),
    appointmentGesture(worlds.appointment),
    idCopyGesture,
    fc.constant<AnyEventObject[]>([{ type: 'user.next' }]),
  );

const steps = (worlds: Worlds): fc.Arbitrary<KioskStep[]> =>
  fc.array(
    fc.oneof(
      { arbitrary: sessionEvent.map((session) => ({ session })), weight: 2 },
      {
        arbitrary: fc.record({ flow: flowEvents(worlds), sensible: fc.boolean(), pick: fc.nat() }),
        weight: 5,
      },
      { arbitrary: settle.map((device) => ({ device })), weight: 3 },
      { arbitrary: fc.integer({ min: 0, max: 120_000 }).map((waitMs) => ({ waitMs })), weight: 1 },
    ),
    { maxLength: 60, size: 'max' },
  );

const startVisit: SessionEvent[] = [
  { type: 'user.wake' },
  ...PROVIDED.map((flow) => ({ type: 'user.selectFlow' as const, flow })),
];

const candidatesFor = (flow: FlowId | null, worlds: Worlds): AnyEventObject[][] => {
  if (flow === 'queue') return queueCandidates(worlds.queue);
  if (flow === 'appointment') return appointmentCandidates(worlds.appointment);
  if (flow === 'idCopy') return idCopyCandidates;
  return [[{ type: 'user.next' }]];
};

beforeEach(() => {
  // Promises and microtasks stay real: the fuzz settles device calls itself.
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the session hosting real flows', () => {
  it('never fails, never loses a flow, and is back at attract, wiped, when the idle time runs out', async () => {
    const desk = new DeviceDesk();
    let worlds: Worlds | undefined;
    const world = () => {
      if (!worlds) throw new Error('no world for this run');
      return worlds;
    };
    let wipes = 0;
    const machine = sessionMachine.provide({
      actors: {
        queue: queueFlow(() => world().queue, desk),
        appointment: appointmentFlow(() => world().appointment, desk),
        idCopy: idCopyFlow(() => world().idCopy, desk),
        guide: twoStepFlow,
      },
      actions: { wipeTraces: () => (wipes += 1) },
    });
    const visited = new Set<string>();
    const visit = fc
      .record({ queue: queueWorld, appointment: appointmentWorld, idCopy: idCopyWorld })
      .chain((w) =>
        fc.record({
          worlds: fc.constant(w),
          timing,
          flows: fc.subarray([...PROVIDED], { minLength: 1 }),
          deviceStatuses: fc.oneof(fc.constant(undefined), statuses),
          steps: steps(w),
        }),
      );

    await fc.assert(
      fc.asyncProperty(visit, async (v) => {
        worlds = v.worlds;
        desk.reset();
        wipes = 0;
        const { errors, inspect } = errorWatch();
        const notices: string[] = [];
        const input: SessionInput = {
          timing: v.timing,
          defaultLocale: 'zh-CN',
          flows: v.flows,
          requirements: requirementsOf(FLOWS),
          ...(v.deviceStatuses ? { deviceStatuses: v.deviceStatuses } : {}),
        };
        const actor = createActor(machine, { input, inspect });
        actor.subscribe({
          next: (s) => {
            if (s.context.notice) notices.push(s.context.notice);
            const flow = s.children.flow?.getSnapshot() as AnyMachineSnapshot | undefined;
            if (s.context.flow && flow?.value)
              visited.add(`${s.context.flow}.${stateName(flow.value)}`);
          },
          error: (error) => errors.push(`session: ${String(error)}`),
        });
        actor.start();

        for (const step of v.steps) {
          if ('session' in step) actor.send(step.session);
          else if ('device' in step) {
            desk.settleOldest(step.device);
            await flush();
          } else if ('waitMs' in step) {
            await vi.advanceTimersByTimeAsync(step.waitMs);
          } else {
            const child = actor.getSnapshot().children.flow;
            const snapshot = child?.getSnapshot() as AnyMachineSnapshot | undefined;
            if (!child || snapshot?.status !== 'active') {
              // No flow on screen: the citizen wakes the kiosk or picks a tile.
              if (step.sensible)
                actor.send(startVisit[step.pick % startVisit.length] ?? { type: 'user.wake' });
              continue;
            }
            const onScreen = actor.getSnapshot().context.flow;
            const offered = step.sensible
              ? candidatesFor(onScreen, world()).filter((g) => g[0] && snapshot.can(g[0]))
              : [step.flow];
            for (const event of offered[step.pick % Math.max(1, offered.length)] ?? [])
              child.send(event);
          }
        }
        expect(errors).toEqual([]);
        // Every flow is provided and none may fail: a failed flow is a crash shown as a notice.
        expect(notices.filter((n) => n === 'flowFailed')).toEqual([]);

        // Nobody touches the kiosk. A device still at work is never cut off (the idle count
        // waits for it): each ends as a real device's own bound would end it, in a timeout.
        while (
          desk.settleOldest({ ok: false, error: new DeviceError('idCard', 'timeout', 'bound') })
        )
          await flush();
        // Then within the idle time, its warning and a goodbye it is back.
        const { elderlyIdleSeconds, warningSeconds, goodbyeSeconds } = v.timing;
        const wasInVisit = !actor.getSnapshot().matches({ attract: 'waiting' });
        const wipesBefore = wipes;
        await vi.advanceTimersByTimeAsync(
          (elderlyIdleSeconds + warningSeconds + goodbyeSeconds + 1) * 1_000,
        );
        const end = actor.getSnapshot();
        expect(errors).toEqual([]);
        expect(end.matches('attract')).toBe(true);
        expect(end.children.flow).toBeUndefined();
        expect(end.context).toMatchObject({
          flow: null,
          pendingCode: null,
          countdown: null,
          elderly: false,
        });
        // …and on the way it wiped the visit's traces (the composition root's wipeTraces).
        expect(wipes - wipesBefore).toBe(wasInVisit ? 1 : 0);
        actor.stop();
      }),
      { numRuns: fuzzRuns() },
    );
    noteForReport(`session: ${visited.size} flow states reached inside the session`);
  });
});
