import type { ContextFrom, EventFrom } from 'xstate';
import type { RealEstateMachine } from '../../../machines';
import { identityDelegate } from './identity';
import { printJobsDelegate } from './printJobs';
import { busy, tapper, topBack, type FlowDriver } from './types';

type Context = ContextFrom<RealEstateMachine>;
const tap = tapper<EventFrom<RealEstateMachine>>();

const events: EventFrom<RealEstateMachine>[] = [
  { type: 'user.pickAddress', part: 'no-such-place' },
  { type: 'user.identify' },
  { type: 'user.print' },
  { type: 'user.retry' },
  { type: 'user.done' },
  { type: 'user.back' },
];

/** 不动产查询: the address level by level, the public part, the owners' part after 人证核验, print. */
export const realEstateDriver: FlowDriver<Context> = {
  events,
  delegates: { identifying: identityDelegate, printing: printJobsDelegate },
  states: {
    starting: busy,
    picking: busy,
    lookingUp: busy,
    choosingAddress: [
      [
        10,
        ({ context, rng }) =>
          context.options.length > 0
            ? tap({ type: 'user.pickAddress', part: rng.pick(context.options) })
            : null,
      ],
      [1, topBack],
    ],
    notFound: [
      [3, topBack],
      [2, tap({ type: 'user.done' })],
    ],
    registryFailed: [
      [4, tap({ type: 'user.retry' })],
      [1, topBack],
      [1, tap({ type: 'user.done' })],
    ],
    result: [
      [5, tap({ type: 'user.print' })],
      [3, ({ context }) => (context.card === null ? tap({ type: 'user.identify' }) : null)],
      [2, topBack],
      [2, tap({ type: 'user.done' })],
    ],
    finished: [[1, tap({ type: 'user.done' })]],
  },
};
