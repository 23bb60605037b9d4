import type { ContextFrom, EventFrom } from 'xstate';
import type { QueueMachine } from '../../../machines';
import {
  busy,
  giveUp,
  otherCard,
  ownCard,
  takePaper,
  tapper,
  topBack,
  wait,
  type FlowDriver,
} from './types';

type Context = ContextFrom<QueueMachine>;
const tap = tapper<EventFrom<QueueMachine>>();

const events: EventFrom<QueueMachine>[] = [
  { type: 'user.selectService', code: 'tax' },
  { type: 'user.skipCard' },
  { type: 'user.choosePriority', priority: null },
  { type: 'user.retry' },
  { type: 'user.done' },
  { type: 'user.book' },
  { type: 'user.back' },
];

/** 取号: a service, the card (or not), priority, the number, the ticket. */
export const queueDriver: FlowDriver<Context> = {
  events,
  states: {
    loading: busy,
    allocating: busy,
    printing: busy,
    unavailable: [
      [4, tap({ type: 'user.retry' })],
      [2, topBack],
    ],
    afterHours: [
      [6, tap({ type: 'user.book' })],
      [2, tap({ type: 'user.done' })],
      [1, topBack],
    ],
    chooseService: [
      [
        10,
        ({ context, rng }) =>
          context.setup && context.setup.services.length > 0
            ? tap({ type: 'user.selectService', code: rng.pick(context.setup.services).code })
            : null,
      ],
      [1, topBack],
    ],
    identify: [
      [8, ownCard],
      [1, otherCard],
      [
        3,
        ({ context }) =>
          context.service?.requiresIdCard === false ? tap({ type: 'user.skipCard' }) : null,
      ],
      [1, topBack],
      [2, wait],
    ],
    identifyFailed: [
      [5, tap({ type: 'user.retry' })],
      [3, ownCard],
      [1, topBack],
    ],
    cardRefused: [
      [3, tap({ type: 'user.retry' })],
      [2, otherCard],
      [3, topBack],
      [1, giveUp('the card is refused')],
    ],
    choosePriority: [
      [6, tap({ type: 'user.choosePriority', priority: null })],
      [1, tap({ type: 'user.choosePriority', priority: 'disability' })],
      [1, tap({ type: 'user.choosePriority', priority: 'military' })],
      [1, topBack],
    ],
    allocationFailed: [
      [4, tap({ type: 'user.retry' })],
      [2, topBack],
    ],
    refused: [
      [5, tap({ type: 'user.done' })],
      [2, topBack],
    ],
    printFailed: [
      [5, tap({ type: 'user.retry' })],
      [4, tap({ type: 'user.done' })],
      [1, giveUp('remembers the number on screen')],
    ],
    showNumber: [
      [6, takePaper],
      [8, tap({ type: 'user.done' })],
    ],
  },
};
