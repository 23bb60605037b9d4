import type { ContextFrom, EventFrom } from 'xstate';
import type { IdCopyMachine } from '../../../machines';
import { busy, tapper, topBack, wait, type FlowDriver } from './types';

type Context = ContextFrom<IdCopyMachine>;
const tap = tapper<EventFrom<IdCopyMachine>>();

const events: EventFrom<IdCopyMachine>[] = [
  { type: 'user.capture' },
  { type: 'user.retake' },
  { type: 'user.print' },
  { type: 'user.retry' },
  { type: 'user.done' },
  { type: 'user.back' },
];

/** 身份证复印: front, back, preview, the A4 copy. */
export const idCopyDriver: FlowDriver<Context> = {
  events,
  states: {
    capturingFront: busy,
    capturingBack: busy,
    printing: busy,
    placeFront: [
      [8, tap({ type: 'user.capture' })],
      [1, topBack],
      [1, wait],
    ],
    placeBack: [
      [8, tap({ type: 'user.capture' })],
      [1, tap({ type: 'user.retake' })],
      [1, topBack],
    ],
    preview: [
      [8, tap({ type: 'user.print' })],
      [1, tap({ type: 'user.retake' })],
      [1, topBack],
    ],
    printFailed: [
      [5, tap({ type: 'user.retry' })],
      [2, topBack],
    ],
    takePaper: [[1, tap({ type: 'user.done' })]],
  },
};
