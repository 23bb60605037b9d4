import { documentsOf, type FlowParts, type FlowView } from '../flowModule';
import { ProgressView } from './ProgressView';
import { progressMessages } from './messages';
import { wireProgressFlow } from './wiring';

/** The flow's machine, view and words: loaded when its tile is first needed. */
const parts: FlowParts = {
  wire: (deps) => {
    const { desk, journal, faceLockout } = documentsOf(deps);
    return wireProgressFlow(deps.devices, deps.config, desk, journal, {
      holderKeys: deps.holderKeys,
      faceLockout,
    });
  },
  View: ProgressView as FlowView,
  messages: progressMessages,
};
export default parts;
