import type { ContextFrom, EventFrom } from 'xstate';
import type { ItemsMachine } from '../../../machines';
import { identityDelegate } from './identity';
import { printJobsDelegate } from './printJobs';
import { busy, tapper, topBack, wait, type FlowDriver } from './types';

type Context = ContextFrom<ItemsMachine>;
const tap = tapper<EventFrom<ItemsMachine>>();

const events: EventFrom<ItemsMachine>[] = [
  { type: 'user.person' },
  { type: 'user.business' },
  { type: 'user.type', text: '91110105MA01YT7K01' },
  { type: 'user.confirm' },
  { type: 'user.choose', code: 'NO-SUCH-ITEM' },
  { type: 'user.field', id: 'phone', value: '13800138000' },
  { type: 'user.next' },
  { type: 'user.capture' },
  { type: 'user.skip' },
  { type: 'user.declare' },
  { type: 'user.print' },
  { type: 'user.queue' },
  { type: 'user.book' },
  { type: 'user.retry' },
  { type: 'user.done' },
  { type: 'user.back' },
];

/** 一证通办: a card (now and then a business's code), an item of each channel, done to the end. */
export const itemsDriver: FlowDriver<Context> = {
  events,
  delegates: { identifying: identityDelegate, printing: printJobsDelegate },
  focused: ['form', 'licence'],
  states: {
    starting: busy,
    loading: busy,
    enterprise: busy,
    eligible: busy,
    deciding: busy,
    submitting: busy,
    slip: busy,
    choose: [
      [6, tap({ type: 'user.person' })],
      [2, tap({ type: 'user.business' })],
      [1, topBack],
    ],
    licence: [
      [4, tap({ type: 'user.type', text: '91110105MA01YT7K01' })],
      [2, ({ rng }) => tap({ type: 'user.type', text: `9111${rng.int(0, 1e9)}` })],
      [4, tap({ type: 'user.confirm' })],
      [1, topBack],
    ],
    listing: [
      [
        8,
        ({ context, rng }) =>
          context.items.length > 0
            ? tap({ type: 'user.choose', code: rng.pick(context.items).code })
            : null,
      ],
      [1, topBack],
    ],
    decided: [
      [6, tap({ type: 'user.print' })],
      [2, tap({ type: 'user.done' })],
      [1, topBack],
    ],
    finished: [
      [4, tap({ type: 'user.done' })],
      [1, tap({ type: 'user.back' })],
    ],
    form: [
      [
        6,
        ({ context, rng }) => {
          const fields = context.item?.form ?? [];
          if (fields.length === 0) return null;
          const field = rng.pick(fields);
          return tap({
            type: 'user.field',
            id: field.id,
            value: field.kind === 'text' ? '测试' : String(rng.int(10_000_000, 99_999_999)),
          });
        },
      ],
      [4, tap({ type: 'user.next' })],
      [1, topBack],
    ],
    materials: [
      [6, tap({ type: 'user.capture' })],
      [2, tap({ type: 'user.skip' })],
      [1, topBack],
    ],
    declaring: [
      [6, tap({ type: 'user.declare' })],
      [1, topBack],
    ],
    submitFailed: [
      [4, tap({ type: 'user.retry' })],
      [1, topBack],
    ],
    submitted: [
      [4, tap({ type: 'user.done' })],
      [1, tap({ type: 'user.back' })],
    ],
    windowItem: [
      [3, tap({ type: 'user.queue' })],
      [1, tap({ type: 'user.book' })],
      [2, topBack],
    ],
    refused: [
      [3, tap({ type: 'user.back' })],
      [2, tap({ type: 'user.done' })],
    ],
    failed: [
      [4, tap({ type: 'user.retry' })],
      [1, topBack],
      [1, wait],
    ],
  },
};
