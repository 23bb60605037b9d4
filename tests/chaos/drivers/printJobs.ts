import type { ContextFrom, EventFrom } from 'xstate';
import type { PrintJobsMachine } from '../../../machines';
import { busy, childTapper, type Delegate } from './types';

type Context = ContextFrom<PrintJobsMachine>;
const tapChild = childTapper<EventFrom<PrintJobsMachine>>('printing');

/** Printing sheet by sheet through the journal, the child actor `printing` of the document flows. */
export const printJobsDelegate: Delegate<Context> = {
  child: 'printing',
  states: {
    next: busy,
    printing: busy,
    done: busy,
    failed: [
      [6, ({ context }) => (context.uncertain ? null : tapChild({ type: 'user.retry' }))],
      [4, tapChild({ type: 'user.done' })],
    ],
  },
};
