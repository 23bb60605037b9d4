import { assign, setup } from 'xstate';
import type { FlowInput } from '../../domain';
import type { FlowOutcome, FlowOutput } from '../../domain';

/** A two-step flow standing in for the real ones, to exercise how the session hosts a flow. */
export const twoStepFlow = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as { outcome: FlowOutcome; scanned: string | null; started: FlowInput },
    events: {} as
      { type: 'user.back' } | { type: 'user.next' } | { type: 'test.scanned'; code: string },
  },
}).createMachine({
  id: 'twoStep',
  context: ({ input }) => ({ outcome: 'back', scanned: null, started: input }),
  initial: 'first',
  on: { 'test.scanned': { actions: assign({ scanned: ({ event }) => event.code }) } },
  states: {
    first: { on: { 'user.next': 'second', 'user.back': 'ended' } },
    second: {
      on: {
        'user.next': { target: 'ended', actions: assign({ outcome: 'done' }) },
        'user.back': 'first',
      },
    },
    ended: { type: 'final' },
  },
  output: ({ context }) => ({ outcome: context.outcome }),
});
