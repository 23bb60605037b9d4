import type { FlowParts, FlowView } from '../flowModule';
import { QueueView } from './QueueView';
import { queueMessages } from './messages';
import { wireQueueFlow } from './wiring';

/** The flow's machine, view and words: loaded when its tile is first needed. */
const parts: FlowParts = {
  wire: (deps) => wireQueueFlow(deps.devices, deps.queue, deps.config, deps.holderKeys),
  View: QueueView as FlowView,
  messages: queueMessages,
};
export default parts;
