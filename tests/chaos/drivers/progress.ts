import type { ContextFrom, EventFrom } from 'xstate';
import type { ProgressMachine } from '../../../machines';
import { identityDelegate } from './identity';
import { printJobsDelegate } from './printJobs';
import { busy, tapper, topBack, wait, type FlowDriver } from './types';

type Context = ContextFrom<ProgressMachine>;
const tap = tapper<EventFrom<ProgressMachine>>();

const events: EventFrom<ProgressMachine>[] = [
  { type: 'user.byNumber' },
  { type: 'user.byCard' },
  { type: 'user.type', text: 'SQ1' },
  { type: 'user.lookUp' },
  { type: 'user.open', number: 'SQ000000000000000' },
  { type: 'user.identify' },
  { type: 'user.print' },
  { type: 'user.retry' },
  { type: 'user.done' },
  { type: 'user.back' },
];

/** 进度查询: by number (often mistyped), by card, an application read, a result printed. */
export const progressDriver: FlowDriver<Context> = {
  events,
  delegates: { identifying: identityDelegate, printing: printJobsDelegate },
  focused: ['asking'],
  states: {
    starting: busy,
    listing: busy,
    lookingUp: busy,
    asking: [
      [4, tap({ type: 'user.byCard' })],
      [3, tap({ type: 'user.byNumber' })],
      [2, ({ rng }) => tap({ type: 'user.type', text: `SQ${rng.int(0, 1e9)}${rng.int(0, 1e6)}` })],
      [2, tap({ type: 'user.lookUp' })],
      [1, topBack],
      [1, wait],
    ],
    list: [
      [
        6,
        ({ context, rng }) =>
          context.applications && context.applications.length > 0
            ? tap({ type: 'user.open', number: rng.pick(context.applications).number })
            : null,
      ],
      [1, topBack],
    ],
    detail: [
      [4, tap({ type: 'user.print' })],
      [2, tap({ type: 'user.identify' })],
      [2, tap({ type: 'user.done' })],
      [1, topBack],
    ],
    refused: [
      [3, tap({ type: 'user.back' })],
      [2, tap({ type: 'user.retry' })],
      [2, tap({ type: 'user.done' })],
    ],
    failed: [
      [4, tap({ type: 'user.retry' })],
      [1, topBack],
    ],
    finished: [[1, tap({ type: 'user.done' })]],
  },
};
