import { describe, expect, it, vi, afterEach, beforeEach } from 'vitest';
import { createActor, fromCallback } from 'xstate';
import {
  ALL_ONLINE,
  deviceHealthMachine,
  createSessionMachine,
  unavailableFlows,
  type DeviceHealthEvent,
  type SessionInput,
} from '../../machines';
import { FLOWS, requirementsOf } from '../../kiosk-ui/flows';
import { twoStepFlow } from '../support/testFlow';

/** What the flow modules require (kiosk-ui/flows/<flow>/index.ts); 'guide' stands for a flow needing nothing. */
const requirements = requirementsOf(FLOWS);
const sessionMachine = createSessionMachine(['idCopy', 'queue', 'guide']);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const timing = { idleSeconds: 90, elderlyIdleSeconds: 180, warningSeconds: 15, goodbyeSeconds: 10 };

/** A watch the test drives: it keeps the callback's sendBack so the test can report statuses. */
function drivenWatch() {
  const driver: { report?: (e: DeviceHealthEvent) => void } = {};
  const logic = fromCallback<DeviceHealthEvent>(({ sendBack }) => {
    driver.report = sendBack;
    return () => (driver.report = undefined);
  });
  return { logic, driver };
}

function startSession(flows: SessionInput['flows']) {
  const { logic, driver } = drivenWatch();
  const machine = sessionMachine.provide({
    actors: {
      idCopy: twoStepFlow,
      queue: twoStepFlow,
      guide: twoStepFlow,
      deviceHealth: deviceHealthMachine.provide({ actors: { watchDevices: logic } }),
    },
  });
  const actor = createActor(machine, {
    input: { timing, defaultLocale: 'zh-CN', flows, requirements, deviceStatuses: ALL_ONLINE },
  }).start();
  return {
    actor,
    report: (e: Omit<DeviceHealthEvent, 'type'>) =>
      driver.report?.({ type: 'device.status', ...e }),
  };
}

describe('unavailableFlows', () => {
  it('pauses the flows whose required device is not working, naming device and status', () => {
    const statuses = { ...ALL_ONLINE, document: 'jam' as const, receipt: 'paper-low' as const };
    expect(
      unavailableFlows(statuses, ['idCopy', 'queue', 'licencePrint', 'guide'], requirements),
    ).toEqual({
      idCopy: { device: 'document', status: 'jam' },
      licencePrint: { device: 'document', status: 'jam' },
    });
  });
  it('paper-low warns but keeps a flow available; paper-out stops it', () => {
    expect(
      unavailableFlows({ ...ALL_ONLINE, receipt: 'paper-low' }, ['queue'], requirements),
    ).toEqual({});
    expect(
      unavailableFlows({ ...ALL_ONLINE, receipt: 'paper-out' }, ['queue'], requirements),
    ).toEqual({
      queue: { device: 'receipt', status: 'paper-out' },
    });
  });
});

describe('device health in the session', () => {
  it('a jammed printer refuses its flow at home, and the flow comes back when it is cleared', () => {
    const { actor, report } = startSession(['idCopy', 'guide']);
    actor.send({ type: 'user.wake' });
    report({ device: 'document', status: 'jam' });
    expect(actor.getSnapshot().context.deviceStatuses.document).toBe('jam');
    expect(actor.getSnapshot().can({ type: 'user.selectFlow', flow: 'idCopy' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'user.selectFlow', flow: 'guide' })).toBe(true);
    report({ device: 'document', status: 'online' });
    expect(actor.getSnapshot().can({ type: 'user.selectFlow', flow: 'idCopy' })).toBe(true);
  });

  it('device status survives the privacy wipe: it is the kiosk’s, not the citizen’s', () => {
    const { actor, report } = startSession(['idCopy']);
    report({ device: 'camera', status: 'offline' });
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.finish' });
    actor.send({ type: 'user.finish' });
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(actor.getSnapshot().context.deviceStatuses.camera).toBe('offline');
  });

  it('when following the devices fails, every device counts as offline until the watch is back', () => {
    let attempts = 0;
    const failingOnce = fromCallback<DeviceHealthEvent>(({ sendBack }) => {
      attempts += 1;
      if (attempts === 1) throw new Error('bridge gone');
      sendBack({ type: 'device.status', device: 'document', status: 'online' });
      return () => {};
    });
    const machine = sessionMachine.provide({
      actors: {
        idCopy: twoStepFlow,
        deviceHealth: deviceHealthMachine.provide({ actors: { watchDevices: failingOnce } }),
      },
    });
    const actor = createActor(machine, {
      input: { timing, defaultLocale: 'zh-CN', flows: ['idCopy'], deviceStatuses: ALL_ONLINE },
    }).start();
    expect(actor.getSnapshot().context.deviceStatuses.document).toBe('offline');
    expect(actor.getSnapshot().can({ type: 'user.selectFlow', flow: 'idCopy' })).toBe(false);
    vi.advanceTimersByTime(5_000);
    expect(actor.getSnapshot().context.deviceStatuses.document).toBe('online');
    expect(actor.getSnapshot().context.deviceStatuses.camera).toBe('offline');
  });
});
