import type { FlowParts, FlowView } from '../flowModule';
import { RatingView } from './RatingView';
import { ratingMessages } from './messages';
import { wireRatingFlow } from './wiring';

/** The flow's machine, view and words: loaded when its tile or a finished flow first needs it. */
const parts: FlowParts = {
  wire: (deps) => wireRatingFlow(deps),
  View: RatingView as FlowView,
  messages: ratingMessages,
};
export default parts;
