import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyEventObject, AnyMachineSnapshot, AnyStateMachine, StateNode } from 'xstate';
import type { FlowInput } from '../../domain';
import { DeviceDesk, settle, type Settle } from './deviceDesk';
import { leave, play, startFlow } from './flowDriver';
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
  stepsOf,
  type AppointmentWorld,
  type IdCopyWorld,
  type QueueWorld,
  type Step,
} from './flowWorlds';
import { fuzzRuns, noteForReport } from './fuzzRuns';
import {
  deskAnswers,
  guideCandidates,
  guideFlow,
  guideGesture,
  guideWorld,
  itemsCandidates,
  itemsFlow,
  itemsGesture,
  itemsWorld,
  progressCandidates,
  progressFlow,
  progressGesture,
  progressWorld,
  type DeskAnswers,
  type GuideWorld,
  type ItemsWorld,
  type ProgressWorld,
} from './itemWorlds';

/**
 * The longest ways out that 5,000 runs per flow found: 预约 six steps (booking's failed answer,
 * then back through bookingFailed, confirm, enterPhone, chooseSlot, chooseService), 身份证复印 five
 * (printing fails, then back through printFailed, preview, placeBack, placeFront), 取号 three.
 * Twelve leaves room for a longer way nobody found yet, without hiding a loop.
 */
const MAX_STEPS_OUT = 12;

/**
 * States where user.back is not taken and user.done is how the citizen leaves: each comes after
 * the flow's work is done (a number issued, a booking made, a copy printed), so there is nothing
 * to step back to. The session's home button leaves them too.
 */
const DONE_ONLY: Record<string, readonly string[]> = {
  queue: ['showNumber', 'printFailed'],
  appointment: ['booked', 'slipFailed', 'alreadyBooked', 'checkedIn', 'ticketFailed'],
  idCopy: ['takePaper'],
  // A print step that failed asks 再试一次 or 完成 (a sheet that may have printed: 完成 only).
  guide: ['printing'],
  items: ['printing'],
  progress: ['printing', 'finished'],
};

/** States with no button at all: a device call is in flight, and the adapters bound every call. */
const DEVICE_WAITS: Record<string, readonly string[]> = {
  queue: ['loading', 'allocating', 'printing'],
  appointment: [
    'loading',
    'loadingPlaces',
    'booking',
    'printingSlip',
    'checkingIn',
    'checkingInByCode',
    'printingTicket',
  ],
  idCopy: ['capturingFront', 'capturingBack', 'printing'],
  guide: ['loading', 'printing'],
  // 人证核验 waits on a device only while it counts a failed face check (the step has no button).
  items: [
    'starting',
    'loading',
    'identifying',
    'enterprise',
    'eligible',
    'deciding',
    'printing',
    '{"materials":"capturing"}',
    'submitting',
    'slip',
  ],
  progress: ['starting', 'identifying', 'listing', 'lookingUp', 'printing'],
};

const answers = fc.array(settle, { minLength: 1, maxLength: 6 });

interface Visit<W> {
  world: W;
  steps: Step<AnyEventObject>[];
  out: Settle[];
}

/**
 * The property every flow has: whatever the citizen presses in whatever state, and whatever the
 * devices answer, the flow never fails; and back/done (or a device's answer, where there is no
 * button) always ends it within MAX_STEPS_OUT. With 1,000 runs or more, every state is reached.
 */
