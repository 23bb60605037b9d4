import type { FlowParts, FlowView } from '../flowModule';
import { GuideView } from './GuideView';
import { guideMessages } from './messages';
import { wireGuideFlow } from './wiring';

/** The flow's machine, view and words: loaded when its tile is first needed. */
const parts: FlowParts = {
  wire: (deps) => wireGuideFlow(deps),
  View: GuideView as FlowView,
  messages: guideMessages,
};
export default parts;
