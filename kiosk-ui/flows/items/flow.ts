import { documentsOf, type FlowParts, type FlowView } from '../flowModule';
import { ItemsView } from './ItemsView';
import { itemsMessages } from './messages';
import { wireItemsFlow } from './wiring';

/** The flow's machine, view and words: loaded when its tile is first needed. */
const parts: FlowParts = {
  wire: (deps) => {
    const { desk, journal, faceLockout } = documentsOf(deps);
    return wireItemsFlow(deps.devices, deps.config, {
      catalog: deps.catalog,
      desk,
      journal,
      identity: { holderKeys: deps.holderKeys, faceLockout },
    });
  },
  View: ItemsView as FlowView,
  messages: itemsMessages,
};
export default parts;
