import { documentsOf, type FlowParts, type FlowView } from '../flowModule';
import { LicencePrintView } from './LicencePrintView';
import { licenceMessages } from './messages';
import { wireLicencePrintFlow } from './wiring';

/** The flow's machine, view and words: loaded when its tile is first needed. */
const parts: FlowParts = {
  wire: (deps) => {
    const { registry, journal } = documentsOf(deps);
    return wireLicencePrintFlow(deps.devices, deps.config, registry, journal);
  },
  View: LicencePrintView as FlowView,
  messages: licenceMessages,
};
export default parts;
