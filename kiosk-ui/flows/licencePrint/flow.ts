import { documentsOf, type FlowParts, type FlowView } from '../flowModule';
import { LicencePrintView } from './LicencePrintView';
import { licenceMessages } from './messages';
import { wireLicencePrintFlow } from './wiring';

/** The flow's machine, view and words: loaded when its tile is first needed. */
const parts: FlowParts = {
  wire: (deps) => {
    const { registry, journal, faceLockout } = documentsOf(deps);
    return wireLicencePrintFlow(deps.devices, deps.config, registry, journal, {
      holderKeys: deps.holderKeys,
      faceLockout,
    });
  },
  View: LicencePrintView as FlowView,
  messages: licenceMessages,
};
export default parts;
