import { setup } from 'xstate';
import type { FlowInput, FlowOutput } from '../../domain';

/** The machine of the demo flow: two states, as small as a flow can be. */
export const demoMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    events: {} as { type: 'user.next' } | { type: 'user.back' },
  },
}).createMachine({
  id: 'demo',
  initial: 'showing',
  states: {
    showing: { on: { 'user.next': 'done', 'user.back': 'done' } },
    done: { type: 'final' },
  },
  output: (): FlowOutput => ({ outcome: 'done' }),
});
