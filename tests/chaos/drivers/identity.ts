import type { ContextFrom, EventFrom } from 'xstate';
import type { IdentityMachine } from '../../../machines';
import {
  busy,
  giveUp,
  otherCard,
  ownCard,
  childTapper,
  wait,
  type Delegate,
  type StateTable,
} from './types';

type Context = ContextFrom<IdentityMachine>;
const tapChild = childTapper<EventFrom<IdentityMachine>>('identity');

const retry = tapChild({ type: 'user.retry' });
const back = tapChild({ type: 'user.back' });

const states: StateTable<Context> = {
  verifying: busy,
  reading: [
    [8, ownCard],
    [1, otherCard],
    [1, back],
    [1, wait],
  ],
  readFailed: [
    [4, ownCard],
    [4, retry],
    [1, back],
  ],
  cardRefused: [
    [3, otherCard],
    [3, retry],
    [3, back],
    [1, giveUp('the card is refused')],
  ],
  faceRetry: [
    [8, retry],
    [1, back],
  ],
  faceFailed: [
    [6, retry],
    [2, back],
  ],
  refused: [
    [5, tapChild({ type: 'user.done' })],
    [2, back],
  ],
};

/** 人证核验, the child actor `identity` of the document flows: card, face ×3, refusal. */
export const identityDelegate: Delegate<Context> = { child: 'identity', states };
