import type { ContextFrom, EventFrom } from 'xstate';
import { DEPARTMENTS } from '../../../domain';
import { guideList, type guideMachine } from '../../../machines';
import { printJobsDelegate } from './printJobs';
import { busy, tapper, topBack, wait, type FlowDriver } from './types';

type Machine = typeof guideMachine;
type Context = ContextFrom<Machine>;
const tap = tapper<EventFrom<Machine>>();

const events: EventFrom<Machine>[] = [
  { type: 'user.department', department: null },
  { type: 'user.audience', audience: 'person' },
  { type: 'user.query', query: 'bdc' },
  { type: 'user.open', code: 'NO-SUCH-ITEM' },
  { type: 'user.close' },
  { type: 'user.print' },
  { type: 'user.queue' },
  { type: 'user.book' },
  { type: 'user.retry' },
  { type: 'user.done' },
  { type: 'user.back' },
];

const QUERIES = ['bdc', 'sb', 'gjj', '社保', 'shebao', '证明', 'zzz', ''];

/** 办事指南: filters, a search typed on the keyboard, a guide read, printed, or a number taken. */
export const guideDriver: FlowDriver<Context> = {
  events,
  delegates: { printing: printJobsDelegate },
  focused: ['browsing'],
  states: {
    loading: busy,
    failed: [
      [4, tap({ type: 'user.retry' })],
      [1, topBack],
    ],
    browsing: [
      [
        8,
        ({ context, rng }) => {
          const list = guideList(context);
          return list.length > 0
            ? tap({ type: 'user.open', code: rng.pick(list).code })
            : tap({ type: 'user.query', query: '' });
        },
      ],
      [
        2,
        ({ rng }) => tap({ type: 'user.department', department: rng.pick([null, ...DEPARTMENTS]) }),
      ],
      [
        1,
        ({ rng }) =>
          tap({ type: 'user.audience', audience: rng.pick([null, 'person', 'business'] as const) }),
      ],
      [2, ({ rng }) => tap({ type: 'user.query', query: rng.pick(QUERIES) })],
      [1, topBack],
      [1, wait],
    ],
    guide: [
      [5, tap({ type: 'user.print' })],
      [2, tap({ type: 'user.queue' })],
      [1, tap({ type: 'user.book' })],
      [2, tap({ type: 'user.close' })],
      [1, wait],
    ],
    printed: [
      [5, tap({ type: 'user.done' })],
      [1, tap({ type: 'user.close' })],
    ],
  },
};
