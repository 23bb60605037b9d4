import { documentsOf, type FlowParts, type FlowView } from '../flowModule';
import { RealEstateView } from './RealEstateView';
import { realEstateMessages } from './messages';
import { wireRealEstateFlow } from './wiring';

/** The flow's machine, view and words: loaded when its tile is first needed. */
const parts: FlowParts = {
  wire: (deps) => {
    const { registry, journal, faceLockout } = documentsOf(deps);
    return wireRealEstateFlow(deps.devices, deps.config, registry, journal, {
      holderKeys: deps.holderKeys,
      faceLockout,
    });
  },
  View: RealEstateView as FlowView,
  messages: realEstateMessages,
};
export default parts;
