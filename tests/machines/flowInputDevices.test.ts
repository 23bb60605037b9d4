import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { ALL_ONLINE, createSessionMachine, limitedFlows } from '../../machines';
import { twoStepFlow } from '../support/testFlow';

const timing = { idleSeconds: 90, elderlyIdleSeconds: 180, warningSeconds: 15, goodbyeSeconds: 10 };

describe('a flow with an optional device', () => {
  it('stays open while that device fails, and is told at start which devices do not work', () => {
    const machine = createSessionMachine(['lookup']).provide({
      actors: { lookup: twoStepFlow },
      actions: { wipeTraces: () => {} },
    });
    const actor = createActor(machine, {
      input: {
        timing,
        defaultLocale: 'zh-CN',
        flows: ['lookup'],
        requirements: { lookup: [] },
        deviceStatuses: { ...ALL_ONLINE, document: 'paper-out' },
      },
    }).start();
    actor.send({ type: 'user.wake' });
    actor.send({ type: 'user.selectFlow', flow: 'lookup' });
    const flow = actor.getSnapshot().children.flow;
    const started = (flow?.getSnapshot() as { context: { started: { unavailable?: unknown } } })
      .context.started;
    expect(started.unavailable).toEqual(['document']);
  });

  it('home learns what each flow cannot do now from the flows’ optional devices', () => {
    const statuses = { ...ALL_ONLINE, document: 'jam' as const, face: 'offline' as const };
    expect(
      limitedFlows(statuses, ['realEstate', 'queue'], {
        realEstate: ['document', 'idCard', 'face'],
        queue: [],
      }),
    ).toEqual({ realEstate: ['document', 'face'] });
  });
});
