import type { FlowParts, FlowView } from '../flowModule';
import { IdCopyView } from './IdCopyView';
import { idCopyMessages } from './messages';
import { wireIdCopyFlow } from './wiring';

/** The flow's machine, view and words: loaded when its tile is first needed. */
const parts: FlowParts = {
  wire: (deps) => wireIdCopyFlow(deps.devices, deps.config),
  View: IdCopyView as FlowView,
  messages: idCopyMessages,
};
export default parts;