async function fuzzFlow<W>(
  name: string,
  worlds: fc.Arbitrary<W>,
  gesture: (world: W) => fc.Arbitrary<AnyEventObject[]>,
  candidates: (world: W) => AnyEventObject[][],
  provide: (world: () => W, desk: DeviceDesk) => AnyStateMachine,
  inputOf: (world: W) => FlowInput = () => ({ locale: 'zh-CN', elderly: false }),
  after: (snapshot: AnyMachineSnapshot) => void = () => {},
) {
  const desk = new DeviceDesk();
  let current: W | undefined;
  const flow = provide(() => {
    if (current === undefined) throw new Error('no world for this run');
    return current;
  }, desk);
  const visited = new Set<string>();
  const visits: fc.Arbitrary<Visit<W>> = worlds.chain((world) =>
    fc.record({ world: fc.constant(world), steps: stepsOf(gesture(world)), out: answers }),
  );
  const runs = fuzzRuns();
  await fc.assert(
    fc.asyncProperty(visits, async ({ world, steps, out }) => {
      current = world;
      const run = startFlow(flow, desk, inputOf(world), visited);
      await play(run, steps, candidates(world));
      expect(run.errors).toEqual([]);
      const way = await leave(run, out, MAX_STEPS_OUT);
      expect(run.errors).toEqual([]);
      const snapshot = run.actor.getSnapshot() as AnyMachineSnapshot;
      expect(snapshot.status).toBe('done');
      expect(way.doneOnly.filter((s) => !DONE_ONLY[name]?.includes(s))).toEqual([]);
      expect(way.deviceWaits.filter((s) => !DEVICE_WAITS[name]?.includes(s))).toEqual([]);
      after(snapshot);
    }),
    { numRuns: runs },
  );
  // a state that always moves on at once (routing, say) is never seen at rest, so not counted
  const passing = (node: StateNode) => (node.always ?? []).some((t) => !t.guard);
  const states = Object.entries(flow.root.states)
    .filter(([, node]) => !passing(node))
    .map(([key]) => key);
  const missed = states.filter((s) => !visited.has(s));
  noteForReport(`${name}: ${states.length - missed.length}/${states.length} states reached`);
  if (runs >= 1000) expect(missed, 'states no random visit reached').toEqual([]);
}

describe('flows under random events and device answers', () => {
  it('取号 never fails, and is always left by back/done', async () => {
    await fuzzFlow<QueueWorld>(
      'queue',
      queueWorld,
      queueGesture,
      queueCandidates,
      queueFlow,
      undefined,
      (s) =>
        // The card read for the ticket does not outlive the flow.
        expect(s.context).toMatchObject({ card: null }),
    );
  });

  it('预约 and 签到 never fail, and are always left by back/done', async () => {
    await fuzzFlow<AppointmentWorld>(
      'appointment',
      appointmentWorld,
      appointmentGesture,
      appointmentCandidates,
      appointmentFlow,
      (world) => ({ locale: 'zh-CN', elderly: false, ...(world.code ? { code: world.code } : {}) }),
      (s) => expect(s.context).toMatchObject({ card: null, phone: '' }),
    );
  });

  it('身份证复印 never fails, and is always left by back/done', async () => {
    await fuzzFlow<IdCopyWorld>(
      'idCopy',
      idCopyWorld,
      () => idCopyGesture,
      () => idCopyCandidates,
      idCopyFlow,
      undefined,
      // Neither side of the card outlives the flow, whichever way the citizen left.
      (s) => expect(s.context).toMatchObject({ front: null, back: null }),
    );
  });

  describe('with the back office (审批系统) answering as the simulated one does', () => {
    let answers: DeskAnswers;
    beforeAll(async () => {
      answers = await deskAnswers();
    });

    it('办事指南 never fails, and is always left by back/done', async () => {
      await fuzzFlow<GuideWorld>(
        'guide',
        guideWorld,
        guideGesture,
        guideCandidates,
        guideFlow,
        undefined,
        // A guide hands over to 取号 or 预约 only; nothing else is a next flow.
        (s) =>
          expect(s.output).toSatisfy((out: { outcome: string; next?: string }) =>
            out.outcome === 'switch'
              ? out.next === 'queue' || out.next === 'appointment'
              : ['back', 'done'].includes(out.outcome) && out.next === undefined,
          ),
      );
    });

    it('一证通办 / 一照通办 never fails, is always left by back/done, and keeps nothing of the applicant', async () => {
      await fuzzFlow<ItemsWorld>(
        'items',
        itemsWorld(answers),
        itemsGesture,
        itemsCandidates,
        itemsFlow,
        undefined,
        // The card, the form, the captured pages and the application do not outlive the flow.
        (s) =>
          expect(s.context).toMatchObject({
            card: null,
            applicant: null,
            fields: {},
            pages: [],
            application: null,
            creditCode: '',
          }),
      );
    });

    it('进度查询 never fails, is always left by back/done, and keeps nothing of the application', async () => {
      await fuzzFlow<ProgressWorld>(
        'progress',
        progressWorld(answers),
        progressGesture,
        progressCandidates,
        progressFlow,
        (world) => ({
          locale: 'zh-CN',
          elderly: false,
          ...(world.code ? { code: world.code } : {}),
        }),
        (s) =>
          expect(s.context).toMatchObject({
            card: null,
            application: null,
            applications: null,
            typed: '',
            slip: null,
          }),
      );
    });
  });
});
